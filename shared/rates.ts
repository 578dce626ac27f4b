import { priceBand } from './desi'
import { addPercentBp } from './money'

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
  bands: readonly { upToKg: number; priceKurus: number }[]
  extraKgKurus: number
}>

export type QuoteContext = Readonly<{
  chargeableKg: number
  cod: boolean
  mandatedCarrierId: string | null
}>

export type QuoteOption = Readonly<{
  carrierId: string
  serviceCode: string
  name: string
  contract: RateCard['contract']
  eligible: boolean
  priceKurus: number | null
  band: number
  transitDays: number
  /** Why it was chosen, or why it was excluded (Turkish first). */
  reason: string
}>

/** Price of one card for a chargeable weight, or null above the card's limit. Pure, integer kuruş. */
export function priceFor(card: RateCard, chargeableKg: number, cod: boolean): number | null {
  const band = priceBand(chargeableKg)
  if (band > card.maxChargeableKg) return null
  const last = card.bands.at(-1)
  if (!last) return null
  const row = card.bands.find((b) => band <= b.upToKg)
  let price = row ? row.priceKurus : last.priceKurus + (band - last.upToKg) * card.extraKgKurus
  price = addPercentBp(price, card.fuelSurchargeBp)
  if (cod) price += card.codFeeKurus
  if (card.contract === 'platform') price = addPercentBp(price, card.commissionBp)
  return price
}

/** Quotes every card and picks the cheapest eligible one (ties: faster, then name). */
export function selectCarrier(cards: readonly RateCard[], ctx: QuoteContext): { chosen: QuoteOption | null; options: QuoteOption[] } {
  const band = priceBand(ctx.chargeableKg)
  const options: QuoteOption[] = cards.map((card) => {
    const base = { carrierId: card.carrierId, serviceCode: card.serviceCode, name: card.name, contract: card.contract, band, transitDays: card.transitDays }
    if (ctx.mandatedCarrierId && card.carrierId !== ctx.mandatedCarrierId && card.serviceCode !== ctx.mandatedCarrierId) {
      return { ...base, eligible: false, priceKurus: null, reason: `Pazaryeri ${ctx.mandatedCarrierId} zorunlu kılıyor / marketplace mandates ${ctx.mandatedCarrierId}` }
    }
    if (ctx.cod && !card.supportsCod) {
      return { ...base, eligible: false, priceKurus: null, reason: 'Kapıda ödeme desteklenmiyor / no cash on delivery' }
    }
    const price = priceFor(card, ctx.chargeableKg, ctx.cod)
    if (price === null) {
      return { ...base, eligible: false, priceKurus: null, reason: `${band} desi/kg sınırın üstünde (en çok ${card.maxChargeableKg}) / above the limit` }
    }
    return { ...base, eligible: true, priceKurus: price, reason: 'Uygun / eligible' }
  })
  const eligible = options
    .filter((o) => o.eligible)
    .sort((a, b) => (a.priceKurus ?? 0) - (b.priceKurus ?? 0) || a.transitDays - b.transitDays || a.name.localeCompare(b.name))
  const best = eligible[0]
  if (!best) return { chosen: null, options }
  const chosen = { ...best, reason: 'En ucuz uygun taşıyıcı / cheapest eligible carrier' }
  return { chosen, options: options.map((o) => (o === best ? chosen : o)) }
}
