import type { Generated } from 'kysely'

/** Row types, snake_case as stored. They never cross the contract: repositories map them to shared/domain. */
export interface PackersTable {
  id: string
  name: string
  badge: string
  role: 'packer' | 'supervisor' | 'manager' | 'admin'
  active: Generated<number>
  /** scrypt$N$r$p$salt$hash (base64url) of the badge's PIN; null = no PIN. */
  pin_hash: string | null
}

export interface OrdersTable {
  id: string
  order_number: string
  barcode: string
  marketplace: string | null
  status: 'open' | 'packing' | 'packed' | 'cancelled' | 'exception'
  recipient_json: string
  cod_amount_kurus: number | null
  mandated_carrier_id: string | null
  marketplace_label_zpl: string | null
  /** Parcels the order ships in, as the cloud says (default 1). */
  parcel_count: Generated<number>
  cloud_version: Generated<number>
  packed_by: string | null
  packed_at: string | null
  created_at: Generated<string>
  updated_at: Generated<string>
}

export interface OrderLinesTable {
  id: string
  order_id: string
  line_no: number
  sku: string
  gtin: string | null
  name: string
  quantity: number
  packed_quantity: Generated<number>
  unit_weight_grams: Generated<number>
  /** One unit's size when known (box suggestion); null: unknown. */
  length_mm: number | null
  width_mm: number | null
  height_mm: number | null
}

export interface BoxesTable {
  code: string
  name: string
  length_mm: number
  width_mm: number
  height_mm: number
  tare_grams: number
  active: Generated<number>
}

export interface PackagesTable {
  id: string
  order_id: string
  package_index: number
  box_code: string | null
  length_mm: number
  width_mm: number
  height_mm: number
  weight_grams: number
  expected_weight_grams: number | null
  /** Desi × 1000 as an integer, to keep exact sums. */
  desi_milli: number
  created_at: Generated<string>
}

export interface ShipmentsTable {
  id: string
  order_id: string
  carrier_id: string
  service_code: string
  status: 'purchasing' | 'purchased' | 'failed' | 'cancelled'
  idempotency_key: string
  reference_no: string
  request_json: string
  attempts: Generated<number>
  carrier_shipment_id: string | null
  tracking_number: string | null
  barcode: string | null
  tracking_url: string | null
  label_format: 'zpl' | 'pdf' | null
  label_blob: Uint8Array | null
  /** The desk's price: the rate-card price compared and shown (quoted_kurus), else the carrier's figure. */
  cost_kurus: number | null
  quoted_kurus: number | null
  /** What the carrier said it charges (CreatedShipment.costKurus); null when it does not say. */
  charged_kurus: number | null
  error_code: string | null
  error_message: string | null
  created_at: Generated<string>
  updated_at: Generated<string>
  /** Label printed with a shipper-generated key while the carrier was unreachable; registration pending while 'purchasing'. */
  offline_labelled_at: string | null
  tracking_status: string | null
  tracking_raw_code: string | null
  tracking_checked_at: string | null
}

export interface TrackingEventsTable {
  id: Generated<number>
  shipment_id: string
  status: string | null
  raw_code: string
  raw_text: string
  at: string
  location: string | null
  received_at: Generated<string>
}

export interface CarrierExchangesTable {
  id: Generated<number>
  carrier_id: string
  operation: string
  method: string
  url: string
  request: string
  http_status: number | null
  response: string | null
  duration_ms: number
  error_code: string | null
  at: string
}

export interface CarrierKeyAllocationsTable {
  carrier_id: string
  idempotency_key: string
  seq: number
  key: string
  created_at: Generated<string>
}

export interface PrintJobsTable {
  id: string
  /** Null only for kind 'test' (a test label from settings; migration 20261125_1930). */
  order_id: string | null
  shipment_id: string | null
  /** 'return': a return slip or return label (migration 20261126_0100). */
  kind: 'label' | 'reprint' | 'test' | 'return'
  status: 'queued' | 'printing' | 'printed' | 'failed' | 'cancelled'
  printer_uri: string
  payload: Uint8Array
  expected_barcode: string | null
  attempts: Generated<number>
  error_code: string | null
  error_message: string | null
  requested_by: string | null
  created_at: Generated<string>
  printed_at: string | null
}

export interface OutboxTable {
  seq: Generated<number>
  id: string
  kind: string
  order_id: string | null
  payload_json: string
  status: Generated<'pending' | 'sent' | 'parked'>
  attempts: Generated<number>
  next_attempt_at: string | null
  last_error: string | null
  created_at: Generated<string>
  sent_at: string | null
}

export interface AuditLogTable {
  seq: Generated<number>
  at: Generated<string>
  actor_id: string | null
  action: string
  order_id: string | null
  detail_json: Generated<string>
}

export interface SettingsTable {
  key: string
  value_json: string
  updated_at: Generated<string>
}

export interface ReturnsTable {
  id: string
  order_id: string
  shipment_id: string
  carrier_id: string
  status: 'requesting' | 'created' | 'failed'
  idempotency_key: string
  request_json: string
  reason: string
  kind: 'code' | 'shipment' | null
  return_code: string | null
  carrier_shipment_id: string | null
  tracking_number: string | null
  barcode: string | null
  label_format: 'zpl' | 'pdf' | null
  label_blob: Uint8Array | null
  valid_until: string | null
  error_code: string | null
  error_message: string | null
  created_by: string | null
  created_at: Generated<string>
  updated_at: Generated<string>
}

/** Issue 12: an order that could not finish, until someone acts on it (electron/core/exceptions/). */
export interface DeskExceptionsTable {
  id: string
  order_id: string
  kind: 'address' | 'carrier' | 'weight' | 'printer' | 'syncConflict'
  code: string
  status: Generated<'open' | 'resolved'>
  detail_json: Generated<string>
  opened_at: Generated<string>
  updated_at: Generated<string>
  resolved_at: string | null
  resolved_by: string | null
  resolution: string | null
}

export interface Schema {
  desk_exceptions: DeskExceptionsTable
  returns: ReturnsTable
  tracking_events: TrackingEventsTable
  carrier_exchanges: CarrierExchangesTable
  carrier_key_allocations: CarrierKeyAllocationsTable
  packers: PackersTable
  orders: OrdersTable
  order_lines: OrderLinesTable
  boxes: BoxesTable
  packages: PackagesTable
  shipments: ShipmentsTable
  print_jobs: PrintJobsTable
  outbox: OutboxTable
  audit_log: AuditLogTable
  settings: SettingsTable
}
