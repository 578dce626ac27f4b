import { sql } from 'kysely'
import type { CloudOrder } from '../../../shared/contract/cloud'
import type { CloudDbOrTrx, OrdersTable } from './cloud.schema'
import { referenceOrder } from './order-generator'

/** An order as a marketplace hands it to the cloud: no status, version or packing fields yet. */
export type StoredBody = Omit<CloudOrder, 'status' | 'version' | 'packedByStationId' | 'conflictStationIds'>

/** Fields of an order the cloud may change after it was first served (a marketplace edit). */
export type OrderPatch = Partial<Pick<CloudOrder, 'recipient' | 'lines' | 'codAmountKurus' | 'mandatedCarrierId' | 'marketplaceLabelZpl'>>

export function toCloudOrder(row: OrdersTable): CloudOrder {
  const body = JSON.parse(row.body_json) as StoredBody
  return {
    ...body,
    status: row.status,
    version: row.version,
    packedByStationId: row.packed_by_station_id,
    conflictStationIds: JSON.parse(row.conflict_station_ids_json) as string[],
  }
}

export async function lastChangeSeq(db: CloudDbOrTrx): Promise<number> {
  const row = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.max('change_seq').as('m'))
    .executeTakeFirst()
  return Number(row?.m ?? 0)
}

/**
 * Appends `count` generated orders in one transaction, in multi-row inserts (500 rows × 10 values
 * stays far under SQLite's 32,766 bound parameters). Returns the ids of the first and last.
 */
export async function insertGeneratedOrders(
  db: CloudDbOrTrx,
  count: number,
  labelEvery: number,
  nowIso: string,
): Promise<{ firstId: string | null; lastId: string | null }> {
  const existing = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  const firstN = Number(existing.n) + 1
  let seq = await lastChangeSeq(db)
  let firstId: string | null = null
  let lastId: string | null = null
  for (let start = 0; start < count; start += 500) {
    const rows: OrdersTable[] = []
    for (let k = start; k < Math.min(count, start + 500); k++) {
      const o = referenceOrder(firstN + k, labelEvery)
      firstId ??= o.id
      lastId = o.id
      rows.push(newOrderRow(o, ++seq, nowIso))
    }
    await db.insertInto('orders').values(rows).execute()
  }
  return { firstId, lastId }
}

/**
 * Appends the given orders (fixed ones: the demo's KJ1001…), in array order, as new open orders at
 * the end of the change feed. Orders whose id the cloud already has are left as they are, so the
 * same seed can run at every start. Returns the ids added.
 */
export async function insertOrders(db: CloudDbOrTrx, bodies: readonly StoredBody[], nowIso: string): Promise<string[]> {
  const ids = bodies.map((b) => b.id)
  const known = new Set(ids.length ? (await db.selectFrom('orders').select('id').where('id', 'in', ids).execute()).map((r) => r.id) : [])
  const fresh = bodies.filter((b, i) => !known.has(b.id) && ids.indexOf(b.id) === i)
  let seq = await lastChangeSeq(db)
  for (let start = 0; start < fresh.length; start += 500) {
    await db
      .insertInto('orders')
      .values(fresh.slice(start, start + 500).map((b) => newOrderRow(b, ++seq, nowIso)))
      .execute()
  }
  return fresh.map((b) => b.id)
}

function newOrderRow(body: StoredBody, changeSeq: number, nowIso: string): OrdersTable {
  return {
    id: body.id,
    order_number: body.orderNumber,
    change_seq: changeSeq,
    status: 'open',
    version: 1,
    body_json: JSON.stringify(body),
    packed_by_station_id: null,
    packed_event_id: null,
    packed_at: null,
    conflict_station_ids_json: '[]',
    updated_at: nowIso,
  }
}

export async function findOrderRow(db: CloudDbOrTrx, id: string): Promise<OrdersTable | undefined> {
  return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst()
}

/** One page of the change feed: orders whose latest change is after `afterSeq`, oldest change first. */
export async function pageOrders(db: CloudDbOrTrx, afterSeq: number, limit: number): Promise<{ orders: CloudOrder[]; nextCursor: string; hasMore: boolean }> {
  const rows = await db
    .selectFrom('orders')
    .selectAll()
    .where('change_seq', '>', afterSeq)
    .orderBy('change_seq')
    .limit(limit + 1)
    .execute()
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return { orders: page.map(toCloudOrder), nextCursor: String(last ? last.change_seq : afterSeq), hasMore: rows.length > limit }
}

/**
 * Records a change to an order: new version, and the next place in the change feed, so every desk's
 * cursor sees it once more (its older place is vacated: the feed serves latest states, not history).
 */
export async function touchOrder(
  db: CloudDbOrTrx,
  id: string,
  set: Partial<Omit<OrdersTable, 'id' | 'change_seq' | 'version'>>,
  nowIso: string,
): Promise<void> {
  const seq = (await lastChangeSeq(db)) + 1
  await db
    .updateTable('orders')
    .set({ ...set, change_seq: seq, version: sql<number>`version + 1`, updated_at: nowIso })
    .where('id', '=', id)
    .execute()
}

export async function patchOrderBody(db: CloudDbOrTrx, row: OrdersTable, patch: OrderPatch, nowIso: string): Promise<void> {
  const body = { ...(JSON.parse(row.body_json) as StoredBody), ...patch }
  await touchOrder(db, row.id, { body_json: JSON.stringify(body) }, nowIso)
}
