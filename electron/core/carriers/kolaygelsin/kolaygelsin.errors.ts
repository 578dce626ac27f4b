import { AppError, ErrorCode } from '../../../../shared/errors'

/**
 * Kolay Gelsin's documented refusals (docs/reference/carriers.md §7; texts and triggers from the method sections
 * of [KG] api-docs.md). Every answer has ResultCode/ResultMessage; the message is the error's name
 * (ResultCode is 500.0 for nearly all, 404.1 for the sender address). None of them is retryable:
 * the request itself is wrong, or the account is.
 */
type Entry = Readonly<{ code: ErrorCode; meaning: string }>

const V = ErrorCode.carrierValidation
export const KG_ERRORS: Readonly<Record<string, Entry>> = {
  CustomerNotFound: { code: ErrorCode.carrierAuth, meaning: 'the CustomerId is unknown, or (status query) the customer has no webhook definition' },
  'Adres müşteriye ait değil': { code: ErrorCode.carrierAuth, meaning: 'the sender AddressId does not belong to this customer' },
  NoContactsFound: { code: V, meaning: 'no recipient with this RecipientId' },
  ErrorSavingReceiver: { code: V, meaning: 'the recipient or its address lacks a required field' },
  IdentityNumberEntryIsRequired: { code: V, meaning: 'only-deliver-to-recipient needs the TC identity number' },
  IdentityNumberNotValid: { code: V, meaning: 'the TC identity number is not valid' },
  TaxIdentificationNumberInputIsRequired: { code: V, meaning: 'only-deliver-to-recipient needs the tax number' },
  TaxIdentificationNumberNotValid: { code: V, meaning: 'the tax number is not valid' },
  'Alici kimlik numarasinda gecersiz karakterler bulunuyor': { code: V, meaning: 'the identity number has characters other than digits' },
  'Alici vergi kimlik numarasinda gecersiz karakterler bulunuyor': { code: V, meaning: 'the tax number has characters other than digits' },
  CityNotFound: { code: ErrorCode.carrierAddressUnresolved, meaning: 'no city with this CityId (plate code)' },
  GeoCodeFail: { code: ErrorCode.carrierAddressUnresolved, meaning: 'the address text could not be located' },
  'Bu kordinatta kurye çalışma alanı bulunamamıştır.': {
    code: ErrorCode.carrierServiceUnsupported,
    meaning: 'the address is outside Kolay Gelsin’s courier area',
  },
  SomethingWentWrong: { code: V, meaning: 'SenderCustomer or ShipmentItemList is missing' },
  MoveOptionNotFound: { code: V, meaning: 'the PackageType is missing or unknown' },
  'Tahsilatlı kargo yapılamaz.': { code: ErrorCode.carrierServiceUnsupported, meaning: 'the contract allows no cash-on-delivery' },
  'Parametrelerin hepsi boş olamaz': { code: V, meaning: 'the status query named no shipment' },
}

/** "Sipariş kaydedilemedi. Hata detayı: …" (recipient or its address missing) carries a varying detail. */
const ORDER_NOT_SAVED = /^Sipariş kaydedilemedi\./i

export type KgFailure = Readonly<{ httpStatus: number; resultCode: number; message: string }>

const fold = (s: string) => s.trim().toLocaleLowerCase('tr-TR').replace(/ı/g, 'i')
const BY_MESSAGE = new Map(Object.entries(KG_ERRORS).map(([k, v]) => [fold(k), { name: k, ...v }]))

/** The documented error a failure names, or null. */
export function kgErrorOf(f: KgFailure): (Entry & { name: string }) | null {
  const hit = BY_MESSAGE.get(fold(f.message))
  if (hit) return hit
  return ORDER_NOT_SAVED.test(f.message.trim())
    ? { name: 'Sipariş kaydedilemedi', code: V, meaning: 'the shipment could not be saved (recipient or address missing)' }
    : null
}

export const isKgCustomerNotFound = (f: KgFailure): boolean => kgErrorOf(f)?.name === 'CustomerNotFound'

/**
 * A failure → AppError. Documented messages map by the table; ResultCode 401/403 is auth and 429 a
 * throttle (retryable). Any other message is one no document explains: carrier.validation, not
 * retryable, flagged `unknownMessage` (ResultCode 500.0 is also what business errors use, so a 500
 * alone does not say "server down").
 */
export function kgErrorToAppError(f: KgFailure, operation: string, meta: Record<string, unknown> = {}): AppError {
  const base = { ...meta, operation, httpStatus: f.httpStatus, resultCode: f.resultCode, resultMessage: f.message }
  const known = kgErrorOf(f)
  if (known)
    return new AppError(known.code, `Kolay Gelsin refused ${operation}: ${known.meaning} (${f.resultCode} ${f.message})`, {
      retryable: false,
      meta: { ...base, kgError: known.name },
    })
  const rc = Math.floor(f.resultCode)
  if (rc === 401 || rc === 403) return new AppError(ErrorCode.carrierAuth, `Kolay Gelsin refused the token on ${operation}`, { retryable: false, meta: base })
  if (rc === 429) return new AppError(ErrorCode.carrierRateLimited, `Kolay Gelsin rate limit reached on ${operation}`, { retryable: true, meta: base })
  return new AppError(ErrorCode.carrierValidation, `Kolay Gelsin refused ${operation} with a message no document explains (${f.resultCode}: ${f.message})`, {
    retryable: false,
    meta: { ...base, unknownMessage: true },
  })
}
