import { trFold } from '../../../../shared/domain/address'
import { SURAT_OK_CODES, SuratCode } from '../../../../protocols/surat/surat.codes'
import { AppError, ErrorCode } from '../../../../shared/errors'

/**
 * Sürat's result codes (docs/reference/carriers.md §5, from HT): the create operations answer "Tamam" or a code,
 * in isError/Message or as a plain string. Codes travel inside a message ("009 - …", "[009]"), so
 * the first stand-alone 3-digit group is the code, as HT reads it. The codes: protocols/surat/surat.codes.ts.
 */
export const SuratResultCode = SuratCode

export { SURAT_OK_CODES }

export type SuratCodeMeaning = Readonly<{ code: ErrorCode; retryable: boolean; what: string }>

const C = SuratCode

/** Every documented failure code → ErrorCode + retryable (the codes: protocols/surat/surat.codes.ts). */
export const SURAT_RESULT_CODES: Readonly<Record<string, SuratCodeMeaning>> = {
  [C.badCredentials]: { code: ErrorCode.carrierAuth, retryable: false, what: 'wrong Cari Kodu or password' },
  [C.nameMissing]: { code: ErrorCode.carrierValidation, retryable: false, what: 'recipient name (KisiKurum) missing' },
  [C.addressMissing]: { code: ErrorCode.carrierValidation, retryable: false, what: 'recipient address (AliciAdresi) missing' },
  [C.ilIlceMissing]: { code: ErrorCode.carrierAddressUnresolved, retryable: false, what: 'il / ilçe missing or unknown' },
  [C.desiKg]: { code: ErrorCode.carrierValidation, retryable: false, what: 'desi / kg must be greater than zero' },
  [C.duplicate]: { code: ErrorCode.carrierDuplicateReference, retryable: false, what: 'a shipment with this OzelKargoTakipNo already exists' },
  // The account has no contract: a station setting, not the order, must change.
  [C.noContract]: { code: ErrorCode.carrierServiceUnsupported, retryable: false, what: 'no Sürat contract for this account' },
  [C.phoneFormat]: { code: ErrorCode.carrierValidation, retryable: false, what: 'phone number format is wrong' },
  [C.phoneDigits]: { code: ErrorCode.carrierValidation, retryable: false, what: 'phone number must be digits only' },
  [C.phoneWrong]: { code: ErrorCode.carrierValidation, retryable: false, what: 'phone number is wrong' },
  [C.phonePrefix]: { code: ErrorCode.carrierValidation, retryable: false, what: 'mobile number must start with 05' },
  [C.phoneWrongToo]: { code: ErrorCode.carrierValidation, retryable: false, what: 'phone number is wrong' },
  [C.phoneLength]: { code: ErrorCode.carrierValidation, retryable: false, what: 'mobile number must have at least 10 digits' },
  // "Takip numarası oluşturulamadı, tekrar deneyin": Sürat itself asks for a retry.
  [C.retry]: { code: ErrorCode.carrierUnavailable, retryable: true, what: 'Sürat could not create a tracking number; try again' },
  [C.systemError]: { code: ErrorCode.carrierUnavailable, retryable: true, what: 'Sürat system error' },
  [C.noBarcodePermission]: { code: ErrorCode.carrierServiceUnsupported, retryable: false, what: 'the account lacks barcode permission' },
} satisfies Readonly<Record<SuratCode, SuratCodeMeaning>>

export type SuratOutcome = Readonly<{ ok: boolean; code: string | null; duplicate: boolean; noPermission: boolean; message: string }>

const DUPLICATE_TEXT = /daha once olusturulmus|gonderi olusmustur|daha once kaydedilmis/

/** The 3-digit code in a Sürat message, or null. */
export function suratCodeOf(message: string): string | null {
  return /(?:^|[^\d])(\d{3})(?!\d)/.exec(message)?.[1] ?? null
}

/**
 * Reads a create answer. `isError` (the newer operations) decides success when given; a plain
 * string (GonderiyiKargoyaGonderYeni) succeeds only as "Tamam" or an OK code, so an unknown text
 * is a failure the operator sees, never a silent success.
 */
export function readSuratMessage(raw: string, isError?: boolean): SuratOutcome {
  const message = raw.trim().replace(/^"|"$/g, '')
  const code = suratCodeOf(message)
  const ok = isError === undefined ? /^tamam\b/i.test(message) || (code !== null && SURAT_OK_CODES.has(code)) : !isError
  const duplicate = !ok && (code === SuratResultCode.duplicate || DUPLICATE_TEXT.test(trFold(message)))
  return { ok, code, duplicate, noPermission: !ok && code === SuratResultCode.noBarcodePermission, message }
}

/** A refused create as an AppError; an unknown or missing code is a refusal of our data. */
export function suratResultToAppError(outcome: SuratOutcome, operation: string, meta: Record<string, unknown> = {}): AppError {
  const m = outcome.code !== null ? SURAT_RESULT_CODES[outcome.code] : undefined
  const byText = m ?? (/sifre|kullanici adi/.test(trFold(outcome.message)) ? SURAT_RESULT_CODES[SuratCode.badCredentials] : undefined)
  const known = byText ?? { code: ErrorCode.carrierValidation, retryable: false, what: 'refused' }
  return new AppError(known.code, `Sürat refused ${operation}${outcome.code ? ` (${outcome.code})` : ''}: ${outcome.message || known.what}`, {
    retryable: known.retryable,
    meta: { operation, suratCode: outcome.code, suratMessage: outcome.message, ...meta },
  })
}

/** What a free-text answer (GonderiSil, GonderiGeriCek, KargoBarkodu, tracking errors) says. */
export const SuratTextKind = {
  ok: 'ok',
  auth: 'auth',
  noPermission: 'noPermission',
  reasonMissing: 'reasonMissing',
  notCancellable: 'notCancellable',
  cancelled: 'cancelled',
  notFound: 'notFound',
  awaitingAcceptance: 'awaitingAcceptance',
  unknown: 'unknown',
} as const
export type SuratTextKind = (typeof SuratTextKind)[keyof typeof SuratTextKind]

// Unpublished wording (docs/reference/carriers.md §5 gives only HT's success test /başar|silindi|tamam/): the rules
// read Turkish keywords after trFold, first match wins, so "iptal edilemez" is not "iptal edildi".
const TEXT_RULES: readonly (readonly [RegExp, SuratTextKind])[] = [
  [/(^|\D)001(\D|$)|sifre|kullanici adi/, SuratTextKind.auth],
  [/(^|\D)050(\D|$)|yetki/, SuratTextKind.noPermission],
  [/iptal neden/, SuratTextKind.reasonMissing],
  [/silinemez|geri cekilemez|iptal edilemez|teslim edilmis|kabul edilmis/, SuratTextKind.notCancellable],
  [/iptal edil|silinmis|geri cekilmis/, SuratTextKind.cancelled],
  [/bulunamad|kayit yok|mevcut degil|kayit bulunm/, SuratTextKind.notFound],
  [/kabul(u)? bekleniyor|henuz kabul/, SuratTextKind.awaitingAcceptance],
]

export function classifySuratText(raw: string): SuratTextKind {
  const t = trFold(raw)
  for (const [re, kind] of TEXT_RULES) if (re.test(t)) return kind
  // omniship reads "HATA…" as failure; HT reads /başar|silindi|tamam/ as success.
  if (!t.startsWith('hata') && /^tamam\b|basari|silindi/.test(t)) return SuratTextKind.ok
  return SuratTextKind.unknown
}

const TEXT_MEANING: Readonly<Record<Exclude<SuratTextKind, 'ok' | 'awaitingAcceptance'>, SuratCodeMeaning>> = {
  auth: { code: ErrorCode.carrierAuth, retryable: false, what: 'wrong Cari Kodu or (web service) password' },
  noPermission: { code: ErrorCode.carrierServiceUnsupported, retryable: false, what: 'the account lacks this permission' },
  reasonMissing: { code: ErrorCode.carrierValidation, retryable: false, what: 'IptalNeden is required' },
  notCancellable: { code: ErrorCode.carrierNotCancellable, retryable: false, what: 'the shipment can no longer be cancelled' },
  cancelled: { code: ErrorCode.carrierNotFound, retryable: false, what: 'the shipment was cancelled' },
  notFound: { code: ErrorCode.carrierNotFound, retryable: false, what: 'no shipment with this key' },
  unknown: { code: ErrorCode.carrierValidation, retryable: false, what: 'refused' },
}

/** A failed free-text answer as an AppError (ok / awaitingAcceptance are not failures and are refused here). */
export function suratTextToAppError(kind: SuratTextKind, text: string, operation: string, meta: Record<string, unknown> = {}): AppError {
  if (kind === SuratTextKind.ok || kind === SuratTextKind.awaitingAcceptance) throw new TypeError(`"${kind}" is not a failure`)
  const m = TEXT_MEANING[kind]
  return new AppError(m.code, `Sürat ${operation}: ${text.trim() || m.what}`, {
    retryable: m.retryable,
    meta: { operation, suratMessage: text, textKind: kind, ...meta },
  })
}
