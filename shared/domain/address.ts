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

/** Normalizes a Turkish phone number to 10 digits (strips +90 / 0); null when it is not one. */
export function normalizeTrPhone(raw: string | null | undefined): string | null {
  if (!raw) return null
  let digits = raw.replace(/\D/g, '')
  if (digits.startsWith('90') && digits.length === 12) digits = digits.slice(2)
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
