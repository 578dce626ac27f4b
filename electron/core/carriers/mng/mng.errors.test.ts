import { describe, expect, it } from 'vitest'
import { MngErrorCode as EmuCode, MngMessage } from '../../../../sandbox/mng/mng.emulator'
import { ErrorCode } from '../../../../shared/errors'
import { classifyMngFault, MngErrorCode, MngFaultKind, mngFaultToAppError, NOT_READY_RETRY_MS, readMngFault } from './mng.errors'

const mng = (code: string, message: string, description = '') => JSON.stringify({ error: { Code: code, Message: message, Description: description } })
const gateway = (httpCode: number, httpMessage: string, moreInformation: string) => JSON.stringify({ httpCode: String(httpCode), httpMessage, moreInformation })

describe('documented codes and HTTP statuses → ErrorCode + retryable', () => {
  it.each([
    // §3 documented codes: they decide whatever the status or wording.
    [
      '3002 duplicate',
      400,
      mng(MngErrorCode.duplicateOrder, 'BU SİPARİS NUMARASINA AİT KAYIT ZATEN VAR!'),
      MngFaultKind.duplicate,
      ErrorCode.carrierDuplicateReference,
      false,
    ],
    ['3002 on a 500', 500, mng('3002', ''), MngFaultKind.duplicate, ErrorCode.carrierDuplicateReference, false],
    ['20001 not ready', 400, mng(MngErrorCode.destinationBranchNotFound, 'VARIŞ ŞUBESİ BULUNAMADI'), MngFaultKind.notReady, ErrorCode.carrierUnavailable, true],
    ['20001 worded, no code', 400, mng('', 'Varış şubesi bulunamadı'), MngFaultKind.notReady, ErrorCode.carrierUnavailable, true],
    // Gateway (IBM API Connect) bodies.
    ['invalid client id', 401, gateway(401, 'Unauthorized', 'Invalid client id or secret.'), MngFaultKind.appKeys, ErrorCode.carrierAuth, false],
    ['not subscribed', 401, gateway(401, 'Unauthorized', 'Client id not registered.'), MngFaultKind.appKeys, ErrorCode.carrierAuth, false],
    ['gateway JWT', 401, gateway(401, 'Unauthorized', 'JWT validation failed'), MngFaultKind.tokenRejected, ErrorCode.carrierAuth, false],
    ['gateway rate limit', 429, gateway(429, 'Too Many Requests', 'Rate Limit exceeded'), MngFaultKind.rateLimited, ErrorCode.carrierRateLimited, true],
    ['gateway unknown path', 404, gateway(404, 'Not Found', 'No resources match requested URI'), MngFaultKind.wrongPath, ErrorCode.carrierBadResponse, false],
    ['gateway 503', 503, gateway(503, 'Service Unavailable', 'Backend down'), MngFaultKind.unavailable, ErrorCode.carrierUnavailable, true],
    // HTTP statuses with MNG bodies or none.
    ['401 with MNG body', 401, mng(EmuCode.tokenInvalid, MngMessage.tokenInvalid), MngFaultKind.tokenRejected, ErrorCode.carrierAuth, false],
    ['403', 403, '', MngFaultKind.auth, ErrorCode.carrierAuth, false],
    ['429 plain', 429, '', MngFaultKind.rateLimited, ErrorCode.carrierRateLimited, true],
    ['500 HTML', 500, '<html>500</html>', MngFaultKind.unavailable, ErrorCode.carrierUnavailable, true],
    ['404 HTML', 404, '<html>nope</html>', MngFaultKind.wrongPath, ErrorCode.carrierBadResponse, false],
    ['404 empty', 404, '', MngFaultKind.notFound, ErrorCode.carrierNotFound, false],
    ['404 MNG body', 404, mng(EmuCode.recordNotFound, MngMessage.recordNotFound), MngFaultKind.notFound, ErrorCode.carrierNotFound, false],
    ['405', 405, '', MngFaultKind.wrongPath, ErrorCode.carrierBadResponse, false],
    ['cut JSON on a 400', 400, '{"error":{"Code":"90', MngFaultKind.garbled, ErrorCode.carrierBadResponse, true],
    // Undocumented codes: read from the message, Turkish or English.
    ['not found (400)', 400, mng(EmuCode.recordNotFound, MngMessage.recordNotFound), MngFaultKind.notFound, ErrorCode.carrierNotFound, false],
    ['not found English', 400, mng('77', 'Order not found'), MngFaultKind.notFound, ErrorCode.carrierNotFound, false],
    ['not cancellable', 400, mng(EmuCode.notCancellable, MngMessage.notCancellable), MngFaultKind.notCancellable, ErrorCode.carrierNotCancellable, false],
    [
      'order has shipment',
      400,
      mng(EmuCode.orderHasShipment, MngMessage.orderHasShipment),
      MngFaultKind.notCancellable,
      ErrorCode.carrierNotCancellable,
      false,
    ],
    [
      'barcode already made',
      400,
      mng(EmuCode.barcodeAlreadyCreated, MngMessage.barcodeAlreadyCreated),
      MngFaultKind.duplicate,
      ErrorCode.carrierDuplicateReference,
      false,
    ],
    ['bad il/ilçe code', 400, mng(EmuCode.validation, 'İL/İLÇE KODU GEÇERSİZ: 6/1'), MngFaultKind.address, ErrorCode.carrierAddressUnresolved, false],
    ['invalid city English', 400, mng('12', 'Invalid city code'), MngFaultKind.address, ErrorCode.carrierAddressUnresolved, false],
    ['login refused', 400, mng(EmuCode.loginFailed, MngMessage.loginFailed), MngFaultKind.auth, ErrorCode.carrierAuth, false],
    [
      'phone',
      400,
      mng(EmuCode.validation, 'TELEFON NUMARASI 10 HANE OLMALIDIR!', 'recipient.mobilePhoneNumber'),
      MngFaultKind.validation,
      ErrorCode.carrierValidation,
      false,
    ],
    ['unexplained', 400, mng('', 'İşlem başarısız'), MngFaultKind.validation, ErrorCode.carrierValidation, false],
    ['400 HTML', 400, '<html>bad</html>', MngFaultKind.validation, ErrorCode.carrierValidation, false],
  ] as const)('%s → %s', (_, status, body, kind, code, retryable) => {
    const fault = readMngFault(status, body)
    expect(classifyMngFault(fault)).toBe(kind)
    expect(mngFaultToAppError(fault, 'createOrder', { referenceId: 'KJ1' })).toMatchObject({
      code,
      retryable,
      meta: { operation: 'createOrder', httpStatus: status, faultKind: kind, referenceId: 'KJ1' },
    })
  })
})

describe('readMngFault', () => {
  it('reads both error shapes, either key spelling, and keeps Retry-After', () => {
    expect(readMngFault(400, JSON.stringify({ error: { code: 3002, message: 'x', description: 'y' } }))).toMatchObject({
      code: '3002',
      message: 'x',
      description: 'y',
      gateway: false,
      recognized: true,
    })
    expect(readMngFault(429, gateway(429, 'Too Many Requests', 'Rate Limit exceeded'), '7')).toMatchObject({
      gateway: true,
      message: 'Too Many Requests',
      retryAfterMs: 7000,
    })
    expect(readMngFault(502, '<html/>')).toMatchObject({ recognized: false, garbled: false, description: '<html/>' })
  })

  it('20001 carries the documented wait as retryAfterMs; MNG code and message stay in meta', () => {
    const err = mngFaultToAppError(readMngFault(400, mng('20001', 'VARIŞ ŞUBESİ BULUNAMADI', 'KJ1')), 'createbarcode')
    expect(err.meta).toMatchObject({ retryAfterMs: NOT_READY_RETRY_MS, mngCode: '20001', mngMessage: 'VARIŞ ŞUBESİ BULUNAMADI', mngDescription: 'KJ1' })
    expect(err.message).toContain('20001')
  })
})
