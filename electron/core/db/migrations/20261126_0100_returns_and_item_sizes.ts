import { type Kysely, sql } from 'kysely'
import { rebuildPrintJobs } from './print-jobs-rebuild'

// Frozen in time: never import app types, repositories or shared/ here.
// database.ts runs this inside a transaction, so a failure leaves the old tables as they were.

/**
 * Returns and item sizes:
 * - order_lines.length_mm/width_mm/height_mm: one unit's size when the cloud knows it, so the desk can
 *   suggest the box the items fit in (null: unknown, the fit is not checked).
 * - returns: one row per return the desk asked a carrier for. The idempotency key is stored before the
 *   call and reused on every retry, so a lost answer never makes a second return code or shipment.
 * - shipments are found by the carrier's keys (a carrier's push, a scanned tracking number at the
 *   returns counter, the timeline): indexes on tracking_number, carrier_shipment_id and barcode.
 * - print_jobs.kind may be 'return' (the return slip or label). SQLite cannot change a CHECK in place,
 *   so the table is rebuilt as in 20261125_1930 (rows copied with their rowid, which orders the queue).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table order_lines add column length_mm integer`.execute(db)
  await sql`alter table order_lines add column width_mm integer`.execute(db)
  await sql`alter table order_lines add column height_mm integer`.execute(db)
  await sql`create table returns (
    id text primary key,
    order_id text not null references orders (id),
    shipment_id text not null references shipments (id),
    carrier_id text not null,
    status text not null check (status in ('requesting', 'created', 'failed')),
    idempotency_key text not null unique,
    request_json text not null,
    reason text not null,
    kind text check (kind in ('code', 'shipment')),
    return_code text,
    carrier_shipment_id text,
    tracking_number text,
    barcode text,
    label_format text,
    label_blob blob,
    valid_until text,
    error_code text,
    error_message text,
    created_by text,
    created_at text default (strftime('%Y-%m-%dT%H:%M:%fZ','now')) not null,
    updated_at text default (strftime('%Y-%m-%dT%H:%M:%fZ','now')) not null
  )`.execute(db)
  await sql`create index returns_order_idx on returns (order_id)`.execute(db)
  await sql`create index shipments_tracking_number_idx on shipments (tracking_number) where tracking_number is not null`.execute(db)
  await sql`create index shipments_carrier_shipment_id_idx on shipments (carrier_shipment_id) where carrier_shipment_id is not null`.execute(db)
  await sql`create index shipments_barcode_idx on shipments (barcode) where barcode is not null`.execute(db)
  await rebuildPrintJobs(db, `'label','reprint','test','return'`)
}
