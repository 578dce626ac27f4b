import { sql, type ExpressionBuilder } from 'kysely'
import type { Shipment } from '../../../shared/domain/shipment'
import type { DbOrTrx } from '../db/database'
import type { Schema, ShipmentsTable } from '../db/schema'

type Row = Omit<ShipmentsTable, 'attempts' | 'created_at' | 'updated_at'> & { attempts: number; created_at: string; updated_at: string }

export type ShipmentRecord = Shipment &
  Readonly<{
    referenceNo: string
    requestJson: string
    label: Uint8Array | null
    attempts: number
    /** The rate-card price compared when it was chosen (costKurus becomes this once bought). */
    quotedKurus: number | null
    /** What the carrier said it charges; null when it does not say (docs/carriers.md "Where prices come from"). */
    chargedKurus: number | null
    /** The carrier's own key for this shipment: what its track and cancel operations take. */
    carrierShipmentId: string | null
    /** Set when the label was printed with a shipper-generated key before the carrier registered it. */
    offlineLabelledAt: string | null
    trackingStatus: string | null
    trackingCheckedAt: string | null
  }>

function toShipment(r: Row): ShipmentRecord {
  return {
    id: r.id,
    orderId: r.order_id,
    carrierId: r.carrier_id,
    serviceCode: r.service_code,
    status: r.status,
    idempotencyKey: r.idempotency_key,
    referenceNo: r.reference_no,
    requestJson: r.request_json,
    trackingNumber: r.tracking_number,
    barcode: r.barcode,
    labelFormat: r.label_format,
    label: r.label_blob,
    costKurus: r.cost_kurus,
    quotedKurus: r.quoted_kurus,
    chargedKurus: r.charged_kurus ?? null,
    attempts: r.attempts,
    carrierShipmentId: r.carrier_shipment_id,
    offlineLabelledAt: r.offline_labelled_at,
    trackingStatus: r.tracking_status,
    trackingCheckedAt: r.tracking_checked_at,
    errorCode: r.error_code,
    errorMessage: r.error_message,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

/** Stores the shipment with its idempotency key BEFORE any carrier call (never buy twice). */
export async function insertPurchasingShipment(
  db: DbOrTrx,
  s: {
    id: string
    orderId: string
    carrierId: string
    serviceCode: string
    idempotencyKey: string
    referenceNo: string
    requestJson: string
    quotedKurus: number | null
  },
): Promise<void> {
  await db
    .insertInto('shipments')
    .values({
      id: s.id,
      order_id: s.orderId,
      carrier_id: s.carrierId,
      service_code: s.serviceCode,
      status: 'purchasing',
      idempotency_key: s.idempotencyKey,
      reference_no: s.referenceNo,
      request_json: s.requestJson,
      quoted_kurus: s.quotedKurus,
      carrier_shipment_id: null,
      tracking_number: null,
      barcode: null,
      tracking_url: null,
      label_format: null,
      label_blob: null,
      cost_kurus: null,
      error_code: null,
      error_message: null,
    })
    .execute()
}

export async function markShipmentAttempt(db: DbOrTrx, id: string): Promise<void> {
  await db
    .updateTable('shipments')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), updated_at: new Date().toISOString() }))
    .where('id', '=', id)
    .execute()
}

export async function markShipmentPurchased(
  db: DbOrTrx,
  id: string,
  r: {
    carrierShipmentId: string
    trackingNumber: string
    barcode: string
    trackingUrl: string | null
    labelFormat: 'zpl' | 'pdf' | null
    label: Uint8Array | null
    costKurus: number | null
  },
): Promise<void> {
  await db
    .updateTable('shipments')
    .set({
      status: 'purchased',
      carrier_shipment_id: r.carrierShipmentId,
      tracking_number: r.trackingNumber,
      barcode: r.barcode,
      tracking_url: r.trackingUrl,
      label_format: r.labelFormat,
      label_blob: r.label,
      // One price: the desk's price is the card price the packer saw; the carrier's figure is kept beside it.
      cost_kurus: sql<number | null>`coalesce(quoted_kurus, ${r.costKurus})`,
      charged_kurus: r.costKurus,
      error_code: null,
      error_message: null,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .where('status', '=', 'purchasing')
    .execute()
}

export async function markShipmentFailed(db: DbOrTrx, id: string, code: string, message: string): Promise<void> {
  await db
    .updateTable('shipments')
    .set({ status: 'failed', error_code: code, error_message: message, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'purchasing')
    .execute()
}

/** Records a retryable failure without giving up the idempotency key: the purchase stays resumable. */
export async function noteShipmentError(db: DbOrTrx, id: string, code: string, message: string): Promise<void> {
  await db.updateTable('shipments').set({ error_code: code, error_message: message, updated_at: new Date().toISOString() }).where('id', '=', id).execute()
}

export async function getLiveShipment(db: DbOrTrx, orderId: string): Promise<ShipmentRecord | null> {
  const row = await db.selectFrom('shipments').selectAll().where('order_id', '=', orderId).where('status', 'in', ['purchasing', 'purchased']).executeTakeFirst()
  return row ? toShipment(row) : null
}

export async function getShipment(db: DbOrTrx, id: string): Promise<ShipmentRecord | null> {
  const row = await db.selectFrom('shipments').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toShipment(row) : null
}

export async function listPurchasingShipments(db: DbOrTrx): Promise<ShipmentRecord[]> {
  const rows = await db.selectFrom('shipments').selectAll().where('status', '=', 'purchasing').orderBy('created_at').execute()
  return rows.map(toShipment)
}

/**
 * Records that the label was printed with the shipper-generated key (`planned`) while the carrier
 * was unreachable. The row stays 'purchasing': the registrar completes it with the same idempotency key.
 */
export async function markShipmentLabelledOffline(
  db: DbOrTrx,
  id: string,
  planned: { carrierShipmentId: string; trackingNumber: string; barcode: string },
  at: string,
): Promise<void> {
  await db
    .updateTable('shipments')
    .set({
      offline_labelled_at: at,
      carrier_shipment_id: planned.carrierShipmentId,
      tracking_number: planned.trackingNumber,
      barcode: planned.barcode,
      updated_at: at,
    })
    .where('id', '=', id)
    .where('status', '=', 'purchasing')
    .where('offline_labelled_at', 'is', null)
    .execute()
}

/** Shipments labelled offline and not yet registered, in the order they were labelled (packing order). */
export async function listOfflineLabelled(db: DbOrTrx): Promise<ShipmentRecord[]> {
  const rows = await db
    .selectFrom('shipments')
    .selectAll()
    .where('status', '=', 'purchasing')
    .where('offline_labelled_at', 'is not', null)
    // rowid = insertion order of the purchase intents = packing order (timestamps can tie within a millisecond).
    .orderBy(sql`rowid`)
    .execute()
  return rows.map(toShipment)
}

/** How many offline-labelled shipments wait for registration, per carrier (the status bar and F6 ask often). */
export async function countOfflineLabelled(db: DbOrTrx): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('shipments')
    .select(['carrier_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'purchasing')
    .where('offline_labelled_at', 'is not', null)
    .groupBy('carrier_id')
    .execute()
  return new Map(rows.map((r) => [r.carrier_id, Number(r.n)]))
}

/** A shipment named by any of the codes on its parcel or at its carrier: tracking number, label barcode, carrier id. */
export function isShipmentKey(code: string) {
  return (eb: ExpressionBuilder<Schema, 'shipments'>) =>
    eb.or([eb('tracking_number', '=', code), eb('barcode', '=', code), eb('carrier_shipment_id', '=', code)])
}

/** Shipments joined with their order (every shipment has one): select columns as `shipments.x` / `orders.x`. */
export function shipmentsWithOrders(db: DbOrTrx) {
  return db.selectFrom('shipments').innerJoin('orders', 'orders.id', 'shipments.order_id')
}
