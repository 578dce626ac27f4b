import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app types, repositories or shared/ here.
// Kysely does not wrap SQLite migrations in a transaction; migrate.ts runs each `up` inside one.
const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('packers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('badge', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('packer','supervisor')`))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()

  await db.schema
    .createTable('orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_number', 'text', (c) => c.notNull().unique())
    .addColumn('barcode', 'text', (c) => c.notNull().unique())
    .addColumn('marketplace', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open','packing','packed','cancelled','exception')`))
    .addColumn('recipient_json', 'text', (c) => c.notNull())
    .addColumn('cod_amount_kurus', 'integer')
    .addColumn('mandated_carrier_id', 'text')
    .addColumn('marketplace_label_zpl', 'text')
    .addColumn('cloud_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('packed_by', 'text', (c) => c.references('packers.id'))
    .addColumn('packed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema.createIndex('orders_status_idx').on('orders').columns(['status', 'updated_at']).execute()
  await db.schema.createIndex('orders_packed_at_idx').on('orders').column('packed_at').execute()

  await db.schema
    .createTable('order_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('gtin', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('packed_quantity', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unit_weight_grams', 'integer', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint('order_lines_packed_le_qty', sql`packed_quantity between 0 and quantity`)
    .execute()
  await db.schema.createIndex('order_lines_order_idx').on('order_lines').columns(['order_id', 'line_no']).execute()

  await db.schema
    .createTable('boxes')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('length_mm', 'integer', (c) => c.notNull())
    .addColumn('width_mm', 'integer', (c) => c.notNull())
    .addColumn('height_mm', 'integer', (c) => c.notNull())
    .addColumn('tare_grams', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()

  await db.schema
    .createTable('packages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('package_index', 'integer', (c) => c.notNull())
    .addColumn('box_code', 'text')
    .addColumn('length_mm', 'integer', (c) => c.notNull())
    .addColumn('width_mm', 'integer', (c) => c.notNull())
    .addColumn('height_mm', 'integer', (c) => c.notNull())
    .addColumn('weight_grams', 'integer', (c) => c.notNull())
    .addColumn('expected_weight_grams', 'integer')
    .addColumn('desi_milli', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema.createIndex('packages_order_idx').on('packages').column('order_id').execute()

  await db.schema
    .createTable('shipments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('carrier_id', 'text', (c) => c.notNull())
    .addColumn('service_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('purchasing','purchased','failed','cancelled')`))
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('reference_no', 'text', (c) => c.notNull())
    .addColumn('request_json', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('carrier_shipment_id', 'text')
    .addColumn('tracking_number', 'text')
    .addColumn('barcode', 'text')
    .addColumn('tracking_url', 'text')
    .addColumn('label_format', 'text')
    .addColumn('label_blob', 'blob')
    .addColumn('cost_kurus', 'integer')
    .addColumn('quoted_kurus', 'integer')
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema.createIndex('shipments_order_idx').on('shipments').column('order_id').execute()
  await db.schema.createIndex('shipments_status_idx').on('shipments').column('status').execute()
  // At most one live (not failed/cancelled) shipment per order: the database itself refuses a second label.
  await sql`create unique index shipments_one_live_per_order on shipments(order_id) where status in ('purchasing','purchased')`.execute(db)

  await db.schema
    .createTable('print_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('shipment_id', 'text', (c) => c.references('shipments.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('label','reprint','test')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued','printing','printed','failed','cancelled')`))
    .addColumn('printer_uri', 'text', (c) => c.notNull())
    .addColumn('payload', 'blob', (c) => c.notNull())
    .addColumn('expected_barcode', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('requested_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('printed_at', 'text')
    .execute()
  await db.schema.createIndex('print_jobs_status_idx').on('print_jobs').columns(['status', 'created_at']).execute()

  await db.schema
    .createTable('outbox')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending','sent','parked')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('sent_at', 'text')
    .execute()
  await db.schema.createIndex('outbox_pending_idx').on('outbox').columns(['status', 'seq']).execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('detail_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute()
  await db.schema.createIndex('audit_log_order_idx').on('audit_log').column('order_id').execute()

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  // Dev convenience only; never run in the field.
  for (const t of ['settings', 'audit_log', 'outbox', 'print_jobs', 'shipments', 'packages', 'boxes', 'order_lines', 'orders', 'packers']) {
    await db.schema.dropTable(t).execute()
  }
}
