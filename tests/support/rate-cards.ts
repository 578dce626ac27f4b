import { testRateCard } from '../../shared/rates/rate-card.test-support'

/**
 * A one-band own-contract rate card for desk tests that need one carrier chosen: 50 TL up to 30 kg,
 * two days, no COD unless asked. `over` changes any field (carrierId, serviceCode, name, supportsCod…).
 */
export function ownCard(over: Record<string, unknown> = {}) {
  return { ...testRateCard({ carrierId: 'yurtici', serviceCode: 'GO', name: 'Yurtiçi Kargo', supportsCod: false }), ...over }
}
