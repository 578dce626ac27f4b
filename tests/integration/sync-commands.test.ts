import { afterEach, describe, expect, it } from 'vitest'
import { appendOutbox, parkOutbox } from '../../electron/core/sync/outbox.repository'
import { startHarness, type Harness } from '../support/station-harness'

let h: Harness | null = null
afterEach(async () => {
  await h?.dispose()
  h = null
})

describe('sync keys: now, pause, parked events', () => {
  it('syncs on demand, pauses and resumes, and lists parked events with their reason', async () => {
    h = await startHarness()
    const t = h.station.handlers
    expect((await t['sync.now']({})).mode).toBe('online')
    expect((await t['sync.setPaused']({ paused: true })).mode).toBe('paused')
    expect((await h.station.snapshot()).sync.mode).toBe('paused')
    expect((await t['sync.setPaused']({ paused: false })).mode).not.toBe('paused')

    const db = h.station.database.db
    const order = await db.selectFrom('orders').select(['id', 'order_number']).executeTakeFirstOrThrow()
    const id = await appendOutbox(db, 'order.packed', order.id, { orderNumber: order.order_number })
    await parkOutbox(db, id, 'conflict: packed by station B first')
    const parked = await t['sync.parked']({ limit: 10 })
    expect(parked).toEqual([
      expect.objectContaining({ id, kind: 'order.packed', orderNumber: order.order_number, reason: 'conflict: packed by station B first' }),
    ])
    expect((await t['sync.now']({})).parkedEvents).toBe(1)
  }, 30_000)
})
