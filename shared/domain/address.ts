/** A Turkish postal address as the desk stores it (il = city, ilçe = district). */
export type Address = Readonly<{
  name: string
  address: string
  district: string
  city: string
  postalCode: string | null
  phone: string | null
  email?: string | null
}>

/**
 * Normalizes a Turkish phone number to 10 digits; null when it is not one. Strips spaces, dashes,
 * parentheses and the prefixes +90, 0090, 90 (only with 10 digits after it) and the trunk 0, also
 * combined as in "+90 (0532) …". Any 10 digits pass here; parseTrPhone also checks the number plan.
 */
export function normalizeTrPhone(raw: string | null | undefined): string | null {
  if (!raw) return null
  let digits = raw.replace(/\D/g, '')
  if (digits.startsWith('00') && !digits.startsWith('0090')) return null // another country's international prefix
  if (digits.startsWith('0090')) digits = digits.slice(4)
  else if (digits.startsWith('90') && (digits.length === 12 || (digits.length === 13 && digits[2] === '0'))) digits = digits.slice(2)
  if (digits.startsWith('0') && digits.length === 11) digits = digits.slice(1)
  return digits.length === 10 ? digits : null
}

/** Turkish-aware upper case (i → İ, ı → I). */
export function trUpper(s: string): string {
  return s.toLocaleUpperCase('tr-TR')
}

/** Turkish-aware case folding for matching il/ilçe names ("kadikoy" ~ "Kadıköy"). */
export function trFold(s: string): string {
  return s
    .toLocaleLowerCase('tr-TR')
    .replace(/ı/g, 'i')
    .replace(/ğ/g, 'g')
    .replace(/ü/g, 'u')
    .replace(/ş/g, 's')
    .replace(/ö/g, 'o')
    .replace(/ç/g, 'c')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Compact matching key for place names: trFold, then accents (â, î, û) and punctuation dropped and
 * spaces removed, so "K. Maraş", "k.maras" and "KMARAŞ" all become "kmaras", "19 Mayıs" → "19mayis".
 */
export function trNameKey(s: string): string {
  return trFold(s.normalize('NFKD').replace(/\u0307/g, ''))
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]/g, '')
}

export const TrPhoneKind = {
  /** 5xx: GSM operators. */
  mobile: 'mobile',
  /** 2xx, 3xx, 4xx: geographic area codes. */
  landline: 'landline',
  /** 850 (nationwide non-geographic) and 800 (toll-free). */
  service: 'service',
} as const
export type TrPhoneKind = (typeof TrPhoneKind)[keyof typeof TrPhoneKind]

export type TrPhone = Readonly<{
  /** 10 digits without the trunk 0: area/operator code + subscriber number (what Yurtiçi, Sürat, MNG want). */
  national: string
  /** +90 and the 10 digits. */
  e164: string
  kind: TrPhoneKind
}>

/**
 * Parses a Turkish phone number written any common way ("+90 (532) 123 45 67", "0090 532 1234567",
 * "0 212 555 01 23", "(0532) 123-45-67", "+90 (0532) …") and says whether it is a mobile or a landline.
 * Null when it is not a 10-digit Turkish number or its first digit is not a Turkish number plan
 * prefix (2–5, 8); 444 call-centre numbers (7 digits, no area code) are not accepted by carriers either.
 */
export function parseTrPhone(raw: string | null | undefined): TrPhone | null {
  const national = normalizeTrPhone(raw)
  if (!national) return null
  const first = national[0]
  const kind =
    first === '5'
      ? TrPhoneKind.mobile
      : first === '2' || first === '3' || first === '4'
        ? TrPhoneKind.landline
        : national.startsWith('850') || national.startsWith('800')
          ? TrPhoneKind.service
          : null
  return kind ? { national, e164: `+90${national}`, kind } : null
}
