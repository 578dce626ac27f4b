import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app types or repositories here. cloud.store.ts runs each `up` in a transaction.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('api_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text')
    .addColumn('last_heartbeat_json', 'text')
    .execute()

  await db.schema
    .createTable('orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_number', 'text', (c) => c.notNull().unique())
    .addColumn('change_seq', 'integer', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open','cancelled')`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body_json', 'text', (c) => c.notNull())
    .addColumn('packed_by_station_id', 'text', (c) => c.references('stations.id'))
    .addColumn('packed_event_id', 'text')
    .addColumn('packed_at', 'text')
    .addColumn('conflict_station_ids_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('claims')
    .addColumn('order_id', 'text', (c) => c.primaryKey().references('orders.id'))
    .addColumn('station_id', 'text', (c) => c.notNull().references('stations.id'))
    .addColumn('claim_id', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addColumn('lease_ms', 'integer', (c) => c.notNull())
    .addColumn('expires_at_ms', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('events')
    .addColumn('applied_seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('station_id', 'text', (c) => c.notNull().references('stations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('seq', 'integer')
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('payload_hash', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('accepted','conflict')`))
    .addColumn('reason', 'text')
    .addColumn('winner_station_id', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('events_station_order_idx').on('events').columns(['station_id', 'order_id', 'seq']).execute()
  await db.schema.createIndex('events_order_idx').on('events').columns(['order_id', 'applied_seq']).execute()

  await db.schema
    .createTable('shipments')
    .addColumn('station_id', 'text', (c) => c.notNull().references('stations.id'))
    .addColumn('shipment_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('tracking_number', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('created','cancelled')`))
    .addColumn('tracking_status', 'text')
    .addColumn('reprints', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('shipments_pk', ['station_id', 'shipment_id'])
    .execute()
  await db.schema.createIndex('shipments_order_idx').on('shipments').columns(['order_id', 'tracking_number']).execute()

  await db.schema
    .createTable('idempotency')
    .addColumn('station_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at_ms', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_pk', ['station_id', 'key'])
    .execute()
}
