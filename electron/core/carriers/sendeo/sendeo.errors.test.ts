import { describe, expect, it } from 'vitest'
import { SendeoError } from '../../../../protocols/sendeo/sendeo.codes'
import { ErrorCode } from '../../../../shared/errors'
import { SENDEO_ERRORS, sendeoCodeOf, sendeoErrorToAppError } from './sendeo.errors'

const E = ErrorCode
const TABLE: readonly (readonly [number, ErrorCode])[] = [
  [102, E.carrierValidation],
  [103, E.carrierValidation],
  [104, E.carrierValidation],
  [105, E.carrierValidation],
  [201, E.carrierValidation],
  [202, E.carrierValidation],
  [203, E.carrierAddressUnresolved],
  [204, E.carrierAddressUnresolved],
  [205, E.carrierAddressUnresolved],
  [206, E.carrierAddressUnresolved],
  [207, E.carrierValidation],
  [301, E.carrierValidation],
  [302, E.carrierValidation],
  [303, E.carrierAddressUnresolved],
  [304, E.carrierAddressUnresolved],
  [305, E.carrierAddressUnresolved],
  [306, E.carrierAddressUnresolved],
  [307, E.carrierValidation],
  [410, E.carrierValidation],
  [411, E.carrierValidation],
  [701, E.carrierValidation],
  [702, E.carrierNotFound],
  [703, E.carrierNotCancellable],
]

describe('documented codes → ErrorCode, never retryable, wherever the code travels', () => {
  it.each(TABLE)('%i → %s', (code, expected) => {
    const message = SendeoError[code as keyof typeof SendeoError]
    // StatusCode carries it; the message alone carries it; the message is the bare number.
    for (const f of [
      { httpStatus: 500, statusCode: code, message },
      { httpStatus: 500, statusCode: 500, message },
      { httpStatus: 500, statusCode: 500, message: message.toUpperCase().replace(/\.$/, '') },
      { httpStatus: 500, statusCode: 500, message: String(code) },
    ]) {
      expect(sendeoCodeOf(f)).toBe(code)
      expect(sendeoErrorToAppError(f, 'SETDELIVERY', { referenceNo: 'KJ1' })).toMatchObject({
        code: expected,
        retryable: false,
        meta: { sendeoCode: code, referenceNo: 'KJ1' },
      })
    }
  })

  it('maps every documented code', () => {
    expect(Object.keys(SENDEO_ERRORS).sort()).toEqual(Object.keys(SendeoError).sort())
  })
})

describe('failures without a documented code', () => {
  it.each([
    [{ httpStatus: 500, statusCode: 500, message: 'Internal Server Error' }, E.carrierUnavailable, true],
    [{ httpStatus: 500, statusCode: 503, message: 'Server Error' }, E.carrierUnavailable, true],
    [{ httpStatus: 401, statusCode: 401, message: 'Unauthorized' }, E.carrierAuth, false],
    [{ httpStatus: 429, statusCode: 429, message: 'Too Many Requests' }, E.carrierRateLimited, true],
    [{ httpStatus: 400, statusCode: 400, message: 'Bad Request' }, E.carrierValidation, false],
    [{ httpStatus: 400, statusCode: 400, message: 'Reference No already exists' }, E.carrierDuplicateReference, false],
    [{ httpStatus: 500, statusCode: 999, message: 'Yeni bir hata' }, E.carrierValidation, false],
  ] as const)('%o → %s (retryable %s)', (f, code, retryable) => {
    expect(sendeoErrorToAppError(f, 'SETDELIVERY')).toMatchObject({ code, retryable })
  })

  it('flags a code no document explains', () => {
    expect(sendeoErrorToAppError({ httpStatus: 500, statusCode: 999, message: 'x' }, 'SETDELIVERY').meta.unknownCode).toBe(true)
  })
})
