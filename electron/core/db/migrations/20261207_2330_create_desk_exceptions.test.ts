import { describe, expect, it } from 'vitest'
import { orderRow, stationFileEachTest } from '../../../../tests/support/station-db'

const NAME = '20261207_2330_create_desk_exceptions'
const station = stationFileEachTest('kj-mig-exceptions-')

describe(NAME, () => {
  it('adds the exceptions queue to a database that has orders, which stay as they were', async () => {
    const opened = await station.migrateOrders(NAME, [orderRow({ id: 'o1', order_number: 'SIP-1', barcode: 'KJ1', status: 'exception' })])
    expect(opened.backupPath).not.toBeNull()
    expect(await opened.db.selectFrom('orders').select(['id', 'status']).execute()).toEqual([{ id: 'o1', status: 'exception' }])
    await opened.db.insertInto('desk_exceptions').values({ id: 'x1', order_id: 'o1', kind: 'address', code: 'address.unresolved' }).execute()
    const row = await opened.db.selectFrom('desk_exceptions').selectAll().executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'open', detail_json: '{}', resolved_at: null })
    expect(row.opened_at).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('keeps one open row per order and kind, refuses an unknown kind or order, and allows a new one once resolved', async () => {
    const { db } = await station.open()
    await db
      .insertInto('orders')
      .values(orderRow({ id: 'o1', order_number: 'SIP-1', barcode: 'KJ1', status: 'exception' }))
      .execute()
    const row = (id: string, kind = 'weight') => ({ id, order_id: 'o1', kind: kind as 'weight', code: 'packing.weightOutOfTolerance' })
    await db.insertInto('desk_exceptions').values(row('x1')).execute()
    await expect(db.insertInto('desk_exceptions').values(row('x2')).execute()).rejects.toThrow(/UNIQUE/)
    await expect(db.insertInto('desk_exceptions').values(row('x3', 'lost')).execute()).rejects.toThrow(/CHECK/)
    await expect(
      db
        .insertInto('desk_exceptions')
        .values({ ...row('x4'), order_id: 'nope' })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/)
    await db.updateTable('desk_exceptions').set({ status: 'resolved' }).where('id', '=', 'x1').execute()
    await db.insertInto('desk_exceptions').values(row('x2')).execute()
  })
})
