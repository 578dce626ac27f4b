import { AppError, ErrorCode } from '../../../../shared/errors'
import { ARAS_SET_ORDER_SERVER_CODES, ArasBarcodeCode, ArasCancelCode, ArasSetOrderCode } from '../../../../protocols/aras/aras.codes'
import type { SoapFault } from './aras.soap'

/**
 * Aras result codes (protocols/aras/aras.codes.ts, from docs/reference/carriers.md §2) → ErrorCode + retryable, one
 * table per operation because the same number means different things: 936 is a refused field on SetOrder but
 * "an error occurred" on CancelDispatch. Codes arrive as text ("0", "-1", "1004").
 */

type Mapping = Readonly<{ code: ErrorCode; retryable: boolean; field: string | null }>

const V = (field: string | null): Mapping => ({ code: ErrorCode.carrierValidation, retryable: false, field })
const AUTH: Mapping = { code: ErrorCode.carrierAuth, retryable: false, field: 'userName' }
// "Bir hata oluştu" / "Kayıt yapılamadı": server-side trouble; a re-send is safe (same IntegrationCode updates).
const SERVER: Mapping = { code: ErrorCode.carrierUnavailable, retryable: true, field: null }
// Account setup at Aras (no branch, no active dispatch address): the seller's contract, not the order.
const ACCOUNT: Mapping = { code: ErrorCode.carrierServiceUnsupported, retryable: false, field: null }

const S = ArasSetOrderCode
/** SetOrder OrderResultInfo.ResultCode: every failure code of the document. */
export const SET_ORDER_CODES: Readonly<Record<string, Mapping>> = {
  [S.receiverNameTooLong]: V('ReceiverName'),
  // IntegrationCode empty/length, more than 20 sends of one order, ReceiverPhone1 missing/not digits.
  [S.integrationCode]: V('IntegrationCode'),
  // Address/name missing or slang, city/town missing, PayorTypeCode/IsCod/CodCollectionType, receiver-pays COD.
  [S.receiverData]: V('ReceiverAddress'),
  [S.badCredentials]: AUTH,
  // Doc groups 1002 with 1000: "Kullanıcı adı ve şifre yanlış / Entegrasyon bilgi hatası".
  [S.integrationInfo]: AUTH,
  [S.noBranch]: ACCOUNT,
  [S.noDispatchAddress]: ACCOUNT,
  ...Object.fromEntries(ARAS_SET_ORDER_SERVER_CODES.map((code) => [code, SERVER])),
  // "At least one order must be sent": our envelope is wrong, a bug.
  [S.noOrder]: V('orderInfo'),
  // The waybill is cut: the order exists and can no longer be changed (the adapter confirms it is ours).
  [S.waybillCut]: { code: ErrorCode.carrierDuplicateReference, retryable: false, field: 'IntegrationCode' },
  [S.addressTooLong]: V('ReceiverAddress'),
  [S.invoiceTooLong]: V('InvoiceNumber'),
  [S.pieceCount]: V('PieceCount'),
  [S.pieceBarcodeMissing]: V('PieceDetails.BarcodeNumber'),
  [S.volumeMissing]: V('PieceDetails.VolumetricWeight'),
  [S.weightMissing]: V('PieceDetails.Weight'),
  [S.documentOnePiece]: V('PieceCount'),
  // Volume not decimal / piece barcode sent before / COD outside 5–5000 TL / branch closed.
  [S.pieceInvalid]: V('PieceDetails'),
  // Bad kg, or (doc: "60022/70027") already invoiced: the adapter tells them apart by the message.
  [S.weightOrInvoiced]: V('PieceDetails.Weight'),
  [S.duplicatePieceBarcodes]: V('PieceDetails.BarcodeNumber'),
  [S.waybillTooLong]: V('TradingWaybillNumber'),
} satisfies Readonly<Record<Exclude<ArasSetOrderCode, typeof S.ok>, Mapping>>

/** CancelDispatch ResultCode; 0, 1 (deleted) and 405 (already cancelled) are outcomes, not errors. */
export const CANCEL_CODES: Readonly<Record<string, Mapping>> = {
  [ArasCancelCode.waybillCut]: { code: ErrorCode.carrierNotCancellable, retryable: false, field: 'integrationCode' },
  [ArasCancelCode.error]: SERVER,
  [ArasCancelCode.notFound]: { code: ErrorCode.carrierNotFound, retryable: false, field: 'integrationCode' },
  [ArasCancelCode.badCredentials]: AUTH,
}

/** GetBarcode ResultCode: 1004 = branch not resolved yet, ask again in a few seconds. */
export const BARCODE_CODES: Readonly<Record<string, Mapping>> = {
  [ArasBarcodeCode.badCredentials]: AUTH,
  [ArasBarcodeCode.notReady]: { code: ErrorCode.carrierUnavailable, retryable: true, field: null },
}

/** The codes the adapter acts on (protocols/aras/aras.codes.ts). */
export const ArasResult = {
  ok: ArasSetOrderCode.ok,
  cancelDeleted: ArasCancelCode.deleted,
  alreadyCancelled: ArasCancelCode.alreadyCancelled,
  waybillCut: ArasSetOrderCode.waybillCut,
  alreadyInvoiced: ArasSetOrderCode.weightOrInvoiced,
  barcodeNotReady: ArasBarcodeCode.notReady,
  authFailed: ArasBarcodeCode.badCredentials,
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
