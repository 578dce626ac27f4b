import type { Generated, Kysely, Transaction } from 'kysely'

/** Row types of the reference cloud's own SQLite store (snake_case as stored; never sent as they are). */
export interface StationsTable {
  id: string
  name: string
  api_key: string
  created_at: string
  last_seen_at: string | null
  last_heartbeat_json: string | null
}

export interface OrdersTable {
  id: string
  order_number: string
  /** Position in the change feed: every change takes the next number, so a cursor is "changes after n". */
  change_seq: number
  status: 'open' | 'cancelled'
  version: number
  /** The CloudOrder without status, version and packing fields. */
  body_json: string
  packed_by_station_id: string | null
  packed_event_id: string | null
  packed_at: string | null
  conflict_station_ids_json: string
  updated_at: string
}

export interface ClaimsTable {
  order_id: string
  station_id: string
  claim_id: string
  claimed_at: string
  lease_ms: number
  expires_at_ms: number
}

export interface EventsTable {
  /** Order in which the cloud recorded events: the per-order history is read in this order. */
  applied_seq: Generated<number>
  id: string
  station_id: string
  kind: string
  order_id: string
  seq: number | null
  payload_json: string
  payload_hash: string
  outcome: 'accepted' | 'conflict'
  reason: string | null
  winner_station_id: string | null
  received_at: string
}

export interface ShipmentsTable {
  station_id: string
  shipment_id: string
  order_id: string
  tracking_number: string
  status: 'created' | 'cancelled'
  tracking_status: string | null
  reprints: number
  created_at: string
}

export interface IdempotencyTable {
  station_id: string
  key: string
  request_hash: string
  status: number
  body: string
  created_at_ms: number
}

export interface CloudSchema {
  stations: StationsTable
  orders: OrdersTable
  claims: ClaimsTable
  events: EventsTable
  shipments: ShipmentsTable
  idempotency: IdempotencyTable
}

export type CloudDb = Kysely<CloudSchema>
export type CloudDbOrTrx = Kysely<CloudSchema> | Transaction<CloudSchema>
