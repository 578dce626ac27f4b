import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { countPackedToday } from '../../electron/core/orders/packed-today.repository'
import { deskDayStart } from '../../shared/desk-day'
import { packOrder, startHarness, type Harness } from '../support/station-harness'

/** Issue 12, "Status text": the packed counter is "packed today at this desk", read from the database, not "since start". */
let h: Harness
const scan = (code: string) => h.station.handlers['scan.submit']({ code, source: 'scanner' })

beforeEach(async () => {
  h = await startHarness()
  await scan('P1001')
})
afterEach(async () => {
  await h.dispose()
})

describe('the packed counter', () => {
  it('keeps today’s count across a restart on the same SQLite file, and counts on after it', async () => {
    expect((await packOrder(h, 'KJ1001')).step).toBe('packed')
    expect((await packOrder(h, 'KJ1002')).step).toBe('packed')
    await h.waitForView((v) => v.packedCount === 2)

    await h.restart()
    // Read at start, before anyone logs in again.
    await h.waitForView((v) => v.packedCount === 2)
    await scan('P1001')
    expect((await packOrder(h, 'KJ1003')).step).toBe('packed')
    await h.waitForView((v) => v.packedCount === 3)
  }, 60_000)

  it('counts only this desk’s packing of the day: not yesterday’s, not an order another desk packed', async () => {
    expect((await packOrder(h, 'KJ1001')).step).toBe('packed')
    const db = h.station.database.db
    const yesterday = new Date(deskDayStart(new Date()).getTime() - 3_600_000).toISOString()
    const [a, b] = await db.selectFrom('orders').select('id').where('status', '=', 'open').limit(2).execute()
    await db.updateTable('orders').set({ status: 'packed', packed_at: yesterday }).where('id', '=', a!.id).execute()
    // What a sync pull writes for an order packed at another desk: packed, with no packed_at of this desk's.
    await db.updateTable('orders').set({ status: 'packed' }).where('id', '=', b!.id).execute()
    expect(await countPackedToday(db)).toBe(1)

    await h.restart()
    await h.waitForView((v) => v.packedCount === 1)
  }, 60_000)
})
