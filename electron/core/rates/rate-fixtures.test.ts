import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { selectCarrier, type CarrierPreference, type QuoteContext, type SelectionStrategy } from '../../../shared/rates'
import { parseScaled } from '../../../shared/rates/decimal-text'
import { parseCsv, rateCardsFromCsv } from '../../../shared/rates/rate-card.csv'
import { AddressResolver } from '../addresses/address.resolver'
import { createDistanceBandFn } from './distance-band.lookup'

// Rate and rule tests, table-driven from the CSV fixtures in tests/fixtures/rates/.
const fixture = (name: string): string => readFileSync(new URL(`../../../tests/fixtures/rates/${name}`, import.meta.url), 'utf8')
const cards = rateCardsFromCsv(fixture('cards.csv'), 'cards.csv')
const resolver = new AddressResolver({ postalDataFile: null })
const distanceBand = createDistanceBandFn(resolver)

const { rows } = parseCsv(fixture('cases.csv'))
const [header, ...caseRows] = rows.filter((r) => !String(r.cells[0] ?? '').startsWith('#'))
const cases = caseRows.map((r) => Object.fromEntries(header!.cells.map((h, i) => [String(h), String(r.cells[i] ?? '').trim()])) as Record<string, string>)

const scaled = (v: string, decimals: number): number => {
  const r = parseScaled(v, decimals)
  if (!r.ok) throw new Error(`fixture value "${v}": ${r.problem.en}`)
  return r.value
}
const optionalKg = (v: string | undefined): number | undefined => (v ? scaled(v, 3) / 1000 : undefined)
const pairs = (v: string | undefined): [string, string][] => (v ? v.split('|').map((p) => p.split('=') as [string, string]) : [])

describe('rate cards fixture', () => {
  it('imports every card of cards.csv', () => {
    expect(cards.map((c) => c.serviceCode)).toEqual(['provider:1', 'provider:2', 'std', 'provider:4', 'provider:5'])
    expect(cards[1]?.bands[0]).toEqual({
      upToKg: 1,
      priceKurus: 9500,
      distancePricesKurus: { sehir_ici: 7000, yakin: 8000, kisa: 8500, orta: 9000, uzun: 9500 },
    })
    expect(cases.length).toBeGreaterThanOrEqual(15)
  })
})

describe('carrier selection, table-driven from tests/fixtures/rates/cases.csv', () => {
  it.each(cases.map((c) => [c.case!, c] as const))('%s', (_name, c) => {
    const recipient = resolver.resolve({ city: c.recipient_il, district: c.recipient_ilce })
    const ctx: QuoteContext = {
      chargeableKg: optionalKg(c.chargeable_kg)!,
      desi: optionalKg(c.desi),
      weightKg: optionalKg(c.weight_kg),
      cod: c.cod === 'evet',
      mandatedCarrierId: c.mandated || null,
      senderCity: c.sender_il,
      recipientCity: recipient.city,
      recipientDistrict: recipient.district,
    }
    const preferences: CarrierPreference[] = pairs(c.preferences).map(([city, rest]) => {
      const [carrier, pct] = rest.split('@')
      return { city, carrier: carrier!, toleranceBp: pct ? scaled(pct, 2) : 0 }
    })
    const r = selectCarrier(cards, ctx, { distanceBand, strategy: (c.strategy || undefined) as SelectionStrategy | undefined, preferences })

    expect(r.chosen?.serviceCode ?? '').toBe(c.expected_service)
    if (c.expected_service) {
      expect(r.chosen?.priceKurus).toBe(scaled(c.expected_price_try!, 2))
      expect(r.chosen?.reasonCode).toBe(c.expected_reason)
      expect(r.chosen?.reason.split(' / ')).toHaveLength(2)
    }
    const excluded = new Map(pairs(c.expected_excluded))
    for (const o of r.options) {
      expect(o.distanceBand, o.serviceCode).toBe(c.expected_distance_band)
      expect(o.eligible ? 'eligible' : o.reasonCode, o.serviceCode).toBe(excluded.get(o.serviceCode) ?? 'eligible')
    }
  })
})
