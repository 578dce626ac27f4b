import { priceBand } from '../desi'
import { trNameKey } from '../domain/address'
import type { NoticeRef } from '../i18n/notice-codes'
import { noticeBilingual } from '../i18n/notice-text'
import { formatTry } from '../money'
import { DISTANCE_BAND_LABELS, type DistanceBand, type DistanceBandFn } from './distance-band'
import { priceFor, type RateCard } from './rate-card'

export type QuoteContext = Readonly<{
  chargeableKg: number
  cod: boolean
  mandatedCarrierId: string | null
  /** Sender's il (name or plate code) for the distance band; without it distance prices fall back. */
  senderCity?: string | null
  /** Recipient's il and ilçe, as resolved (electron/core/addresses): distance band, exclusions, preferences. */
  recipientCity?: string | null
  recipientDistrict?: string | null
  /** Total desi and actual weight, for cards with maxDesi / maxWeightKg. */
  desi?: number
  weightKg?: number
}>

/** Machine-readable why, beside the bilingual text (tests and the CSV fixtures match on it). */
export const QuoteReason = {
  chosenCheapest: 'chosen.cheapest',
  chosenFastest: 'chosen.fastest',
  chosenPreferred: 'chosen.preferred',
  chosenMandated: 'chosen.mandated',
  eligible: 'eligible',
  excludedMandate: 'excluded.mandate',
  excludedCod: 'excluded.cod',
  excludedDistrict: 'excluded.district',
  excludedWeight: 'excluded.weight',
  excludedDesi: 'excluded.desi',
  excludedLimit: 'excluded.limit',
  /** The card names a carrier or service this desk cannot buy from (not configured, not on the account). */
  excludedUnavailable: 'excluded.unavailable',
} as const
export type QuoteReason = (typeof QuoteReason)[keyof typeof QuoteReason]

export type QuoteOption = Readonly<{
  carrierId: string
  serviceCode: string
  name: string
  contract: RateCard['contract']
  eligible: boolean
  priceKurus: number | null
  band: number
  transitDays: number
  /** Why it was chosen, or why it was excluded (Turkish first, then " / " and English). */
  reason: string
  /** The same reason as a notice code, where the core gave one (a card the desk cannot buy): the renderer words it. */
  reasonNotice?: NoticeRef
  /** The distance band it was priced for; null when the il of either side is unknown. */
  distanceBand?: DistanceBand | null
  reasonCode?: QuoteReason
}>

/** "Prefer this carrier for this il": wins ties, and wins outright within toleranceBp of the best price. */
export type CarrierPreference = Readonly<{
  city: string
  /** A serviceCode or a carrierId, like a marketplace mandate. */
  carrier: string
  /** How much dearer (basis points of the best price) the preferred carrier may be; default 0 = ties only. */
  toleranceBp?: number
}>

export const SelectionStrategy = { cheapest: 'cheapest', fastest: 'fastest' } as const
export type SelectionStrategy = (typeof SelectionStrategy)[keyof typeof SelectionStrategy]

export type SelectionRules = Readonly<{
  /** cheapest: price, transit days, preference, name. fastest: transit days, price, preference, name. */
  strategy?: SelectionStrategy
  preferences?: readonly CarrierPreference[]
  /** Pure band lookup the core builds from road distances (electron/core/rates/distance-band.service). */
  distanceBand?: DistanceBandFn
  /**
   * Why a card cannot be bought at this desk (its carrier is not configured, or the account has no
   * such service, e.g. a ComToHome provider), or null when it can. Checked before anything else.
   */
  unavailable?: (card: RateCard) => string | NoticeRef | null
}>

const matchesCarrier = (card: Pick<RateCard, 'carrierId' | 'serviceCode'>, id: string): boolean => card.carrierId === id || card.serviceCode === id

const sameKey = (a: string | null | undefined, b: string | null | undefined): boolean => !!a && !!b && trNameKey(a) === trNameKey(b)

/** The exclusion entry that covers the recipient, if any (il alone excludes the whole il). */
function excludedBy(card: RateCard, city: string | null | undefined, district: string | null | undefined): string | null {
  for (const x of card.excludedDistricts ?? []) {
    if (!sameKey(x.city, city)) continue
    if (!x.district) return x.city
    if (sameKey(x.district, district)) return `${x.city}/${x.district}`
  }
  return null
}

function quoteOne(card: RateCard, ctx: QuoteContext, band: number, distanceBand: DistanceBand | null, unavailable: SelectionRules['unavailable']): QuoteOption {
  const base = {
    carrierId: card.carrierId,
    serviceCode: card.serviceCode,
    name: card.name,
    contract: card.contract,
    band,
    transitDays: card.transitDays,
    distanceBand,
  }
  const no = (reasonCode: QuoteReason, reason: string): QuoteOption => ({ ...base, eligible: false, priceKurus: null, reason, reasonCode })
  const missing = unavailable?.(card) ?? null
  if (typeof missing === 'string') return no(QuoteReason.excludedUnavailable, missing)
  if (missing) return { ...no(QuoteReason.excludedUnavailable, noticeBilingual(missing)), reasonNotice: missing }
  if (ctx.mandatedCarrierId && !matchesCarrier(card, ctx.mandatedCarrierId)) {
    return no(QuoteReason.excludedMandate, `Pazaryeri ${ctx.mandatedCarrierId} zorunlu kılıyor / marketplace mandates ${ctx.mandatedCarrierId}`)
  }
  if (ctx.cod && !card.supportsCod) return no(QuoteReason.excludedCod, 'Kapıda ödeme desteklenmiyor / no cash on delivery')
  const area = excludedBy(card, ctx.recipientCity, ctx.recipientDistrict)
  if (area) return no(QuoteReason.excludedDistrict, `${area} teslimat bölgesi dışında / does not deliver to ${area}`)
  if (card.maxWeightKg !== undefined && ctx.weightKg !== undefined && ctx.weightKg > card.maxWeightKg) {
    return no(QuoteReason.excludedWeight, `${ctx.weightKg} kg ağırlık sınırın üstünde (en çok ${card.maxWeightKg}) / weight above the limit`)
  }
  if (card.maxDesi !== undefined && ctx.desi !== undefined && ctx.desi > card.maxDesi) {
    return no(QuoteReason.excludedDesi, `${ctx.desi} desi sınırın üstünde (en çok ${card.maxDesi}) / desi above the limit`)
  }
  const price = priceFor(card, ctx.chargeableKg, ctx.cod, distanceBand)
  if (price === null) return no(QuoteReason.excludedLimit, `${band} desi/kg sınırın üstünde (en çok ${card.maxChargeableKg}) / above the limit`)
  return { ...base, eligible: true, priceKurus: price, reason: 'Uygun / eligible', reasonCode: QuoteReason.eligible }
}

/**
 * Quotes every card and picks one by the rules: marketplace mandate, COD capability, excluded
 * districts, weight/desi limits, then the strategy (cheapest by default) with tie-breaks price,
 * transit days, preference for the recipient's il, name. Every option keeps its price, band,
 * distance band, transit days and the reason it was chosen or left out (docs/carriers.md "Rates and selection").
 */
export function selectCarrier(
  cards: readonly RateCard[],
  ctx: QuoteContext,
  rules: SelectionRules = {},
): { chosen: QuoteOption | null; options: QuoteOption[] } {
  const band = priceBand(ctx.chargeableKg)
  const distanceBand = rules.distanceBand && ctx.senderCity && ctx.recipientCity ? rules.distanceBand(ctx.senderCity, ctx.recipientCity) : null
  const options = cards.map((card) => quoteOne(card, ctx, band, distanceBand, rules.unavailable))
  const strategy = rules.strategy ?? SelectionStrategy.cheapest
  const preference = (rules.preferences ?? []).find((p) => sameKey(p.city, ctx.recipientCity))
  const preferred = (o: QuoteOption): number => (preference && matchesCarrier(o, preference.carrier) ? 0 : 1)
  const byPrice = (a: QuoteOption, b: QuoteOption): number => (a.priceKurus ?? 0) - (b.priceKurus ?? 0)
  const byTransit = (a: QuoteOption, b: QuoteOption): number => a.transitDays - b.transitDays
  const primary = strategy === SelectionStrategy.fastest ? [byTransit, byPrice] : [byPrice, byTransit]
  const keys = [
    ...primary,
    (a: QuoteOption, b: QuoteOption) => preferred(a) - preferred(b),
    (a: QuoteOption, b: QuoteOption) => a.name.localeCompare(b.name, 'tr'),
  ]
  const ranked = options.filter((o) => o.eligible).sort((a, b) => keys.reduce((r, k) => r || k(a, b), 0))
  const best = ranked[0]
  if (!best) return { chosen: null, options }

  let winner = best
  let reasonCode: QuoteReason = strategy === SelectionStrategy.fastest ? QuoteReason.chosenFastest : QuoteReason.chosenCheapest
  let reason =
    strategy === SelectionStrategy.fastest ? 'En hızlı uygun taşıyıcı / fastest eligible carrier' : 'En ucuz uygun taşıyıcı / cheapest eligible carrier'
  const runnerUp = ranked[1]
  if (ctx.mandatedCarrierId) {
    reasonCode = QuoteReason.chosenMandated
    reason = `Pazaryeri zorunlu kıldı (${ctx.mandatedCarrierId}) / mandated by the marketplace (${ctx.mandatedCarrierId})`
  } else if (preference) {
    const pick = ranked.find((o) => preferred(o) === 0)
    const slackKurus = Math.round(((best.priceKurus ?? 0) * (preference.toleranceBp ?? 0)) / 10000)
    const withinPrice = !!pick && (pick.priceKurus ?? 0) <= (best.priceKurus ?? 0) + slackKurus
    const withinSpeed = !!pick && (strategy !== SelectionStrategy.fastest || pick.transitDays <= best.transitDays)
    // With no tolerance the preference is only the third tie-break (after price and transit days);
    // with one it may beat a cheaper option outright. Either way the reason says the preference decided.
    const decidedTie = pick === best && !!runnerUp && preferred(runnerUp) === 1 && keys[0]!(best, runnerUp) === 0 && keys[1]!(best, runnerUp) === 0
    const overrides = pick !== best && (preference.toleranceBp ?? 0) > 0
    if (pick && withinPrice && withinSpeed && (overrides || decidedTie)) {
      winner = pick
      reasonCode = QuoteReason.chosenPreferred
      reason = `${preference.city} için tercih edilen taşıyıcı / preferred carrier for ${preference.city}`
    }
  }
  if (reasonCode === QuoteReason.chosenCheapest || reasonCode === QuoteReason.chosenFastest) {
    if (runnerUp && keys[0]!(best, runnerUp) === 0) {
      // Say which tie-break decided, so the desk can explain an equal price (or an equal speed).
      const [tr, en] = reason.split(' / ')
      const tie =
        keys[1]!(best, runnerUp) !== 0
          ? strategy === SelectionStrategy.fastest
            ? ['eşit sürede daha ucuz', 'cheaper at equal transit time']
            : ['eşit fiyatta daha hızlı', 'faster at equal price']
          : ['eşitlikte ada göre', 'tie broken by name']
      reason = `${tr}; ${tie[0]} / ${en}; ${tie[1]}`
    }
  }
  const chosen: QuoteOption = { ...winner, reason, reasonCode }
  const withDelta = (o: QuoteOption): QuoteOption => {
    if (!o.eligible || o.priceKurus === null || chosen.priceKurus === null) return o
    const d = o.priceKurus - chosen.priceKurus
    const days = o.transitDays - chosen.transitDays
    const tr = [
      d !== 0 ? `${formatTry(Math.abs(d))} ${d > 0 ? 'daha pahalı' : 'daha ucuz'}` : 'aynı fiyat',
      days !== 0 ? `${Math.abs(days)} gün ${days > 0 ? 'daha yavaş' : 'daha hızlı'}` : null,
    ]
    const en = [
      d !== 0 ? `${formatTry(Math.abs(d))} ${d > 0 ? 'dearer' : 'cheaper'}` : 'same price',
      days !== 0 ? `${Math.abs(days)} day(s) ${days > 0 ? 'slower' : 'faster'}` : null,
    ]
    return { ...o, reason: `Uygun; ${tr.filter(Boolean).join(', ')} / eligible; ${en.filter(Boolean).join(', ')}` }
  }
  return { chosen, options: options.map((o) => (o === winner ? chosen : withDelta(o))) }
}

/** "Şehir içi / same city" style label for a quote's distance band, or null. */
export function distanceBandLabel(b: DistanceBand | null | undefined): string | null {
  return b ? `${DISTANCE_BAND_LABELS[b].tr} / ${DISTANCE_BAND_LABELS[b].en}` : null
}
