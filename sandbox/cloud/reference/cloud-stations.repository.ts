import { randomBytes } from 'node:crypto'
import type { HeartbeatRequest } from '../../../shared/contract/cloud'
import type { CloudDbOrTrx, StationsTable } from './cloud.schema'

/** A station as the cloud knows it; the API key is what the desk sends in the APIKEY header. */
export type CloudStation = Readonly<{
  id: string
  name: string
  apiKey: string
  createdAt: string
  lastSeenAt: string | null
  lastHeartbeat: (HeartbeatRequest & { receivedAt: string }) | null
}>

export type NewStation = Readonly<{ id?: string; name?: string; apiKey?: string }>

export function toStation(row: StationsTable): CloudStation {
  return {
    id: row.id,
    name: row.name,
    apiKey: row.api_key,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    lastHeartbeat: row.last_heartbeat_json ? (JSON.parse(row.last_heartbeat_json) as CloudStation['lastHeartbeat']) : null,
  }
}

export async function insertStation(db: CloudDbOrTrx, input: NewStation, ordinal: number, nowIso: string): Promise<CloudStation> {
  const id = input.id ?? `station-${ordinal}`
  const row: StationsTable = {
    id,
    name: input.name ?? `Masa ${ordinal}`,
    api_key: input.apiKey ?? `kj_${id}_${randomBytes(12).toString('hex')}`,
    created_at: nowIso,
    last_seen_at: null,
    last_heartbeat_json: null,
  }
  await db.insertInto('stations').values(row).execute()
  return toStation(row)
}

export async function listStations(db: CloudDbOrTrx): Promise<CloudStation[]> {
  return (await db.selectFrom('stations').selectAll().orderBy('created_at').orderBy('id').execute()).map(toStation)
}

export async function recordHeartbeat(db: CloudDbOrTrx, stationId: string, beat: HeartbeatRequest, nowIso: string): Promise<void> {
  await db
    .updateTable('stations')
    .set({ last_seen_at: nowIso, last_heartbeat_json: JSON.stringify({ ...beat, receivedAt: nowIso }) })
    .where('id', '=', stationId)
    .execute()
}
