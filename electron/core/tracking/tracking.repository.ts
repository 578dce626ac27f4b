import { sql, type Selectable } from 'kysely'
import type { TrackingStatus } from '../../../shared/domain/shipment'
import type { TimelineEvent } from '../../../shared/tracking/timeline'
import type { DbOrTrx } from '../db/database'
import type { ShipmentsTable } from '../db/schema'

/** Stores events not seen before (same instant, code and text = the same event); returns how many were new. */
export async function insertTrackingEvents(db: DbOrTrx, shipmentId: string, events: readonly TimelineEvent[]): Promise<number> {
  let added = 0
  for (const e of events) {
    const r = await db
      .insertInto('tracking_events')
      .values({ shipment_id: shipmentId, status: e.status, raw_code: e.rawCode, raw_text: e.rawText, at: e.at, location: e.location })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst()
    added += Number(r.numInsertedOrUpdatedRows ?? 0)
  }
  return added
}

/** The stored timeline, oldest first (insertion order breaks ties of one instant). */
export async function getTimeline(db: DbOrTrx, shipmentId: string): Promise<TimelineEvent[]> {
  const rows = await db.selectFrom('tracking_events').selectAll().where('shipment_id', '=', shipmentId).orderBy('at').orderBy('id').execute()
  return rows.map((r) => ({ status: r.status as TrackingStatus | null, rawCode: r.raw_code, rawText: r.raw_text, at: r.at, location: r.location }))
}

export async function setTrackingState(
  db: DbOrTrx,
  shipmentId: string,
  state: { status: TrackingStatus | null; rawCode: string | null; checkedAt: string },
): Promise<void> {
  await db
    .updateTable('shipments')
    .set({ tracking_status: state.status, tracking_raw_code: state.rawCode, tracking_checked_at: state.checkedAt })
    .where('id', '=', shipmentId)
    .execute()
}

export type TrackableShipment = Readonly<{
  id: string
  orderId: string
  carrierId: string
  trackingNumber: string
  /** What the carrier's track operation takes: its shipment id (our key at most carriers), else the tracking number. */
  carrierKey: string
  trackingStatus: TrackingStatus | null
}>

const TRACKABLE_COLUMNS = ['id', 'order_id', 'carrier_id', 'tracking_number', 'carrier_shipment_id', 'tracking_status'] as const

/** A row of TRACKABLE_COLUMNS whose tracking number the query already required. */
function toTrackable(r: Pick<Selectable<ShipmentsTable>, (typeof TRACKABLE_COLUMNS)[number]>): TrackableShipment {
  return {
    id: r.id,
    orderId: r.order_id,
    carrierId: r.carrier_id,
    trackingNumber: r.tracking_number as string,
    carrierKey: r.carrier_shipment_id ?? (r.tracking_number as string),
    trackingStatus: r.tracking_status as TrackingStatus | null,
  }
}

/**
 * Bought shipments still moving, least recently asked first: not delivered, returned or cancelled,
 * and not asked within `minIntervalMs`.
 */
export async function listTrackable(db: DbOrTrx, options: { now: Date; minIntervalMs: number; limit: number }): Promise<TrackableShipment[]> {
  const before = new Date(options.now.getTime() - options.minIntervalMs).toISOString()
  const rows = await db
    .selectFrom('shipments')
    .select(TRACKABLE_COLUMNS)
    .where('status', '=', 'purchased')
    .where('tracking_number', 'is not', null)
    .where((eb) => eb.or([eb('tracking_status', 'is', null), eb('tracking_status', 'not in', ['delivered', 'returned_to_sender', 'cancelled'])]))
    .where((eb) => eb.or([eb('tracking_checked_at', 'is', null), eb('tracking_checked_at', '<', before)]))
    .orderBy(sql`tracking_checked_at is not null`)
    .orderBy('tracking_checked_at')
    .limit(options.limit)
    .execute()
  return rows.map(toTrackable)
}

/** What a carrier's push names a shipment by (webhooks); each present key is tried in this order. */
export type TrackableKeys = Readonly<{ carrierShipmentId?: string; trackingNumber?: string; referenceNo?: string }>

/**
 * The bought (or since cancelled) shipment of `carrierId` a push names: by carrier_shipment_id,
 * else tracking_number, else reference_no, first key that matches wins. Unlike listTrackable it
 * also finds delivered or returned shipments, so a late or repeated push is stored (deduplicated)
 * rather than reported unknown. Several rows on one key (a re-bought order): a purchased row first,
 * then the newest. Null when none matches or no key is given.
 */
export async function findTrackableByKeys(db: DbOrTrx, carrierId: string, keys: TrackableKeys): Promise<TrackableShipment | null> {
  const tries = [
    ['carrier_shipment_id', keys.carrierShipmentId],
    ['tracking_number', keys.trackingNumber],
    ['reference_no', keys.referenceNo],
  ] as const
  for (const [column, raw] of tries) {
    const value = raw?.trim()
    if (!value) continue
    const r = await db
      .selectFrom('shipments')
      .select(TRACKABLE_COLUMNS)
      .where('carrier_id', '=', carrierId)
      .where('status', 'in', ['purchased', 'cancelled'])
      .where('tracking_number', 'is not', null)
      .where(column, '=', value)
      .orderBy(sql`status = 'purchased'`, 'desc')
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst()
    if (r) return toTrackable(r)
  }
  return null
}
