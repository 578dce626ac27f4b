import type { QuoteOption } from '../rates'

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

/** In digit order. */
export const CARRIER_CHANGE_REASONS = Object.keys(CARRIER_CHANGE_REASON_MESSAGES) as readonly CarrierChangeReasonKey[]

/** The reason as stored: "Türkçe / English". */
export function carrierChangeReasonText(key: CarrierChangeReasonKey): string {
  const m = CARRIER_CHANGE_REASON_MESSAGES[key]
  return `${m.tr} / ${m.en}`
}

/** The reason a changed option carries on the comparison and the shipment: "Paketçi değiştirdi: … / changed by the packer: …". */
export function pickedReason(reason: CarrierChangeReasonKey | null): string {
  if (!reason) return 'Paketçi seçti / taken by the packer'
  const m = CARRIER_CHANGE_REASON_MESSAGES[reason]
  return `Paketçi değiştirdi: ${m.tr} / changed by the packer: ${m.en}`
}

/**
 * The comparison's order on screen (CarrierPanel) and in the carrier prompt: eligible first, cheapest, fastest. The
 * row keys 1…N follow it, so a key means the same carrier in both.
 */
export function screenOrder(a: QuoteOption, b: QuoteOption): number {
  return Number(b.eligible) - Number(a.eligible) || (a.priceKurus ?? 0) - (b.priceKurus ?? 0) || a.transitDays - b.transitDays
}

/**
 * What a change to this option takes, by the station's rules (electron/core/rates/carrier-change.rules.ts):
 * nothing (not dearer), a reason (dearer), a reason and a supervisor's badge (dearer than the station's
 * supervisor limit), or it is refused (with the notice code that says why).
 */
export type CarrierChangeNeed = 'none' | 'reason' | 'supervisor' | 'refused'

/** One row of the carrier prompt: the comparison's option (prices masked below manager), its key and what taking it needs. */
export type CarrierChangeOptionView = Readonly<{
  key: number
  option: QuoteOption
  suggested: boolean
  picked: boolean
  need: CarrierChangeNeed
  /** Why it is refused (a notice code of shared/i18n), null when it may be taken. */
  refusal: string | null
}>

/** The carrier prompt's content: the open order's comparison, priced on its box and expected weight. */
export type CarrierChangeView = Readonly<{
  orderNumber: string
  /** The desk's own choice by the rules. */
  suggested: QuoteOption | null
  rows: readonly CarrierChangeOptionView[]
}>
