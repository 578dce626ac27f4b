import { SendeoError, type SendeoErrorCode as SendeoErrorNumber } from '../../../../protocols/sendeo/sendeo.codes'
import { AppError, ErrorCode } from '../../../../shared/errors'

/**
 * Sendeo's documented error codes (docs/reference/carriers.md §7; messages in protocols/sendeo/sendeo.codes.ts, meanings
 * from the official tables in [SND] "SetDelivery Exception Message" and "CancelDelivery Hatalı Dönüş Parametreleri"). Errors
 * come as HTTP 500 with the envelope {StatusCode, result, exceptionMessage}; the doc pairs each
 * exceptionMessage with a "statusCode", but does not say whether that code travels in StatusCode or
 * only as the message, so both are read (sendeoCodeOf).
 */
type Entry = Readonly<{ message: string; code: ErrorCode; meaning: string; field: string | null }>

const validation = ErrorCode.carrierValidation
const place = ErrorCode.carrierAddressUnresolved
const E = (n: SendeoErrorNumber, code: ErrorCode, meaning: string, field: string | null): Entry => ({ message: SendeoError[n], code, meaning, field })

export const SENDEO_ERRORS: Readonly<Record<number, Entry>> = {
  102: E(102, validation, 'ReferenceNo is empty', 'ReferenceNo'),
  103: E(103, validation, 'DeliveryType is not one of the documented types', 'DeliveryType'),
  104: E(104, validation, 'the products array is empty', 'products'),
  105: E(105, validation, 'CollectionType is missing', 'CollectionType'),
  201: E(201, validation, 'the receiver name is empty', 'Receiver'),
  202: E(202, validation, 'the receiver address is empty', 'ReceiverAddress'),
  203: E(203, place, 'the receiver district id is missing', 'ReceiverDistrictId'),
  204: E(204, place, 'the receiver city id is missing', 'ReceiverCityId'),
  205: E(205, place, 'the receiver city id is not in Sendeo’s table', 'ReceiverCityId'),
  206: E(206, place, 'the receiver district id is not in Sendeo’s table', 'ReceiverDistrictId'),
  207: E(207, validation, 'the receiver has neither phone nor GSM', 'receiverPhone'),
  301: E(301, validation, 'the sender name is empty (required for this DeliveryType)', 'Sender'),
  302: E(302, validation, 'the sender address is empty', 'SenderAddress'),
  303: E(303, place, 'the sender district id is missing', 'SenderDistrictId'),
  304: E(304, place, 'the sender city id is missing', 'SenderCityId'),
  305: E(305, place, 'the sender city id is not in Sendeo’s table', 'SenderCityId'),
  306: E(306, place, 'the sender district id is not in Sendeo’s table', 'SenderDistrictId'),
  307: E(307, validation, 'the sender has neither phone nor GSM', 'senderPhone'),
  410: E(410, validation, 'a COD shipment needs a product price above zero', 'products.Price'),
  411: E(411, validation, 'PaymentType is missing or wrong', 'PaymentType'),
  701: E(701, validation, 'the cancel named neither trackingNumber nor referenceNo', 'trackingNumber'),
  702: E(702, ErrorCode.carrierNotFound, 'Sendeo has no delivery under this number', null),
  703: E(703, ErrorCode.carrierNotCancellable, 'the parcel was collected (cancel only in status 101)', null),
}

export const SendeoErrorCode = { deliveryNotFound: 702, alreadySent: 703 } as const

/** One refused call as the client saw it. */
export type SendeoFailure = Readonly<{ httpStatus: number; statusCode: number | null; message: string }>

const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/[.\s,]+/g, ' ')
    .trim()
const BY_MESSAGE = new Map(Object.entries(SENDEO_ERRORS).map(([k, v]) => [fold(v.message), Number(k)]))

/** The documented code behind a failure: StatusCode when it is one, else the message as a number or as the documented text. */
export function sendeoCodeOf(f: SendeoFailure): number | null {
  if (f.statusCode !== null && SENDEO_ERRORS[f.statusCode]) return f.statusCode
  const m = f.message.trim()
  if (/^\d{3}$/.test(m) && SENDEO_ERRORS[Number(m)]) return Number(m)
  return BY_MESSAGE.get(fold(m)) ?? null
}

/**
 * "Already exists" for a ReferenceNo: Sendeo documents no such error, so this reads the wording a
 * duplicate would plausibly carry; the adapter then looks the reference up instead of trusting it.
 */
export function isSendeoDuplicate(f: SendeoFailure): boolean {
  return /already exist|duplicate|zaten|daha önce|mevcut/i.test(f.message)
}

/**
 * "No such delivery" in words other than 702's: what GETBARCODE and TRACKDELIVERY say for an unknown
 * number is not documented, so the usual wordings are read as not-found rather than as a server error.
 */
export function isSendeoNotFound(f: SendeoFailure): boolean {
  return sendeoCodeOf(f) === SendeoErrorCode.deliveryNotFound || /not found|no delivery|bulunamad|kayıt yok/i.test(f.message)
}

/**
 * A failure → AppError. Documented codes are never retryable (the request itself is wrong). Without
 * one, the envelope's StatusCode reads like HTTP as the GETBARCODE table lists them: 401 auth,
 * 429 throttled, 5xx server error (retryable), 400 bad request. Anything else is a code whose meaning
 * no document gives: carrier.validation, not retryable, flagged `unknownCode` in meta.
 */
export function sendeoErrorToAppError(f: SendeoFailure, operation: string, meta: Record<string, unknown> = {}): AppError {
  const code = sendeoCodeOf(f)
  const base = { ...meta, operation, httpStatus: f.httpStatus, sendeoStatusCode: f.statusCode, sendeoMessage: f.message }
  if (code !== null) {
    const e = SENDEO_ERRORS[code] as Entry
    return new AppError(e.code, `Sendeo refused ${operation}: ${e.meaning} (${code} ${f.message})`, {
      retryable: false,
      meta: { ...base, sendeoCode: code, field: e.field },
    })
  }
  const s = f.statusCode ?? f.httpStatus
  if (s === 401 || s === 403)
    return new AppError(ErrorCode.carrierAuth, `Sendeo refused the token or credentials on ${operation} (${f.message || s})`, { retryable: false, meta: base })
  if (s === 429) return new AppError(ErrorCode.carrierRateLimited, `Sendeo rate limit reached on ${operation}`, { retryable: true, meta: base })
  if (isSendeoNotFound(f)) return new AppError(ErrorCode.carrierNotFound, `Sendeo has no such delivery (${f.message})`, { retryable: false, meta: base })
  if (s >= 500 && s < 600)
    return new AppError(ErrorCode.carrierUnavailable, `Sendeo server error on ${operation} (${f.message || s})`, { retryable: true, meta: base })
  if (isSendeoDuplicate(f))
    return new AppError(ErrorCode.carrierDuplicateReference, `Sendeo says the reference exists: ${f.message}`, { retryable: false, meta: base })
  return new AppError(ErrorCode.carrierValidation, `Sendeo refused ${operation} with a code no document explains (${s}: ${f.message})`, {
    retryable: false,
    meta: { ...base, unknownCode: true },
  })
}
