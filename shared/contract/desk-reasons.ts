/**
 * The reasons a supervisor picks by digit (1…) at the desk. The core routes the digit scans and sends the
 * chosen reason, Turkish / English, to the audit log (override) or to the carrier's return record (return);
 * the renderer shows the same wording (renderer/src/i18n.ts takes these entries into its messages).
 */
export const OVERRIDE_REASON_MESSAGES = {
  'override.reason.catalog': { tr: 'Katalog ağırlığı yanlış', en: 'Catalogue weight is wrong' },
  'override.reason.packing': { tr: 'Ek dolgu / ambalaj', en: 'Extra packing material' },
  'override.reason.customer': { tr: 'Müşteri isteği / hediye paketi', en: 'Customer request / gift wrap' },
  'override.reason.checked': { tr: 'Süpervizör kontrol etti', en: 'Checked by supervisor' },
} as const

export const RETURN_REASON_MESSAGES = {
  'return.reason.size': { tr: 'Beden / ölçü uymadı', en: 'Wrong size' },
  'return.reason.damaged': { tr: 'Hasarlı ya da kusurlu', en: 'Damaged or defective' },
  'return.reason.wrongItem': { tr: 'Yanlış ürün gönderildi', en: 'Wrong item sent' },
  'return.reason.changedMind': { tr: 'Müşteri vazgeçti', en: 'Customer changed their mind' },
  'return.reason.other': { tr: 'Diğer', en: 'Other' },
} as const

/** Why a bought label is voided at the desk (F8 on a shown shipment; shipments.cancel's reason). */
export const VOID_REASON_MESSAGES = {
  'void.reason.wrongBox': { tr: 'Yanlış koli / yeniden paketlenecek', en: 'Wrong box / to be re-packed' },
  'void.reason.wrongCarrier': { tr: 'Yanlış taşıyıcı', en: 'Wrong carrier' },
  'void.reason.customer': { tr: 'Müşteri vazgeçti', en: 'Customer cancelled' },
  'void.reason.labelDamaged': { tr: 'Etiket bozuk', en: 'Label damaged' },
} as const

/**
 * Why the packer takes another carrier than the desk's suggestion (issue 12, "Box and carrier choice"). Picked by digit
 * in the carrier prompt (Ctrl+K); stored Turkish / English in the audit log (order.carrierChanged) and on the chosen
 * option's reason, so the comparison and the report say it.
 */
export const CARRIER_CHANGE_REASON_MESSAGES = {
  'carrierChange.reason.customer': { tr: 'Müşteri bu taşıyıcıyı istedi', en: 'The customer asked for this carrier' },
  'carrierChange.reason.faster': { tr: 'Daha hızlı teslim gerekli', en: 'Faster delivery needed' },
  'carrierChange.reason.area': { tr: 'Önerilen taşıyıcı bu bölgede sorunlu', en: 'The suggested carrier has trouble in this area' },
  'carrierChange.reason.pickup': { tr: 'Önerilen taşıyıcının alımı kaçtı', en: "The suggested carrier's pickup has gone" },
} as const

export type CarrierChangeReasonKey = keyof typeof CARRIER_CHANGE_REASON_MESSAGES

export type OverrideReasonKey = keyof typeof OVERRIDE_REASON_MESSAGES
export type ReturnReasonKey = keyof typeof RETURN_REASON_MESSAGES

/** In digit order. */
export const OVERRIDE_REASONS = Object.keys(OVERRIDE_REASON_MESSAGES) as readonly OverrideReasonKey[]
export const RETURN_REASONS = Object.keys(RETURN_REASON_MESSAGES) as readonly ReturnReasonKey[]
export const VOID_REASONS = Object.keys(VOID_REASON_MESSAGES) as readonly (keyof typeof VOID_REASON_MESSAGES)[]
export const CARRIER_CHANGE_REASONS = Object.keys(CARRIER_CHANGE_REASON_MESSAGES) as readonly CarrierChangeReasonKey[]

/** The reason at `index` (the first one when out of range), as stored: "Türkçe / English". */
export function overrideReasonText(index: number): string {
  return reasonText(OVERRIDE_REASON_MESSAGES, OVERRIDE_REASONS, index)
}

export function returnReasonText(index: number): string {
  return reasonText(RETURN_REASON_MESSAGES, RETURN_REASONS, index)
}

export function voidReasonText(index: number): string {
  return reasonText(VOID_REASON_MESSAGES, VOID_REASONS, index)
}

function reasonText<K extends string>(messages: Readonly<Record<K, Readonly<{ tr: string; en: string }>>>, keys: readonly K[], index: number): string {
  return reasonPair(messages[keys[index] ?? keys[0]!])
}

/** A reason as stored in the audit log and on records: "Türkçe / English". */
export function reasonPair(m: Readonly<{ tr: string; en: string }>): string {
  return `${m.tr} / ${m.en}`
}
