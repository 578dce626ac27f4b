import { randomUUID } from 'node:crypto'
import type { DbOrTrx } from '../db/database'
import type { ExceptionKind } from '../../../shared/contract/exceptions'

export type ExceptionRecord = Readonly<{
  id: string
  orderId: string
  kind: ExceptionKind
  code: string
  status: 'open' | 'resolved'
  detail: Record<string, unknown>
  openedAt: string
  updatedAt: string
  resolvedAt: string | null
  resolvedBy: string | null
  resolution: string | null
}>

const now = () => new Date().toISOString()

function toRecord(r: {
  id: string
  order_id: string
  kind: ExceptionKind
  code: string
  status: 'open' | 'resolved'
  detail_json: string
  opened_at: string
  updated_at: string
  resolved_at: string | null
  resolved_by: string | null
  resolution: string | null
}): ExceptionRecord {
  return {
    id: r.id,
    orderId: r.order_id,
    kind: r.kind,
    code: r.code,
    status: r.status,
    detail: JSON.parse(r.detail_json) as Record<string, unknown>,
    openedAt: r.opened_at,
    updatedAt: r.updated_at,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by,
    resolution: r.resolution,
  }
}

/**
 * Opens an exception for the order, or refreshes the open one of the same kind (the same stop seen again:
 * its newest code and facts). Returns the row's id and whether it is new.
 */
export async function recordException(
  db: DbOrTrx,
  e: { orderId: string; kind: ExceptionKind; code: string; detail: Record<string, unknown> },
): Promise<{ id: string; created: boolean }> {
  const open = await db
    .selectFrom('desk_exceptions')
    .select('id')
    .where('order_id', '=', e.orderId)
    .where('kind', '=', e.kind)
    .where('status', '=', 'open')
    .executeTakeFirst()
  if (open) {
    await db
      .updateTable('desk_exceptions')
      .set({ code: e.code, detail_json: JSON.stringify(e.detail), updated_at: now() })
      .where('id', '=', open.id)
      .execute()
    return { id: open.id, created: false }
  }
  const id = `x-${randomUUID()}`
  await db
    .insertInto('desk_exceptions')
    .values({ id, order_id: e.orderId, kind: e.kind, code: e.code, detail_json: JSON.stringify(e.detail) })
    .execute()
  return { id, created: true }
}

export async function getException(db: DbOrTrx, id: string): Promise<ExceptionRecord | null> {
  const row = await db.selectFrom('desk_exceptions').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toRecord(row) : null
}

/** The open exceptions, oldest first (the queue's order). */
export async function listOpenExceptions(db: DbOrTrx, limit = 200): Promise<ExceptionRecord[]> {
  const rows = await db.selectFrom('desk_exceptions').selectAll().where('status', '=', 'open').orderBy('opened_at').orderBy('id').limit(limit).execute()
  return rows.map(toRecord)
}

/** Closes an open exception with who settled it and how; false when it was not open (already settled). */
export async function resolveException(db: DbOrTrx, id: string, by: string | null, resolution: string): Promise<boolean> {
  const at = now()
  const res = await db
    .updateTable('desk_exceptions')
    .set({ status: 'resolved', resolved_at: at, resolved_by: by, resolution, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}
