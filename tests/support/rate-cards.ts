/**
 * A one-band own-contract rate card for desk tests that need one carrier chosen: 50 TL up to 30 kg,
 * two days, no COD unless asked. `over` changes any field (carrierId, serviceCode, name, supportsCod…).
 */
export function ownCard(over: Record<string, unknown> = {}) {
  return {
    carrierId: 'yurtici',
    serviceCode: 'GO',
    name: 'Yurtiçi Kargo',
    contract: 'own',
    commissionBp: 0,
    transitDays: 2,
    supportsCod: false,
    codFeeKurus: 0,
    fuelSurchargeBp: 0,
    maxChargeableKg: 30,
    bands: [{ upToKg: 30, priceKurus: 5000 }],
    extraKgKurus: 0,
    ...over,
  }
}
