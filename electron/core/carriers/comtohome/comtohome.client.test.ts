import { createServer } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { failure } from '../../../../tests/support/app-error'
import { seedFullRequest, seedMinimalRequest } from '../../../../sandbox/comtohome/comtohome.fixtures'
import { ComToHomeFault, startComToHomeEmulator, type ComToHomeEmulator } from '../../../../sandbox/comtohome/comtohome.emulator'
import { ErrorCode } from '../../../../shared/errors'
import { createConsignment, fieldErrorsToAppError, type ConsignmentCallOptions } from './comtohome.client'
import type { ConsignmentRequest } from './comtohome.schemas'

// Contract tests: the real client over real HTTP against the seed-faithful emulator.
let emu: ComToHomeEmulator
let limited: ComToHomeEmulator
beforeAll(async () => {
  emu = await startComToHomeEmulator()
  limited = await startComToHomeEmulator({ rateLimit: { limit: 1, windowMs: 60_000 } })
})
afterAll(async () => {
  await emu.close()
  await limited.close()
})
beforeEach(() => emu.setFault(null))

let n = 0
function opts(over: Partial<ConsignmentCallOptions> = {}): ConsignmentCallOptions {
  return { baseUrl: emu.url, apiKey: 'demo-key', labelFormat: 'pdf', idempotencyKey: `key-${++n}`, timeoutMs: 2000, ...over }
}

/** A valid body with a reference nobody used yet. */
function body(mutate: (b: Record<string, any>) => void = () => {}): ConsignmentRequest {
  const b = seedFullRequest()
  b.reference_no = `REF-${++n}`
  mutate(b)
  return b as ConsignmentRequest
}

describe('createConsignment: success', () => {
  it('sends the seed headers and returns a validated ZPL label', async () => {
    const data = await createConsignment(body(), opts({ labelFormat: 'zpl', idempotencyKey: 'zpl-1' }))
    expect(data.contentType).toBe('application/zpl')
    expect(Buffer.from(data.base64label, 'base64').toString('utf8')).toMatch(/^\^XA[\s\S]*\^XZ$/)
    expect(data.c2hBarcode).toMatch(/^C2H\d{11}$/)
    const seen = emu.requests.at(-1)
    expect(seen?.headers).toMatchObject({
      apikey: '[redacted]',
      'x-label-format': 'application/zpl',
      'idempotency-key': 'zpl-1',
      'content-type': 'application/json',
    })
  })

  it('asks for PDF with application/pdf', async () => {
    const data = await createConsignment(body(), opts({ labelFormat: 'pdf' }))
    expect(data.contentType).toBe('application/pdf')
    expect(Buffer.from(data.base64label, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(data.detail).toMatchObject({ currency_code: 'TRY', total_cost: 96.4 })
  })
})

describe('createConsignment: every failure has its code and retryable flag', () => {
  const cases: Array<[string, ErrorCode, boolean, () => Promise<unknown>]> = [
    ['unknown API key', ErrorCode.carrierAuth, false, () => createConsignment(body(), opts({ apiKey: 'nope' }))],
    [
      'blank consignee.name',
      ErrorCode.carrierValidation,
      false,
      () =>
        createConsignment(
          body((b) => (b.consignee.name = '')),
          opts(),
        ),
    ],
    [
      'provider not defined',
      ErrorCode.carrierProviderNotDefined,
      false,
      () =>
        createConsignment(
          body((b) => (b.provider_id = 99)),
          opts(),
        ),
    ],
    [
      'service unsupported',
      ErrorCode.carrierServiceUnsupported,
      false,
      () =>
        createConsignment(
          body((b) => ((b.provider_id = 4), (b.special_services = [{ service_type: 'CASH_ON_DELIVERY', details: { method: 'CASH', amount: 5 } }]))),
          opts(),
        ),
    ],
    [
      'il not found',
      ErrorCode.carrierAddressUnresolved,
      false,
      () =>
        createConsignment(
          body((b) => (b.consignee.state = 'Atlantis')),
          opts(),
        ),
    ],
    [
      'blank il is plain validation',
      ErrorCode.carrierValidation,
      false,
      () =>
        createConsignment(
          body((b) => (b.consignee.state = '')),
          opts(),
        ),
    ],
  ]
  it.each(cases)('%s → %s (retryable %s)', async (_name, code, retryable, call) => {
    const err = await failure(call())
    expect(err.code).toBe(code)
    expect(err.retryable).toBe(retryable)
  })

  it('carries every field error in meta.fieldErrors', async () => {
    const err = await failure(
      createConsignment(
        body((b) => ((b.consignee.name = ''), (b.packages[0].weight = 'x'))),
        opts(),
      ),
    )
    expect(err.meta.fieldErrors).toEqual([
      { field: 'consignee.name', message: 'Bu değer boş bırakılmamalıdır.' },
      { field: 'packages[0].weight', message: 'Bu değerin tipi float olmalıdır.' },
    ])
    expect(err.meta.httpStatus).toBe(422)
  })

  it('duplicate reference_no → carrier.duplicateReference', async () => {
    const b = body()
    await createConsignment(b, opts())
    const err = await failure(createConsignment(b, opts()))
    expect(err).toMatchObject({ code: ErrorCode.carrierDuplicateReference, retryable: false })
    expect(err.message).toContain(`${b.reference_no} Referans numarası kullanılmaktadır.`)
  })

  it('same Idempotency-Key with another body → carrier.validation', async () => {
    await createConsignment(body(), opts({ idempotencyKey: 'reused' }))
    const err = await failure(createConsignment(body(), opts({ idempotencyKey: 'reused' })))
    expect(err).toMatchObject({ code: ErrorCode.carrierValidation, retryable: false })
  })

  it.each([
    [ComToHomeFault.http500, ErrorCode.carrierUnavailable],
    [ComToHomeFault.dropAfterCommit, ErrorCode.carrierUnavailable],
    [ComToHomeFault.halfResponse, ErrorCode.carrierBadResponse],
    [ComToHomeFault.malformedJson, ErrorCode.carrierBadResponse],
  ])('fault %s → %s, retryable', async (fault, code) => {
    emu.setFault(fault, { times: 1 })
    const err = await failure(createConsignment(body(), opts()))
    expect(err).toMatchObject({ code, retryable: true })
  })

  it('timeout → carrier.timeout, retryable', async () => {
    emu.setFault(ComToHomeFault.timeout, { times: 1 })
    const err = await failure(createConsignment(body(), opts({ timeoutMs: 150 })))
    expect(err).toMatchObject({ code: ErrorCode.carrierTimeout, retryable: true, meta: { timeoutMs: 150 } })
  })

  it('429 fault → carrier.rateLimited with retryAfterMs from Retry-After', async () => {
    emu.setFault(ComToHomeFault.http429, { times: 1 })
    const err = await failure(createConsignment(body(), opts()))
    expect(err).toMatchObject({ code: ErrorCode.carrierRateLimited, retryable: true, meta: { retryAfterMs: 1000 } })
  })

  it('the real sliding-window limit → 429 with Retry-After 60 s', async () => {
    await createConsignment(body(), opts({ baseUrl: limited.url }))
    const err = await failure(createConsignment(body(), opts({ baseUrl: limited.url })))
    expect(err).toMatchObject({ code: ErrorCode.carrierRateLimited, retryable: true, meta: { retryAfterMs: 60_000 } })
  })

  it('connection refused → carrier.unavailable, retryable', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port
        s.close(() => resolve(p))
      })
    })
    const err = await failure(createConsignment(body(), opts({ baseUrl: `http://127.0.0.1:${port}` })))
    expect(err).toMatchObject({ code: ErrorCode.carrierUnavailable, retryable: true, meta: { networkCode: 'ECONNREFUSED' } })
  })

  it('a wrong base URL (404) → carrier.badResponse, not retryable', async () => {
    const err = await failure(createConsignment(body(), opts({ baseUrl: `${emu.url}/v2` })))
    expect(err).toMatchObject({ code: ErrorCode.carrierBadResponse, retryable: false, meta: { httpStatus: 404 } })
  })

  it("the caller's cancel is thrown as its own reason, not as a carrier error", async () => {
    emu.setFault(ComToHomeFault.timeout, { times: 1 })
    const controller = new AbortController()
    const call = createConsignment(body(), opts({ signal: controller.signal }))
    setTimeout(() => controller.abort(new Error('operator cancelled')), 20)
    await expect(call).rejects.toThrow('operator cancelled')
  })
})

// Retry-After parsing is tested once, in electron/core/net/retry-after.test.ts.
describe('fieldErrorsToAppError', () => {
  it('a duplicate reference wins over other field errors (the seed sample mixes them)', () => {
    const errors = [
      { field: 'reference_no', message: 'SIP-20241217-084523 Referans numarası kullanılmaktadır.' },
      { field: 'consignee.name', message: 'Bu değer boş bırakılmamalıdır.' },
    ]
    const err = fieldErrorsToAppError(errors, 422)
    expect(err).toMatchObject({ code: ErrorCode.carrierDuplicateReference, retryable: false, meta: { fieldErrors: errors } })
  })
})

it('the seed minimal sample passes the client request schema', async () => {
  const { consignmentRequestSchema } = await import('./comtohome.schemas')
  expect(consignmentRequestSchema.safeParse(seedMinimalRequest()).success).toBe(true)
  expect(consignmentRequestSchema.safeParse({ ...seedMinimalRequest(), provider_id: undefined }).success).toBe(false)
})
