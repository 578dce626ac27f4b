import { createHash } from 'node:crypto'
import { EventsPushed, type CloudEventResult } from '../../../shared/contract/cloud'
import type { Db } from '../db/database'
import { appendAudit } from '../audit/audit.repository'
import type { CloudClientOptions } from './cloud-client'
import { cloudRequest } from './cloud-client'
import { markOutboxSent, noteOutboxAttempt, parkOutbox, pendingOutbox } from './outbox.repository'

export type PushSummary = Readonly<{ sent: number; parked: number; conflicts: number }>

const BATCH = 100

/**
 * The Idempotency-Key of a batch names exactly its events: a retry of the same batch replays the
 * cloud's stored answer, and a different batch never reuses a key (the cloud would answer 422 and
 * the outbox would be stuck behind it), even one with the same first event and the same length.
 */
export function batchKey(ids: readonly string[]): string {
  return `events-${createHash('sha256').update(ids.join('\n')).digest('hex')}`
}

/**
 * Pushes the outbox in commit order (seq), in batches, each event with its unique id and seq so the
 * cloud applies it once and in order per order. Accepted and duplicate → sent; conflict (another
 * desk packed the order, or it was cancelled) → parked and audited so both desks see it; rejected
 * (poison) → parked with the reason. A failed request leaves every row pending for the next round.
 */
export async function pushOutbox(db: Db, opts: CloudClientOptions): Promise<PushSummary> {
  let sent = 0
  let parked = 0
  let conflicts = 0
  for (let round = 0; round < 10_000; round++) {
    const rows = await pendingOutbox(db, BATCH)
    if (rows.length === 0) break
    const events = rows.map((r) => ({
      id: r.id,
      seq: r.seq,
      kind: r.kind,
      orderId: r.order_id,
      payload: JSON.parse(r.payload_json) as Record<string, unknown>,
      createdAt: r.created_at,
    }))
    let res: EventsPushed
    try {
      res = await cloudRequest(opts, 'POST', '/api/v1/events', EventsPushed, { events }, { 'Idempotency-Key': batchKey(rows.map((r) => r.id)) })
    } catch (err) {
      await noteOutboxAttempt(
        db,
        rows.map((r) => r.id),
        (err as Error).message,
      )
      throw err
    }
    const byId = new Map<string, CloudEventResult>(res.data.results.map((r) => [r.id, r]))
    const ok: string[] = []
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        const result = byId.get(row.id)
        if (!result) continue // not answered: stays pending for the next round
        if (result.outcome === 'accepted' || result.outcome === 'duplicate') ok.push(row.id)
        else if (result.outcome === 'conflict') {
          conflicts++
          await parkOutbox(trx, row.id, `conflict:${result.reason}:${result.winnerStationId ?? ''}: ${result.message}`)
          await appendAudit(trx, {
            actorId: null,
            action: 'sync.conflict',
            orderId: row.order_id,
            detail: { eventId: row.id, kind: row.kind, reason: result.reason, winnerStationId: result.winnerStationId },
          })
        } else {
          parked++
          await parkOutbox(trx, row.id, `rejected:${result.reason}${result.field ? `:${result.field}` : ''}: ${result.message}`)
        }
      }
      await markOutboxSent(trx, ok)
    })
    sent += ok.length
    // Nothing moved: the cloud answered none of them; stop rather than spin.
    if (ok.length + parked + conflicts === 0) break
  }
  return { sent, parked, conflicts }
}
