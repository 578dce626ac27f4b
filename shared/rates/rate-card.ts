import { priceBand } from '../desi'
import { addPercentBp } from '../money'
import type { DistanceBand } from './distance-band'

/** One chargeable-weight row of a card: the price up to and including upToKg desi/kg. */
export type RateBand = Readonly<{
  upToKg: number
  /** The price for any distance, and the fallback when the distance is unknown or not priced below. */
  priceKurus: number
  /** Prices by distance band (docs/reference/carriers.md §11 "hat"); a band missing here is priced at priceKurus. */
  distancePricesKurus?: Readonly<Partial<Record<DistanceBand, number>>>
}>

/** An il the card does not deliver to, or one ilçe of it (matched with Turkish folding). */
export type ExcludedDistrict = Readonly<{ city: string; district?: string | null }>

/** A carrier's price list for one contract: integer kg/desi bands up to a limit, then a per-kg fee. */
export type RateCard = Readonly<{
  carrierId: string
  serviceCode: string
  name: string
  /** platform = marketplace agreement (carrier price + commission); own = the seller's contract. */
  contract: 'platform' | 'own'
  commissionBp: number
  transitDays: number
  supportsCod: boolean
  codFeeKurus: number
  fuelSurchargeBp: number
  maxChargeableKg: number
  bands: readonly RateBand[]
  /** Per desi/kg above the last band (Yurtiçi: the last row + a fee per extra unit, docs/reference/carriers.md §11). */
  extraKgKurus: number
  /** Volumetric limit of the service, checked when the quote knows the desi. */
  maxDesi?: number
  /** Actual-weight limit of the service, checked when the quote knows the weight. */
  maxWeightKg?: number
  /** Iller / ilçeler this card does not serve (islands, remote districts, the carrier's own exclusions). */
  excludedDistricts?: readonly ExcludedDistrict[]
}>

/** Whether any band of the card is priced by distance. */
export function hasDistancePrices(card: RateCard): boolean {
  return card.bands.some((b) => b.distancePricesKurus && Object.keys(b.distancePricesKurus).length > 0)
}

function rowPrice(row: RateBand, distanceBand: DistanceBand | null): number {
  return (distanceBand && row.distancePricesKurus?.[distanceBand]) ?? row.priceKurus
}

/**
 * Price of one card for a chargeable weight, or null above the card's limit. Pure, integer kuruş.
 * Band row (by distance band when the card has one for it) or, above the last band, the last row plus
 * extraKgKurus per unit; then fuel %, then the COD fee, then the platform commission on the whole.
 */
export function priceFor(card: RateCard, chargeableKg: number, cod: boolean, distanceBand: DistanceBand | null = null): number | null {
  const band = priceBand(chargeableKg)
  if (band > card.maxChargeableKg) return null
  const last = card.bands.at(-1)
  if (!last) return null
  const row = card.bands.find((b) => band <= b.upToKg)
  let price = row ? rowPrice(row, distanceBand) : rowPrice(last, distanceBand) + Math.ceil(band - last.upToKg) * card.extraKgKurus
  price = addPercentBp(price, card.fuelSurchargeBp)
  if (cod) price += card.codFeeKurus
  if (card.contract === 'platform') price = addPercentBp(price, card.commissionBp)
  return price
}
