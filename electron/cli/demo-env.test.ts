import { describe, expect, it } from 'vitest'
import { defaultCloudConfig } from '../../sandbox/cloud/reference/cloud-defaults'
import { demoOrders } from '../../sandbox/cloud/demo-orders'
import { selectCarrier, type RateCard } from '../../shared/rates'
import { DEMO_YURTICI_CARD } from './demo-env'

const cards: RateCard[] = [...defaultCloudConfig().rateCards, { ...DEMO_YURTICI_CARD, bands: [...DEMO_YURTICI_CARD.bands] }]

describe('the demo cards: a carrier that makes returns for the COD orders, ComToHome for the rest', () => {
  // Every chargeable weight a demo parcel can have, band by band (1…30 kg).
  const weights = [0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 7, 10, 12, 15, 18, 20, 25, 30]
  it.each(weights)('%s kg: Yurtiçi (own contract) with cash on delivery, ComToHome without', (chargeableKg) => {
    const pick = (cod: boolean) => selectCarrier(cards, { chargeableKg, cod, mandatedCarrierId: null }).chosen?.carrierId
    expect(pick(true)).toBe('yurtici')
    expect(pick(false)).toBe('comtohome')
  })

  it('the COD orders of a batch are KJ1003, KJ1006, KJ1009, KJ1012 (the README names them)', () => {
    expect(
      demoOrders()
        .filter((o) => o.codAmountKurus !== null)
        .map((o) => o.barcode),
    ).toEqual(['KJ1003', 'KJ1006', 'KJ1009', 'KJ1012'])
  })
})
