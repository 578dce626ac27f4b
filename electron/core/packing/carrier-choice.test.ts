import { beforeEach, describe, expect, it } from 'vitest'
import type { Order } from '../../../shared/domain/order'
import { ErrorCode } from '../../../shared/errors'
import type { RateCard } from '../../../shared/rates'
import { ownCard } from '../../../tests/support/rate-cards'
import { stationFileEachTest } from '../../../tests/support/station-db'
import type { CarrierChangeRules } from '../rates/carrier-change.rules'
import { chooseCarrier, type CarrierChoiceDeps, type CarrierPick } from './carrier-choice'

/**
 * The packer's pick at the purchase (carrier-choice.ts withPick): judged again on the parcel as weighed, so a pick
 * that no longer fits, or now takes more than it was given, stops the purchase instead of buying anyway or quietly
 * falling back to the suggestion. Two one-band cards: cheap at 100 TL, dear at 103 TL up to 5 kg (110 TL beyond).
 */
const file = stationFileEachTest('kj-choice-')
const card = (serviceCode: string, bands: RateCard['bands']) =>
  ownCard({ carrierId: 'comtohome', serviceCode, name: serviceCode, contract: 'platform', bands }) as RateCard
const cards = [
  card('cheap', [{ upToKg: 30, priceKurus: 10_000 }]),
  card('dear', [
    { upToKg: 5, priceKurus: 10_300 },
    { upToKg: 30, priceKurus: 11_000 },
  ]),
]
const rules: CarrierChangeRules = { enabled: true, maxExtraKurus: 2000, supervisorAboveKurus: 500, contracts: ['platform', 'own'] }
const order = { id: 'o-1', recipient: { city: 'Ankara', district: 'Çankaya' }, codAmountKurus: null, mandatedCarrierId: null } as unknown as Order
const pick = (over: Partial<CarrierPick> = {}): CarrierPick => ({
  orderId: 'o-1',
  carrierId: 'comtohome',
  serviceCode: 'dear',
  reason: 'carrierChange.reason.customer',
  approvedBy: null,
  ...over,
})

let opened: Awaited<ReturnType<typeof file.open>> | null = null
beforeEach(() => {
  opened = null
})

async function choose(p: CarrierPick | null, chargeableKg: number) {
  opened ??= await file.open()
  const { db } = opened
  const deps: CarrierChoiceDeps = {
    db,
    rateCards: () => cards,
    rules: () => ({}),
    addresses: null,
    sender: { name: 'Depo', address: 'x', district: 'Şişli', city: 'İstanbul', postalCode: '34381', phone: '+902123456789' },
    picks: { get: async () => p },
    changeRules: () => rules,
  }
  return chooseCarrier(deps, order, { desi: chargeableKg, weightKg: chargeableKg, chargeableKg }, { addressOverridden: true, actorId: null })
}

describe('the pick at the purchase', () => {
  it('no pick: the rules choose, the comparison in screen order', async () => {
    const c = await choose(null, 2)
    expect(c.chosen?.serviceCode).toBe('cheap')
    expect(c.options.map((o) => o.serviceCode)).toEqual(['cheap', 'dear'])
  })

  it('a pick that still fits is bought, at its own compared price, with the reason on it and on its row', async () => {
    const c = await choose(pick(), 2)
    expect(c.chosen).toMatchObject({
      serviceCode: 'dear',
      priceKurus: 10_300,
      reason: expect.stringMatching(/^Paketçi değiştirdi: Müşteri bu taşıyıcıyı istedi/),
    })
    expect(c.options.find((o) => o.serviceCode === 'dear')).toBe(c.chosen)
  })

  it('heavier than when it was taken: 10 TL dearer now needs a supervisor it was not given → the purchase stops', async () => {
    await expect(choose(pick(), 6)).rejects.toMatchObject({ code: ErrorCode.noEligibleCarrier, notice: { code: 'carrierChange.noLonger' } })
    // With the badge it had been given, it goes.
    expect((await choose(pick({ approvedBy: 'super-1' }), 6)).chosen?.serviceCode).toBe('dear')
  })

  it('a pick without its reason, or of a card gone from the comparison, stops the purchase', async () => {
    await expect(choose(pick({ reason: null }), 2)).rejects.toMatchObject({ notice: { code: 'carrierChange.noLonger' } })
    await expect(choose(pick({ serviceCode: 'gone' }), 2)).rejects.toMatchObject({ notice: { code: 'carrierChange.noLonger', params: { name: 'gone' } } })
  })
})
