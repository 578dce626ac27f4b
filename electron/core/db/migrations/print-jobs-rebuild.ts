import { type Kysely, sql } from 'kysely'

// Frozen in time with the migrations that call it (20261125_1930, 20261126_0100): the SQL it runs is theirs.
// Never change it; a later rebuild of print_jobs writes its own.

const COLUMNS =
  'id, order_id, shipment_id, kind, status, printer_uri, payload, expected_barcode, attempts, error_code, error_message, requested_by, created_at, printed_at'

/**
 * Rebuilds print_jobs with `kinds` (a quoted SQL list, e.g. `'label','reprint','test'`) as the allowed
 * kinds; a job of kind 'test' may have no order. SQLite cannot change NOT NULL or a CHECK in place, so
 * the table is rebuilt the documented way (sqlite.org/lang_altertable.html, "Making Other Kinds Of Table
 * Schema Changes"): create the new table, copy every row with its rowid (the queue orders jobs of one
 * millisecond by rowid), drop the old one, rename, recreate the index, then check the foreign keys.
 * No other table references print_jobs, so the rebuild is safe with foreign_keys=ON.
 */
export async function rebuildPrintJobs(db: Kysely<any>, kinds: string): Promise<void> {
  if (!/^'[a-z]+'(,'[a-z]+')*$/.test(kinds)) throw new Error(`rebuildPrintJobs: kinds must be a quoted list like 'label','test', got ${kinds}`)
  await sql
    .raw(
      `create table print_jobs_new (
    id text primary key,
    order_id text references orders (id),
    shipment_id text references shipments (id),
    kind text not null check (kind in (${kinds})),
    status text not null check (status in ('queued','printing','printed','failed','cancelled')),
    printer_uri text not null,
    payload blob not null,
    expected_barcode text,
    attempts integer default 0 not null,
    error_code text,
    error_message text,
    requested_by text,
    created_at text default (strftime('%Y-%m-%dT%H:%M:%fZ','now')) not null,
    printed_at text,
    constraint print_jobs_order_unless_test check (order_id is not null or kind = 'test')
  )`,
    )
    .execute(db)
  await sql.raw(`insert into print_jobs_new (rowid, ${COLUMNS}) select rowid, ${COLUMNS} from print_jobs order by rowid`).execute(db)
  await sql`drop table print_jobs`.execute(db)
  await sql`alter table print_jobs_new rename to print_jobs`.execute(db)
  await sql`create index print_jobs_status_idx on print_jobs (status, created_at)`.execute(db)
  const broken = await sql<{ table: string }>`pragma foreign_key_check(print_jobs)`.execute(db)
  if (broken.rows.length > 0) throw new Error(`print_jobs rebuild left ${broken.rows.length} row(s) with a missing order or shipment`)
}
