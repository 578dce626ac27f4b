import { afterEach, describe, expect, it } from 'vitest'
import { scanAllItems, startHarness, type Harness } from '../../../tests/support/station-harness'

/**
 * Regression (found by tests/chaos/sync-chaos.test.ts): a desk killed after the label printed but before the order's
 * "packed" committed left the order 'packing' with a bought label. The restart did not resume it
 * (no purchase in flight, no label owed), and scanning it again answered "a label for this order is
 * being finished" for ever, so its order.packed never reached the cloud.
 */
let h: Harness | null = null
afterEach(async () => {
  await h?.dispose()
  h = null
})

const scan = (code: string) => h!.station.handlers['scan.submit']({ code, source: 'scanner' })
const outboxKinds = async (orderId: string) =>
  (await h!.station.database.db.selectFrom('outbox').select('kind').where('order_id', '=', orderId).orderBy('seq').execute()).map((r) => r.kind)

/** Packs KJ1001 up to its printed label (and on to packed unless scan-back holds it at printed). */
async function packUntilPrinted() {
  await scan('P1001')
  await scan('KJ1001')
  await scanAllItems(h!.station)
  const v = await scan('KOLI2')
  h!.place(v.expectedGrams!)
  return h!.waitForView((x) => x.step === 'printed' || x.step === 'packed')
}

describe('an order whose label printed but whose "packed" never committed (killed in between)', () => {
  it('is finished by the resume at restart: packed once, order.packed in the outbox, no second label', async () => {
    h = await startHarness()
    const v = await packUntilPrinted()
    await h.waitForView((x) => x.step === 'packed')
    const orderId = v.order!.id
    // The state a SIGKILL between the label and the packed transaction leaves: that transaction
    // (status, order.packed outbox row, audit) is one commit, so none of it is there.
    const db = h.station.database.db
    await db.updateTable('orders').set({ status: 'packing', packed_at: null, packed_by: null }).where('id', '=', orderId).execute()
    await db.deleteFrom('outbox').where('order_id', '=', orderId).where('kind', '=', 'order.packed').execute()
    await db.deleteFrom('audit_log').where('order_id', '=', orderId).where('action', '=', 'order.packed').execute()

    const station = await h.restart()
    expect(await station.resumed).toEqual([orderId])
    expect((await station.handlers['orders.list']({ status: 'packed', limit: 10 })).map((o) => o.id)).toEqual([orderId])
    expect(await outboxKinds(orderId)).toEqual(['package.measured', 'shipment.created', 'order.packed'])
    expect(h.zebra.jobs).toHaveLength(1)
    expect(h.carrier.consignments).toHaveLength(1)
  })

  it('with scan-back, waits at "printed" after the restart; the re-scan picks it up and the label scan completes it', async () => {
    h = await startHarness({ overrides: { scanner: { scanBack: true } } })
    const printed = await packUntilPrinted()
    expect(printed.step).toBe('printed')
    const station = await h.restart()
    expect(await station.resumed).toEqual([]) // never packed behind the packer's back: the label scan is owed
    await scan('P1001')
    const picked = await scan('KJ1001')
    expect(picked).toMatchObject({ step: 'printed', order: { barcode: 'KJ1001' }, shipment: { barcode: printed.shipment!.barcode } })
    const done = await scan(printed.shipment!.barcode!)
    expect(done).toMatchObject({ step: 'packed', order: { status: 'packed' } })
    expect(await outboxKinds(printed.order!.id)).toEqual(['package.measured', 'shipment.created', 'order.packed'])
    expect(h.zebra.jobs).toHaveLength(1)
    expect(h.carrier.consignments).toHaveLength(1)
  })
})
