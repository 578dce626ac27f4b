import { describe, expect, it } from 'vitest'
import { priceFor, selectCarrier, type RateCard } from './rates'
import { testRateCard } from './rates/rate-card.test-support'

const card = (over: Partial<RateCard>): RateCard =>
  testRateCard({
    commissionBp: 1000,
    codFeeKurus: 1500,
    bands: [
      { upToKg: 1, priceKurus: 5000 },
      { upToKg: 5, priceKurus: 7000 },
      { upToKg: 10, priceKurus: 9000 },
    ],
    extraKgKurus: 300,
    ...over,
  })

describe('priceFor', () => {
  it.each([
    [0.2, false, 5000],
    [1, false, 5000],
    [1.001, false, 7000],
    [10, false, 9000],
    [12.4, false, 9000 + 3 * 300],
    [3, true, 7000 + 1500],
    [31, false, null],
  ])('chargeable %s kg cod=%s → %s kuruş', (kg, cod, expected) => {
    expect(priceFor(card({}), kg, cod)).toBe(expected)
  })

  it('adds the 10% platform commission after surcharges', () => {
    expect(priceFor(card({ contract: 'platform', fuelSurchargeBp: 500 }), 2, false)).toBe(Math.round(7350 * 1.1))
  })
})

describe('selectCarrier', () => {
  const cards = [
    card({ serviceCode: 'provider:1', name: 'Pricey', bands: [{ upToKg: 30, priceKurus: 9000 }] }),
    card({ serviceCode: 'provider:2', name: 'Cheap', bands: [{ upToKg: 30, priceKurus: 6000 }], supportsCod: false }),
    card({ serviceCode: 'provider:3', name: 'Small', bands: [{ upToKg: 2, priceKurus: 4000 }], maxChargeableKg: 2 }),
  ]

  it('picks the cheapest eligible and says why the others were excluded', () => {
    const r = selectCarrier(cards, { chargeableKg: 3, cod: true, mandatedCarrierId: null })
    expect(r.chosen?.name).toBe('Pricey')
    expect(r.options.find((o) => o.name === 'Cheap')?.reason).toMatch(/Kapıda ödeme/)
    expect(r.options.find((o) => o.name === 'Small')?.reason).toMatch(/sınır/)
  })

  it('returns no choice when nothing is eligible', () => {
    expect(selectCarrier(cards, { chargeableKg: 50, cod: false, mandatedCarrierId: null }).chosen).toBeNull()
  })

  it('honours a marketplace-mandated carrier', () => {
    const r = selectCarrier(cards, { chargeableKg: 1, cod: false, mandatedCarrierId: 'provider:1' })
    expect(r.chosen?.serviceCode).toBe('provider:1')
  })
})
