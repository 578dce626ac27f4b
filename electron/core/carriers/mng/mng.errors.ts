import { trFold } from '../../../../shared/domain/address'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { MngDocumentedErrorCode } from '../../../../protocols/mng/mng.codes'
import { parseRetryAfterMs } from '../../net/retry-after'

/**
 * MNG Apizone refusals (docs/reference/carriers.md §3): {"error":{"Code","Message","Description"}} from MNG's
 * services, {"httpCode","httpMessage","moreInformation"} from the IBM gateway. Only two codes are
 * documented, 3002 (duplicate referenceId → skip to createbarcode) and 20001 (destination branch
 * not resolved yet, right after createOrder → retry in ~5–10 s); everything else is read from the
 * HTTP status and the message (Turkish or English), and what is still unclear is a refusal of our
 * data (carrier.validation, not retried).
 */
export const MngErrorCode = MngDocumentedErrorCode

/** §3: retry 20001 "after ~5–10 s". */
export const NOT_READY_RETRY_MS = 5_000

export type MngFault = Readonly<{
  httpStatus: number
  code: string | null
  message: string
  description: string
  /** The body came from the IBM gateway ({httpCode,…}), not from an MNG service. */
  gateway: boolean
  /** The body was one of the two error shapes (else it is kept in `description`). */
  recognized: boolean
  /** JSON cut short or spoiled on its way: nothing can be read from it. */
  garbled: boolean
  retryAfterMs?: number
}>

export const MngFaultKind = {
  /** Customer number / password or a rejected account. */
  auth: 'auth',
  /** X-IBM-Client-Id/Secret wrong, or the app is not subscribed to the API product. */
  appKeys: 'appKeys',
  /** 401 on a call made with a JWT: expired or revoked; the client logs in again once. */
  tokenRejected: 'tokenRejected',
  rateLimited: 'rateLimited',
  unavailable: 'unavailable',
  duplicate: 'duplicate',
  /** 20001: the order is not ready for createbarcode yet. */
  notReady: 'notReady',
  notFound: 'notFound',
  notCancellable: 'notCancellable',
  address: 'address',
  /** The gateway knows no such path or method: a wrong origin or base path. */
  wrongPath: 'wrongPath',
  /** A refusal whose JSON body arrived cut or spoiled: unreadable, so asked again. */
  garbled: 'garbled',
  validation: 'validation',
} as const
export type MngFaultKind = (typeof MngFaultKind)[keyof typeof MngFaultKind]

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim())
// Clients read both spellings (HT: er.Code || er.code, Description || description).
const pick = (o: Record<string, unknown>, key: string): unknown => o[key] ?? o[key.toLowerCase()]

/** Reads a non-2xx answer; never throws (a body that is neither shape is kept for the message). */
export function readMngFault(httpStatus: number, text: string, retryAfter?: string): MngFault {
  const retryAfterMs = parseRetryAfterMs(retryAfter)
  let json: unknown = null
  let garbled = false
  try {
    json = JSON.parse(text)
  } catch {
    // Not JSON: an HTML error page or an empty body is judged by the status; cut JSON is garbled.
    garbled = /^\s*[[{]/.test(text)
  }
  const o = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : null
  const inner = o && typeof pick(o, 'Error') === 'object' && pick(o, 'Error') !== null ? (pick(o, 'Error') as Record<string, unknown>) : null
  if (inner) {
    const code = str(pick(inner, 'Code'))
    return {
      httpStatus,
      code: code || null,
      message: str(pick(inner, 'Message')),
      description: str(pick(inner, 'Description')),
      gateway: false,
      recognized: true,
      garbled,
      retryAfterMs,
    }
  }
  if (o && ('httpCode' in o || 'httpMessage' in o || 'moreInformation' in o)) {
    return { httpStatus, code: null, message: str(o.httpMessage), description: str(o.moreInformation), gateway: true, recognized: true, garbled, retryAfterMs }
  }
  return { httpStatus, code: null, message: '', description: text.slice(0, 200), gateway: false, recognized: false, garbled, retryAfterMs }
}

// Message rules in order, on trFold-ed text (Turkish letters → ASCII, lower case); first match wins.
const RULES: readonly (readonly [RegExp, MngFaultKind])[] = [
  [/zaten var|daha once|already exist|duplicate/, MngFaultKind.duplicate],
  [/iptal edilemez|cannot be cancel|not cancell?able/, MngFaultKind.notCancellable],
  [/varis subesi/, MngFaultKind.notReady],
  [/(^|\W)(il|ilce|sehir|city|district)(\W|$).*(bulunamadi|gecersiz|not found|invalid)|invalid (city|district)/, MngFaultKind.address],
  [/bulunamadi|not found|kayit yok|mevcut degil/, MngFaultKind.notFound],
  [/musteri numarasi|sifre hatali|yetkisiz|unauthori[sz]ed/, MngFaultKind.auth],
]

export function classifyMngFault(f: MngFault): MngFaultKind {
  if (f.code === MngErrorCode.duplicateOrder) return MngFaultKind.duplicate
  if (f.code === MngErrorCode.destinationBranchNotFound) return MngFaultKind.notReady
  const text = trFold(`${f.message} ${f.description}`)
  if (f.gateway) {
    if (f.httpStatus === 429 || /rate limit|too many/.test(text)) return MngFaultKind.rateLimited
    if (/client id|client secret|not registered|subscri|api key/.test(text)) return MngFaultKind.appKeys
    if (f.httpStatus === 401) return /jwt|token|bearer|authorization/.test(text) ? MngFaultKind.tokenRejected : MngFaultKind.appKeys
    if (f.httpStatus === 403) return MngFaultKind.appKeys
    if (f.httpStatus === 404 || f.httpStatus === 405 || /no resources match/.test(text)) return MngFaultKind.wrongPath
  }
  if (f.httpStatus >= 500) return MngFaultKind.unavailable
  if (f.garbled) return MngFaultKind.garbled
  if (f.httpStatus === 429) return MngFaultKind.rateLimited
  if (f.httpStatus === 401) return MngFaultKind.tokenRejected
  if (f.httpStatus === 403) return MngFaultKind.auth
  if (f.httpStatus === 404 && !f.recognized && f.description !== '') return MngFaultKind.wrongPath
  if (f.httpStatus === 405) return MngFaultKind.wrongPath
  for (const [re, kind] of RULES) if (re.test(text)) return kind
  return f.httpStatus === 404 ? MngFaultKind.notFound : MngFaultKind.validation
}

const MAPPING: Readonly<Record<MngFaultKind, Readonly<{ code: ErrorCode; retryable: boolean; what: string }>>> = {
  auth: { code: ErrorCode.carrierAuth, retryable: false, what: 'refused the customer number or password' },
  appKeys: {
    code: ErrorCode.carrierAuth,
    retryable: false,
    what: 'refused the Apizone app keys (X-IBM-Client-Id/Secret wrong or the app is not subscribed to this API product)',
  },
  tokenRejected: { code: ErrorCode.carrierAuth, retryable: false, what: 'refused a fresh login token' },
  // A throttle worded in the body may carry no Retry-After: the retry's own backoff applies then.
  rateLimited: { code: ErrorCode.carrierRateLimited, retryable: true, what: 'rate limit reached' },
  unavailable: { code: ErrorCode.carrierUnavailable, retryable: true, what: 'server error' },
  duplicate: { code: ErrorCode.carrierDuplicateReference, retryable: false, what: 'already has this referenceId' },
  // Transient by the doc; the order is stored, so a later attempt under the same key resumes at createbarcode.
  notReady: { code: ErrorCode.carrierUnavailable, retryable: true, what: 'has not resolved the destination branch yet' },
  notFound: { code: ErrorCode.carrierNotFound, retryable: false, what: 'has no such order or shipment' },
  notCancellable: { code: ErrorCode.carrierNotCancellable, retryable: false, what: 'can no longer cancel it' },
  address: { code: ErrorCode.carrierAddressUnresolved, retryable: false, what: 'does not know the il/ilçe' },
  wrongPath: { code: ErrorCode.carrierBadResponse, retryable: false, what: 'knows no such path (check the origin)' },
  // Safe to repeat: reads are reads, and every write is preceded by a lookup once anything may have been stored.
  garbled: { code: ErrorCode.carrierBadResponse, retryable: true, what: 'sent an unreadable refusal' },
  validation: { code: ErrorCode.carrierValidation, retryable: false, what: 'refused the request' },
}

/** One refusal as an AppError; meta keeps MNG's code, message and the HTTP status for support. */
export function mngFaultToAppError(f: MngFault, operation: string, meta: Record<string, unknown> = {}): AppError {
  const kind = classifyMngFault(f)
  const m = MAPPING[kind]
  const retryAfterMs = kind === MngFaultKind.notReady ? Math.max(f.retryAfterMs ?? 0, NOT_READY_RETRY_MS) : f.retryAfterMs
  const detail = [f.code, f.message, f.description].filter((s) => s !== null && s !== '').join(' ')
  return new AppError(m.code, `MNG Kargo ${m.what} on ${operation} (HTTP ${f.httpStatus})${detail ? `: ${detail}` : ''}`, {
    retryable: m.retryable,
    meta: {
      operation,
      httpStatus: f.httpStatus,
      mngCode: f.code,
      mngMessage: f.message,
      mngDescription: f.description,
      faultKind: kind,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      ...meta,
    },
  })
}
