import type { CarrierChangeNeed } from '../../../shared/contract/carrier-change'
import type { QuoteOption } from '../../../shared/rates'

/** station.json `rates.carrierChange`, as the rules read it (rates.config.ts). */
export type CarrierChangeRules = Readonly<{
  enabled: boolean
  /** A change dearer than the suggestion by more than this is refused; null: no cap. */
  maxExtraKurus: number | null
  /** A change dearer than the suggestion by more than this needs a supervisor's badge (and a reason). */
  supervisorAboveKurus: number
  /** The contracts the packer may change to: the platform agreement, the seller's own, or both. */
  contracts: readonly QuoteOption['contract'][]
}>

export type CarrierChangeVerdict =
  | Readonly<{ allowed: true; need: Exclude<CarrierChangeNeed, 'refused'>; extraKurus: number }>
  | Readonly<{ allowed: false; need: 'refused'; refusal: CarrierChangeRefusal }>

/** Why a change is refused; each is a notice code (shared/i18n) that says it to the packer. */
export const CarrierChangeRefusal = {
  disabled: 'carrierChange.disabled',
  noSuggestion: 'carrierChange.noSuggestion',
  unknown: 'carrierChange.unknownOption',
  ineligible: 'carrierChange.ineligible',
  contract: 'carrierChange.contractNotAllowed',
  unpriced: 'carrierChange.unpriced',
  priceCap: 'carrierChange.aboveCap',
} as const
export type CarrierChangeRefusal = (typeof CarrierChangeRefusal)[keyof typeof CarrierChangeRefusal]

export const sameOption = (a: Pick<QuoteOption, 'carrierId' | 'serviceCode'>, b: Pick<QuoteOption, 'carrierId' | 'serviceCode'>): boolean =>
  a.carrierId === b.carrierId && a.serviceCode === b.serviceCode

/**
 * May the packer take `target` instead of the desk's `suggested` option, and what does it take? Pure: the same
 * comparison (options priced by shared/rates selectCarrier for this parcel and recipient) decides on screen and
 * again right before the purchase. The comparison's eligibility already holds the carrier rules: it delivers to
 * the ilçe, it takes cash on delivery when the order is COD, weight/desi limits, a marketplace mandate.
 */
export function judgeCarrierChange(
  rules: CarrierChangeRules,
  options: readonly QuoteOption[],
  suggested: QuoteOption | null,
  target: Pick<QuoteOption, 'carrierId' | 'serviceCode'>,
): CarrierChangeVerdict {
  const refuse = (refusal: CarrierChangeRefusal): CarrierChangeVerdict => ({ allowed: false, need: 'refused', refusal })
  if (!rules.enabled) return refuse(CarrierChangeRefusal.disabled)
  if (!suggested) return refuse(CarrierChangeRefusal.noSuggestion)
  const option = options.find((o) => sameOption(o, target))
  if (!option) return refuse(CarrierChangeRefusal.unknown)
  // The suggestion itself is always there to go back to (whatever the contracts allowed for a change).
  if (sameOption(option, suggested)) return { allowed: true, need: 'none', extraKurus: 0 }
  if (!option.eligible) return refuse(CarrierChangeRefusal.ineligible)
  if (!rules.contracts.includes(option.contract)) return refuse(CarrierChangeRefusal.contract)
  if (option.priceKurus === null || suggested.priceKurus === null) return refuse(CarrierChangeRefusal.unpriced)
  const extraKurus = option.priceKurus - suggested.priceKurus
  if (rules.maxExtraKurus !== null && extraKurus > rules.maxExtraKurus) return refuse(CarrierChangeRefusal.priceCap)
  const need = extraKurus > rules.supervisorAboveKurus ? 'supervisor' : extraKurus > 0 ? 'reason' : 'none'
  return { allowed: true, need, extraKurus }
}
