import { afterEach, describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../../../shared/errors'
import type { TrackingEvent } from '../../carriers/carrier.port'
import { signBody } from './webhook-guards'
import { startWebhookReceiver, type WebhookLogEntry, type WebhookReceiver, type WebhookReceiverOptions, type WebhookShipmentKeys } from './webhook-receiver'

let receiver: WebhookReceiver | null = null
afterEach(async () => {
  await receiver?.close()
  receiver = null
})

type Call = { carrierId: string; keys: WebhookShipmentKeys; events: readonly TrackingEvent[] }

async function start(over: Partial<WebhookReceiverOptions> = {}, answer: (c: Call) => Promise<'stored' | 'unknown'> = async () => 'stored') {
  const calls: Call[] = []
  const logs: WebhookLogEntry[] = []
  receiver = await startWebhookReceiver({
    kolaygelsin: { auth: KG_BASIC },
    aras: { auth: ARAS_AUTH },
    rateLimit: null,
    onEvents: (carrierId, keys, events) => {
      const c = { carrierId, keys, events }
      calls.push(c)
      return answer(c)
    },
    onLog: (e) => logs.push(e),
    ...over,
  })
  return { r: receiver, calls, logs }
}

const KG_BASIC = { scheme: 'basic', username: 'kg-user', password: 'kg-pass:1' } as const
const ARAS_AUTH = { username: 'aras-user', password: 'aras-secret' }
const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`
const KG_EVENT = {
  CargoEventType: '29',
  ShipmentId: '5001',
  ShipmentItemId: '7001',
  CustomerSpecificCode: 'KJABC',
  LocationName: 'ALICI ADRESİ',
  TimeStamp: '2026-11-25T14:00:00+03:00',
}
const kgHeaders = { 'content-type': 'application/json', authorization: basic('kg-user', 'kg-pass:1') }
const arasFields = (over: Record<string, string> = {}) => ({
  IntegrationCode: '1234567890123456',
  CargoStatus: '6',
  ProcessDate: '25.11.2026 14:30:00',
  Description: 'Teslim edildi',
  UserName: 'aras-user',
  Password: 'aras-secret',
  ...over,
})
const arasSoap = (f = arasFields()) =>
  `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><CargoStatusPush xmlns="http://tempuri.org/">${Object.entries(
    f,
  )
    .map(([k, v]) => `<${k}>${v}</${k}>`)
    .join('')}</CargoStatusPush></soap:Body></soap:Envelope>`
const SOAP_HEADERS = { 'content-type': 'text/xml; charset=utf-8', soapaction: '"http://tempuri.org/CargoStatusPush"' }

async function post(path: string, body: string, headers: Record<string, string> = {}, method = 'POST') {
  const res = await fetch(`${receiver!.url}${path}`, { method, headers, body: method === 'GET' ? undefined : body })
  return { status: res.status, headers: res.headers, text: await res.text() }
}

describe('Kolay Gelsin route', () => {
  it('a good Basic post → 200; the events reach onEvents keyed by ShipmentId, without the KG-only fields', async () => {
    const { r, calls } = await start()
    const res = await post('/webhooks/kolaygelsin', JSON.stringify(KG_EVENT), kgHeaders)
    expect(res.status).toBe(200)
    expect(JSON.parse(res.text)).toEqual({ ok: true, stored: 1, unknown: 0 })
    expect(calls).toEqual([
      {
        carrierId: 'kolaygelsin',
        keys: { carrierShipmentId: '5001', trackingNumber: '5001' },
        events: [{ status: 'delivered', rawCode: '29', rawText: expect.any(String), at: '2026-11-25T11:00:00.000Z', location: 'ALICI ADRESİ' }],
      },
    ])
    expect(r.stats).toMatchObject({ received: 1, stored: 1, unknown: 0 })
  })

  it('a list for two shipments → one onEvents call per shipment', async () => {
    const { calls } = await start()
    const body = JSON.stringify([KG_EVENT, { ...KG_EVENT, CargoEventType: '18' }, { ...KG_EVENT, ShipmentId: '5002' }])
    expect((await post('/webhooks/kolaygelsin', body, kgHeaders)).status).toBe(200)
    expect(calls.map((c) => [c.keys.carrierShipmentId, c.events.length])).toEqual([
      ['5001', 2],
      ['5002', 1],
    ])
  })

  it.each([
    ['wrong Basic password', JSON.stringify(KG_EVENT), { ...kgHeaders, authorization: basic('kg-user', 'nope') }, 401, 'unauthorized', ErrorCode.carrierAuth],
    ['no Authorization', JSON.stringify(KG_EVENT), { 'content-type': 'application/json' }, 401, 'unauthorized', ErrorCode.carrierAuth],
    ['malformed JSON', '{"CargoEventType": ', kgHeaders, 400, 'badBody', ErrorCode.inputInvalid],
    ['an empty list', '[]', kgHeaders, 400, 'badBody', ErrorCode.inputInvalid],
    ['no CargoEventType', JSON.stringify({ ShipmentId: '5001' }), kgHeaders, 400, 'badBody', ErrorCode.inputInvalid],
  ] as const)('%s → %i, counted, nothing stored', async (_name, body, headers, status, reason, code) => {
    const { r, calls, logs } = await start()
    const res = await post('/webhooks/kolaygelsin', body, headers)
    expect(res.status).toBe(status)
    expect(JSON.parse(res.text)).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(/Kolay Gelsin webhook/) } })
    expect(calls).toEqual([])
    expect(r.stats.refused[reason]).toBe(1)
    expect(JSON.stringify(logs)).not.toContain('kg-pass')
  })

  it('hash scheme: a missing hash header → 401; the configured header passes', async () => {
    const { calls } = await start({ kolaygelsin: { auth: { scheme: 'hash', value: 'h4sh', headerName: 'x-kg-hash' } } })
    expect((await post('/webhooks/kolaygelsin', JSON.stringify(KG_EVENT), { 'content-type': 'application/json' })).status).toBe(401)
    expect((await post('/webhooks/kolaygelsin', JSON.stringify(KG_EVENT), { 'content-type': 'application/json', 'x-kg-hash': 'h4sh' })).status).toBe(200)
    expect(calls).toHaveLength(1)
  })
})

describe('Aras route', () => {
  it('SOAP in → SOAP Result true out; keyed by IntegrationCode', async () => {
    const { calls } = await start()
    const res = await post('/webhooks/aras', arasSoap(), SOAP_HEADERS)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/)
    expect(res.text).toContain(
      '<CargoStatusPushResponse xmlns="http://tempuri.org/"><CargoStatusPushResult><Result>true</Result><ErrorDescription /></CargoStatusPushResult></CargoStatusPushResponse>',
    )
    expect(calls).toEqual([
      {
        carrierId: 'aras',
        keys: { carrierShipmentId: '1234567890123456', trackingNumber: '1234567890123456' },
        events: [{ status: 'delivered', rawCode: 'DURUM_KODU:6', rawText: 'Teslim edildi', at: '2026-11-25T11:30:00.000Z', location: null }],
      },
    ])
  })

  it.each([
    [
      'wrong password (SOAP)',
      arasSoap(arasFields({ Password: 'guess' })),
      SOAP_HEADERS,
      401,
      'unauthorized',
      /<Result>false<\/Result><ErrorDescription>Aras push refused: wrong UserName or Password/,
    ],
    [
      'malformed SOAP',
      arasSoap().slice(0, -30),
      SOAP_HEADERS,
      400,
      'badBody',
      /<Result>false<\/Result><ErrorDescription>Aras push body is unusable: not well-formed XML/,
    ],
    ['SOAP without CargoStatus', arasSoap(arasFields({ CargoStatus: '' })), SOAP_HEADERS, 400, 'badBody', /CargoStatus is empty/],
    [
      'malformed JSON',
      '{"IntegrationCode":',
      { 'content-type': 'application/json' },
      400,
      'badBody',
      /"Result":false,"ErrorDescription":"Aras push body is unusable: not JSON"/,
    ],
  ] as const)('%s → %i in the caller’s format', async (_name, body, headers, status, reason, reply) => {
    const { r, calls, logs } = await start()
    const res = await post('/webhooks/aras', body, headers)
    expect(res.status).toBe(status)
    expect(res.text).toMatch(reply)
    expect(calls).toEqual([])
    expect(r.stats.refused[reason]).toBe(1)
    const logged = JSON.stringify(logs)
    expect(logged).not.toContain('aras-secret')
    expect(logged).not.toContain('guess')
  })

  it('an unknown shipment → 200 Result true (no endless retries), logged with the password redacted', async () => {
    const { r, logs } = await start({}, async () => 'unknown')
    const res = await post('/webhooks/aras', JSON.stringify(arasFields()), { 'content-type': 'application/json' })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.text)).toEqual({ Result: true, ErrorDescription: '' })
    expect(r.stats).toMatchObject({ stored: 0, unknown: 1 })
    const entry = logs.find((l) => l.outcome === 'unknown')
    expect(entry?.bodyExcerpt).toContain('1234567890123456')
    expect(entry?.bodyExcerpt).toContain('[redacted]')
    expect(JSON.stringify(logs)).not.toContain('aras-secret')
  })
})

describe('guards in front of the routes', () => {
  it('HMAC signature required on a route: missing → 401, wrong → 401, right → 200', async () => {
    const secret = 'relay-secret'
    const { r, calls, logs } = await start({ aras: { auth: ARAS_AUTH, signature: { headerName: 'X-Signature', secret, prefix: 'sha256=' } } })
    const body = arasSoap()
    expect((await post('/webhooks/aras', body, SOAP_HEADERS)).status).toBe(401)
    expect((await post('/webhooks/aras', body, { ...SOAP_HEADERS, 'x-signature': `sha256=${signBody(body + ' ', secret)}` })).status).toBe(401)
    expect(r.stats.refused.badSignature).toBe(2)
    expect(calls).toEqual([])
    expect((await post('/webhooks/aras', body, { ...SOAP_HEADERS, 'x-signature': `sha256=${signBody(body, secret)}` })).status).toBe(200)
    expect(calls).toHaveLength(1)
    expect((await post('/webhooks/kolaygelsin', JSON.stringify(KG_EVENT), kgHeaders)).status).toBe(200) // not required there
    expect(JSON.stringify(logs)).not.toContain(secret)
  })

  it('a caller not on the allow-list → 403 before anything is read', async () => {
    const { r, calls } = await start({ allowIps: ['95.0.169.14', '10.0.0.0/8'] })
    const res = await post('/webhooks/kolaygelsin', JSON.stringify(KG_EVENT), kgHeaders)
    expect(res.status).toBe(403)
    expect(JSON.parse(res.text).error.code).toBe(ErrorCode.carrierAuth)
    expect(r.stats.refused.ipNotAllowed).toBe(1)
    expect(calls).toEqual([])
  })

  it('127.0.0.1 on the list (IPv4 or its ::ffff: form) is let in', async () => {
    for (const allowIps of [['127.0.0.1'], ['::ffff:127.0.0.1'], ['127.0.0.0/8']]) {
      const { r } = await start({ allowIps })
      expect((await post('/webhooks/kolaygelsin', JSON.stringify(KG_EVENT), kgHeaders)).status).toBe(200)
      await r.close()
      receiver = null
    }
  })

  it('an oversize body → 413', async () => {
    const { r, calls } = await start({ maxBodyBytes: 1024 })
    const res = await post('/webhooks/kolaygelsin', JSON.stringify({ ...KG_EVENT, LocationName: 'x'.repeat(5000) }), kgHeaders)
    expect(res.status).toBe(413)
    expect(r.stats.refused.tooLarge).toBe(1)
    expect(calls).toEqual([])
  })

  it('GET → 405 with Allow: POST; unknown path and an unconfigured carrier → 404', async () => {
    const { r, calls } = await start({ aras: null })
    const get = await post('/webhooks/kolaygelsin', '', {}, 'GET')
    expect(get.status).toBe(405)
    expect(get.headers.get('allow')).toBe('POST')
    expect((await post('/webhooks/yurtici', '{}')).status).toBe(404)
    expect((await post('/webhooks/aras', arasSoap(), SOAP_HEADERS)).status).toBe(404)
    expect(r.stats.refused).toMatchObject({ methodNotAllowed: 1, notFound: 2 })
    expect(calls).toEqual([])
  })

  it('per-IP rate limit → 429 with Retry-After', async () => {
    const { r } = await start({ rateLimit: { limit: 2, windowMs: 60_000 } })
    const send = () => post('/webhooks/kolaygelsin', JSON.stringify(KG_EVENT), kgHeaders)
    expect([(await send()).status, (await send()).status]).toEqual([200, 200])
    const third = await send()
    expect(third.status).toBe(429)
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(r.stats.refused.rateLimited).toBe(1)
  })
})

describe('idempotency and failures', () => {
  it('the same post twice → stored once, the second answered from the replay window', async () => {
    const { r, calls } = await start()
    const a = await post('/webhooks/kolaygelsin', JSON.stringify(KG_EVENT), kgHeaders)
    const b = await post('/webhooks/kolaygelsin', JSON.stringify(KG_EVENT), kgHeaders)
    expect([a.status, b.status]).toEqual([200, 200])
    expect(JSON.parse(b.text)).toEqual({ ok: true, duplicate: true })
    expect(calls).toHaveLength(1)
    expect(r.stats).toMatchObject({ stored: 1, duplicates: 1 })
  })

  it('storing fails → 500 so the carrier retries; the retry is not taken for a duplicate', async () => {
    let fail = true
    const { r, calls } = await start({}, async () => {
      if (fail) throw new AppError(ErrorCode.internal, 'database is locked')
      return 'stored'
    })
    const first = await post('/webhooks/aras', arasSoap(), SOAP_HEADERS)
    expect(first.status).toBe(500)
    expect(first.text).toContain('<Result>false</Result>')
    fail = false
    expect((await post('/webhooks/aras', arasSoap(), SOAP_HEADERS)).status).toBe(200)
    expect(calls).toHaveLength(2)
    expect(r.stats).toMatchObject({ failed: 1, stored: 1, duplicates: 0 })
  })
})

describe('configuration', () => {
  it.each([
    ['Kolay Gelsin without any auth, signature or allow-list', { kolaygelsin: { auth: { scheme: 'none' } } }],
    ['an empty Aras password', { aras: { auth: { username: 'a', password: '' } } }],
    ['an empty Basic password', { kolaygelsin: { auth: { scheme: 'basic', username: 'a', password: '' } } }],
    ['a signature without a secret', { aras: { auth: ARAS_AUTH, signature: { headerName: 'x-sig', secret: '' } } }],
    ['a bad allow-list entry', { allowIps: ['10.0.0.0/99'] }],
  ] as const)('refuses %s (input.invalid), listening on nothing', async (_name, over) => {
    const err = await startWebhookReceiver({ onEvents: async () => 'stored', ...(over as Partial<WebhookReceiverOptions>) }).then(
      (r) => r.close().then(() => null),
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe(ErrorCode.inputInvalid)
  })

  it('Kolay Gelsin without auth is allowed behind an allow-list', async () => {
    const { calls } = await start({ kolaygelsin: { auth: { scheme: 'none' } }, allowIps: ['127.0.0.1'] })
    expect((await post('/webhooks/kolaygelsin', JSON.stringify(KG_EVENT), { 'content-type': 'application/json' })).status).toBe(200)
    expect(calls).toHaveLength(1)
  })
})
