import { trFold } from '../../../../shared/domain/address'
import { PTT_AUTH_CODE } from '../../../../protocols/ptt/ptt.codes'
import { AppError, ErrorCode } from '../../../../shared/errors'

/**
 * PTT result codes → ErrorCode + retryable (docs/reference/carriers.md §4). Refusals come in HTTP 200 as
 * hataKodu/aciklama (kabul operations), donguHataKodu/donguAciklama (per parcel) or
 * sonucKodu/sonucAciklama (tracking, pickup). Only two facts are documented: success is 1 (HT, a
 * Laravel client) or 0 (BX) — the connector's `successCode` option, default 1 as §4 advises — and
 * -1 with "Kullanıcı Şifre Hatalı" is bad credentials. Every other code is unpublished, so a refusal
 * is read by its Turkish text (the emulator's own codes are placeholders the connector does not know).
 */

export const PttErrorKind = {
  auth: 'auth',
  /** The barcode already carries data: for kabulEkle2 that confirms an earlier attempt. */
  duplicate: 'duplicate',
  notFound: 'notFound',
  /** Accepted at the branch: barkodVeriSil only works before acceptance (§4). */
  notCancellable: 'notCancellable',
  /** Check digit wrong or barcode outside the customer's range. */
  barcode: 'barcode',
  address: 'address',
  validation: 'validation',
  /** PTT-side trouble; asking again is safe (our barcode is the key). */
  server: 'server',
} as const
export type PttErrorKind = (typeof PttErrorKind)[keyof typeof PttErrorKind]

/**
 * docs/reference/carriers.md §4: -1 = bad credentials, the one documented code. PTT publishes no other, so
 * no other is read by number here (an emulator's placeholder must never become a production default):
 * every other refusal is read by its text below.
 */
export const PTT_RESULT_CODES: Readonly<Record<string, PttErrorKind>> = {
  [PTT_AUTH_CODE]: PttErrorKind.auth,
}

// Read on folded text (Turkish case and letters → ASCII); the order matters (first match wins).
const TEXT_RULES: readonly (readonly [RegExp, PttErrorKind])[] = [
  [/sifre|parola|password|yetkisiz|yetkiniz yok|unauthori|kullanici adi|kullanici bilgi/, PttErrorKind.auth],
  [/sistem hatasi|beklenmeyen|hata olustu|zaman asimi|timeout|hizmet disi|kullanilamiyor|exception|tekrar deneyin/, PttErrorKind.server],
  [/ilce|\bil adi|\bil bilgisi|\bil kodu|sehir/, PttErrorKind.address],
  [/kontrol (hanesi|basamagi|digiti)|check digit|aralig|araligi|aralik|range|barkod (formati|hatali|gecersiz)|gecersiz barkod/, PttErrorKind.barcode],
  [/daha once|zaten|mevcut|kayitli|kullanilmis|mukerrer|already|exists|duplicate/, PttErrorKind.duplicate],
  [/silinemez|iptal edilemez|kabul edil|kabulu yapil|islem gormus|cannot be (deleted|cancell?ed)/, PttErrorKind.notCancellable],
  [/bulunamadi|bulunmamaktadir|kayit yok|kaydi yok|yoktur|not found/, PttErrorKind.notFound],
]

/** The kind of one refusal: a known code decides; otherwise the text; otherwise a validation refusal. */
export function classifyPttRefusal(code: string, message: string): Readonly<{ kind: PttErrorKind; known: boolean }> {
  const byCode = PTT_RESULT_CODES[code.trim()]
  if (byCode) return { kind: byCode, known: true }
  const text = trFold(message)
  const byText = TEXT_RULES.find(([re]) => re.test(text))?.[1]
  return byText ? { kind: byText, known: true } : { kind: PttErrorKind.validation, known: false }
}

const MAPPING: Readonly<Record<PttErrorKind, Readonly<{ code: ErrorCode; retryable: boolean }>>> = {
  auth: { code: ErrorCode.carrierAuth, retryable: false },
  duplicate: { code: ErrorCode.carrierDuplicateReference, retryable: false },
  notFound: { code: ErrorCode.carrierNotFound, retryable: false },
  notCancellable: { code: ErrorCode.carrierNotCancellable, retryable: false },
  barcode: { code: ErrorCode.carrierValidation, retryable: false },
  address: { code: ErrorCode.carrierAddressUnresolved, retryable: false },
  validation: { code: ErrorCode.carrierValidation, retryable: false },
  server: { code: ErrorCode.carrierUnavailable, retryable: true },
}

export function pttErrorMapping(kind: PttErrorKind): Readonly<{ code: ErrorCode; retryable: boolean }> {
  return MAPPING[kind]
}

/** One PTT refusal as an AppError; meta keeps PTT's code and text. */
export function pttRefusalError(operation: string, code: string, message: string, meta: Record<string, unknown> = {}): AppError {
  const { kind, known } = classifyPttRefusal(code, message)
  const m = MAPPING[kind]
  const text = message.trim() || `kod ${code}`
  return new AppError(m.code, `PTT ${operation} refused (${code}): ${text}`, {
    retryable: m.retryable,
    meta: {
      operation,
      pttCode: code,
      pttMessage: message,
      kind,
      ...(known ? {} : { unknownResultCode: true }),
      ...(kind === PttErrorKind.barcode ? { field: 'barkodNo' } : {}),
      ...meta,
    },
  })
}

export type PttSoapFault = Readonly<{ faultcode: string; faultstring: string }>

/**
 * A SOAP fault as an AppError. Tracking sits behind a gateway that answers "Policy Falsified"
 * until PTT enables it for the customer (§4 [BX]): a setup matter, not retried. Client-side faults
 * mean our envelope or SOAPAction is wrong (a bug); Server faults are PTT trouble and retried.
 */
export function pttFaultError(fault: PttSoapFault, operation: string, httpStatus: number): AppError {
  const meta = { operation, httpStatus, faultcode: fault.faultcode, faultstring: fault.faultstring }
  if (/policy falsified|service not found/i.test(fault.faultstring)) {
    return new AppError(
      ErrorCode.carrierServiceUnsupported,
      `PTT's gateway did not route ${operation} ("${fault.faultstring}"): PTT opens this service per customer; ask PTT to enable it for this account`,
      { retryable: false, meta },
    )
  }
  if (/operation not found|no such operation|cannot find dispatch method/i.test(fault.faultstring)) {
    // The service does not have this operation (etiketGetir is in neither published WSDL): a fact about
    // PTT's service, not about the order, so never carrier.validation.
    return new AppError(ErrorCode.carrierServiceUnsupported, `PTT's service has no ${operation} operation ("${fault.faultstring}")`, {
      retryable: false,
      meta: { ...meta, operationMissing: true },
    })
  }
  if (classifyPttRefusal('', fault.faultstring).kind === PttErrorKind.auth) {
    return new AppError(ErrorCode.carrierAuth, `PTT refused the credentials on ${operation}: ${fault.faultstring}`, { retryable: false, meta })
  }
  const local = fault.faultcode.replace(/^.*:/, '').split('.')[0] ?? ''
  if (['Client', 'Sender', 'VersionMismatch', 'MustUnderstand'].includes(local)) {
    return new AppError(ErrorCode.carrierValidation, `PTT refused the ${operation} envelope (${fault.faultcode}): ${fault.faultstring}`, {
      retryable: false,
      meta,
    })
  }
  return new AppError(ErrorCode.carrierUnavailable, `PTT server fault on ${operation} (${fault.faultcode}): ${fault.faultstring}`, { retryable: true, meta })
}
