import { afterEach, describe, expect, it, vi } from 'vitest'
import { ErrorCode } from '../../shared/errors'
import { packOrder, startHarness, type Harness } from '../support/station-harness'

/**
 * A resume at start that cannot finish an interrupted order (its label will not print, its carrier
 * does not answer) leaves the order half-done: bought, not packed. It is no longer swallowed: the
 * shell's log gets an error line and the packer sees a problem naming the order, in the snapshot too.
 */
let h: Harness | null = null
afterEach(async () => {
  vi.restoreAllMocks()
  await h?.dispose()
  h = null
})

describe('a resume at start that fails', () => {
  it('is logged as an error and shown to the packer, naming the order; the order is kept for its re-scan', async () => {
    h = await startHarness({ overrides: { scale: { driver: 'simulated', settleMs: 10, intervalMs: 10 }, stability: { sampleCount: 2, minStableMs: 0 } } })
    await h.station.handlers['session.login']({ badge: 'P1001' })
    const packed = await packOrder(h, 'KJ1001')
    expect(packed.step).toBe('packed')
    const orderId = packed.order!.id
    // The state a kill right after the shipment commit leaves (checkpoint afterShipmentCommit): label job queued, order not packed.
    const db = h.station.database.db
    await db.updateTable('print_jobs').set({ status: 'queued', printed_at: null }).where('order_id', '=', orderId).execute()
    await db.updateTable('orders').set({ status: 'packing', packed_at: null, packed_by: null }).where('id', '=', orderId).execute()
    h.zebra.setState({ paperOut: true })
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)

    const station = await h.restart()
    expect(await station.resumed).toEqual([])
    const view = await h.waitForView((v) => v.problem !== null)
    expect(view.problem).toMatchObject({
      code: ErrorCode.resumeFailed,
      meta: { orders: [{ orderId, orderNumber: 'SIP-1001', code: ErrorCode.printerPaperOut }] },
    })
    expect(view.problem!.message).toContain('SIP-1001')
    expect((await station.snapshot()).packing.problem?.code).toBe(ErrorCode.resumeFailed)
    expect(logged.mock.calls.map((c) => String(c[0]))).toContainEqual(expect.stringMatching(/resume.*SIP-1001.*printer\.paperOut/))
    expect((await station.handlers['orders.list']({ status: 'packing', limit: 10 })).map((o) => o.id)).toEqual([orderId])

    // The printer back, the packer's re-scan of the order finishes it: one label, packed.
    h.zebra.setState({ paperOut: false })
    await station.handlers['session.login']({ badge: 'P1001' })
    await station.handlers['scan.submit']({ code: 'KJ1001', source: 'scanner' })
    await h.waitForView((v) => v.step === 'packed')
    expect(h.zebra.jobs).toHaveLength(2) // the first run's label and the resumed one (the desk printed it once after the restart)
  }, 30_000)
})
