import { afterEach, describe, expect, it } from 'vitest'
import { ComToHomeFault, startComToHomeEmulator, type ComToHomeEmulator, type ComToHomeEmulatorOptions } from './comtohome.emulator'
import { seedFullRequest, seedMinimalRequest } from './comtohome.fixtures'

let emu: ComToHomeEmulator | null = null
afterEach(async () => {
  await emu?.close()
  emu = null
})

async function start(options?: ComToHomeEmulatorOptions): Promise<ComToHomeEmulator> {
  emu = await startComToHomeEmulator(options)
  return emu
}

type Sent = { body?: unknown; raw?: string; headers?: Record<string, string>; path?: string; method?: string; signal?: AbortSignal }

function send(e: ComToHomeEmulator, s: Sent = {}): Promise<Response> {
  return fetch(`${e.url}${s.path ?? '/api/v1/consignments'}`, {
    method: s.method ?? 'POST',
    headers: { 'content-type': 'application/json', apikey: 'demo-key', ...s.headers },
    body: (s.method ?? 'POST') === 'GET' ? undefined : (s.raw ?? JSON.stringify(s.body ?? seedMinimalRequest())),
    signal: s.signal,
  })
}

async function json(res: Response): Promise<any> {
  return JSON.parse(await res.text())
}

describe('ComToHome emulator: success (seed 001 response sample)', () => {
  it('answers with the seed shape, deterministic ids and a PDF label by default', async () => {
    const e = await start()
    const res = await send(e, { body: seedFullRequest() })
    expect(res.status).toBe(200)
    const body = await json(res)
    expect(Object.keys(body)).toEqual(['status', 'message', 'data'])
    expect(body.status).toBe(true)
    expect(body.message).toBe('Consignment created successfully')
    expect(Object.keys(body.data)).toEqual([
      'consignment',
      'barcode',
      'c2hBarcode',
      'providerTrackingCode',
      'trackingUrl',
      'contentType',
      'base64label',
      'detail',
    ])
    expect(body.data).toMatchObject({ consignment: 632280, c2hBarcode: 'C2H07238640094', barcode: 'YK0000632280', providerTrackingCode: 'YK0000632280' })
    expect(body.data.contentType).toBe('application/pdf')
    expect(Buffer.from(body.data.base64label, 'base64').subarray(0, 8).toString('latin1')).toBe('%PDF-1.4')
    expect(body.data.detail).toEqual({
      total_cost: 96.4,
      currency_code: 'TRY',
      currency_rate: 1,
      reference_no: 'SIP-20241217-084523',
      packages: { desi: 1.67, weight: 0.85, quantity: 1 },
    })
    expect(e.consignments).toHaveLength(1)
    expect(e.consignments[0]).toMatchObject({ consignment: 632280, referenceNo: 'SIP-20241217-084523', providerId: 1, body: seedFullRequest() })
  })

  it('returns ZPL for X-Label-Format application/zpl and PDF for an unsupported format', async () => {
    const e = await start({ firstConsignmentId: 10, firstC2hSerial: 1 })
    const zpl = await json(await send(e, { headers: { 'x-label-format': 'application/zpl' } }))
    expect(zpl.data.contentType).toBe('application/zpl')
    const label = Buffer.from(zpl.data.base64label, 'base64').toString('utf8')
    expect(label).toMatch(/^\^XA\n\^CI28[\s\S]*\^BC[^\n]*\^FDYK0000000010\^FS\n\^XZ$/)
    const png = await json(await send(e, { headers: { 'x-label-format': 'image/png' } }))
    expect(png.data.contentType).toBe('application/pdf')
    expect(png.data.c2hBarcode).toBe('C2H00000000002')
    // No reference_no sent: the detail echoes the provider barcode, as in the seed sample.
    expect(png.data.detail.reference_no).toBe(png.data.barcode)
  })

  it('uses the configured success status', async () => {
    const e = await start({ successStatus: 201 })
    expect((await send(e)).status).toBe(201)
  })
})

describe('ComToHome emulator: errors', () => {
  it.each([
    ['unknown path', 404, { path: '/api/v1/shipments' }],
    ['GET on the endpoint', 405, { method: 'GET' }],
    ['missing APIKEY', 401, { headers: { apikey: '' } }],
    ['unknown APIKEY', 401, { headers: { apikey: 'stolen' } }],
    ['body that is not JSON', 400, { raw: '{"provider_id": 1,' }],
  ] as Array<[string, number, Sent]>)('%s → %i with the error envelope, nothing created', async (_n, status, sent) => {
    const e = await start()
    const res = await send(e, sent)
    expect(res.status).toBe(status)
    const body = await json(res)
    expect(body.status).toBe(false)
    expect(body.errors).toHaveLength(1)
    expect(typeof body.errors[0].message).toBe('string')
    expect(e.consignments).toHaveLength(0)
  })

  it('answers field errors with 422 (configurable) and a duplicate reference after a success', async () => {
    const e = await start({ validationStatus: 400 })
    expect((await send(e, { body: seedFullRequest() })).status).toBe(200)
    const again = seedFullRequest()
    again.consignee.name = ''
    const res = await send(e, { body: again })
    expect(res.status).toBe(400)
    expect(await json(res)).toEqual({
      status: false,
      errors: [
        { message: 'SIP-20241217-084523 Referans numarası kullanılmaktadır.', field: 'reference_no' },
        { message: 'Bu değer boş bırakılmamalıdır.', field: 'consignee.name' },
      ],
    })
    expect(e.consignments).toHaveLength(1)
  })

  it('logs every request with the APIKEY redacted', async () => {
    const e = await start({ apiKeys: ['s3cret-key'] })
    await send(e, { headers: { apikey: 's3cret-key' } })
    expect(e.requests).toHaveLength(1)
    expect(e.requests[0]).toMatchObject({ method: 'POST', path: '/api/v1/consignments', status: 200, fault: null, replayed: false })
    expect(e.requests[0]?.headers.apikey).toBe('[redacted]')
    expect(JSON.stringify(e.requests)).not.toContain('s3cret-key')
  })
})

describe('ComToHome emulator: Idempotency-Key', () => {
  it('replays the stored answer byte for byte and creates once', async () => {
    const e = await start()
    const headers = { 'idempotency-key': 'k-1' }
    const first = await send(e, { headers, body: seedFullRequest() })
    const firstText = await first.text()
    // Same content, keys in another order: still the same request.
    const reordered = Object.fromEntries(Object.entries(seedFullRequest()).reverse())
    const second = await send(e, { headers, body: reordered })
    expect(second.status).toBe(first.status)
    expect(await second.text()).toBe(firstText)
    expect(e.consignments).toHaveLength(1)
    expect(e.requests.map((r) => r.replayed)).toEqual([false, true])
  })

  it('refuses the same key with a different body', async () => {
    const e = await start()
    await send(e, { headers: { 'idempotency-key': 'k-2' } })
    const changed = seedMinimalRequest()
    changed.packages[0].weight = 2
    const res = await send(e, { headers: { 'idempotency-key': 'k-2' }, body: changed })
    expect(res.status).toBe(422)
    expect((await json(res)).errors[0].field).toBe('Idempotency-Key')
    expect(e.consignments).toHaveLength(1)
  })

  it('does not store a validation failure: the corrected body goes through under the same key', async () => {
    const e = await start()
    const bad = seedMinimalRequest()
    bad.consignee.name = ''
    expect((await send(e, { headers: { 'idempotency-key': 'k-3' }, body: bad })).status).toBe(422)
    expect((await send(e, { headers: { 'idempotency-key': 'k-3' } })).status).toBe(200)
    expect(e.consignments).toHaveLength(1)
  })

  it("mode 'off' ignores the header", async () => {
    const e = await start({ idempotency: { mode: 'off' } })
    await send(e, { headers: { 'idempotency-key': 'k-4' } })
    await send(e, { headers: { 'idempotency-key': 'k-4' } })
    expect(e.consignments.map((c) => c.consignment)).toEqual([632280, 632281])
  })
})

describe('ComToHome emulator: rate limit (300 / 60 s sliding, per key)', () => {
  it('answers 429 with Retry-After once the window is full, and slides', async () => {
    let now = 0
    const e = await start({ apiKeys: ['a', 'b'], rateLimit: { limit: 3, windowMs: 60_000 }, now: () => now })
    const at = async (t: number, key = 'a') => {
      now = t
      const res = await send(e, { headers: { apikey: key }, body: { bad: true } })
      return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await json(res) }
    }
    expect((await at(0)).status).toBe(422)
    expect((await at(20_000)).status).toBe(422)
    expect((await at(40_000)).status).toBe(422)
    const limited = await at(45_000)
    expect(limited).toMatchObject({ status: 429, retryAfter: '15', body: { status: false } })
    expect((await at(45_000, 'b')).status).toBe(422) // another key has its own window
    expect((await at(60_001)).status).toBe(422) // the t=0 request left the window
    expect(await at(60_002)).toMatchObject({ status: 429, retryAfter: '20' })
  })

  it('defaults to 300 requests per minute', async () => {
    const e = await start({ now: () => 1_000 })
    const statuses = await Promise.all(Array.from({ length: 301 }, () => send(e, { raw: '{}' }).then((r) => r.status)))
    expect(statuses.filter((s) => s === 429)).toHaveLength(1)
  })
})

describe('ComToHome emulator: faults', () => {
  it('http500 and http429 answer without creating', async () => {
    const e = await start()
    e.queueFaults([ComToHomeFault.http500, ComToHomeFault.http429])
    const a = await send(e)
    expect(a.status).toBe(500)
    expect((await json(a)).status).toBe(false)
    const b = await send(e)
    expect(b.status).toBe(429)
    expect(b.headers.get('retry-after')).toBe('1')
    expect(e.consignments).toHaveLength(0)
    expect((await send(e)).status).toBe(200)
  })

  it('dropAfterCommit creates, then closes the socket unanswered', async () => {
    const e = await start()
    e.setFault(ComToHomeFault.dropAfterCommit, { times: 1 })
    await expect(send(e)).rejects.toThrow()
    expect(e.consignments).toHaveLength(1)
    expect(e.requests[0]).toMatchObject({ status: null, fault: 'dropAfterCommit' })
  })

  it('halfResponse creates, then cuts the body', async () => {
    const e = await start()
    e.setFault(ComToHomeFault.halfResponse, { times: 1 })
    const res = await send(e)
    expect(res.status).toBe(200)
    await expect(res.text()).rejects.toThrow()
    expect(e.consignments).toHaveLength(1)
  })

  it('malformedJson creates and answers a body that does not parse', async () => {
    const e = await start()
    e.setFault(ComToHomeFault.malformedJson, { times: 1 })
    const res = await send(e)
    await expect(res.json()).rejects.toThrow()
    expect(e.consignments).toHaveLength(1)
  })

  it('timeout never answers and creates nothing', async () => {
    const e = await start()
    e.setFault(ComToHomeFault.timeout)
    await expect(send(e, { signal: AbortSignal.timeout(200) })).rejects.toThrow()
    expect(e.consignments).toHaveLength(0)
    expect(e.requests[0]).toMatchObject({ status: null, fault: 'timeout' })
  })

  it('a fault set for N requests applies N times; null clears it', async () => {
    const e = await start()
    e.setFault(ComToHomeFault.http500, { times: 2 })
    expect([(await send(e)).status, (await send(e)).status, (await send(e)).status]).toEqual([500, 500, 200])
    e.setFault(ComToHomeFault.http500)
    expect((await send(e)).status).toBe(500)
    e.setFault(null)
    expect((await send(e)).status).toBe(200)
  })
})
