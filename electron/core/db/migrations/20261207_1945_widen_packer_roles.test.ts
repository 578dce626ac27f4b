import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { orderRow, stationFileEachTest } from '../../../../tests/support/station-db'

const NAME = '20261207_1945_widen_packer_roles'
const station = stationFileEachTest('kj-mig-roles-')

const order = (id: string, packedBy: string | null) =>
  orderRow({ id, order_number: `SIP-${id}`, barcode: `KJ${id}`, status: packedBy ? 'packed' : 'open', packed_by: packedBy })

describe(NAME, () => {
  it('keeps every packer and the orders that name them, and lets a badge be a manager or an admin with a PIN', async () => {
    const old = await station.openBefore(NAME)
    await sql`insert into packers (id, name, badge, role, active) values ('p1', 'Ayşe', 'P1001', 'packer', 1), ('s1', 'Selin', 'S9001', 'supervisor', 0)`.execute(
      old.db,
    )
    await old.db
      .insertInto('orders')
      .values([order('1', 'p1'), order('2', 's1'), order('3', null)])
      .execute()
    const packersBefore = (await sql`select id, name, badge, role, active from packers order by id`.execute(old.db)).rows
    await old.close()

    const { db } = await station.open()
    expect((await sql`select id, name, badge, role, active from packers order by id`.execute(db)).rows).toEqual(packersBefore)
    expect((await sql`select pin_hash from packers`.execute(db)).rows).toEqual([{ pin_hash: null }, { pin_hash: null }])
    expect((await db.selectFrom('orders').select(['id', 'packed_by']).orderBy('id').execute()).map((o) => o.packed_by)).toEqual(['p1', 's1', null])

    await db.insertInto('packers').values({ id: 'm1', name: 'Mert', badge: 'M5001', role: 'manager', pin_hash: 'scrypt$x' }).execute()
    await db.insertInto('packers').values({ id: 'a1', name: 'Ada', badge: 'A7001', role: 'admin', pin_hash: null }).execute()
    await expect(sql`insert into packers (id, name, badge, role) values ('x', 'X', 'X1', 'boss')`.execute(db)).rejects.toThrow(/CHECK/)
    // The foreign key still holds after the rebuild.
    await expect(db.insertInto('orders').values(order('4', 'nobody')).execute()).rejects.toThrow(/FOREIGN KEY/)
    await expect(sql`delete from packers where id = 'p1'`.execute(db)).rejects.toThrow(/FOREIGN KEY/)
  })
})
