import { AUTH_ERR_CODES, YurticiErrCode } from '../../../../protocols/yurtici/yurtici.codes'
import { AppError, ErrorCode } from '../../../../shared/errors'
import type { SoapFault } from './yurtici.schemas'

/** Yurtiçi's documented errCodes: protocols/yurtici/yurtici.codes.ts, shared with the emulator. */
export { AUTH_ERR_CODES, YurticiErrCode }

type Mapping = Readonly<{ code: ErrorCode; retryable: boolean; field: string | null }>

const V = (field: string | null): Mapping => ({ code: ErrorCode.carrierValidation, retryable: false, field })

const ROW_ERRORS: Readonly<Record<number, Mapping>> = {
  // Server-side trouble: the request may be repeated, and cargoKey (60020) makes a repeat safe.
  [YurticiErrCode.unexpected]: { code: ErrorCode.carrierUnavailable, retryable: true, field: null },
  // "job id" error: the doc names no cause; taken as a server-side failure to open the job (L).
  [YurticiErrCode.jobId]: { code: ErrorCode.carrierUnavailable, retryable: true, field: null },
  [YurticiErrCode.cargoKeyExists]: { code: ErrorCode.carrierDuplicateReference, retryable: false, field: 'cargoKey' },
  [YurticiErrCode.cargoKeyMissing]: V('cargoKey'),
  [YurticiErrCode.cargoKeyTooLong]: V('cargoKey'),
  [YurticiErrCode.invoiceKeyMissing]: V('invoiceKey'),
  [YurticiErrCode.invoiceKeyInvalid]: V('invoiceKey'),
  [YurticiErrCode.nameMissing]: V('receiverCustName'),
  [YurticiErrCode.nameInvalid]: V('receiverCustName'),
  [YurticiErrCode.addressMissing]: V('receiverAddress'),
  [YurticiErrCode.addressInvalid]: V('receiverAddress'),
  [YurticiErrCode.codAmountMissing]: V('ttInvoiceAmount'),
  [YurticiErrCode.codAmountInvalid]: V('ttInvoiceAmount'),
  [YurticiErrCode.codDocumentIdMissing]: V('ttDocumentId'),
  [YurticiErrCode.codDocumentSaveTypeMissing]: V('ttDocumentSaveType'),
  [YurticiErrCode.installmentsMissing]: V('dcSelectedCredit'),
  [YurticiErrCode.creditRuleInvalid]: V('dcCreditRule'),
  [YurticiErrCode.installmentsInvalid]: V('dcSelectedCredit'),
  [YurticiErrCode.installmentsNotAllowed]: V('dcSelectedCredit'),
  // The WS user's contract has another payment type: a configuration matter, not the order's.
  [YurticiErrCode.paymentTypeMismatch]: { code: ErrorCode.carrierServiceUnsupported, retryable: false, field: 'ttCollectionType' },
  [YurticiErrCode.collectionTypeInvalid]: V('ttCollectionType'),
  [YurticiErrCode.documentSaveTypeInvalid]: V('ttDocumentSaveType'),
  [YurticiErrCode.emailInvalid]: V('emailAddress'),
  [YurticiErrCode.phoneInvalid]: V('receiverPhone1'),
  [YurticiErrCode.formatInvalid]: V(null),
  [YurticiErrCode.cargoKeyNotFound]: { code: ErrorCode.notFound, retryable: false, field: 'cargoKey' },
  [YurticiErrCode.alreadyCancelled]: { code: ErrorCode.carrierNotCancellable, retryable: false, field: 'cargoKey' },
  [YurticiErrCode.authUnknownUser]: { code: ErrorCode.carrierAuth, retryable: false, field: 'wsUserName' },
  [YurticiErrCode.authWrongPassword]: { code: ErrorCode.carrierAuth, retryable: false, field: 'wsPassword' },
  [YurticiErrCode.authNotAuthorized]: { code: ErrorCode.carrierAuth, retryable: false, field: 'wsUserName' },
}

/** One Yurtiçi errCode (row or result level) as an AppError; an unknown code is a refusal, not retried. */
export function yurticiErrorToAppError(errCode: number, errMessage: string, meta: Record<string, unknown> = {}): AppError {
  const known = ROW_ERRORS[errCode]
  const m = known ?? V(null)
  const text = errMessage.trim() || `errCode ${errCode}`
  return new AppError(m.code, `Yurtiçi refused (${errCode}): ${text}`, {
    retryable: m.retryable,
    meta: { errCode, errMessage, field: m.field, ...(known ? {} : { unknownErrCode: true }), ...meta },
  })
}

export type FaultContext = Readonly<{ operation: string; httpStatus: number; throttleErrCodes: readonly number[]; throttleRetryAfterMs: number }>

/**
 * A SOAP Fault as an AppError. Yurtiçi uses faults for envelope and auth problems (docs/reference/carriers.md §14)
 * and for the query throttle ("raise an exception", §1). Client faults mean our envelope is wrong:
 * a bug to fix, so never retried; Server faults are retried.
 */
export function faultToAppError(fault: SoapFault, ctx: FaultContext): AppError {
  const meta = { httpStatus: ctx.httpStatus, operation: ctx.operation, faultcode: fault.faultcode, faultErrorCode: fault.errorCode }
  const text = fault.errText ?? fault.faultstring
  if (fault.errorCode !== null && ctx.throttleErrCodes.includes(fault.errorCode)) {
    return new AppError(ErrorCode.carrierRateLimited, `Yurtiçi throttled ${ctx.operation}: ${text}`, {
      retryable: true,
      meta: { ...meta, retryAfterMs: ctx.throttleRetryAfterMs },
    })
  }
  if (fault.errorCode !== null && ROW_ERRORS[fault.errorCode]) return yurticiErrorToAppError(fault.errorCode, text, meta)
  const local = fault.faultcode.replace(/^.*:/, '')
  if (local === 'Client' || local === 'VersionMismatch' || local === 'MustUnderstand') {
    return new AppError(ErrorCode.carrierValidation, `Yurtiçi refused the ${ctx.operation} envelope (${fault.faultcode}): ${text}`, { retryable: false, meta })
  }
  return new AppError(ErrorCode.carrierUnavailable, `Yurtiçi server fault on ${ctx.operation} (${fault.faultcode}): ${text}`, { retryable: true, meta })
}
