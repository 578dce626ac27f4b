import type { QuoteOption } from '../rates'
import { CARRIER_CHANGE_REASON_MESSAGES, reasonPair, type CarrierChangeReasonKey } from './desk-reasons'

/** The reason as stored: "Türkçe / English". */
export function carrierChangeReasonText(key: CarrierChangeReasonKey): string {
  return reasonPair(CARRIER_CHANGE_REASON_MESSAGES[key])
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
