import { describe, expect, it } from 'vitest'
import { startYurticiEmulator, type YurticiEmulator } from '../../sandbox/yurtici/yurtici.emulator'
import { disposeAfterEach } from '../support/dispose-after-each'
import { FAST_WEIGHING, packOrder, startYurticiHarness, type Harness } from '../support/station-harness'

let h: Harness | null = null
let yk: YurticiEmulator | null = null
disposeAfterEach(
  () => [h, yk],
  () => (h = yk = null),
)

/** The Yurtiçi desk (tracking off), a packer logged in. */
async function startDeskWithPacker(): Promise<Harness> {
  yk = await startYurticiEmulator()
  const desk = await startYurticiHarness(yk, { carriers: { tracking: { enabled: false } }, ...FAST_WEIGHING })
  await desk.station.handlers['scan.submit']({ code: 'P1001', source: 'scanner' })
  return desk
}

async function packed(code: string) {
  const done = await packOrder(h!, code)
  expect(done.problem).toBeNull()
  return done.shipment!
}

describe('voiding a bought label', () => {
  it('cancels at the carrier before pickup and reopens the order; after pickup Yurtiçi turns it into a return and the label stays', async () => {
    h = await startDeskWithPacker()
    const first = await packed('KJ1002')
    const t = h.station.handlers
    await expect(t['shipments.cancel']({ code: 'KJ1002', supervisorBadge: 'P1001', reason: 'yanlış ürün' })).rejects.toMatchObject({
      code: 'packing.supervisorRequired',
    })
    const cancelled = await t['shipments.cancel']({ code: 'KJ1002', supervisorBadge: 'S9001', reason: 'müşteri vazgeçti' })
    expect(cancelled.status).toBe('cancelled')
    expect(yk!.shipments.find((s) => s.cargoKey === first.barcode)?.status).toBe('CNL')
    const db = h.station.database.db
    expect((await db.selectFrom('orders').select('status').where('barcode', '=', 'KJ1002').executeTakeFirstOrThrow()).status).toBe('open')
    expect(await db.selectFrom('outbox').select('kind').where('kind', '=', 'shipment.cancelled').execute()).toHaveLength(1)

    const second = await packed('KJ1004')
    yk!.advance(second.barcode!, 'IND')
    await expect(t['shipments.cancel']({ code: 'KJ1004', supervisorBadge: 'S9001', reason: 'geç kaldı' })).rejects.toMatchObject({
      code: 'carrier.returnRequested',
    })
    expect((await db.selectFrom('shipments').select('status').where('id', '=', second.id).executeTakeFirstOrThrow()).status).toBe('purchased')
  }, 30_000)

  it('refuses past the cancel window without asking the carrier, and never voids a shipment other than the one the desk shows', async () => {
    h = await startDeskWithPacker()
    const live = await packed('KJ1002')
    const t = h.station.handlers
    const db = h.station.database.db
    const badge = { code: 'KJ1002', supervisorBadge: 'S9001', reason: 'müşteri vazgeçti' }
    const status = async () => (await db.selectFrom('shipments').select('status').where('id', '=', live.id).executeTakeFirstOrThrow()).status

    await expect(t['shipments.cancel']({ ...badge, shipmentId: 'another-shipment' })).rejects.toMatchObject({ code: 'packing.wrongState' })
    expect(await status()).toBe('purchased')

    // Yurtiçi voids until pickup; the last tracking status says it was picked up: too late, and the words name KJIADE.
    await db.updateTable('shipments').set({ tracking_status: 'picked_up' }).where('id', '=', live.id).execute()
    const late = await t['shipments.cancel']({ ...badge, shipmentId: live.id }).catch((e: unknown) => e)
    expect(late).toMatchObject({ code: 'carrier.notCancellable' })
    expect(String((late as Error).message)).toContain('KJIADE')
    expect(yk!.shipments.find((s) => s.cargoKey === live.barcode)?.status).not.toBe('CNL')
    expect(await status()).toBe('purchased')

    await db.updateTable('shipments').set({ tracking_status: 'created' }).where('id', '=', live.id).execute()
    expect((await t['shipments.cancel']({ ...badge, shipmentId: live.id })).status).toBe('cancelled')
    // Never a second void: the order has no live shipment any more.
    await expect(t['shipments.cancel']({ ...badge, shipmentId: live.id })).rejects.toMatchObject({ code: 'input.notFound' })
  }, 30_000)
})
