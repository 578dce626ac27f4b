import type { SyncStatusView } from '../../../shared/contract/views'
import { HeartbeatAccepted, OrdersPage, type CloudOrder, type HeartbeatRequest } from '../../../shared/contract/cloud'
import { Emitter } from '../../../shared/emitter'
import { toAppError } from '../../../shared/errors'
import { appendAudit } from '../audit/audit.repository'
import { upsertBox } from '../boxes/boxes.repository'
import type { Db } from '../db/database'
import { insertOrder } from '../orders/orders.repository'
import { upsertPacker } from '../packers/packers.repository'
import { getSetting, setSetting } from '../settings/settings.repository'
import { CloudConfigWithRates, storeCloudRates } from '../rates/rate-card.book'
import { cloudRequest, type CloudClientOptions } from './cloud-client'
import { countOutbox, countParked } from './outbox.repository'
import { pushOutbox } from './outbox-pusher'
import { backoffDelayMs, retryAfterOf, withRetry } from '../net/retry'

const CURSOR_KEY = 'sync.ordersCursor'

export type SyncOptions = CloudClientOptions &
  Readonly<{
    pullIntervalMs: number
    stationId?: string
    appVersion?: string
    /** Device health for the heartbeat. */
    health?: () => Promise<Pick<HeartbeatRequest, 'scale' | 'printer'>>
    backoff?: { baseMs?: number; maxMs?: number }
    random?: () => number
  }>

/**
 * Background sync with the cloud: config and orders down (cursor persisted, each page applied in
 * one transaction), outbox events up in order (outbox-pusher.ts), heartbeat. After a failed round
 * the next one waits with exponential backoff and full jitter; "sync now" skips the wait.
 */
export class CloudSyncService {
  private readonly changed = new Emitter<SyncStatusView>()
  readonly onDidChangeStatus = this.changed.event
  private mode: SyncStatusView['mode'] = 'offline'
  private paused = false
  private lastSyncAt: string | null = null
  private lastError: string | null = null
  private failures = 0
  private configPulledAt = 0
  private nextRoundAt = 0
  private timer: ReturnType<typeof setInterval> | null = null
  private running: Promise<void> | null = null

  constructor(
    private readonly db: Db,
    private readonly opts: SyncOptions,
  ) {}

  start(): void {
    void this.syncNow()
    this.timer = setInterval(
      () => {
        if (!this.paused && Date.now() >= this.nextRoundAt) void this.syncNow()
      },
      Math.min(this.opts.pullIntervalMs, 1000),
    )
    this.timer.unref()
  }

  /**
   * Pushes what this desk owes the cloud now: waits out a round in flight (it may have read the outbox before the
   * newest event), then runs a fresh one, which pushes first. Used before asking again for a claim the cloud refused
   * on the strength of events this desk has not sent yet (its own void).
   */
  async pushOwed(): Promise<void> {
    await this.running?.catch(() => undefined)
    await this.syncNow()
  }

  /** One round now (ignores the backoff wait). Concurrent calls share the round in flight. */
  syncNow(): Promise<void> {
    this.running ??= this.round().finally(() => (this.running = null))
    return this.running
  }

  setPaused(paused: boolean): void {
    this.paused = paused
    this.mode = paused ? 'paused' : this.mode === 'paused' ? 'offline' : this.mode
    void this.status().then((s) => this.changed.fire(s))
  }

  async status(): Promise<SyncStatusView> {
    return {
      mode: this.paused ? 'paused' : this.mode,
      pendingEvents: await countOutbox(this.db),
      lastSyncAt: this.lastSyncAt,
      parkedEvents: await countParked(this.db),
      lastError: this.lastError,
    }
  }

  /**
   * One round: push first (what the desk did matters most), then config and orders, then push what
   * arrived meanwhile, then the heartbeat. Each step retries retryable failures a few times with
   * jittered backoff (honouring Retry-After); a step that still fails ends the round as offline.
   */
  private async round(): Promise<void> {
    const step = <T>(fn: () => Promise<T>) => withRetry(fn, { maxAttempts: 3, baseDelayMs: 150, maxDelayMs: 2000, maxRetryAfterMs: 5000 })
    try {
      let pushed = await step(() => pushOutbox(this.db, this.opts))
      if (this.configPulledAt === 0 || Date.now() - this.configPulledAt > 10 * this.opts.pullIntervalMs) {
        await step(() => this.pullConfig())
        this.configPulledAt = Date.now()
      }
      await step(() => this.pullOrders())
      const again = await step(() => pushOutbox(this.db, this.opts))
      pushed = { sent: pushed.sent + again.sent, parked: pushed.parked + again.parked, conflicts: pushed.conflicts + again.conflicts }
      await this.heartbeat()
      this.mode = (await countParked(this.db)) > 0 ? 'degraded' : 'online'
      this.lastSyncAt = new Date().toISOString()
      this.lastError = null
      this.failures = 0
      this.nextRoundAt = Date.now() + this.opts.pullIntervalMs
    } catch (err) {
      // Offline is a normal state for a desk: keep packing, try again after a jittered backoff.
      const e = toAppError(err)
      this.mode = e.retryable ? 'offline' : 'degraded'
      this.lastError = e.message
      this.failures++
      const backoff = { baseDelayMs: this.opts.backoff?.baseMs ?? 1000, maxDelayMs: this.opts.backoff?.maxMs ?? 30_000, random: this.opts.random }
      const wait = backoffDelayMs(Math.min(this.failures, 16) + 1, backoff, retryAfterOf(e))
      this.nextRoundAt = Date.now() + wait
    }
    this.changed.fire(await this.status())
  }

  private async pullConfig(): Promise<void> {
    const cfg = await cloudRequest(this.opts, 'GET', '/api/v1/station/config', CloudConfigWithRates)
    await this.db.transaction().execute(async (trx) => {
      for (const p of cfg.data.packers) await upsertPacker(trx, p)
      for (const b of cfg.data.boxes) await upsertBox(trx, b)
      // The cloud's rate cards replace station.json's and the built-in ones (rates/rate-card.book.ts).
      await storeCloudRates(trx, cfg.data)
    })
  }

  private async pullOrders(): Promise<void> {
    for (let page = 0; page < 100_000; page++) {
      const cursor = (await getSetting<string>(this.db, CURSOR_KEY)) ?? ''
      const res = await cloudRequest(this.opts, 'GET', `/api/v1/orders?cursor=${encodeURIComponent(cursor)}&limit=500`, OrdersPage)
      await this.db.transaction().execute(async (trx) => {
        for (const o of res.data.orders) await applyOrder(trx, o, this.opts.stationId)
        await setSetting(trx, CURSOR_KEY, res.data.nextCursor)
      })
      if (!res.data.hasMore) return
    }
  }

  private async heartbeat(): Promise<void> {
    if (!this.opts.stationId) return
    const health = (await this.opts.health?.()) ?? { scale: { status: 'unknown' as const }, printer: { status: 'unknown' as const } }
    const body: HeartbeatRequest = {
      stationId: this.opts.stationId,
      appVersion: this.opts.appVersion ?? '0.1.0',
      queueDepth: await countOutbox(this.db),
      parkedEvents: await countParked(this.db),
      syncMode: this.mode,
      ...health,
      sentAt: new Date().toISOString(),
    }
    await cloudRequest(this.opts, 'POST', '/api/v1/stations/heartbeat', HeartbeatAccepted, body, {
      'Idempotency-Key': `hb-${this.opts.stationId}-${body.sentAt}`,
    }).catch(() => {
      // A missed heartbeat is not worth failing the round for; the next one carries the same news.
    })
  }

  async dispose(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    await this.running
    this.changed.dispose()
  }
}

/** Inserts a new order, or applies a newer cloud version (cancellation) to one not yet packed. Idempotent by version. */
async function applyOrder(trx: Parameters<typeof insertOrder>[0], o: CloudOrder, stationId: string | undefined): Promise<void> {
  const existing = await trx.selectFrom('orders').select(['id', 'status', 'cloud_version']).where('id', '=', o.id).executeTakeFirst()
  // Packed at another desk: never offered here (a conflict, if this desk packed it offline too, comes back on push).
  const packedElsewhere = Boolean(o.packedByStationId && o.packedByStationId !== stationId)
  if (!existing) {
    await insertOrder(trx, { ...o, id: o.id, cloudVersion: o.version, status: o.status === 'cancelled' ? 'cancelled' : packedElsewhere ? 'packed' : 'open' })
    return
  }
  // This desk packed it, and the cloud says another desk did too: record the conflict here as well.
  const others = (o.conflictStationIds ?? []).filter((id) => id !== stationId)
  // 'packed' alone is not enough: an order another desk packed is marked packed here by an earlier pull.
  const packedHere =
    existing.status === 'packed' &&
    Boolean(await trx.selectFrom('outbox').select('id').where('order_id', '=', o.id).where('kind', '=', 'order.packed').executeTakeFirst())
  const packedHereToo = packedHere && (o.packedByStationId === stationId ? others.length > 0 : Boolean(o.packedByStationId))
  if (packedHereToo) {
    const known = await trx.selectFrom('audit_log').select('seq').where('action', '=', 'sync.conflict').where('order_id', '=', o.id).executeTakeFirst()
    if (!known) {
      await appendAudit(trx, {
        actorId: null,
        action: 'sync.conflict',
        orderId: o.id,
        detail: { packedByStationId: o.packedByStationId, conflictStationIds: o.conflictStationIds ?? [] },
      })
    }
  }
  if (o.version <= existing.cloud_version) return
  let status = existing.status
  if (existing.status !== 'packed' && o.status === 'cancelled') status = 'cancelled'
  else if (existing.status === 'open' && packedElsewhere) status = 'packed'
  await trx.updateTable('orders').set({ status, cloud_version: o.version, updated_at: new Date().toISOString() }).where('id', '=', o.id).execute()
}
