import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app types, repositories or shared/ here.

/**
 * Returns and item sizes (issue 4):
 * - order_lines.length_mm/width_mm/height_mm: one unit's size when the cloud knows it, so the desk can
 *   suggest the box the items fit in (null: unknown, the fit is not checked).
 * - returns: one row per return the desk asked a carrier for. The idempotency key is stored before the
 *   call and reused on every retry, so a lost answer never makes a second return code or shipment.
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
}
