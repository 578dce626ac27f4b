import type { DbOrTrx } from '../db/database'

/** Appends an audit entry (overrides, reprints, cancels, logins): who did what to which order. */
export async function appendAudit(
  db: DbOrTrx,
  entry: { actorId: string | null; action: string; orderId?: string | null; detail?: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      order_id: entry.orderId ?? null,
      detail_json: JSON.stringify(entry.detail ?? {}),
    })
    .execute()
}

export async function listAudit(db: DbOrTrx, orderId: string) {
  const rows = await db.selectFrom('audit_log').selectAll().where('order_id', '=', orderId).orderBy('seq').execute()
  return rows.map((r) => ({ at: r.at, actorId: r.actor_id, action: r.action, detail: JSON.parse(r.detail_json) as Record<string, unknown> }))
}
