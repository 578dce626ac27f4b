import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { CloudOrder, type CloudStationConfig } from '../../../shared/contract/cloud'
import { AppError, ErrorCode } from '../../../shared/errors'
import { findClaim, toCloudClaim } from './cloud-claims.repository'
import { defaultCloudConfig } from './cloud-defaults'
import { createCloudHandler, type CloudStats } from './cloud-http.server'
import {
  findOrderRow,
  insertGeneratedOrders,
  insertOrders,
  patchOrderBody,
  toCloudOrder,
  touchOrder,
  type OrderPatch,
  type StoredBody,
} from './cloud-orders.repository'
import { insertStation, listStations, type CloudStation, type NewStation } from './cloud-stations.repository'
import type { CloudDbOrTrx } from './cloud.schema'
import { openCloudStore } from './cloud.store'
import { FaultInjector, seededRandom, type FaultRule } from './fault-injector'
import { SlidingWindowLimiter } from './rate-limiter'

export type ReferenceCloudOptions = Readonly<{
  /** Port on `host`; 0 (default) picks a free one. */
  port?: number
  host?: string
  /** SQLite file of the cloud's own store; ':memory:' by default. */
  dbPath?: string
  /** Stations to create at start (default: none; add with `stations.create`). */
  stations?: readonly NewStation[]
  /** Seed of the RNG that decides probabilistic faults (default 1). */
  rngSeed?: number
  /** Clock in ms, injectable so tests can move leases, the rate window and key expiry without sleeping. */
  now?: () => number
  /** Seed 001: 300 requests per minute, sliding window, per station. */
  rateLimit?: Readonly<{ limit: number; windowMs: number }>
  /** Refuse a POST without Idempotency-Key (default true: docs/sync-guarantees.md §2.2). */
  requireIdempotencyKey?: boolean
  idempotencyTtlMs?: number
  claimLeaseBoundsMs?: Readonly<{ min: number; max: number }>
  /** Every n-th generated order is a Trendyol order with a marketplace-issued label (default 10; 0 = none). */
  marketplaceLabelEvery?: number
  config?: Partial<CloudStationConfig['data']>
  faults?: readonly FaultRule[]
}>

/** A recorded event: accepted, or a conflict (stored so a redelivery gets the same answer). */
export type RecordedEvent = Readonly<{
  appliedSeq: number
  id: string
  stationId: string
  kind: string
  orderId: string
  seq: number | null
  payload: Record<string, unknown>
  outcome: 'accepted' | 'conflict'
  winnerStationId: string | null
  receivedAt: string
}>

export type ReferenceOrderState = CloudOrder & Readonly<{ changeSeq: number; claim: ReturnType<typeof toCloudClaim> | null }>

export type ReferenceCloud = Readonly<{
  url: string
  port: number
  stations: Readonly<{
    create(input?: NewStation): Promise<CloudStation>
    get(id: string): Promise<CloudStation | null>
    list(): Promise<CloudStation[]>
  }>
  /** Appends n generated orders in one transaction; returns their first/last id and the time taken. */
  seedOrders(n: number): Promise<{ firstId: string | null; lastId: string | null; ms: number }>
  /**
   * Appends fixed orders (the demo's KJ1001…) as open orders, in one transaction; ids the cloud
   * already has are skipped. Returns the ids added. Throws input.invalid naming the first bad order.
   */
  addOrders(orders: readonly StoredBody[]): Promise<string[]>
  /** Cancels an order in the cloud (new version, back in every desk's change feed). */
  cancelOrder(id: string): Promise<CloudOrder>
  updateOrder(id: string, patch: OrderPatch): Promise<CloudOrder>
  getOrder(id: string): Promise<ReferenceOrderState | null>
  /** Events recorded, in the order the cloud recorded them; filter by order or station. */
  appliedEvents(filter?: { orderId?: string; stationId?: string }): Promise<RecordedEvent[]>
  /** Replaces the fault rules (empty list = no faults). Throws input.invalid for a bad rule. */
  setFaults(rules: readonly FaultRule[]): void
  stats(): CloudStats
  close(): Promise<void>
}>

/**
 * Starts the reference cloud (docs/sync-guarantees.md) on 127.0.0.1: a real HTTP server (node:http) over its own
 * SQLite store, with many stations (one APIKEY each), claims, event dedupe and conflicts,
 * Idempotency-Key, the per-station rate limit and fault injection. See docs/cloud-api.openapi.yaml.
 */
export async function startReferenceCloud(options: ReferenceCloudOptions = {}): Promise<ReferenceCloud> {
  const now = options.now ?? Date.now
  const nowIso = () => new Date(now()).toISOString()
  const store = await openCloudStore(options.dbPath)
  const { db } = store
  const config: CloudStationConfig['data'] = { ...defaultCloudConfig(), ...options.config }
  const faults = new FaultInjector(seededRandom(options.rngSeed ?? 1))
  faults.set(options.faults ?? [])
  const stats: CloudStats = { total: 0, byStatus: {}, byRoute: {}, faults: faults.fired, replays: 0 }
  const byKey = new Map<string, CloudStation>()
  for (const s of await listStations(db)) byKey.set(s.apiKey, s)
  let closed = false

  const createStation = async (input: NewStation = {}) => {
    const s = await insertStation(db, input, byKey.size + 1, nowIso())
    byKey.set(s.apiKey, s)
    return s
  }
  for (const s of options.stations ?? []) await createStation(s)

  const handler = createCloudHandler({
    db,
    now,
    config: () => config,
    stationByKey: (k) => byKey.get(k),
    limiter: new SlidingWindowLimiter(options.rateLimit?.limit ?? 300, options.rateLimit?.windowMs ?? 60_000),
    faults,
    stats,
    requireIdempotencyKey: options.requireIdempotencyKey ?? true,
    idempotencyTtlMs: options.idempotencyTtlMs ?? 24 * 3600_000,
    claimLeaseBoundsMs: options.claimLeaseBoundsMs ?? { min: 5_000, max: 3_600_000 },
    isClosed: () => closed,
  })
  const server = createServer(handler)
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve)
    })
  } catch (err) {
    await store.close()
    throw err
  }
  const port = (server.address() as AddressInfo).port

  const mustGet = async (id: string, from: CloudDbOrTrx = db) => {
    const row = await findOrderRow(from, id)
    if (!row) throw new AppError(ErrorCode.notFound, `reference cloud: no order ${id}`, { meta: { orderId: id } })
    return row
  }
  const latest = async (id: string) => toCloudOrder(await mustGet(id))

  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    stations: {
      create: createStation,
      get: async (id) => (await listStations(db)).find((s) => s.id === id) ?? null,
      list: () => listStations(db),
    },
    seedOrders: async (n) => {
      if (!Number.isInteger(n) || n < 0) throw new AppError(ErrorCode.inputInvalid, `seedOrders: n must be a non-negative integer, got ${n}`)
      const t0 = performance.now()
      const ids = await db.transaction().execute((trx) => insertGeneratedOrders(trx, n, options.marketplaceLabelEvery ?? 10, nowIso()))
      return { ...ids, ms: performance.now() - t0 }
    },
    addOrders: async (orders) => {
      const bodies = orders.map((o, i): StoredBody => {
        // Checked as the desk will parse it; a new order starts open, unpacked, at version 1.
        const parsed = CloudOrder.safeParse({ ...o, status: 'open', version: 1 })
        if (!parsed.success) {
          const issue = parsed.error.issues[0]
          throw new AppError(ErrorCode.inputInvalid, `addOrders: order ${i} (${String(o?.id)}): ${issue?.path.join('.')} ${issue?.message}`, {
            meta: { index: i },
          })
        }
        const { status: _s, version: _v, packedByStationId: _p, conflictStationIds: _c, ...body } = parsed.data
        return body
      })
      return db.transaction().execute((trx) => insertOrders(trx, bodies, nowIso()))
    },
    cancelOrder: async (id) => {
      await db.transaction().execute(async (trx) => {
        const row = await mustGet(id, trx)
        if (row.status === 'cancelled') return
        await touchOrder(trx, id, { status: 'cancelled' }, nowIso())
        await trx.deleteFrom('claims').where('order_id', '=', id).execute()
      })
      return latest(id)
    },
    updateOrder: async (id, patch) => {
      await db.transaction().execute(async (trx) => patchOrderBody(trx, await mustGet(id, trx), patch, nowIso()))
      return latest(id)
    },
    getOrder: async (id) => {
      const row = await findOrderRow(db, id)
      if (!row) return null
      const claim = await findClaim(db, id)
      return { ...toCloudOrder(row), changeSeq: row.change_seq, claim: claim && claim.expires_at_ms > now() ? toCloudClaim(claim) : null }
    },
    appliedEvents: async (filter = {}) => {
      let q = db.selectFrom('events').selectAll().orderBy('applied_seq')
      if (filter.orderId) q = q.where('order_id', '=', filter.orderId)
      if (filter.stationId) q = q.where('station_id', '=', filter.stationId)
      return (await q.execute()).map((r) => ({
        appliedSeq: r.applied_seq,
        id: r.id,
        stationId: r.station_id,
        kind: r.kind,
        orderId: r.order_id,
        seq: r.seq,
        payload: JSON.parse(r.payload_json) as Record<string, unknown>,
        outcome: r.outcome,
        winnerStationId: r.winner_station_id,
        receivedAt: r.received_at,
      }))
    },
    setFaults: (rules) => faults.set(rules),
    stats: () => structuredClone(stats),
    close: async () => {
      if (closed) return
      closed = true
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await store.close()
    },
  }
}
