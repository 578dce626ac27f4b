import type { CloudStationConfig } from '../../../shared/contract/cloud'
import { DEFAULT_BOXES } from '../../../shared/default-boxes'
import { DEMO_PACKERS } from '../demo-orders'

type RateCard = CloudStationConfig['data']['rateCards'][number]

const bands = (base: number, step: number): RateCard['bands'] => [1, 2, 3, 5, 10, 15, 20, 30].map((upToKg, i) => ({ upToKg, priceKurus: base + i * step }))

const card = (
  serviceCode: string,
  name: string,
  transitDays: number,
  supportsCod: boolean,
  codFeeKurus: number,
  base: number,
  step: number,
  extraKgKurus: number,
): RateCard => ({
  carrierId: 'comtohome',
  serviceCode,
  name,
  contract: 'platform',
  commissionBp: 1000,
  transitDays,
  supportsCod,
  codFeeKurus,
  fuelSurchargeBp: 0,
  maxChargeableKg: 30,
  bands: bands(base, step),
  extraKgKurus,
})

/**
 * What the reference cloud hands every station by default: the demo packers and boxes, the ComToHome
 * providers of the sandbox emulator (seed 001) on the platform agreement, and the sync rules. Prices
 * are illustrative kuruş by chargeable-kg band, the same as the desk's built-in demo cards, so the
 * demo compares the same prices whether or not the cloud has been reached.
 */
export function defaultCloudConfig(): CloudStationConfig['data'] {
  const rateCards = [
    card('provider:1', 'Yurtiçi Kargo', 2, true, 2500, 8900, 1400, 450),
    card('provider:2', 'Aras Kargo', 2, true, 2200, 8400, 1500, 480),
    card('provider:3', 'MNG / DHL eCommerce', 3, true, 2400, 7900, 1600, 500),
    card('provider:4', 'PTT Kargo', 4, false, 0, 7600, 1700, 520),
    // Sürat (provider 5 of the emulator) takes parcels up to 10 kg: the first five bands only.
    { ...card('provider:5', 'Sürat Kargo', 3, true, 2000, 8100, 1450, 0), maxChargeableKg: 10, bands: bands(8100, 1450).slice(0, 5) },
  ]
  return {
    configVersion: 1,
    packers: DEMO_PACKERS.map((p) => ({ ...p })),
    boxes: DEFAULT_BOXES.map((b) => ({ ...b })),
    carriers: [{ id: 'comtohome', name: 'ComToHome', enabled: true, services: rateCards.map((c) => ({ serviceCode: c.serviceCode, name: c.name })) }],
    rateCards,
    rules: { tolerance: { absGrams: 100, pct: 10 }, claimLeaseMs: 120_000, heartbeatIntervalMs: 30_000, maxEventsPerBatch: 500, maxPageLimit: 1000 },
  }
}
