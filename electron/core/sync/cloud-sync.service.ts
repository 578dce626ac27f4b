import type { SyncStatusView } from '../../../shared/contract/views'
import { CloudConfig, EventsAccepted, OrdersPage, type CloudOrder } from '../../../shared/contract/cloud'
import { Emitter } from '../../../shared/emitter'
import { toAppError } from '../../../shared/errors'
import { upsertBox } from '../boxes/boxes.repository'
import type { Db } from '../db/database'
import { insertOrder } from '../orders/orders.repository'
import { upsertPacker } from '../packers/packers.repository'
import { getSetting, setSetting } from '../settings/settings.repository'
import { cloudRequest, type CloudClientOptions } from './cloud-client'
import { countOutbox, pendingOutbox } from './outbox.repository'

const CURSOR_KEY = 'sync.ordersCursor'

/**
 * Background sync with the cloud: config and orders down (cursor persisted, each page applied in
 * one transaction), outbox events up in order. Full delivery guarantees are issue 5's; this is the
 * minimal loop the desk needs from day one.
 */
export class CloudSyncService {
  private readonly changed = new Emitter<SyncStatusView>()
  readonly onDidChangeStatus = this.changed.event
  private mode: SyncStatusView['mode'] = 'offline'
  private lastSyncAt: string | null = null
  private timer: ReturnType<typeof setInterval> | null = null
  private running: Promise<void> | null = null

  constructor(
    private readonly db: Db,
    private readonly opts: CloudClientOptions & { pullIntervalMs: number },
  ) {}

  start(): void {
    void this.syncNow()
    this.timer = setInterval(() => void this.syncNow(), this.opts.pullIntervalMs)
    this.timer.unref()
  }

  /** One round: config, orders, events. Concurrent calls share the round in flight. */
  syncNow(): Promise<void> {
    this.running ??= this.round().finally(() => (this.running = null))
    return this.running
  }

  async status(): Promise<SyncStatusView> {
    return { mode: this.mode, pendingEvents: await countOutbox(this.db), lastSyncAt: this.lastSyncAt }
  }

  private async round(): Promise<void> {
    try {
      await this.pullConfig()
      await this.pullOrders()
      await this.pushEvents()
      this.mode = 'online'
      this.lastSyncAt = new Date().toISOString()
    } catch (err) {
      // Offline is a normal state for a desk: keep packing, try again on the next round.
      this.mode = toAppError(err).retryable ? 'offline' : 'degraded'
    }
    this.changed.fire(await this.status())
  }

  private async pullConfig(): Promise<void> {
    const cfg = await cloudRequest(this.opts, 'GET', '/api/v1/station/config', CloudConfig)
    await this.db.transaction().execute(async (trx) => {
      for (const p of cfg.data.packers) await upsertPacker(trx, p)
      for (const b of cfg.data.boxes) await upsertBox(trx, b)
    })
  }

  private async pullOrders(): Promise<void> {
    for (let page = 0; page < 1000; page++) {
      const cursor = (await getSetting<string>(this.db, CURSOR_KEY)) ?? ''
      const res = await cloudRequest(this.opts, 'GET', `/api/v1/orders?cursor=${encodeURIComponent(cursor)}&limit=500`, OrdersPage)
      await this.db.transaction().execute(async (trx) => {
        for (const o of res.data.orders) await applyOrder(trx, o)
        await setSetting(trx, CURSOR_KEY, res.data.nextCursor)
      })
      if (!res.data.hasMore) return
    }
  }

  private async pushEvents(): Promise<void> {
    for (;;) {
      const rows = await pendingOutbox(this.db, 100)
      if (rows.length === 0) return
      const events = rows.map((r) => ({ id: r.id, kind: r.kind, orderId: r.order_id, payload: JSON.parse(r.payload_json) as Record<string, unknown>, createdAt: r.created_at }))
      const res = await cloudRequest(this.opts, 'POST', '/api/v1/events', EventsAccepted, { events }, { 'Idempotency-Key': `batch-${rows[0]!.id}-${rows.length}` })
      const accepted = new Set(res.data.accepted)
      await this.db
        .updateTable('outbox')
        .set({ status: 'sent', sent_at: new Date().toISOString() })
        .where('id', 'in', [...accepted].length ? [...accepted] : ['-'])
        .execute()
      if (accepted.size < rows.length) return
    }
  }

  async dispose(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    await this.running
    this.changed.dispose()
  }
}

/** Inserts a new order, or applies a cloud cancellation to one not yet packed. */
async function applyOrder(trx: Parameters<typeof insertOrder>[0], o: CloudOrder): Promise<void> {
  const existing = await trx.selectFrom('orders').select(['id', 'status', 'cloud_version']).where('id', '=', o.id).executeTakeFirst()
  if (!existing) {
    await insertOrder(trx, { ...o, id: o.id, cloudVersion: o.version, status: o.status })
    return
  }
  if (o.version <= existing.cloud_version) return
  const status = o.status === 'cancelled' && existing.status !== 'packed' ? 'cancelled' : existing.status
  await trx.updateTable('orders').set({ status, cloud_version: o.version, updated_at: new Date().toISOString() }).where('id', '=', o.id).execute()
}
