/**
 * Field checks with the messages ComToHome answers with. Seed 001 gives the blank / missing /
 * reference / provider / service / document messages verbatim; they are Symfony validator texts
 * (Turkish translation), so the other generic ones (type, length, choice, range) are taken from
 * Symfony's validators.tr.xlf as well. "Bu alan, eksiktir" has no final period in the seed.
 */
export const Msg = {
  blank: 'Bu değer boş bırakılmamalıdır.',
  missing: 'Bu alan, eksiktir',
  type: (type: string) => `Bu değerin tipi ${type} olmalıdır.`,
  tooLong: (n: number) => `Bu değer çok uzun. ${n} karakter veya daha az olmalıdır.`,
  tooShort: (n: number) => `Bu değer çok kısa. ${n} karakter veya daha fazla olmalıdır.`,
  exactLength: (n: number) => `Bu değer tam olarak ${n} karakter olmalıdır.`,
  choice: 'Seçtiğiniz değer geçerli bir seçenek değil.',
  atLeast: (n: number) => `Bu değer ${n} veya daha fazla olmalıdır.`,
  // Our rule and wording: seed 001 types sizes as Float without bounds; no carrier takes a 0 cm parcel.
  positive: 'Bu değer pozitif olmalıdır.',
  // Our wording for seed 001's rule "both addresses must be inside Turkey".
  domesticOnly: 'Yurtiçi gönderilerde ülke kodu TR olmalıdır.',
  duplicateReference: (ref: string) => `${ref} Referans numarası kullanılmaktadır.`,
  providerNotDefined: (customerId: number, providerId: number) => `${customerId} ID'li müşteri için ${providerId} ID'li kargo sağlayıcısı tanımlanmamıştır.`,
  serviceUnsupported: (service: string) => `Kargo sağlayıcısı bu özel servisi desteklememektedir: [${service}]`,
  // The seed shows no sample; brackets as in the special-service sample, ids comma separated.
  documentsInvalid: (ids: readonly number[]) => `Doküman ID'leri geçersizdir: [${ids.join(', ')}]`,
} as const

/** One entry of the seed's error envelope `{ status: false, errors: [{ message, field }] }`. */
export type FieldError = Readonly<{ message: string; field: string | null }>

export type Json = Record<string, unknown>

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

type StringRule = Readonly<{ required?: boolean; max?: number; min?: number; exact?: number }>

/** Collects every field error of one request (the seed answers them all at once). */
export class FieldChecks {
  readonly errors: FieldError[] = []

  add(field: string | null, message: string): void {
    this.errors.push({ field, message })
  }

  /** Missing key vs present-but-empty, as the seed distinguishes them. */
  private present(obj: Json, key: string, path: string, required: boolean): boolean {
    const v = obj[key]
    if (!(key in obj) || v === undefined) {
      if (required) this.add(path, Msg.missing)
      return false
    }
    if (v === null || v === '' || (Array.isArray(v) && v.length === 0)) {
      if (required) this.add(path, Msg.blank)
      return false
    }
    return true
  }

  string(obj: Json, key: string, path: string, rule: StringRule = {}): string | undefined {
    const required = rule.required ?? false
    // An optional empty string is a value (Length passes it); a required one was just reported blank.
    if (!this.present(obj, key, path, required)) return obj[key] === '' && !required ? '' : undefined
    const v = obj[key]
    if (typeof v !== 'string') return void this.add(path, Msg.type('string'))
    const length = [...v].length // characters, as mb_strlen counts them
    if (rule.exact !== undefined && length !== rule.exact) return void this.add(path, Msg.exactLength(rule.exact))
    if (rule.min !== undefined && length < rule.min) return void this.add(path, Msg.tooShort(rule.min))
    if (rule.max !== undefined && length > rule.max) return void this.add(path, Msg.tooLong(rule.max))
    return v
  }

  int(obj: Json, key: string, path: string, required = false): number | undefined {
    if (!this.present(obj, key, path, required)) return undefined
    const v = obj[key]
    if (typeof v !== 'number' || !Number.isInteger(v)) return void this.add(path, Msg.type('integer'))
    return v
  }

  /** Seed "Float" fields; the seed samples send integers there too (weight: 1), so any number passes. */
  number(obj: Json, key: string, path: string, rule: Readonly<{ required?: boolean; positive?: boolean }> = {}): number | undefined {
    if (!this.present(obj, key, path, rule.required ?? false)) return undefined
    const v = obj[key]
    if (typeof v !== 'number' || !Number.isFinite(v)) return void this.add(path, Msg.type('float'))
    if (rule.positive && v <= 0) return void this.add(path, Msg.positive)
    return v
  }

  bool(obj: Json, key: string, path: string): boolean | undefined {
    if (!this.present(obj, key, path, false)) return undefined
    const v = obj[key]
    if (typeof v !== 'boolean') return void this.add(path, Msg.type('bool'))
    return v
  }

  object(obj: Json, key: string, path: string, required = false): Json | undefined {
    if (!this.present(obj, key, path, required)) return undefined
    const v = obj[key]
    if (!isObject(v)) return void this.add(path, Msg.type('array'))
    return v
  }

  /** Arrays: `required` also rejects an empty one (Symfony NotBlank on a collection). */
  array(obj: Json, key: string, path: string, required = false): readonly unknown[] | undefined {
    if (!this.present(obj, key, path, required)) return undefined
    const v = obj[key]
    if (!Array.isArray(v)) return void this.add(path, Msg.type('array'))
    return v
  }

  /** True when an error was recorded on `path` (to skip dependent checks such as address lookup). */
  has(path: string): boolean {
    return this.errors.some((e) => e.field === path)
  }
}
