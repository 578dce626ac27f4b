import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../../shared/errors'
import { arasFaultError, arasResultError, type ArasResultTable } from './aras.errors'

const V = [ErrorCode.carrierValidation, false] as const

describe('every documented ResultCode → ErrorCode + retryable', () => {
  it.each([
    ['SetOrder', '934', ...V],
    ['SetOrder', '935', ...V],
    ['SetOrder', '936', ...V],
    ['SetOrder', '1000', ErrorCode.carrierAuth, false],
    ['SetOrder', '1002', ErrorCode.carrierAuth, false],
    ['SetOrder', '1003', ErrorCode.carrierServiceUnsupported, false],
    ['SetOrder', '1006', ErrorCode.carrierServiceUnsupported, false],
    ...['5000', '5001', '5002', '5003', '5004', '5005', '5006', '5007', '5008'].map((c) => ['SetOrder', c, ErrorCode.carrierUnavailable, true] as const),
    ['SetOrder', '60020', ...V],
    ['SetOrder', '60022', ErrorCode.carrierDuplicateReference, false],
    ...['70018', '70019', '70021', '70022', '70023', '70024', '70025', '70026', '70027', '70028', '70121'].map((c) => ['SetOrder', c, ...V] as const),
    ['CancelDispatch', '999', ErrorCode.carrierNotCancellable, false],
    ['CancelDispatch', '936', ErrorCode.carrierUnavailable, true],
    ['CancelDispatch', '-1', ErrorCode.carrierNotFound, false],
    ['CancelDispatch', '-2', ErrorCode.carrierAuth, false],
    ['GetBarcode', '1000', ErrorCode.carrierAuth, false],
    ['GetBarcode', '1004', ErrorCode.carrierUnavailable, true],
  ] as const)('%s %s → %s (retryable %s)', (op, code, errorCode, retryable) => {
    const err = arasResultError(op as ArasResultTable, code, 'mesaj')
    expect(err).toMatchObject({ code: errorCode, retryable, meta: { resultCode: code, operation: op } })
    expect(err.meta.unknownResultCode).toBeUndefined()
    expect(err.message).toContain(`(${code}): mesaj`)
  })

  it('an undocumented code is a refusal, not retried, and says so', () => {
    const err = arasResultError('SetOrder', '4242', '')
    expect(err).toMatchObject({ code: ErrorCode.carrierValidation, retryable: false, meta: { unknownResultCode: true } })
    expect(err.message).toContain('ResultCode 4242')
  })
})

describe('SOAP faults', () => {
  it.each([
    ['soap:Server', 'Server was unable to process request. ---> Kullanıcı adı veya şifre hatalı.', ErrorCode.carrierAuth, false],
    ['soap:Client', 'Server did not recognize the value of HTTP Header SOAPAction: x.', ErrorCode.carrierValidation, false],
    ['a:ActionNotSupported', 'ContractFilter mismatch', ErrorCode.carrierValidation, false],
    ['soap:VersionMismatch', 'Possible SOAP version mismatch', ErrorCode.carrierValidation, false],
    ['soap:Server', 'Server was unable to process request. ---> Object reference not set', ErrorCode.carrierUnavailable, true],
    ['s:Receiver', 'boom', ErrorCode.carrierUnavailable, true],
  ] as const)('%s "%s" → %s', (faultcode, faultstring, code, retryable) => {
    expect(arasFaultError({ faultcode, faultstring }, 'SetOrder', 500)).toMatchObject({ code, retryable, meta: { faultcode, httpStatus: 500 } })
  })
})
