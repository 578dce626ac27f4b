import type { RateCard } from './rate-card'

/**
 * A rate card for the rates tests: an own ComToHome contract, no commission, fees or surcharge, two days, COD taken,
 * one band of 50 TL up to 30 kg. `over` sets what a test is about.
 */
export function testRateCard(over: Partial<RateCard> = {}): RateCard {
  return {
    carrierId: 'comtohome',
    serviceCode: 'provider:1',
    name: 'A',
    contract: 'own',
    commissionBp: 0,
    transitDays: 2,
    supportsCod: true,
    codFeeKurus: 0,
    fuelSurchargeBp: 0,
    maxChargeableKg: 30,
    bands: [{ upToKg: 30, priceKurus: 5000 }],
    extraKgKurus: 0,
    ...over,
  }
}
