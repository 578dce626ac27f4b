import { describe, expect, it } from 'vitest'
import { startYurticiEmulator, YurticiFault, type YurticiEmulator } from '../../sandbox/yurtici/yurtici.emulator'
import { disposeAfterEach } from '../support/dispose-after-each'
import { FAST_WEIGHING, packOrder, startYurticiHarness, type Harness } from '../support/station-harness'

let h: Harness | null = null
let yk: YurticiEmulator | null = null
disposeAfterEach(
  () => [h, yk],
  () => (h = yk = null),
)

async function packYurtici(): Promise<{ h: Harness; yk: YurticiEmulator; cargoKey: string }> {
  yk = await startYurticiEmulator()
  h = await startYurticiHarness(yk, {
    carriers: { tracking: { enabled: false, minIntervalMs: 0 }, breaker: { failureThreshold: 2, openMs: 60_000 }, retry: { maxAttempts: 1 } },
    ...FAST_WEIGHING,
  })
  await h.station.handlers['scan.submit']({ code: 'P1001', source: 'scanner' })
  const done = await packOrder(h, 'KJ1002', 'KOLI1')
  expect(done.problem).toBeNull()
  return { h, yk, cargoKey: done.shipment!.barcode! }
}

describe('tracking and carrier status at the desk', () => {
  it('polls Yurtiçi, stores the timeline, moves the status and announces each change once', async () => {
    const { h, yk, cargoKey } = await packYurtici()
    const t = h.station.handlers
    expect((await t['shipments.timeline']({ code: 'KJ1002' })).status).toBeNull()

    yk.advance(cargoKey, 'IND')
    expect(await t['tracking.pollNow']({})).toMatchObject({ asked: 1, changed: 1, failed: [] })
    let view = await t['shipments.timeline']({ code: cargoKey })
    expect(view.status).toBe('in_transit')
    expect(view.events.length).toBeGreaterThan(0)
    expect(view.events.every((e) => e.rawCode !== '')).toBe(true)

    expect(await t['tracking.pollNow']({})).toMatchObject({ asked: 1, changed: 0 }) // nothing new: no second event
    yk.advance(cargoKey, 'DLV')
    await t['tracking.pollNow']({})
    view = await t['shipments.timeline']({ code: 'SIP-1002' })
    expect(view.status).toBe('delivered')
    expect(await t['tracking.pollNow']({})).toMatchObject({ asked: 0 }) // delivered: no longer asked

    const updates = await h.station.database.db.selectFrom('outbox').select('payload_json').where('kind', '=', 'tracking.updated').execute()
    expect(updates.map((u) => JSON.parse(u.payload_json).status)).toEqual(['in_transit', 'delivered'])
    const exchanges = await t['carriers.exchanges']({ carrierId: 'yurtici', limit: 50 })
    expect(exchanges.map((e) => e.operation)).toContain('queryShipment')
    expect(JSON.stringify(exchanges)).not.toMatch(/<wsPassword>YK</)
  }, 30_000)

  it('opens the Yurtiçi breaker after repeated failures and shows it on carriers.status', async () => {
    const { h, yk } = await packYurtici()
    yk.setFault(YurticiFault.http500)
    const pass = await h.station.handlers['tracking.pollNow']({})
    expect(pass.failed[0]).toMatchObject({ carrierId: 'yurtici', code: 'carrier.unavailable' })
    await h.station.database.db.updateTable('shipments').set({ tracking_checked_at: null }).execute()
    await h.station.handlers['tracking.pollNow']({})
    await h.station.database.db.updateTable('shipments').set({ tracking_checked_at: null }).execute()
    const third = await h.station.handlers['tracking.pollNow']({})
    expect(third.failed[0]?.code).toBe('carrier.circuitOpen')
    const status = (await h.station.handlers['carriers.status']({})).find((c) => c.id === 'yurtici')
    expect(status).toMatchObject({ id: 'yurtici', breaker: { state: 'open', failures: 2 } })
    const devices = (await h.station.snapshot()).devices
    expect(devices.carriers?.find((c) => c.id === 'yurtici')?.state).toBe('open')
  }, 30_000)

  it('answers an unknown code with a clear not-found error', async () => {
    const { h } = await packYurtici()
    await expect(h.station.handlers['shipments.timeline']({ code: 'NOPE-1' })).rejects.toMatchObject({ code: 'input.notFound' })
  }, 30_000)
})
