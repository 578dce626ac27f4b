import type { ShipmentLookupView } from '../../../shared/contract/views'
import type { DbOrTrx } from '../db/database'
import { shipmentsWithOrders } from './shipments.repository'

/** How many tracking events the desk lists (newest first); the full timeline is `shipments.timeline`. */
const SHOWN_EVENTS = 10

/** A shipment by id with its order and its newest tracking events, as the desk shows it after a scan of its tracking number. */
export async function lookUpShipment(db: DbOrTrx, shipmentId: string, carrierNames: ReadonlyMap<string, string>): Promise<ShipmentLookupView | null> {
  const row = await shipmentsWithOrders(db)
    .select([
      'shipments.id',
      'shipments.carrier_id',
      'shipments.service_code',
      'shipments.tracking_number',
      'shipments.barcode',
      'shipments.status',
      'shipments.tracking_status',
      'orders.order_number',
      'orders.barcode as order_barcode',
      'orders.status as order_status',
    ])
    .where('shipments.id', '=', shipmentId)
    .executeTakeFirst()
  if (!row) return null
  const events = await db
    .selectFrom('tracking_events')
    .select(['at', 'status', 'raw_text', 'location'])
    .where('shipment_id', '=', shipmentId)
    .orderBy('at', 'desc')
    .limit(SHOWN_EVENTS)
    .execute()
  return {
    shipmentId: row.id,
    orderNumber: row.order_number,
    orderBarcode: row.order_barcode,
    orderStatus: row.order_status,
    carrierName: carrierNames.get(row.service_code) ?? row.carrier_id,
    trackingNumber: row.tracking_number,
    barcode: row.barcode,
    status: row.status,
    trackingStatus: row.tracking_status,
    events: events.map((e) => ({ at: e.at, status: e.status, text: e.raw_text, location: e.location })),
  }
}
