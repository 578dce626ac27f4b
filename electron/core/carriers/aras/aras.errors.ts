import { AppError, ErrorCode } from '../../../../shared/errors'
import type { SoapFault } from './aras.soap'

/**
 * Aras result codes (docs/reference/carriers.md §2 [AR-DOC], GetBarcode [HT]) → ErrorCode + retryable, one table
 * per operation because the same number means different things: 936 is a refused field on
 * SetOrder but "an error occurred" on CancelDispatch. Codes arrive as text ("0", "-1", "1004").
 */

type Mapping = Readonly<{ code: ErrorCode; retryable: boolean; field: string | null }>

const V = (field: string | null): Mapping => ({ code: ErrorCode.carrierValidation, retryable: false, field })
const AUTH: Mapping = { code: ErrorCode.carrierAuth, retryable: false, field: 'userName' }
// "Bir hata oluştu" / "Kayıt yapılamadı": server-side trouble; a re-send is safe (same IntegrationCode updates).
const SERVER: Mapping = { code: ErrorCode.carrierUnavailable, retryable: true, field: null }

/** SetOrder OrderResultInfo.ResultCode. */
export const SET_ORDER_CODES: Readonly<Record<string, Mapping>> = {
  '934': V('ReceiverName'),
  // IntegrationCode empty/length, more than 20 sends of one order, ReceiverPhone1 missing/not digits.
  '935': V('IntegrationCode'),
  // Address/name missing or slang, city/town missing, PayorTypeCode/IsCod/CodCollectionType, receiver-pays COD.
  '936': V('ReceiverAddress'),
  '1000': AUTH,
  // Doc groups 1002 with 1000: "Kullanıcı adı ve şifre yanlış / Entegrasyon bilgi hatası".
  '1002': AUTH,
  // Account setup at Aras (no branch, no active dispatch address): the seller's contract, not the order.
  '1003': { code: ErrorCode.carrierServiceUnsupported, retryable: false, field: null },
  '1006': { code: ErrorCode.carrierServiceUnsupported, retryable: false, field: null },
  '5000': SERVER,
  '5001': SERVER,
  '5002': SERVER,
  '5003': SERVER,
  '5004': SERVER,
  '5005': SERVER,
  '5006': SERVER,
  '5007': SERVER,
  '5008': SERVER,
  // "At least one order must be sent": our envelope is wrong, a bug.
  '60020': V('orderInfo'),
  // The waybill is cut: the order exists and can no longer be changed (the adapter confirms it is ours).
  '60022': { code: ErrorCode.carrierDuplicateReference, retryable: false, field: 'IntegrationCode' },
  '70018': V('ReceiverAddress'),
  '70019': V('InvoiceNumber'),
  '70021': V('PieceCount'),
  '70022': V('PieceDetails.BarcodeNumber'),
  '70023': V('PieceDetails.VolumetricWeight'),
  '70024': V('PieceDetails.Weight'),
  '70025': V('PieceCount'),
  // Volume not decimal / piece barcode sent before / COD outside 5–5000 TL / branch closed.
  '70026': V('PieceDetails'),
  // Bad kg, or (doc: "60022/70027") already invoiced: the adapter tells them apart by the message.
  '70027': V('PieceDetails.Weight'),
  '70028': V('PieceDetails.BarcodeNumber'),
  '70121': V('TradingWaybillNumber'),
}

/** CancelDispatch ResultCode; 0, 1 (deleted) and 405 (already cancelled) are outcomes, not errors. */
export const CANCEL_CODES: Readonly<Record<string, Mapping>> = {
  '999': { code: ErrorCode.carrierNotCancellable, retryable: false, field: 'integrationCode' },
  '936': SERVER,
  '-1': { code: ErrorCode.carrierNotFound, retryable: false, field: 'integrationCode' },
  '-2': AUTH,
}

/** GetBarcode ResultCode: 1004 = branch not resolved yet, ask again in a few seconds. */
export const BARCODE_CODES: Readonly<Record<string, Mapping>> = {
  '1000': AUTH,
  '1004': { code: ErrorCode.carrierUnavailable, retryable: true, field: null },
}

export const ArasResult = {
  ok: '0',
  cancelDeleted: '1',
  alreadyCancelled: '405',
  waybillCut: '60022',
  alreadyInvoiced: '70027',
  barcodeNotReady: '1004',
  authFailed: '1000',
} as const

export type ArasResultTable = 'SetOrder' | 'CancelDispatch' | 'GetBarcode'

const TABLES: Readonly<Record<ArasResultTable, Readonly<Record<string, Mapping>>>> = {
  SetOrder: SET_ORDER_CODES,
  CancelDispatch: CANCEL_CODES,
  GetBarcode: BARCODE_CODES,
}

/** The mapping for one result code; an undocumented code is a refusal (not retried) marked unknownResultCode. */
export function arasResultMapping(operation: ArasResultTable, resultCode: string): Mapping & { known: boolean } {
  const known = TABLES[operation][resultCode.trim()]
  return known ? { ...known, known: true } : { ...V(null), known: false }
}

/** One Aras ResultCode + ResultMessage as an AppError. */
export function arasResultError(operation: ArasResultTable, resultCode: string, message: string, meta: Record<string, unknown> = {}): AppError {
  const m = arasResultMapping(operation, resultCode)
  const text = message.trim() || `ResultCode ${resultCode}`
  return new AppError(m.code, `Aras ${operation} refused (${resultCode}): ${text}`, {
    retryable: m.retryable,
    meta: { operation, resultCode, resultMessage: message, field: m.field, ...(m.known ? {} : { unknownResultCode: true }), ...meta },
  })
}

const AUTH_WORDS = /şifre|sifre|kullanıcı adı|kullanici adi|password|username|login|yetkisiz|unauthori[sz]ed/i

/**
 * A SOAP fault as an AppError. ASMX turns exceptions into `soap:Server` faults ("Server was unable to
 * process request. ---> …"), bad credentials among them on the lookup calls; `Client` (and WCF's
 * ActionNotSupported) mean our envelope or SOAPAction is wrong: a bug, not retried.
 */
export function arasFaultError(fault: SoapFault, operation: string, httpStatus: number): AppError {
  const meta = { operation, httpStatus, faultcode: fault.faultcode, faultstring: fault.faultstring }
  const local = fault.faultcode.replace(/^.*:/, '')
  if (AUTH_WORDS.test(fault.faultstring))
    return new AppError(ErrorCode.carrierAuth, `Aras refused the credentials on ${operation}: ${fault.faultstring}`, { retryable: false, meta })
  if (['Client', 'Sender', 'VersionMismatch', 'MustUnderstand', 'ActionNotSupported'].includes(local)) {
    return new AppError(ErrorCode.carrierValidation, `Aras refused the ${operation} envelope (${fault.faultcode}): ${fault.faultstring}`, {
      retryable: false,
      meta,
    })
  }
  return new AppError(ErrorCode.carrierUnavailable, `Aras server fault on ${operation} (${fault.faultcode}): ${fault.faultstring}`, { retryable: true, meta })
}

/** Whether a query-service error text speaks of credentials (the service has no documented error codes). */
export function isAuthText(text: string): boolean {
  return AUTH_WORDS.test(text)
}
