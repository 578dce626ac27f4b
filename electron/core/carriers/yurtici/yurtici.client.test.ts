import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { failure } from '../../../../tests/support/app-error'
import { startYurticiEmulator, YkCode, YurticiFault, type YurticiEmulator } from '../../../../sandbox/yurtici/yurtici.emulator'
import { AppError, ErrorCode } from '../../../../shared/errors'
import type { CarrierExchange } from '../http/carrier-http'
import {
  callYurtici,
  cancelShipments,
  createShipments,
  queryShipments,
  redactPassword,
  saveReturnShipmentCode,
  type YurticiCallOptions,
} from './yurtici.client'
import { YurticiErrCode, yurticiErrorToAppError } from './yurtici.errors'
import type { ShippingOrderVO } from './yurtici.soap'

// Contract tests: the real client over real HTTP against the emulator (docs/reference/carriers.md §1, §14).
let emu: YurticiEmulator
let errCodeEmu: YurticiEmulator
beforeAll(async () => {
  emu = await startYurticiEmulator({
    users: [
      { username: 'YKTEST', password: 'YK', senderCustId: 1 },
      { username: 'GO', password: 'go', senderCustId: 2, paymentType: 'GO' },
      { username: 'OLD', password: 'old', senderCustId: 3, disabled: true },
    ],
    queryThrottle: { windowMs: 60_000 },
  })
  errCodeEmu = await startYurticiEmulator({ authFailure: 'errCode' })
})
afterAll(async () => {
  await emu.close()
  await errCodeEmu.close()
})
beforeEach(() => emu.setFault(null))

const creds = { username: 'YKTEST', password: 'YK' }
const opts = (over: Partial<YurticiCallOptions> = {}): YurticiCallOptions => ({ url: emu.url, timeoutMs: 2000, ...over })
let n = 0
function vo(over: Partial<ShippingOrderVO> = {}): ShippingOrderVO {
  n++
  return {
    cargoKey: `CK${n}`,
    invoiceKey: `INV${n}`,
    receiverCustName: 'Elif Kaya',
    receiverAddress: 'Cemal Gürsel Cad. No:42',
    cityName: 'İstanbul',
    townName: 'Kadıköy',
    receiverPhone1: '5359876543',
    taxOfficeId: 0,
    cargoCount: 1,
    ttDocumentId: 0,
    dcSelectedCredit: 0,
    dcCreditRule: 0,
    ...over,
  }
}
const cod = { ttCollectionType: '0', ttInvoiceAmount: 134.52, ttDocumentId: 123456789012, ttDocumentSaveType: '0' }
const card = { ...cod, ttCollectionType: '1', dcSelectedCredit: 3, dcCreditRule: 1 }

/** Sends one row and maps its errCode the way the adapter does. */
async function rowError(row: ShippingOrderVO, c = creds): Promise<AppError | null> {
  const r = await createShipments(c, [row], opts())
  const d = r.shippingOrderDetailVO[0]
  return d && d.errCode !== 0 ? yurticiErrorToAppError(d.errCode, d.errMessage) : null
}

describe('every documented row errCode, over the wire, mapped to its AppError', () => {
  const existing = vo()
  const cases: Array<[number, ErrorCode, () => Promise<AppError | null>]> = [
    [YurticiErrCode.cargoKeyMissing, ErrorCode.carrierValidation, () => rowError(vo({ cargoKey: '' }))],
    [YurticiErrCode.cargoKeyTooLong, ErrorCode.carrierValidation, () => rowError(vo({ cargoKey: 'K'.repeat(21) }))],
    [YurticiErrCode.cargoKeyExists, ErrorCode.carrierDuplicateReference, async () => (await rowError(existing), rowError(existing))],
    [YurticiErrCode.invoiceKeyMissing, ErrorCode.carrierValidation, () => rowError(vo({ invoiceKey: undefined }))],
    [YurticiErrCode.invoiceKeyInvalid, ErrorCode.carrierValidation, () => rowError(vo({ invoiceKey: 'I'.repeat(21) }))],
    [YurticiErrCode.nameMissing, ErrorCode.carrierValidation, () => rowError(vo({ receiverCustName: '' }))],
    [YurticiErrCode.nameInvalid, ErrorCode.carrierValidation, () => rowError(vo({ receiverCustName: 'Ece' }))],
    [YurticiErrCode.addressMissing, ErrorCode.carrierValidation, () => rowError(vo({ receiverAddress: undefined }))],
    [YurticiErrCode.addressInvalid, ErrorCode.carrierValidation, () => rowError(vo({ receiverAddress: 'Cad. 1' }))],
    [YurticiErrCode.codAmountMissing, ErrorCode.carrierValidation, () => rowError(vo({ ...cod, ttInvoiceAmount: undefined }))],
    [YurticiErrCode.codAmountInvalid, ErrorCode.carrierValidation, () => rowError(vo({ ...cod, ttInvoiceAmount: 0 }))],
    [YurticiErrCode.codDocumentIdMissing, ErrorCode.carrierValidation, () => rowError(vo({ ...cod, ttDocumentId: 0 }))],
    [YurticiErrCode.codDocumentSaveTypeMissing, ErrorCode.carrierValidation, () => rowError(vo({ ...cod, ttDocumentSaveType: undefined }))],
    [YurticiErrCode.installmentsMissing, ErrorCode.carrierValidation, () => rowError(vo({ ...card, dcSelectedCredit: 0 }))],
    [YurticiErrCode.creditRuleInvalid, ErrorCode.carrierValidation, () => rowError(vo({ ...card, dcCreditRule: 5 }))],
    [YurticiErrCode.installmentsInvalid, ErrorCode.carrierValidation, () => rowError(vo({ ...card, dcSelectedCredit: 24 }))],
    [YurticiErrCode.paymentTypeMismatch, ErrorCode.carrierServiceUnsupported, () => rowError(vo(cod), { username: 'GO', password: 'go' })],
    [YurticiErrCode.collectionTypeInvalid, ErrorCode.carrierValidation, () => rowError(vo({ ...cod, ttCollectionType: '3' }))],
    [YurticiErrCode.documentSaveTypeInvalid, ErrorCode.carrierValidation, () => rowError(vo({ ...cod, ttDocumentSaveType: '9' }))],
    [YurticiErrCode.emailInvalid, ErrorCode.carrierValidation, () => rowError(vo({ emailAddress: 'elif@example' }))],
    [YurticiErrCode.phoneInvalid, ErrorCode.carrierValidation, () => rowError(vo({ receiverPhone1: '05359876543' }))],
    [YurticiErrCode.formatInvalid, ErrorCode.carrierValidation, () => rowError(vo({ specialField1: 'Sipariş 12' }))],
  ]
  it.each(cases)('errCode %i → %s, not retryable', async (errCode, code, send) => {
    const err = await send()
    expect(err?.meta.errCode).toBe(errCode)
    expect(err).toMatchObject({ code, retryable: false })
    expect(err?.message).toMatch(new RegExp(`^Yurtiçi refused \\(${errCode}\\): \\S`))
  })
})

describe('yurticiErrorToAppError: the codes the emulator cannot provoke, and unknown ones', () => {
  it.each([
    [YurticiErrCode.unexpected, ErrorCode.carrierUnavailable, true],
    [YurticiErrCode.jobId, ErrorCode.carrierUnavailable, true],
    [YurticiErrCode.installmentsNotAllowed, ErrorCode.carrierValidation, false],
    [YurticiErrCode.cargoKeyNotFound, ErrorCode.notFound, false],
    [YurticiErrCode.alreadyCancelled, ErrorCode.carrierNotCancellable, false],
    [YurticiErrCode.authUnknownUser, ErrorCode.carrierAuth, false],
    [YurticiErrCode.authWrongPassword, ErrorCode.carrierAuth, false],
    [YurticiErrCode.authNotAuthorized, ErrorCode.carrierAuth, false],
    [12345, ErrorCode.carrierValidation, false],
  ])('%i → %s (retryable %s)', (errCode, code, retryable) => {
    const err = yurticiErrorToAppError(errCode, '')
    expect(err).toMatchObject({ code, retryable, meta: { errCode } })
    expect(err.meta.unknownErrCode).toBe(errCode === 12345 ? true : undefined)
  })
})

describe('result-level failures', () => {
  it.each([
    ['unknown user (fault)', { username: 'NOBODY', password: 'x' }, 1625],
    ['wrong password (fault)', { username: 'YKTEST', password: 'x' }, 1626],
    ['disabled user (fault)', { username: 'OLD', password: 'old' }, 80265],
  ])('%s → carrier.auth, not retryable', async (_n, c, errCode) => {
    const err = await failure(queryShipments(c, { keys: ['X'], keyType: 0, addHistoricalData: false, onlyTracking: false }, opts()))
    expect(err).toMatchObject({ code: ErrorCode.carrierAuth, retryable: false, meta: { errCode, httpStatus: 500, faultcode: 'S:Server' } })
  })

  it.each([
    ['createShipment', () => createShipments({ ...creds, password: 'x' }, [vo()], opts({ url: errCodeEmu.url }))],
    ['cancelShipment', () => cancelShipments({ ...creds, password: 'x' }, ['X'], opts({ url: errCodeEmu.url }))],
    [
      'saveReturnShipmentCode',
      () =>
        saveReturnShipmentCode(
          { ...creds, password: 'x' },
          { fieldName: '16', returnCode: 'R', startDate: '20250101', endDate: '20250102', maxCount: 1 },
          opts({ url: errCodeEmu.url }),
        ),
    ],
  ])('auth as outFlag 1 + errCode (%s) → carrier.auth', async (_n, call) => {
    expect(await failure(call())).toMatchObject({ code: ErrorCode.carrierAuth, retryable: false, meta: { errCode: 1626 } })
  })

  it('outFlag 2 (936 unexpected) → carrier.unavailable, retryable; nothing was stored', async () => {
    emu.setFault(YurticiFault.unexpectedError, { times: 1 })
    const row = vo()
    expect(await failure(createShipments(creds, [row], opts()))).toMatchObject({
      code: ErrorCode.carrierUnavailable,
      retryable: true,
      meta: { outFlag: 2, errCode: 936 },
    })
    expect(emu.shipments.some((s) => s.cargoKey === row.cargoKey)).toBe(false)
  })

  it('the one-minute query throttle → carrier.rateLimited, retryable after 60 s, when its code is configured', async () => {
    // Yurtiçi publishes no throttle code: the emulator's placeholder is passed as a station would configure one.
    const throttling = opts({ throttleErrCodes: [YkCode.throttled] })
    const q = { keys: ['THROTTLED'], keyType: 0 as const, addHistoricalData: false, onlyTracking: false }
    await queryShipments(creds, q, throttling)
    expect(await failure(queryShipments(creds, q, throttling))).toMatchObject({
      code: ErrorCode.carrierRateLimited,
      retryable: true,
      meta: { retryAfterMs: 60_000 },
    })
  })

  it('without a configured throttle code the throttle fault is a server fault, retried like any other', async () => {
    const q = { keys: ['THROTTLED-DEFAULT'], keyType: 0 as const, addHistoricalData: false, onlyTracking: false }
    await queryShipments(creds, q, opts())
    expect(await failure(queryShipments(creds, q, opts()))).toMatchObject({
      code: ErrorCode.carrierUnavailable,
      retryable: true,
      meta: { faultErrorCode: YkCode.throttled },
    })
  })

  it('saveReturnShipmentCode outFlag 1 → its errCode', async () => {
    const err = await failure(
      saveReturnShipmentCode(creds, { fieldName: '99', returnCode: 'R', startDate: '20250101', endDate: '20250102', maxCount: 1 }, opts()),
    )
    expect(err).toMatchObject({ code: ErrorCode.carrierValidation, retryable: false, meta: { errCode: 82517 } })
  })
})

describe('transport and envelope failures', () => {
  it.each([
    [YurticiFault.http500, ErrorCode.carrierUnavailable],
    [YurticiFault.http503, ErrorCode.carrierUnavailable],
    [YurticiFault.dropAfterCommit, ErrorCode.carrierUnavailable],
    [YurticiFault.halfResponse, ErrorCode.carrierBadResponse],
    [YurticiFault.malformedXml, ErrorCode.carrierBadResponse],
  ])('fault %s → %s, retryable', async (fault, code) => {
    emu.setFault(fault, { times: 1 })
    expect(await failure(createShipments(creds, [vo()], opts()))).toMatchObject({ code, retryable: true })
  })

  it('timeout → carrier.timeout, retryable', async () => {
    emu.setFault(YurticiFault.timeout, { times: 1 })
    expect(await failure(createShipments(creds, [vo()], opts({ timeoutMs: 150 })))).toMatchObject({
      code: ErrorCode.carrierTimeout,
      retryable: true,
      meta: { timeoutMs: 150 },
    })
  })

  it('connection refused → carrier.unavailable with the network code', async () => {
    const port = await new Promise<number>((done) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as AddressInfo).port
        s.close(() => done(p))
      })
    })
    expect(await failure(createShipments(creds, [vo()], opts({ url: `http://127.0.0.1:${port}/x` })))).toMatchObject({
      code: ErrorCode.carrierUnavailable,
      retryable: true,
      meta: { networkCode: 'ECONNREFUSED' },
    })
  })

  it('a wrong service URL (404) → carrier.badResponse, not retryable', async () => {
    expect(await failure(createShipments(creds, [vo()], opts({ url: `${emu.origin}/wrong` })))).toMatchObject({
      code: ErrorCode.carrierBadResponse,
      retryable: false,
      meta: { httpStatus: 404 },
    })
  })

  it('a Client fault (an envelope the server cannot bind) → carrier.validation, not retryable', async () => {
    const bad = `<?xml version="1.0"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ship="http://yurticikargo.com.tr/ShippingOrderDispatcherServices"><soapenv:Body><ship:createShipment><wsUserName>YKTEST</wsUserName><wsPassword>YK</wsPassword><ShippingOrderVO><desi>bir</desi></ShippingOrderVO></ship:createShipment></soapenv:Body></soapenv:Envelope>`
    expect(await failure(callYurtici('createShipment', bad, opts()))).toMatchObject({
      code: ErrorCode.carrierValidation,
      retryable: false,
      meta: { faultcode: 'S:Client', httpStatus: 500 },
    })
  })

  it("the caller's cancel is thrown as its own reason", async () => {
    emu.setFault(YurticiFault.timeout, { times: 1 })
    const controller = new AbortController()
    const call = createShipments(creds, [vo()], opts({ signal: controller.signal }))
    setTimeout(() => controller.abort(new Error('operator cancelled')), 20)
    await expect(call).rejects.toThrow('operator cancelled')
  })
})

describe('proxies and firewalls in front of the service', () => {
  let server: Server
  let url = ''
  let status = 403
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(status, status === 429 ? { 'retry-after': '7' } : {})
      res.end('<html>denied</html>')
    })
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/svc`
  })
  afterAll(() => new Promise<void>((done) => server.close(() => done())))

  it.each([
    [403, ErrorCode.carrierAuth, false],
    [401, ErrorCode.carrierAuth, false],
    [429, ErrorCode.carrierRateLimited, true],
    [502, ErrorCode.carrierUnavailable, true],
    [200, ErrorCode.carrierBadResponse, true],
  ])('HTTP %i with an HTML page → %s (retryable %s)', async (s, code, retryable) => {
    status = s
    const err = await failure(queryShipments(creds, { keys: ['X'], keyType: 0, addHistoricalData: false, onlyTracking: false }, opts({ url })))
    expect(err).toMatchObject({ code, retryable })
    if (s === 429) expect(err.meta.retryAfterMs).toBe(7000)
  })
})

it('hands every exchange to onExchange with the password redacted', async () => {
  const seen: CarrierExchange[] = []
  await createShipments({ username: 'YKTEST', password: 'YK' }, [vo()], opts({ onExchange: (x) => seen.push(x) }))
  await failure(createShipments({ username: 'YKTEST', password: 'wrong<&>' }, [vo()], opts({ onExchange: (x) => seen.push(x) })))
  expect(seen.map((x) => [x.operation, x.httpStatus, x.errorCode])).toEqual([
    ['createShipment', 200, null],
    ['createShipment', 500, ErrorCode.carrierAuth],
  ])
  expect(seen.every((x) => x.request.includes('<wsPassword>[redacted]</wsPassword>'))).toBe(true)
  expect(JSON.stringify(seen)).not.toMatch(/wrong|>YK</)
  expect(redactPassword('<a:wsPassword x="1">p</a:wsPassword>')).toBe('<a:wsPassword x="1">[redacted]</a:wsPassword>')
})
