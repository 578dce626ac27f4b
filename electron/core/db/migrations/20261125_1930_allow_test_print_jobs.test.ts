import { existsSync } from 'node:fs'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { orderRow, stationFileEachTest } from '../../../../tests/support/station-db'

const NAME = '20261125_1930_allow_test_print_jobs'
const station = stationFileEachTest('kj-mig-')

const job = (id: string, orderId: string | null, kind: 'label' | 'reprint' | 'test') => ({
  id,
  order_id: orderId,
  shipment_id: null,
  kind,
  status: 'queued' as const,
  printer_uri: 'tcp://127.0.0.1:9100',
  payload: Buffer.from(`^XA^FD${id}^FS^XZ`),
  expected_barcode: null,
  error_code: null,
  error_message: null,
  requested_by: null,
  printed_at: null,
})

/** A database as the first release left it: only the core tables, with an order and print jobs in it. */
async function firstReleaseWithJobs(): Promise<void> {
  const old = await station.openBefore(NAME)
  await old.db
    .insertInto('orders')
    .values(orderRow({ id: 'o1', order_number: 'SIP-1', barcode: 'KJ1', status: 'packed' }))
    .execute()
  // Same created_at for all three: the queue then orders by rowid, which the rebuild must keep.
  const at = '2026-11-25T18:00:00.000Z'
  for (const id of ['j-c', 'j-a', 'j-b']) {
    await old.db
      .insertInto('print_jobs')
      .values({ ...job(id, 'o1', 'label'), created_at: at })
      .execute()
  }
  await old.db
    .updateTable('print_jobs')
    .set({ status: 'printed', attempts: 2, error_code: 'printer.paperOut', error_message: 'x', printed_at: '2026-11-25T18:01:00.000Z' })
    .where('id', '=', 'j-a')
    .execute()
  await old.close()
}

describe(NAME, () => {
  it('keeps every job (columns, blobs, rowid order) and lets a test job have no order', async () => {
    await firstReleaseWithJobs()
    const before = await station.openBefore(NAME)
    const rowsBefore = await sql`select rowid, * from print_jobs order by rowid`.execute(before.db)
    await before.close()

    const opened = await station.open()
    const { db } = opened
    expect(opened.backupPath && existsSync(opened.backupPath)).toBeTruthy()
    expect((await sql`select rowid, * from print_jobs order by rowid`.execute(db)).rows).toEqual(rowsBefore.rows)
    expect(
      (
        await db
          .selectFrom('print_jobs')
          .select('id')
          .orderBy('created_at')
          .orderBy(sql`rowid`)
          .execute()
      ).map((r) => r.id),
    ).toEqual(['j-c', 'j-a', 'j-b'])

    await db
      .insertInto('print_jobs')
      .values(job('t1', null, 'test'))
      .execute()
    const test = await db.selectFrom('print_jobs').selectAll().where('id', '=', 't1').executeTakeFirstOrThrow()
    expect(test.order_id).toBeNull()
    expect(test.attempts).toBe(0) // defaults survived the rebuild
    expect(test.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  })

  it('still refuses a label or reprint without an order, an unknown order, and bad kinds or states', async () => {
    await firstReleaseWithJobs()
    const { db } = await station.open()
    await expect(
      db
        .insertInto('print_jobs')
        .values(job('x1', null, 'label'))
        .execute(),
    ).rejects.toThrow(/CHECK constraint failed/)
    await expect(
      db
        .insertInto('print_jobs')
        .values(job('x2', null, 'reprint'))
        .execute(),
    ).rejects.toThrow(/CHECK constraint failed/)
    await expect(
      db
        .insertInto('print_jobs')
        .values(job('x3', 'no-such-order', 'label'))
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/)
    await expect(
      sql`insert into print_jobs (id, order_id, kind, status, printer_uri, payload) values ('x4', 'o1', 'slip', 'queued', 'u', x'00')`.execute(db),
    ).rejects.toThrow(/CHECK/)
    await expect(
      sql`insert into print_jobs (id, order_id, kind, status, printer_uri, payload) values ('x5', 'o1', 'label', 'lost', 'u', x'00')`.execute(db),
    ).rejects.toThrow(/CHECK/)
    expect(await db.selectFrom('print_jobs').select('id').where('id', 'like', 'x%').execute()).toEqual([])
  })

  it('leaves the schema clean: index back, no leftover table, foreign keys and integrity check pass', async () => {
    await firstReleaseWithJobs()
    const { sqlite } = await station.open()
    const objects = sqlite
      .prepare(`select type, name from sqlite_master where tbl_name like 'print_jobs%' and name not like 'sqlite_autoindex%' order by type, name`)
      .all()
    expect(objects).toEqual([
      { type: 'index', name: 'print_jobs_status_idx' },
      { type: 'table', name: 'print_jobs' },
    ])
    expect(sqlite.pragma('foreign_key_check')).toEqual([])
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    const plan = sqlite.prepare(`explain query plan select * from print_jobs where status = 'queued' order by created_at`).all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toContain('print_jobs_status_idx')
  })

  it('migrates a fresh database the same way', async () => {
    const opened = await station.open()
    await opened.db
      .insertInto('print_jobs')
      .values(job('t1', null, 'test'))
      .execute()
    expect(opened.backupPath).toBeNull()
  })
})
