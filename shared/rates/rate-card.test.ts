import { describe, expect, it } from 'vitest'
import { DistanceBand, distanceBandForKm, parseDistanceBand } from './distance-band'
import { hasDistancePrices, priceFor, type RateCard } from './rate-card'

const card: RateCard = {
  carrierId: 'c',
  serviceCode: 's',
  name: 'Hatlı',
  contract: 'own',
  commissionBp: 1000,
  transitDays: 2,
  supportsCod: true,
  codFeeKurus: 1000,
  fuelSurchargeBp: 0,
  maxChargeableKg: 50,
  extraKgKurus: 200,
  bands: [
    { upToKg: 1, priceKurus: 6000, distancePricesKurus: { sehir_ici: 4000, yakin: 5000, uzun: 6000 } },
    { upToKg: 10, priceKurus: 9000, distancePricesKurus: { sehir_ici: 7000 } },
  ],
}

describe('priceFor by distance band', () => {
  it.each([
    [1, DistanceBand.sehirIci, 4000],
    [1, DistanceBand.yakin, 5000],
    [1, DistanceBand.kisa, 6000], // not priced for kısa: the band's any-distance price
    [1, null, 6000],
    [7, DistanceBand.sehirIci, 7000],
    [7, DistanceBand.uzun, 9000],
    [12, DistanceBand.sehirIci, 7000 + 2 * 200], // above the last band: that distance's last row + extra per unit
    [12, DistanceBand.orta, 9000 + 2 * 200],
  ] as const)('%s kg, %s → %s kuruş', (kg, band, expected) => {
    expect(priceFor(card, kg, false, band)).toBe(expected)
  })

  it('keeps the order fuel → COD → platform commission for distance prices too', () => {
    expect(priceFor({ ...card, contract: 'platform', fuelSurchargeBp: 1000 }, 1, true, DistanceBand.sehirIci)).toBe(Math.round((4400 + 1000) * 1.1))
  })

  it('knows whether a card has distance prices', () => {
    expect(hasDistancePrices(card)).toBe(true)
    expect(hasDistancePrices({ ...card, bands: [{ upToKg: 1, priceKurus: 1 }] })).toBe(false)
  })
})

describe('distance bands (carriers.md §11 cut-offs)', () => {
  it.each([
    [1, 'yakin'],
    [200, 'yakin'],
    [201, 'kisa'],
    [600, 'kisa'],
    [601, 'orta'],
    [1000, 'orta'],
    [1001, 'uzun'],
    [2000, 'uzun'],
  ])('%s km → %s', (km, band) => {
    expect(distanceBandForKm(km)).toBe(band)
  })

  it('takes other thresholds', () => {
    expect(distanceBandForKm(250, { yakinMaxKm: 300, kisaMaxKm: 700, ortaMaxKm: 1100 })).toBe('yakin')
  })

  it.each([
    ['sehir_ici', 'sehir_ici'],
    ['Şehir içi', 'sehir_ici'],
    ['ŞEHİR-İÇİ', 'sehir_ici'],
    ['Yakın', 'yakin'],
    ['KISA', 'kisa'],
    [' uzun ', 'uzun'],
    ['far', null],
  ])('reads %s as %s', (raw, band) => {
    expect(parseDistanceBand(raw)).toBe(band)
  })
})
