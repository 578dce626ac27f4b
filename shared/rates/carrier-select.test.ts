import { describe, expect, it } from 'vitest'
import { trNameKey } from '../domain/address'
import { QuoteReason, selectCarrier, type QuoteContext, type SelectionRules } from './carrier-select'
import type { DistanceBandFn } from './distance-band'
import type { RateCard } from './rate-card'
import { testRateCard } from './rate-card.test-support'

const card = (serviceCode: string, name: string, priceKurus: number, over: Partial<RateCard> = {}): RateCard =>
  testRateCard({ serviceCode, name, maxChargeableKg: 50, bands: [{ upToKg: 50, priceKurus }], ...over })

const CARDS: readonly RateCard[] = [
  card('s1', 'Ucuz', 5000, { transitDays: 3, excludedDistricts: [{ city: 'Hakkari' }], maxWeightKg: 20 }),
  card('s2', 'Hızlı', 6000, { transitDays: 1, supportsCod: false }),
  card('s3', 'Eşit', 5000, { maxDesi: 50, excludedDistricts: [{ city: 'İstanbul', district: 'Adalar' }] }),
  card('s4', 'Hatlı', 8000, { bands: [{ upToKg: 50, priceKurus: 8000, distancePricesKurus: { sehir_ici: 3000 } }] }),
]

// A stand-in for the core's road-distance lookup: only the pairs these cases use.
const KM_BANDS: Record<string, ReturnType<DistanceBandFn>> = { 'istanbul>ankara': 'kisa', 'istanbul>hakkari': 'uzun', 'istanbul>izmir': 'kisa' }
const distanceBand: DistanceBandFn = (a, b) => (trNameKey(a) === trNameKey(b) ? 'sehir_ici' : (KM_BANDS[`${trNameKey(a)}>${trNameKey(b)}`] ?? null))

const ctx = (over: Partial<QuoteContext> = {}): QuoteContext => ({
  chargeableKg: 2,
  cod: false,
  mandatedCarrierId: null,
  senderCity: 'İstanbul',
  recipientCity: 'Ankara',
  recipientDistrict: 'Çankaya',
  ...over,
})

describe('selectCarrier rules', () => {
  it.each<[string, Partial<QuoteContext>, Omit<SelectionRules, 'distanceBand'>, string | null, string | null, RegExp]>([
    ['equal price: the faster wins and the reason says so', {}, {}, 's3', QuoteReason.chosenCheapest, /eşit fiyatta daha hızlı \/ .*faster at equal price/],
    [
      'same il: the distance-priced card is cheapest',
      { recipientCity: 'istanbul', recipientDistrict: 'Kadıköy' },
      {},
      's4',
      QuoteReason.chosenCheapest,
      /En ucuz/,
    ],
    ['fastest strategy', {}, { strategy: 'fastest' }, 's2', QuoteReason.chosenFastest, /En hızlı/],
    ['fastest, but COD rules out the fastest', { cod: true }, { strategy: 'fastest' }, 's3', QuoteReason.chosenFastest, /eşit sürede daha ucuz/],
    ['mandated carrier', { mandatedCarrierId: 's1' }, {}, 's1', QuoteReason.chosenMandated, /Pazaryeri zorunlu kıldı/],
    [
      'preference without tolerance does not beat a faster equal price',
      {},
      { preferences: [{ city: 'ANKARA', carrier: 's1' }] },
      's3',
      QuoteReason.chosenCheapest,
      /daha hızlı/,
    ],
    [
      'preference within its tolerance wins',
      {},
      { preferences: [{ city: 'Ankara', carrier: 's2', toleranceBp: 2000 }] },
      's2',
      QuoteReason.chosenPreferred,
      /Ankara için tercih edilen taşıyıcı \/ preferred carrier for Ankara/,
    ],
    [
      'preference outside its tolerance loses',
      {},
      { preferences: [{ city: 'Ankara', carrier: 's2', toleranceBp: 1000 }] },
      's3',
      QuoteReason.chosenCheapest,
      /En ucuz/,
    ],
    [
      'preference for another il is ignored',
      { recipientCity: 'İzmir' },
      { preferences: [{ city: 'Ankara', carrier: 's2', toleranceBp: 5000 }] },
      's3',
      QuoteReason.chosenCheapest,
      /En ucuz/,
    ],
    ['nothing fits above every limit', { chargeableKg: 60 }, {}, null, null, /./],
  ])('%s', (_name, over, rules, service, code, reason) => {
    const r = selectCarrier(CARDS, ctx(over), { ...rules, distanceBand })
    expect(r.chosen?.serviceCode ?? null).toBe(service)
    expect(r.chosen?.reasonCode ?? null).toBe(code)
    if (r.chosen) expect(r.chosen.reason).toMatch(reason)
    expect(r.options).toHaveLength(CARDS.length)
  })

  it.each<[string, Partial<QuoteContext>, string, string, RegExp]>([
    ['marketplace mandate', { mandatedCarrierId: 's1' }, 's2', QuoteReason.excludedMandate, /marketplace mandates s1/],
    ['no COD', { cod: true }, 's2', QuoteReason.excludedCod, /Kapıda ödeme/],
    [
      'whole il excluded',
      { recipientCity: 'HAKKARİ', recipientDistrict: 'Yüksekova' },
      's1',
      QuoteReason.excludedDistrict,
      /^Hakkari teslimat bölgesi dışında \/ does not deliver to Hakkari$/,
    ],
    ['one ilçe excluded (folded match)', { recipientCity: 'istanbul', recipientDistrict: 'ADALAR' }, 's3', QuoteReason.excludedDistrict, /İstanbul\/Adalar/],
    ['actual weight over the limit', { weightKg: 25 }, 's1', QuoteReason.excludedWeight, /25 kg ağırlık sınırın üstünde \(en çok 20\)/],
    ['desi over the limit', { desi: 60 }, 's3', QuoteReason.excludedDesi, /60 desi sınırın üstünde/],
    ['chargeable weight over the limit', { chargeableKg: 51 }, 's4', QuoteReason.excludedLimit, /51 desi\/kg sınırın üstünde/],
  ])('excludes for %s and says why', (_name, over, service, code, reason) => {
    const o = selectCarrier(CARDS, ctx(over), { distanceBand }).options.find((x) => x.serviceCode === service)!
    expect(o).toMatchObject({ eligible: false, priceKurus: null, reasonCode: code })
    expect(o.reason).toMatch(reason)
    expect(o.reason.split(' / ')).toHaveLength(2) // Turkish / English, as the desk splits it
  })

  it('keeps price, bands and transit days for every card, with how the others compare', () => {
    const r = selectCarrier(CARDS, ctx(), { distanceBand })
    expect(r.options.map((o) => [o.serviceCode, o.priceKurus, o.band, o.distanceBand, o.transitDays])).toEqual([
      ['s1', 5000, 2, 'kisa', 3],
      ['s2', 6000, 2, 'kisa', 1],
      ['s3', 5000, 2, 'kisa', 2],
      ['s4', 8000, 2, 'kisa', 2],
    ])
    expect(r.options.find((o) => o.serviceCode === 's2')?.reason).toBe(
      'Uygun; 10,00 TL daha pahalı, 1 gün daha hızlı / eligible; 10,00 TL dearer, 1 day(s) faster',
    )
    expect(r.options.find((o) => o.serviceCode === 's1')?.reason).toBe('Uygun; aynı fiyat, 1 gün daha yavaş / eligible; same price, 1 day(s) slower')
  })

  it('prices at the any-distance price when an il is unknown or no distance lookup is given', () => {
    for (const over of [{ senderCity: null }, { recipientCity: 'Atlantis' }]) {
      const s4 = selectCarrier(CARDS, ctx({ ...over, recipientDistrict: null }), { distanceBand }).options.find((o) => o.serviceCode === 's4')!
      expect(s4).toMatchObject({ priceKurus: 8000, distanceBand: null })
    }
    expect(selectCarrier(CARDS, ctx({ recipientCity: 'İstanbul' })).options.find((o) => o.serviceCode === 's4')?.priceKurus).toBe(8000)
  })

  it('breaks a full tie by preference, then by name', () => {
    const twins = [card('a', 'Beta', 5000), card('b', 'Alfa', 5000)]
    const byName = selectCarrier(twins, ctx())
    expect(byName.chosen?.name).toBe('Alfa')
    expect(byName.chosen?.reason).toMatch(/eşitlikte ada göre \/ .*tie broken by name/)
    const byPref = selectCarrier(twins, ctx(), { preferences: [{ city: 'Ankara', carrier: 'a' }] })
    expect(byPref.chosen).toMatchObject({ name: 'Beta', reasonCode: QuoteReason.chosenPreferred })
  })

  it('leaves out a card the desk cannot buy, with the reason, and never picks it (even when cheapest or mandated)', () => {
    const unavailable = (c: RateCard) => (c.serviceCode === 's1' || c.serviceCode === 's3' ? `${c.name} yapılandırılmamış / not configured` : null)
    const r = selectCarrier(CARDS, ctx(), { unavailable })
    expect(r.chosen?.serviceCode).toBe('s2')
    expect(r.options.find((o) => o.serviceCode === 's1')).toMatchObject({
      eligible: false,
      priceKurus: null,
      reasonCode: QuoteReason.excludedUnavailable,
      reason: 'Ucuz yapılandırılmamış / not configured',
    })
    expect(selectCarrier(CARDS, ctx({ mandatedCarrierId: 's1' }), { unavailable }).chosen).toBeNull()
    expect(selectCarrier(CARDS, ctx(), { unavailable: () => 'yok / none' }).chosen).toBeNull()
  })
})
