import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { orderRow, stationFileEachTest } from '../../../../tests/support/station-db'

const NAME = '20261126_0100_returns_and_item_sizes'
const station = stationFileEachTest('kj-mig-ret-')

/** A desk as the previous release left it: an order with a line, a bought shipment and queued jobs. */
async function previousRelease(): Promise<void> {
  const old = await station.openBefore(NAME)
  const { db } = old
  await db
    .insertInto('orders')
    .values(orderRow({ id: 'o1', order_number: 'SIP-1', barcode: 'KJ1', status: 'packed' }))
    .execute()
  await sql`insert into order_lines (id, order_id, line_no, sku, gtin, name, quantity) values ('l1', 'o1', 1, 'S', null, 'Ürün', 2)`.execute(db)
  await sql`insert into shipments (id, order_id, carrier_id, service_code, status, idempotency_key, reference_no, request_json, tracking_number, barcode) values ('s1', 'o1', 'yurtici', 'GO', 'purchased', 'k1', 'r1', '{}', 'T1', 'B1')`.execute(
    db,
  )
  for (const id of ['j-b', 'j-a']) {
    await sql`insert into print_jobs (id, order_id, shipment_id, kind, status, printer_uri, payload, created_at) values (${id}, 'o1', 's1', 'label', 'queued', 'tcp://x:9100', ${Buffer.from(id)}, '2026-11-25T18:00:00.000Z')`.execute(
      db,
    )
  }
  await old.close()
}

describe(NAME, () => {
  it('keeps lines, shipments and queued jobs (in rowid order); lines get no size; a return job and a return row can be stored', async () => {
    await previousRelease()
    const before = await station.openBefore(NAME)
    const jobsBefore = (await sql`select rowid, * from print_jobs order by rowid`.execute(before.db)).rows
    await before.close()

    const { db } = await station.open()
    expect((await sql`select rowid, * from print_jobs order by rowid`.execute(db)).rows).toEqual(jobsBefore)
    expect(await db.selectFrom('order_lines').select(['quantity', 'length_mm', 'width_mm', 'height_mm']).execute()).toEqual([
      { quantity: 2, length_mm: null, width_mm: null, height_mm: null },
    ])
    await sql`insert into print_jobs (id, order_id, shipment_id, kind, status, printer_uri, payload) values ('r1', 'o1', 's1', 'return', 'queued', 'u', x'00')`.execute(
      db,
    )
    await sql`insert into returns (id, order_id, shipment_id, carrier_id, status, idempotency_key, request_json, reason) values ('ret1', 'o1', 's1', 'yurtici', 'requesting', 'RET-s1', '{}', 'x')`.execute(
      db,
    )
    // One key, one return: a second row with the same idempotency key is refused.
    await expect(
      sql`insert into returns (id, order_id, shipment_id, carrier_id, status, idempotency_key, request_json, reason) values ('ret2', 'o1', 's1', 'yurtici', 'requesting', 'RET-s1', '{}', 'x')`.execute(
        db,
      ),
    ).rejects.toThrow(/UNIQUE/)
    await expect(
      sql`insert into print_jobs (id, order_id, kind, status, printer_uri, payload) values ('x', 'o1', 'slip', 'queued', 'u', x'00')`.execute(db),
    ).rejects.toThrow(/CHECK/)
    const plan = await sql<{ detail: string }>`explain query plan select id from shipments where tracking_number = 'T1'`.execute(db)
    expect(plan.rows.map((r) => r.detail).join(' ')).toContain('shipments_tracking_number_idx')
  })
})
