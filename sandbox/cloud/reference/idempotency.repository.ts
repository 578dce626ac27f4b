import type { CloudDbOrTrx, IdempotencyTable } from './cloud.schema'

/**
 * Stored answers per (station, Idempotency-Key): a retry of the same request gets the first answer
 * back and does nothing again. Keys live `ttlMs` (24 h by default, as the idempotent label APIs we
 * know of do: developers.easyship.com/v2023.01/reference/idempotent-requests,
 * docs.myparcel.com/api/create-a-shipment/idempotency).
 */
export async function findStoredAnswer(db: CloudDbOrTrx, stationId: string, key: string, nowMs: number, ttlMs: number): Promise<IdempotencyTable | undefined> {
  const row = await db.selectFrom('idempotency').selectAll().where('station_id', '=', stationId).where('key', '=', key).executeTakeFirst()
  if (row && row.created_at_ms <= nowMs - ttlMs) {
    await db.deleteFrom('idempotency').where('station_id', '=', stationId).where('key', '=', key).execute()
    return undefined
  }
  return row
}

export async function storeAnswer(db: CloudDbOrTrx, row: IdempotencyTable): Promise<void> {
  await db
    .insertInto('idempotency')
    .values(row)
    .onConflict((oc) => oc.columns(['station_id', 'key']).doNothing())
    .execute()
}
