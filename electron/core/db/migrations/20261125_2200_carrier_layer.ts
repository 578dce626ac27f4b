import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app types, repositories or shared/ here.

/**
 * The carrier layer:
 * - shipments.offline_labelled_at: the desk printed this shipment's label with a shipper-generated
 *   key (Yurtiçi cargoKey, Aras integration code, PTT range barcode) while the carrier was
 *   unreachable; the row stays 'purchasing' until the carrier registers it with the same key.
 * - shipments.tracking_*: the latest normalized status, its raw code and when it was last asked.
 * - tracking_events: each shipment's timeline, raw code and text kept; one row per distinct event.
 * - carrier_exchanges: raw requests and responses for support, secrets redacted before insert.
 * - carrier_key_allocations: keys the desk allocates itself (PTT barcode range): one per idempotency key.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table shipments add column offline_labelled_at text`.execute(db)
  await sql`alter table shipments add column tracking_status text`.execute(db)
  await sql`alter table shipments add column tracking_raw_code text`.execute(db)
  await sql`alter table shipments add column tracking_checked_at text`.execute(db)
  await sql`create index shipments_offline_idx on shipments (offline_labelled_at) where offline_labelled_at is not null and status = 'purchasing'`.execute(db)
  await sql`create table tracking_events (
    id integer primary key autoincrement,
    shipment_id text not null references shipments (id),
    status text,
    raw_code text not null,
    raw_text text not null,
    at text not null,
    location text,
    received_at text default (strftime('%Y-%m-%dT%H:%M:%fZ','now')) not null,
    unique (shipment_id, at, raw_code, raw_text)
  )`.execute(db)
  await sql`create table carrier_exchanges (
    id integer primary key autoincrement,
    carrier_id text not null,
    operation text not null,
    method text not null,
    url text not null,
    request text not null,
    http_status integer,
    response text,
    duration_ms integer not null,
    error_code text,
    at text not null
  )`.execute(db)
  await sql`create index carrier_exchanges_at_idx on carrier_exchanges (at)`.execute(db)
  await sql`create table carrier_key_allocations (
    carrier_id text not null,
    idempotency_key text not null,
    seq integer not null,
    key text not null,
    created_at text default (strftime('%Y-%m-%dT%H:%M:%fZ','now')) not null,
    primary key (carrier_id, idempotency_key),
    unique (carrier_id, seq)
  )`.execute(db)
}
