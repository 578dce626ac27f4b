import { trFold } from '../../../../shared/domain/address'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { HepsiJetDetailStatus } from '../../../../protocols/hepsijet/hepsijet.codes'

/**
 * HepsiJET refusals: {status:"FAIL", message, detailStatus}, often with HTTP 200 (docs/reference/carriers.md §6).
 * The shape is documented, the detailStatus values and message wording are not. The table below
 * reads the values our emulator uses (protocols/hepsijet/hepsijet.codes.ts); anything else is read
 * from the message in Turkish or English, and what is still unclear is a refusal of our data
 * (carrier.validation, not retried): retrying an unexplained FAIL would not change the answer.
 */
export { HepsiJetDetailStatus }

/** What a FAIL means for the connector, whichever way it was worded. */
export const FailKind = {
  auth: 'auth',
  rateLimited: 'rateLimited',
  unavailable: 'unavailable',
  duplicate: 'duplicate',
  notFound: 'notFound',
  /** The barcode exists but was deleted/cancelled: nothing will ship under it. */
  deleted: 'deleted',
  notDeletable: 'notDeletable',
  notUpdatable: 'notUpdatable',
  address: 'address',
  /** Company, sender address id, XDock or product: settings HepsiJET issues with the account. */
  accountSetting: 'accountSetting',
  validation: 'validation',
} as const
export type FailKind = (typeof FailKind)[keyof typeof FailKind]

export type HepsiJetFail = Readonly<{ message: string; detailStatus: string | null; httpStatus: number }>

const BY_DETAIL: Readonly<Record<string, FailKind>> = {
  [HepsiJetDetailStatus.unauthorized]: FailKind.auth,
  [HepsiJetDetailStatus.validation]: FailKind.validation,
  [HepsiJetDetailStatus.duplicateDeliveryNo]: FailKind.duplicate,
  [HepsiJetDetailStatus.deliveryNotFound]: FailKind.notFound,
  [HepsiJetDetailStatus.deliveryDeleted]: FailKind.deleted,
  [HepsiJetDetailStatus.notDeletable]: FailKind.notDeletable,
  [HepsiJetDetailStatus.notUpdatable]: FailKind.notUpdatable,
  [HepsiJetDetailStatus.cityNotFound]: FailKind.address,
  [HepsiJetDetailStatus.townNotFound]: FailKind.address,
  [HepsiJetDetailStatus.companyNotFound]: FailKind.accountSetting,
  [HepsiJetDetailStatus.senderAddressNotFound]: FailKind.accountSetting,
  [HepsiJetDetailStatus.xDockNotFound]: FailKind.accountSetting,
  [HepsiJetDetailStatus.productNotAllowed]: FailKind.accountSetting,
  [HepsiJetDetailStatus.systemError]: FailKind.unavailable,
  [HepsiJetDetailStatus.tooManyRequests]: FailKind.rateLimited,
}

// Message rules in order; first match wins. Text is trFold-ed (Turkish letters → ASCII, lower case).
const RULES: readonly (readonly [RegExp, FailKind])[] = [
  [/token|yetki|unauthori[sz]ed|authenticat|sifre|kullanici adi/, FailKind.auth],
  [/too many|cok fazla istek|rate limit/, FailKind.rateLimited],
  [/sistem hatasi|beklenmeyen|internal error|system error|zaman asimi|timed? ?out/, FailKind.unavailable],
  [/zaten|daha once|mevcut|kullanilmis|already|exists|duplicate|unique/, FailKind.duplicate],
  [/silinemez|iptal edilemez|cannot be (deleted|cancell?ed)|not deletable/, FailKind.notDeletable],
  [/guncellenemez|cannot be updated|not updatable/, FailKind.notUpdatable],
  [/silinmis|silindi|iptal edilmis|has been (deleted|cancell?ed)/, FailKind.deleted],
  [/gonderici adres|sender ?address|xdock|firma|company|urun kodu|product ?code/, FailKind.accountSetting],
  [/(^|\W)(il|ilce|sehir|mahalle|city|town|district)(\W|$)/, FailKind.address],
  [/bulunamadi|bulunmamaktadir|not found|kayit yok/, FailKind.notFound],
]

export function classifyFail(fail: HepsiJetFail): FailKind {
  const byDetail = fail.detailStatus ? BY_DETAIL[fail.detailStatus.trim().toUpperCase()] : undefined
  if (byDetail) return byDetail
  const text = trFold(fail.message)
  for (const [re, kind] of RULES) if (re.test(text)) return kind
  return FailKind.validation
}

/** Whether the detailStatus is one of the table's values (else the message was read). */
export function isKnownDetailStatus(detailStatus: string | null): boolean {
  return detailStatus !== null && Object.hasOwn(BY_DETAIL, detailStatus.trim().toUpperCase())
}

const MAPPING: Readonly<Record<FailKind, Readonly<{ code: ErrorCode; retryable: boolean }>>> = {
  auth: { code: ErrorCode.carrierAuth, retryable: false },
  // A throttle worded in the body carries no Retry-After: the retry's own backoff applies.
  rateLimited: { code: ErrorCode.carrierRateLimited, retryable: true },
  unavailable: { code: ErrorCode.carrierUnavailable, retryable: true },
  duplicate: { code: ErrorCode.carrierDuplicateReference, retryable: false },
  notFound: { code: ErrorCode.carrierNotFound, retryable: false },
  deleted: { code: ErrorCode.carrierNotFound, retryable: false },
  notDeletable: { code: ErrorCode.carrierNotCancellable, retryable: false },
  notUpdatable: { code: ErrorCode.carrierValidation, retryable: false },
  address: { code: ErrorCode.carrierAddressUnresolved, retryable: false },
  // The account's settings, not the order, are wrong: fix the connector options (station config).
  accountSetting: { code: ErrorCode.carrierServiceUnsupported, retryable: false },
  validation: { code: ErrorCode.carrierValidation, retryable: false },
}

/** One FAIL answer as an AppError; meta keeps the raw message and detailStatus for support. */
export function hepsiJetFailToAppError(fail: HepsiJetFail, operation: string, meta: Record<string, unknown> = {}): AppError {
  const kind = classifyFail(fail)
  const m = MAPPING[kind]
  const text = fail.message.trim() || fail.detailStatus || 'no message'
  return new AppError(m.code, `HepsiJET refused ${operation}${fail.detailStatus ? ` (${fail.detailStatus})` : ''}: ${text}`, {
    retryable: m.retryable,
    meta: { operation, httpStatus: fail.httpStatus, detailStatus: fail.detailStatus, hepsiJetMessage: fail.message, failKind: kind, ...meta },
  })
}
