import { trFold } from '../../../../shared/domain/address'
import { AppError, ErrorCode } from '../../../../shared/errors'

/**
 * HepsiJET refusals: {status:"FAIL", message, detailStatus}, often with HTTP 200 (docs/reference/carriers.md §6).
 * The shape is documented; the detailStatus values, the message wording and the HTTP status are not
 * (protocols/hepsijet/README.md). So a FAIL is read from what every answer has: the message, in Turkish or
 * English, then the HTTP status. detailStatus decides nothing (a value we have never seen cannot mislead us);
 * it is kept in the error's meta for support. What is still unclear is a refusal of our data
 * (carrier.validation, not retried): retrying an unexplained FAIL would not change the answer.
 */

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

// Message rules in order; first match wins. Text is trFold-ed (Turkish letters → ASCII, lower case).
const RULES: readonly (readonly [RegExp, FailKind])[] = [
  [/token|yetki|unauthori[sz]ed|authenticat|sifre|kullanici adi/, FailKind.auth],
  [/too many|cok fazla istek|rate limit/, FailKind.rateLimited],
  [/sistem hatasi|beklenmeyen|internal error|system error|zaman asimi|timed? ?out/, FailKind.unavailable],
  [/zaten|daha once|mevcut|kullanilmis|already|exists|duplicate|unique/, FailKind.duplicate],
  [/silinemez|iptal edilemez|cannot be (deleted|cancell?ed)|not deletable/, FailKind.notDeletable],
  [/guncellenemez|cannot be updated|not updatable/, FailKind.notUpdatable],
  [/silinmis|silindi|iptal edilmis|has been (deleted|cancell?ed)/, FailKind.deleted],
  // A rule on a field's form ("… firma kodu ile başlamalıdır") is about our data, whatever field it names.
  [/olmalidir|baslamalidir|zorunlu|bos olamaz|required|must (be|start|contain|not)/, FailKind.validation],
  [/gonderici adres|sender ?address|xdock|firma|company|urun kodu|product ?code/, FailKind.accountSetting],
  [/(^|\W)(il|ilce|sehir|mahalle|city|town|district)(\W|$)/, FailKind.address],
  [/bulunamadi|bulunmamaktadir|not found|kayit yok/, FailKind.notFound],
]

// When the message says nothing we know: the HTTP status, if it says more than "refused" (RFC 9110 §15.5).
const BY_HTTP_STATUS: Readonly<Record<number, FailKind>> = { 404: FailKind.notFound, 409: FailKind.duplicate, 410: FailKind.deleted }

/** The FAIL's kind, and what told it: the message, the HTTP status, or nothing (an unexplained refusal). */
export function explainFail(fail: HepsiJetFail): Readonly<{ kind: FailKind; by: 'message' | 'httpStatus' | 'nothing' }> {
  const text = trFold(fail.message)
  for (const [re, kind] of RULES) if (re.test(text)) return { kind, by: 'message' }
  const byStatus = BY_HTTP_STATUS[fail.httpStatus]
  if (byStatus) return { kind: byStatus, by: 'httpStatus' }
  return { kind: FailKind.validation, by: 'nothing' }
}

export function classifyFail(fail: HepsiJetFail): FailKind {
  return explainFail(fail).kind
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
