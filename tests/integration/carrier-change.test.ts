import { afterEach, describe, expect, it } from 'vitest'
import type { CarrierChangeView } from '../../shared/contract/carrier-change'
import { ErrorCode } from '../../shared/errors'
import { scanAllItems, startHarness, type Harness } from '../support/station-harness'

/**
 * Issue 12, "Box and carrier choice": the packer takes another carrier from the comparison (packing.carrierOptions /
 * packing.changeCarrier; the renderer's Ctrl+K prompt), within rates.carrierChange: eligible, under the cap, a
 * reason when dearer, a supervisor's badge above the limit; audited, kept across a restart, and the price bought is
 * the one compared. The desk runs on the demo cloud's five ComToHome cards.
 */
let h: Harness | null = null
afterEach(async () => {
  await h?.dispose()
  h = null
})

const call = <K extends 'packing.carrierOptions' | 'packing.changeCarrier'>(name: K, input: Parameters<Harness['station']['handlers'][K]>[0]) =>
  h!.station.handlers[name](input as never) as Promise<CarrierChangeView>
const scan = (code: string) => h!.station.handlers['scan.submit']({ code, source: 'scanner' })
const refusal = async (p: Promise<unknown>) => {
  try {
    await p
  } catch (err) {
    const e = err as { code: string; notice?: { code: string } | null }
    return `${e.code} ${e.notice?.code ?? ''}`.trim()
  }
  throw new Error('expected a refusal')
}
/** KJ1002 counted and boxed in KOLI2 (3 desi), not weighed yet. */
async function boxed(): Promise<void> {
  await scan('P1001')
  await scan('KJ1002')
  await scanAllItems(h!.station)
  await scan('KOLI2')
}
const row = (v: CarrierChangeView, need: string) => v.rows.find((r) => r.need === need)!.option

describe('carrier change from the comparison', () => {
  it('a dearer carrier needs a reason, one above the limit a supervisor; audited, kept across a restart, bought at the price compared', async () => {
    h = await startHarness()
    await boxed()
    const v = await call('packing.carrierOptions', {})
    expect(v.orderNumber).toBe('SIP-1002')
    expect(v.rows.map((r) => r.key)).toEqual([1, 2, 3, 4, 5])
    expect(v.rows.filter((r) => r.suggested)).toHaveLength(1)
    expect(v.rows.find((r) => r.suggested)!.need).toBe('none')
    // A packer sees no prices (issue 12: costs are for managers), only what a change takes.
    expect(v.rows.every((r) => r.option.priceKurus === null)).toBe(true)
    expect(v.rows.map((r) => r.need)).toEqual(expect.arrayContaining(['reason', 'supervisor']))

    const dearer = row(v, 'reason')
    const above = row(v, 'supervisor')
    expect(await refusal(call('packing.changeCarrier', { carrierId: dearer.carrierId, serviceCode: dearer.serviceCode }))).toBe(
      `${ErrorCode.inputInvalid} carrierChange.reasonRequired`,
    )
    const badge = { carrierId: above.carrierId, serviceCode: above.serviceCode, reason: 'carrierChange.reason.customer' as const }
    expect(await refusal(call('packing.changeCarrier', badge))).toBe(`${ErrorCode.supervisorRequired} session.supervisorBadgeRequired`)
    expect(await refusal(call('packing.changeCarrier', { ...badge, supervisorBadge: 'P1002' }))).toBe(
      `${ErrorCode.supervisorRequired} session.supervisorBadgeRequired`,
    )
    const picked = await call('packing.changeCarrier', { ...badge, supervisorBadge: 'S9001' })
    expect(picked.rows.find((r) => r.picked)?.option.serviceCode).toBe(above.serviceCode)

    // A restart before the weight: the pick is where it was audited, and the purchase goes to it.
    await h.restart()
    await boxed()
    expect((await call('packing.carrierOptions', {})).rows.find((r) => r.picked)?.option.serviceCode).toBe(above.serviceCode)
    h.place(h.station.packing.view().expectedGrams!)
    const done = await h.waitForView((x) => x.step === 'packed' || x.problem !== null)
    h.place(0)
    expect(done.problem).toBeNull()
    expect(done.chosen).toMatchObject({
      serviceCode: above.serviceCode,
      reason: 'Paketçi değiştirdi: Müşteri bu taşıyıcıyı istedi / changed by the packer: The customer asked for this carrier',
    })
    // The price bought is the one compared for the pick (in the audit, from the core's own comparison): a packer's screen shows none.
    const db = h.station.database.db
    const audit = await db.selectFrom('audit_log').select(['actor_id', 'detail_json']).where('action', '=', 'order.carrierChanged').execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]!.actor_id).toBe('packer-1')
    const detail = JSON.parse(audit[0]!.detail_json) as { to: { priceKurus: number }; from: { priceKurus: number }; extraKurus: number }
    expect(detail).toMatchObject({
      from: { serviceCode: v.suggested!.serviceCode },
      to: { serviceCode: above.serviceCode },
      reason: 'Müşteri bu taşıyıcıyı istedi / The customer asked for this carrier',
      approvedBy: 'super-1',
    })
    expect(detail.extraKurus).toBe(detail.to.priceKurus - detail.from.priceKurus)
    expect(detail.extraKurus).toBeGreaterThan(500)
    const shipment = await db
      .selectFrom('shipments')
      .select(['service_code', 'quoted_kurus', 'cost_kurus'])
      .where('order_id', '=', done.order!.id)
      .executeTakeFirstOrThrow()
    expect(shipment).toEqual({ service_code: above.serviceCode, quoted_kurus: detail.to.priceKurus, cost_kurus: detail.to.priceKurus })
    // Bought: the carrier no longer changes.
    expect(await refusal(call('packing.carrierOptions', {}))).toBe(`${ErrorCode.wrongState} carrierChange.notNow`)
  }, 60_000)

  it('refused: before the items are counted, above the cap, to a contract the station does not allow; the suggestion again undoes a pick', async () => {
    h = await startHarness({ overrides: { rates: { carrierChange: { maxExtraKurus: 500, contracts: ['own'] } } } })
    await scan('P1001')
    await scan('KJ1002')
    expect(await refusal(call('packing.carrierOptions', {}))).toBe(`${ErrorCode.wrongState} carrierChange.notNow`)
    await scanAllItems(h.station)
    // Before the box: priced on the suggested box.
    expect((await call('packing.carrierOptions', {})).rows).toHaveLength(5)
    await scan('KOLI2')
    const v = await call('packing.carrierOptions', {})
    // Every demo card is on the platform agreement: with only 'own' allowed, nothing but the suggestion can be taken.
    const others = v.rows.filter((r) => !r.suggested)
    expect(others.every((r) => r.need === 'refused')).toBe(true)
    expect(new Set(others.map((r) => r.refusal))).toEqual(new Set(['carrierChange.contractNotAllowed']))
    const other = others[0]!.option
    expect(
      await refusal(call('packing.changeCarrier', { carrierId: other.carrierId, serviceCode: other.serviceCode, reason: 'carrierChange.reason.faster' })),
    ).toBe(`${ErrorCode.inputInvalid} carrierChange.contractNotAllowed`)
    expect(await refusal(call('packing.changeCarrier', { carrierId: 'comtohome', serviceCode: 'provider:99' }))).toBe(
      `${ErrorCode.inputInvalid} carrierChange.unknownOption`,
    )
    const back = await call('packing.changeCarrier', { carrierId: v.suggested!.carrierId, serviceCode: v.suggested!.serviceCode })
    expect(back.rows.some((r) => r.picked)).toBe(false)
    const undone = await h.station.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'order.carrierChange%').execute()
    expect(undone.map((r) => r.action)).toEqual(['order.carrierChangeUndone'])
  }, 60_000)

  it('above the cap: refused on screen and by the core', async () => {
    h = await startHarness({ overrides: { rates: { carrierChange: { maxExtraKurus: 500 } } } })
    await boxed()
    const v = await call('packing.carrierOptions', {})
    const capped = v.rows.filter((r) => r.refusal === 'carrierChange.aboveCap')
    expect(capped.length).toBeGreaterThan(0)
    const o = capped[0]!.option
    expect(
      await refusal(
        call('packing.changeCarrier', {
          carrierId: o.carrierId,
          serviceCode: o.serviceCode,
          reason: 'carrierChange.reason.customer',
          supervisorBadge: 'S9001',
        }),
      ),
    ).toBe(`${ErrorCode.inputInvalid} carrierChange.aboveCap`)
  }, 60_000)
})
