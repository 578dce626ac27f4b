import { createHash } from 'node:crypto'
import { CloudEvent, CloudEventKind, CloudEventPayloads, EventConflictReason, EventRejectReason, type CloudEventResult } from '../../../shared/contract/cloud'
import type { Selectable } from 'kysely'
import type { CloudDbOrTrx, EventsTable, OrdersTable } from './cloud.schema'
import { dropClaim } from './cloud-claims.repository'
import { findOrderRow, touchOrder } from './cloud-orders.repository'

type Rejected = Extract<CloudEventResult, { outcome: 'rejected' }>
type Conflict = Extract<CloudEventResult, { outcome: 'conflict' }>
type Payload = Record<string, unknown>

const KINDS = new Set<string>(Object.values(CloudEventKind))

const reject = (id: string, reason: Rejected['reason'], message: string, field: string | null = null): Rejected => ({
  id,
  outcome: 'rejected',
  reason,
  field,
  message,
})

/** JSON with sorted keys: the same payload re-serialized in another key order hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

const hashOf = (kind: string, orderId: string | null, payload: unknown) => createHash('sha256').update(canonicalJson({ kind, orderId, payload })).digest('hex')

/** The answer a stored event gets when it arrives again: the same conflict, or `duplicate`. */
function replayed(row: Selectable<EventsTable>): CloudEventResult {
  if (row.outcome === 'accepted') return { id: row.id, outcome: 'duplicate' }
  return conflictResult(row.id, row.reason as Conflict['reason'], row.winner_station_id)
}

function conflictResult(id: string, reason: Conflict['reason'], winner: string | null): Conflict {
  const message =
    reason === EventConflictReason.orderCancelled
      ? 'Sipariş bulutta iptal edilmiş. / The order was cancelled in the cloud.'
      : `Sipariş başka bir masada paketlendi: ${winner}. / The order was packed first at station ${winner}.`
  return { id, outcome: 'conflict', reason, winnerStationId: winner, message }
}

/**
 * Applies one pushed batch for one station, in array order, inside the caller's transaction.
 * Guarantees (docs/sync-guarantees.md): an event id is recorded at most once (a second delivery
 * answers `duplicate`, or the same conflict); per (station, order) an event with a `seq` lower than
 * one already recorded is refused as `outOfOrder`; the first accepted `order.packed` owns the order
 * and every other station's pack or shipment for it is a `conflict` naming the winner; rejected
 * (poison) events change nothing and are not stored.
 */
export async function applyEventBatch(trx: CloudDbOrTrx, stationId: string, raw: readonly unknown[], nowIso: string): Promise<CloudEventResult[]> {
  const results: CloudEventResult[] = []
  for (const item of raw) results.push(await applyOne(trx, stationId, item, nowIso))
  return results
}

async function applyOne(trx: CloudDbOrTrx, stationId: string, item: unknown, nowIso: string): Promise<CloudEventResult> {
  const id = (item as { id: string }).id // the route checked every item has a string id
  const parsed = CloudEvent.safeParse(item)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return reject(id, EventRejectReason.invalidEvent, `Olay biçimi geçersiz / invalid event: ${issue?.message}`, issue?.path.join('.') || null)
  }
  const ev = parsed.data
  const hash = hashOf(ev.kind, ev.orderId, ev.payload)
  const prior = await trx.selectFrom('events').selectAll().where('id', '=', ev.id).executeTakeFirst()
  if (prior) {
    if (prior.station_id !== stationId || prior.payload_hash !== hash) {
      return reject(
        ev.id,
        EventRejectReason.idReused,
        'Bu olay kimliği farklı bir olay için kullanılmış. / This event id was used for a different event.',
        'id',
      )
    }
    return replayed(prior)
  }
  if (!KINDS.has(ev.kind)) return reject(ev.id, EventRejectReason.unknownKind, `Bilinmeyen olay türü / unknown kind: ${ev.kind}`, 'kind')
  const kind = ev.kind as CloudEventKind
  const payload = CloudEventPayloads[kind].safeParse(ev.payload)
  if (!payload.success) {
    const issue = payload.error.issues[0]
    return reject(
      ev.id,
      EventRejectReason.invalidPayload,
      `Olay içeriği geçersiz / invalid payload: ${issue?.message}`,
      `payload.${issue?.path.join('.') ?? ''}`,
    )
  }
  if (!ev.orderId) return reject(ev.id, EventRejectReason.invalidEvent, 'orderId zorunlu / orderId is required for this kind', 'orderId')
  const order = await findOrderRow(trx, ev.orderId)
  if (!order) return reject(ev.id, EventRejectReason.unknownOrder, `Sipariş bulunamadı / unknown order: ${ev.orderId}`, 'orderId')
  if (ev.seq !== undefined) {
    const last = await trx
      .selectFrom('events')
      .select((eb) => eb.fn.max('seq').as('m'))
      .where('station_id', '=', stationId)
      .where('order_id', '=', order.id)
      .executeTakeFirst()
    if (last?.m != null && ev.seq <= Number(last.m)) {
      return reject(
        ev.id,
        EventRejectReason.outOfOrder,
        `Sıra dışı olay: bu sipariş için ${last.m} sıralı olay zaten işlendi. / Out of order: seq ${ev.seq} after ${last.m}.`,
        'seq',
      )
    }
  }
  const outcome = await applyKind(trx, stationId, kind, ev.id, order, payload.data as Payload, nowIso)
  if (outcome.outcome === 'rejected' || outcome.outcome === 'duplicate') return outcome
  await trx
    .insertInto('events')
    .values({
      id: ev.id,
      station_id: stationId,
      kind,
      order_id: order.id,
      seq: ev.seq ?? null,
      payload_json: JSON.stringify(ev.payload),
      payload_hash: hash,
      outcome: outcome.outcome,
      reason: outcome.outcome === 'conflict' ? outcome.reason : null,
      winner_station_id: outcome.outcome === 'conflict' ? outcome.winnerStationId : null,
      received_at: nowIso,
    })
    .execute()
  return outcome
}

async function applyKind(
  trx: CloudDbOrTrx,
  stationId: string,
  kind: CloudEventKind,
  id: string,
  order: OrdersTable,
  p: Payload,
  nowIso: string,
): Promise<CloudEventResult> {
  switch (kind) {
    case CloudEventKind.orderPacked: {
      const lost = await ownershipConflict(trx, stationId, id, order, nowIso)
      if (lost) return lost
      if (!order.packed_by_station_id) {
        await touchOrder(trx, order.id, { packed_by_station_id: stationId, packed_event_id: id, packed_at: nowIso }, nowIso)
        // The work is done: the lease has nothing left to protect.
        await dropClaim(trx, order.id)
      }
      return { id, outcome: 'accepted' }
    }
    case CloudEventKind.shipmentCreated: {
      // A bought label is a fact even when it conflicts: record it so the loser can cancel it later.
      await trx
        .insertInto('shipments')
        .values({
          station_id: stationId,
          shipment_id: String(p.shipmentId),
          order_id: order.id,
          tracking_number: String(p.trackingNumber),
          status: 'created',
          tracking_status: null,
          reprints: 0,
          created_at: nowIso,
        })
        .onConflict((oc) => oc.columns(['station_id', 'shipment_id']).doUpdateSet({ tracking_number: String(p.trackingNumber), status: 'created' }))
        .execute()
      return (await ownershipConflict(trx, stationId, id, order, nowIso)) ?? { id, outcome: 'accepted' }
    }
    case CloudEventKind.packageMeasured:
      return { id, outcome: 'accepted' }
    case CloudEventKind.shipmentCancelled: {
      const res = await trx
        .updateTable('shipments')
        .set({ status: 'cancelled' })
        .where('station_id', '=', stationId)
        .where('shipment_id', '=', String(p.shipmentId))
        .executeTakeFirst()
      if (Number(res.numUpdatedRows) === 0)
        return reject(id, EventRejectReason.unknownShipment, `Gönderi bulunamadı / unknown shipment: ${String(p.shipmentId)}`, 'payload.shipmentId')
      await reopenIfVoided(trx, stationId, order, nowIso)
      return { id, outcome: 'accepted' }
    }
    case CloudEventKind.trackingUpdated:
    case CloudEventKind.labelReprinted: {
      let q = trx.selectFrom('shipments').select(['station_id', 'shipment_id']).where('order_id', '=', order.id)
      q = typeof p.shipmentId === 'string' ? q.where('shipment_id', '=', p.shipmentId) : q.where('tracking_number', '=', String(p.trackingNumber))
      const ship = await q.executeTakeFirst()
      if (!ship)
        return reject(
          id,
          EventRejectReason.unknownShipment,
          `Bu siparişte gönderi yok / no shipment with tracking ${String(p.trackingNumber)} on this order`,
          'payload.trackingNumber',
        )
      const upd = trx.updateTable('shipments').where('station_id', '=', ship.station_id).where('shipment_id', '=', ship.shipment_id)
      if (kind === CloudEventKind.trackingUpdated) await upd.set({ tracking_status: String(p.status) }).execute()
      else await upd.set((eb) => ({ reprints: eb('reprints', '+', 1) })).execute()
      return { id, outcome: 'accepted' }
    }
  }
}

/**
 * A void by the desk that packed the order: when none of its shipments of the order is live any more, the order is
 * open again (docs/sync-guarantees.md §4.9), so that desk, or another, can pack it anew. A loser cancelling its
 * duplicate changes nothing: the winner's pack stands.
 */
async function reopenIfVoided(trx: CloudDbOrTrx, stationId: string, order: OrdersTable, nowIso: string): Promise<void> {
  if (order.packed_by_station_id !== stationId) return
  const live = await trx
    .selectFrom('shipments')
    .select('shipment_id')
    .where('order_id', '=', order.id)
    .where('station_id', '=', stationId)
    .where('status', '!=', 'cancelled')
    .executeTakeFirst()
  if (live) return
  await touchOrder(trx, order.id, { packed_by_station_id: null, packed_event_id: null, packed_at: null }, nowIso)
}

/** The pack or shipment of a station that is not the order's owner: recorded, and announced on pull. */
async function ownershipConflict(trx: CloudDbOrTrx, stationId: string, id: string, order: OrdersTable, nowIso: string): Promise<Conflict | null> {
  if (order.status === 'cancelled') return conflictResult(id, EventConflictReason.orderCancelled, null)
  const winner = order.packed_by_station_id
  if (!winner || winner === stationId) return null
  const losers = JSON.parse(order.conflict_station_ids_json) as string[]
  if (!losers.includes(stationId)) {
    // A new version, so the winner's next pull shows the conflict too (docs/sync-guarantees.md §5: reported to both).
    await touchOrder(trx, order.id, { conflict_station_ids_json: JSON.stringify([...losers, stationId]) }, nowIso)
  }
  return conflictResult(id, EventConflictReason.packedByOtherStation, winner)
}
