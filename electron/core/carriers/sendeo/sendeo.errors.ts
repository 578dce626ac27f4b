import { AppError, ErrorCode } from '../../../../shared/errors'

/**
 * Sendeo's documented error codes (docs/reference/carriers.md §7; messages and meanings from the official tables
 * in [SND] "SetDelivery Exception Message" and "CancelDelivery Hatalı Dönüş Parametreleri"). Errors
 * come as HTTP 500 with the envelope {StatusCode, result, exceptionMessage}; the doc pairs each
 * exceptionMessage with a "statusCode", but does not say whether that code travels in StatusCode or
 * only as the message, so both are read (sendeoCodeOf).
 */
type Entry = Readonly<{ message: string; code: ErrorCode; meaning: string; field: string | null }>

const validation = ErrorCode.carrierValidation
const place = ErrorCode.carrierAddressUnresolved

export const SENDEO_ERRORS: Readonly<Record<number, Entry>> = {
  102: { message: 'Delivery Reference No Cannot be Null.', code: validation, meaning: 'ReferenceNo is empty', field: 'ReferenceNo' },
  103: { message: 'Wrong Delivery Type', code: validation, meaning: 'DeliveryType is not one of the documented types', field: 'DeliveryType' },
  104: { message: 'Products Cannot Be Null', code: validation, meaning: 'the products array is empty', field: 'products' },
  105: { message: 'Collection Type Not Found', code: validation, meaning: 'CollectionType is missing', field: 'CollectionType' },
  201: { message: 'Receiver Cannot Be Null', code: validation, meaning: 'the receiver name is empty', field: 'Receiver' },
  202: { message: 'Receiver Address Cannot Be Null', code: validation, meaning: 'the receiver address is empty', field: 'ReceiverAddress' },
  203: { message: 'Receiver District Id Cannot Be Zero.', code: place, meaning: 'the receiver district id is missing', field: 'ReceiverDistrictId' },
  204: { message: 'Receiver City Id Cannot Be Zero.', code: place, meaning: 'the receiver city id is missing', field: 'ReceiverCityId' },
  205: { message: 'Receiver City Id is Not Correct.', code: place, meaning: 'the receiver city id is not in Sendeo’s table', field: 'ReceiverCityId' },
  206: { message: 'Receiver District Id is Not Correct.', code: place, meaning: 'the receiver district id is not in Sendeo’s table', field: 'ReceiverDistrictId' },
  207: { message: 'Please Enter Receiver Phone or GSM Number', code: validation, meaning: 'the receiver has neither phone nor GSM', field: 'receiverPhone' },
  301: { message: 'Sender Cannot Be Null.', code: validation, meaning: 'the sender name is empty (required for this DeliveryType)', field: 'Sender' },
  302: { message: 'Sender Address Cannot Be Null.', code: validation, meaning: 'the sender address is empty', field: 'SenderAddress' },
  303: { message: 'Sender District Id Cannot Be Zero.', code: place, meaning: 'the sender district id is missing', field: 'SenderDistrictId' },
  304: { message: 'Sender City Id Cannot Be Zero.', code: place, meaning: 'the sender city id is missing', field: 'SenderCityId' },
  305: { message: 'Sender City Id is Not Correct.', code: place, meaning: 'the sender city id is not in Sendeo’s table', field: 'SenderCityId' },
  306: { message: 'Sender District Id is Not Correct.', code: place, meaning: 'the sender district id is not in Sendeo’s table', field: 'SenderDistrictId' },
  307: { message: 'Please Enter Sender Phone or GSM Number', code: validation, meaning: 'the sender has neither phone nor GSM', field: 'senderPhone' },
  410: { message: 'Product Price Cannot Be Zero.', code: validation, meaning: 'a COD shipment needs a product price above zero', field: 'products.Price' },
  411: { message: 'Payment Type Is Not Correct.', code: validation, meaning: 'PaymentType is missing or wrong', field: 'PaymentType' },
  701: { message: 'Please Enter Tracking Number or Reference Number.', code: validation, meaning: 'the cancel named neither trackingNumber nor referenceNo', field: 'trackingNumber' },
  702: { message: 'No Delivery Found.', code: ErrorCode.carrierNotFound, meaning: 'Sendeo has no delivery under this number', field: null },
  703: { message: 'You Cannot Cancel , Delivery Has Already Sent.', code: ErrorCode.carrierNotCancellable, meaning: 'the parcel was collected (cancel only in status 101)', field: null },
}

export const SendeoErrorCode = { deliveryNotFound: 702, alreadySent: 703 } as const

/** One refused call as the client saw it. */
export type SendeoFailure = Readonly<{ httpStatus: number; statusCode: number | null; message: string }>

const fold = (s: string) => s.toLowerCase().replace(/[.\s,]+/g, ' ').trim()
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
    return new AppError(e.code, `Sendeo refused ${operation}: ${e.meaning} (${code} ${f.message})`, { retryable: false, meta: { ...base, sendeoCode: code, field: e.field } })
  }
  const s = f.statusCode ?? f.httpStatus
  if (s === 401 || s === 403) return new AppError(ErrorCode.carrierAuth, `Sendeo refused the token or credentials on ${operation} (${f.message || s})`, { retryable: false, meta: base })
  if (s === 429) return new AppError(ErrorCode.carrierRateLimited, `Sendeo rate limit reached on ${operation}`, { retryable: true, meta: base })
  if (isSendeoNotFound(f)) return new AppError(ErrorCode.carrierNotFound, `Sendeo has no such delivery (${f.message})`, { retryable: false, meta: base })
  if (s >= 500 && s < 600) return new AppError(ErrorCode.carrierUnavailable, `Sendeo server error on ${operation} (${f.message || s})`, { retryable: true, meta: base })
  if (isSendeoDuplicate(f)) return new AppError(ErrorCode.carrierDuplicateReference, `Sendeo says the reference exists: ${f.message}`, { retryable: false, meta: base })
  return new AppError(ErrorCode.carrierValidation, `Sendeo refused ${operation} with a code no document explains (${s}: ${f.message})`, {
    retryable: false,
    meta: { ...base, unknownCode: true },
  })
}
