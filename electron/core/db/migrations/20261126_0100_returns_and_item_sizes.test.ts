import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type OpenedDatabase } from '../database'
import * as createCoreTables from './20261125_1830_create_core_tables'
import * as allowTestPrintJobs from './20261125_1930_allow_test_print_jobs'
import * as carrierLayer from './20261125_2200_carrier_layer'

let dir: string
let path: string
let opened: OpenedDatabase | null = null
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kj-mig-ret-'))
  path = join(dir, 'station.sqlite3')
})
afterEach(async () => {
  await opened?.close()
  opened = null
  rmSync(dir, { recursive: true, force: true })
})

const PREVIOUS = {
  '20261125_1830_create_core_tables': createCoreTables,
  '20261125_1930_allow_test_print_jobs': allowTestPrintJobs,
  '20261125_2200_carrier_layer': carrierLayer,
}

/** A desk as the previous release left it: an order with a line, a bought shipment and queued jobs. */
async function previousRelease(): Promise<void> {
  const old = await openDatabase(path, { migrations: PREVIOUS })
  const { db } = old
  await db
    .insertInto('orders')
    .values({
      id: 'o1',
      order_number: 'SIP-1',
      barcode: 'KJ1',
      marketplace: null,
      status: 'packed',
      recipient_json: '{}',
      cod_amount_kurus: null,
      mandated_carrier_id: null,
      marketplace_label_zpl: null,
      packed_by: null,
      packed_at: null,
    })
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

describe('20261126_0100_returns_and_item_sizes', () => {
  it('keeps lines, shipments and queued jobs (in rowid order); lines get no size; a return job and a return row can be stored', async () => {
    await previousRelease()
    const before = await openDatabase(path, { migrations: PREVIOUS })
    const jobsBefore = (await sql`select rowid, * from print_jobs order by rowid`.execute(before.db)).rows
    await before.close()

    opened = await openDatabase(path)
    const { db } = opened
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
