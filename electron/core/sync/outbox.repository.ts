import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { CloudEventKind, type CloudEventPayloads } from '../../../shared/contract/cloud'
import type { DbOrTrx } from '../db/database'

/** Event kinds the cloud must hear about: the cloud contract's own list, so a kind is written once. */
export const OutboxKind = CloudEventKind
export type OutboxKind = CloudEventKind

/**
 * What an event of this kind carries, as the cloud contract's schema takes it (the fields it checks,
 * plus any extra field: the schemas are loose objects). A wrong or missing field is a compile error here
 * rather than a parked event at the cloud.
 */
export type OutboxPayload<K extends OutboxKind> = z.input<(typeof CloudEventPayloads)[K]>

/**
 * Appends an outbox row. Call it inside the same transaction as the domain write it announces,
 * so either both commit or neither does. The row id is the event's unique id for the cloud.
 */
export async function appendOutbox<K extends OutboxKind>(db: DbOrTrx, kind: K, orderId: string | null, payload: OutboxPayload<K>): Promise<string> {
  const id = randomUUID()
  await db
    .insertInto('outbox')
    .values({ id, kind, order_id: orderId, payload_json: JSON.stringify(payload), next_attempt_at: null, last_error: null, sent_at: null })
    .execute()
  return id
}

export async function pendingOutbox(db: DbOrTrx, limit: number) {
  return db.selectFrom('outbox').selectAll().where('status', '=', 'pending').orderBy('seq').limit(limit).execute()
}

export function countOutbox(db: DbOrTrx): Promise<number> {
  return countWithStatus(db, 'pending')
}

async function countWithStatus(db: DbOrTrx, status: 'pending' | 'parked'): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', status)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export type OutboxRow = Awaited<ReturnType<typeof pendingOutbox>>[number]

export async function markOutboxSent(db: DbOrTrx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  await db
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: new Date().toISOString(), last_error: null })
    .where('id', 'in', [...ids])
    .execute()
}

/**
 * Parks an event the cloud refused (poison) or reported as a conflict: it stops blocking the queue
 * and stays visible with its reason until a person deals with it.
 */
export async function parkOutbox(db: DbOrTrx, id: string, reason: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'parked', last_error: reason.slice(0, 500) })
    .where('id', '=', id)
    .execute()
}

export async function noteOutboxAttempt(db: DbOrTrx, ids: readonly string[], error: string): Promise<void> {
  if (ids.length === 0) return
  await db
    .updateTable('outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error.slice(0, 500) }))
    .where('id', 'in', [...ids])
    .execute()
}

export async function parkedOutbox(db: DbOrTrx, limit = 50) {
  return db
    .selectFrom('outbox')
    .select(['id', 'kind', 'order_id', 'last_error', 'created_at'])
    .where('status', '=', 'parked')
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute()
}

export function countParked(db: DbOrTrx): Promise<number> {
  return countWithStatus(db, 'parked')
}
