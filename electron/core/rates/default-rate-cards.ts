import type { RateCard } from '../../../shared/rates'

const bands = (base: number, step: number): RateCard['bands'] =>
  [1, 2, 3, 5, 10, 15, 20, 30].map((upToKg, i) => ({ upToKg, priceKurus: base + i * step }))

/**
 * Built-in demo rate cards: providers reached through the ComToHome aggregator (seed 001),
 * bought on the platform agreement (carrier price + 10% commission). Real desks get their cards
 * from the cloud config or station.json. Prices are illustrative, in kuruş, by chargeable-kg band.
 */
export const DEFAULT_RATE_CARDS: readonly RateCard[] = [
  { carrierId: 'comtohome', serviceCode: 'provider:1', name: 'Yurtiçi Kargo', contract: 'platform', commissionBp: 1000, transitDays: 2, supportsCod: true, codFeeKurus: 2500, fuelSurchargeBp: 0, maxChargeableKg: 30, bands: bands(8900, 1400), extraKgKurus: 450 },
  { carrierId: 'comtohome', serviceCode: 'provider:2', name: 'Aras Kargo', contract: 'platform', commissionBp: 1000, transitDays: 2, supportsCod: true, codFeeKurus: 2200, fuelSurchargeBp: 0, maxChargeableKg: 30, bands: bands(8400, 1500), extraKgKurus: 480 },
  { carrierId: 'comtohome', serviceCode: 'provider:3', name: 'MNG / DHL eCommerce', contract: 'platform', commissionBp: 1000, transitDays: 3, supportsCod: true, codFeeKurus: 2400, fuelSurchargeBp: 0, maxChargeableKg: 30, bands: bands(7900, 1600), extraKgKurus: 500 },
  { carrierId: 'comtohome', serviceCode: 'provider:4', name: 'PTT Kargo', contract: 'platform', commissionBp: 1000, transitDays: 4, supportsCod: false, codFeeKurus: 0, fuelSurchargeBp: 0, maxChargeableKg: 30, bands: bands(7600, 1700), extraKgKurus: 520 },
  { carrierId: 'comtohome', serviceCode: 'provider:5', name: 'Sürat Kargo', contract: 'platform', commissionBp: 1000, transitDays: 3, supportsCod: true, codFeeKurus: 2000, fuelSurchargeBp: 0, maxChargeableKg: 10, bands: bands(8100, 1450).slice(0, 5), extraKgKurus: 0 },
]
