import { randomUUID } from 'node:crypto'
import type { Selectable } from 'kysely'
import type { CreatedReturn, ReturnRequest } from '../carriers/carrier.port'
import type { DbOrTrx } from '../db/database'
import type { ReturnsTable } from '../db/schema'

export type ReturnRecord = Readonly<{
  id: string
  orderId: string
  shipmentId: string
  carrierId: string
  status: ReturnsTable['status']
  idempotencyKey: string
  request: ReturnRequest
  reason: string
  kind: ReturnsTable['kind']
  returnCode: string | null
  carrierShipmentId: string | null
  trackingNumber: string | null
  barcode: string | null
  labelFormat: ReturnsTable['label_format']
  label: Uint8Array | null
  validUntil: string | null
  errorCode: string | null
  errorMessage: string | null
  createdBy: string | null
  createdAt: string
}>

function toReturn(r: Selectable<ReturnsTable>): ReturnRecord {
  return {
    id: r.id,
    orderId: r.order_id,
    shipmentId: r.shipment_id,
    carrierId: r.carrier_id,
    status: r.status,
    idempotencyKey: r.idempotency_key,
    request: JSON.parse(r.request_json) as ReturnRequest,
    reason: r.reason,
    kind: r.kind,
    returnCode: r.return_code,
    carrierShipmentId: r.carrier_shipment_id,
    trackingNumber: r.tracking_number,
    barcode: r.barcode,
    labelFormat: r.label_format,
    label: r.label_blob,
    validUntil: r.valid_until,
    errorCode: r.error_code,
    errorMessage: r.error_message,
    createdBy: r.created_by,
    createdAt: r.created_at,
  }
}

/** Stores the intent before any carrier call: the idempotency key is what every retry reuses. */
export async function insertReturnIntent(
  db: DbOrTrx,
  r: Readonly<{
    orderId: string
    shipmentId: string
    carrierId: string
    idempotencyKey: string
    request: ReturnRequest
    reason: string
    createdBy: string | null
  }>,
): Promise<string> {
  const id = randomUUID()
  await db
    .insertInto('returns')
    .values({
      id,
      order_id: r.orderId,
      shipment_id: r.shipmentId,
      carrier_id: r.carrierId,
      status: 'requesting',
      idempotency_key: r.idempotencyKey,
      request_json: JSON.stringify(r.request),
      reason: r.reason,
      kind: null,
      return_code: null,
      carrier_shipment_id: null,
      tracking_number: null,
      barcode: null,
      label_format: null,
      label_blob: null,
      valid_until: null,
      error_code: null,
      error_message: null,
      created_by: r.createdBy,
    })
    .execute()
  return id
}

export async function markReturnCreated(db: DbOrTrx, id: string, created: CreatedReturn): Promise<void> {
  await db
    .updateTable('returns')
    .set({
      status: 'created',
      kind: created.kind,
      return_code: created.returnCode,
      carrier_shipment_id: created.carrierShipmentId,
      tracking_number: created.trackingNumber,
      barcode: created.barcode,
      label_format: created.labelFormat,
      label_blob: created.label,
      valid_until: created.validUntil,
      error_code: null,
      error_message: null,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .execute()
}

/** `final`: the carrier refused for good (status failed); otherwise the row stays 'requesting' for a retry with its key. */
export async function noteReturnError(db: DbOrTrx, id: string, error: { code: string; message: string }, final: boolean): Promise<void> {
  await db
    .updateTable('returns')
    .set({ ...(final ? { status: 'failed' as const } : {}), error_code: error.code, error_message: error.message, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute()
}

export async function getReturn(db: DbOrTrx, id: string): Promise<ReturnRecord | null> {
  const row = await db.selectFrom('returns').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toReturn(row) : null
}

/** The order's return that is made or still being asked for (a failed one does not count). */
export async function findLiveReturn(db: DbOrTrx, orderId: string): Promise<ReturnRecord | null> {
  const row = await db
    .selectFrom('returns')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('status', 'in', ['requesting', 'created'])
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
  return row ? toReturn(row) : null
}

export async function listReturns(db: DbOrTrx, orderId: string): Promise<ReturnRecord[]> {
  const rows = await db.selectFrom('returns').selectAll().where('order_id', '=', orderId).orderBy('created_at', 'desc').execute()
  return rows.map(toReturn)
}
