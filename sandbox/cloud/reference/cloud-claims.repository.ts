import { randomUUID } from 'node:crypto'
import type { CloudClaim, CloudConflictEnvelope } from '../../../shared/contract/cloud'
import type { ClaimsTable, CloudDbOrTrx, OrdersTable } from './cloud.schema'

export type ClaimConflict = CloudConflictEnvelope['conflict']
export type ClaimOutcome = Readonly<{ ok: true; claim: CloudClaim }> | Readonly<{ ok: false; conflict: ClaimConflict }>

const iso = (ms: number) => new Date(ms).toISOString()

export function toCloudClaim(row: ClaimsTable): CloudClaim {
  return {
    orderId: row.order_id,
    stationId: row.station_id,
    claimId: row.claim_id,
    claimedAt: row.claimed_at,
    expiresAt: iso(row.expires_at_ms),
    leaseMs: row.lease_ms,
  }
}

export async function findClaim(db: CloudDbOrTrx, orderId: string): Promise<ClaimsTable | undefined> {
  return db.selectFrom('claims').selectAll().where('order_id', '=', orderId).executeTakeFirst()
}

/** An order that is packed or cancelled cannot be claimed or renewed: there is nothing left to pack. */
function closedOrder(order: OrdersTable): ClaimConflict | null {
  if (order.status === 'cancelled') return { reason: 'cancelled', stationId: null, expiresAt: null }
  if (order.packed_by_station_id) return { reason: 'packed', stationId: order.packed_by_station_id, expiresAt: null }
  return null
}

/**
 * Claims an order for a station: granted when nobody holds a live lease (a lapsed lease is free to
 * take). Idempotent per (station, order): the holder claiming again gets the same claim back (same
 * claimId, lease extended from now), so a desk whose grant's answer was lost finds it again on retry,
 * with any Idempotency-Key. Runs inside the caller's transaction, so two racing claims are serialized
 * and exactly one wins.
 */
export async function claimOrder(trx: CloudDbOrTrx, order: OrdersTable, stationId: string, leaseMs: number, nowMs: number): Promise<ClaimOutcome> {
  const closed = closedOrder(order)
  if (closed) return { ok: false, conflict: closed }
  const current = await findClaim(trx, order.id)
  if (current && current.station_id !== stationId && current.expires_at_ms > nowMs) {
    return { ok: false, conflict: { reason: 'claimedByOtherStation', stationId: current.station_id, expiresAt: iso(current.expires_at_ms) } }
  }
  const mine = current && current.station_id === stationId && current.expires_at_ms > nowMs
  const row: ClaimsTable = {
    order_id: order.id,
    station_id: stationId,
    claim_id: mine ? current.claim_id : randomUUID(),
    claimed_at: mine ? current.claimed_at : iso(nowMs),
    lease_ms: leaseMs,
    expires_at_ms: nowMs + leaseMs,
  }
  await trx
    .insertInto('claims')
    .values(row)
    .onConflict((oc) =>
      oc.column('order_id').doUpdateSet({
        station_id: row.station_id,
        claim_id: row.claim_id,
        claimed_at: row.claimed_at,
        lease_ms: row.lease_ms,
        expires_at_ms: row.expires_at_ms,
      }),
    )
    .execute()
  return { ok: true, claim: toCloudClaim(row) }
}

/**
 * Extends the station's lease by `leaseMs` from now. The station must still hold the claim: its own
 * lapsed lease may be renewed as long as no other station took the order meanwhile.
 */
export async function renewClaim(trx: CloudDbOrTrx, order: OrdersTable, stationId: string, leaseMs: number, nowMs: number): Promise<ClaimOutcome> {
  const closed = closedOrder(order)
  if (closed) return { ok: false, conflict: closed }
  const current = await findClaim(trx, order.id)
  if (!current) return { ok: false, conflict: { reason: 'notHeld', stationId: null, expiresAt: null } }
  if (current.station_id !== stationId) {
    return current.expires_at_ms > nowMs
      ? { ok: false, conflict: { reason: 'claimedByOtherStation', stationId: current.station_id, expiresAt: iso(current.expires_at_ms) } }
      : { ok: false, conflict: { reason: 'notHeld', stationId: null, expiresAt: null } }
  }
  const expires = nowMs + leaseMs
  await trx.updateTable('claims').set({ lease_ms: leaseMs, expires_at_ms: expires }).where('order_id', '=', order.id).execute()
  return { ok: true, claim: toCloudClaim({ ...current, lease_ms: leaseMs, expires_at_ms: expires }) }
}

/** Releases the station's claim. Idempotent: releasing what one does not hold changes nothing (false). */
export async function releaseClaim(trx: CloudDbOrTrx, orderId: string, stationId: string): Promise<boolean> {
  const res = await trx.deleteFrom('claims').where('order_id', '=', orderId).where('station_id', '=', stationId).executeTakeFirst()
  return Number(res.numDeletedRows) > 0
}

export async function dropClaim(trx: CloudDbOrTrx, orderId: string): Promise<void> {
  await trx.deleteFrom('claims').where('order_id', '=', orderId).execute()
}
