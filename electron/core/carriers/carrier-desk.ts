import type { CommandHandlers } from '../../../shared/contract/commands'
import { Emitter } from '../../../shared/emitter'
import { AppError, ErrorCode } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'
import type { StationConfig } from '../config/config.schema'
import type { Db } from '../db/database'
import { findOrderByCode } from '../orders/orders.repository'
import { countOfflineLabelled, isShipmentKey } from '../shipping/shipments.repository'
import { getTimeline } from '../tracking/tracking.repository'
import { TrackingPoller } from '../tracking/tracking-poller'
import type { CarrierConnector } from './carrier.port'
import { CarrierExchangeStore } from './exchange-store'
import { CircuitBreaker, type BreakerView } from './guard/circuit-breaker'
import { guardConnector } from './guard/guarded-connector'
import { SlidingWindowLimiter } from './guard/rate-limiter'
import type { CarrierExchange } from './http/carrier-http'

type CarrierHandlers = Pick<CommandHandlers, 'shipments.timeline' | 'carriers.status' | 'carriers.exchanges' | 'tracking.pollNow'>

export type CarrierDesk = Readonly<{
  /** The configured connectors behind their limiter and breaker: what the purchaser and poller use. */
  connectors: ReadonlyMap<string, CarrierConnector>
  tracking: TrackingPoller
  exchanges: CarrierExchangeStore
  onDidChangeBreaker: Emitter<{ carrierId: string; breaker: BreakerView }>
  handlers: CarrierHandlers
  start(): void
  dispose(): void
}>

/**
 * The carrier machinery around the connectors: one circuit breaker per carrier, one rate limiter
 * per configured account, the raw exchange store, background tracking and the commands that show
 * them (carriers.status, carriers.exchanges, shipments.timeline, tracking.pollNow).
 */
export function createCarrierDesk(
  deps: Readonly<{
    db: Db
    config: StationConfig
    connectors: ReadonlyMap<string, CarrierConnector>
    /** Exchanges reported by the connectors (the adapters' hook), stored for support. */
    carrierExchanges?: Emitter<CarrierExchange>
  }>,
): CarrierDesk {
  const { db, config } = deps
  const breakers = new Map<string, CircuitBreaker>()
  const guarded = new Map<string, CarrierConnector>()
  const onDidChangeBreaker = new Emitter<{ carrierId: string; breaker: BreakerView }>()
  for (const [id, connector] of deps.connectors) {
    const breaker = new CircuitBreaker(connector.displayName, config.carriers.breaker)
    breaker.onDidChange.event((view) => onDidChangeBreaker.fire({ carrierId: id, breaker: view }))
    const limit = config.carriers.limits[id]
    breakers.set(id, breaker)
    guarded.set(id, guardConnector(connector, { breaker, limiter: limit ? new SlidingWindowLimiter(limit.requests, limit.perMs) : null }))
  }
  const exchanges = new CarrierExchangeStore(db)
  const unsubscribe = deps.carrierExchanges?.event(exchanges.record)
  const tracking = new TrackingPoller(db, guarded, { intervalMs: config.carriers.tracking.intervalMs, minIntervalMs: config.carriers.tracking.minIntervalMs })

  const handlers: CarrierHandlers = {
    'shipments.timeline': async ({ code }) => {
      const order = await findOrderByCode(db, code)
      const row = await db
        .selectFrom('shipments')
        .selectAll()
        .where((eb) => (order ? eb('order_id', '=', order.id) : isShipmentKey(code)(eb)))
        .where('status', 'in', ['purchased', 'purchasing', 'cancelled'])
        .orderBy('created_at', 'desc')
        .executeTakeFirst()
      if (!row) throw new AppError(ErrorCode.notFound, msg('shipment.notFound', { code }), { meta: { code } })
      const orderNumber =
        order?.orderNumber ?? (await db.selectFrom('orders').select('order_number').where('id', '=', row.order_id).executeTakeFirst())?.order_number ?? ''
      return {
        orderNumber,
        carrierId: row.carrier_id,
        carrierName: deps.connectors.get(row.carrier_id)?.displayName ?? row.carrier_id,
        trackingNumber: row.tracking_number,
        status: row.tracking_status,
        rawCode: row.tracking_raw_code,
        checkedAt: row.tracking_checked_at,
        events: await getTimeline(db, row.id),
      }
    },
    'carriers.status': async () => {
      const pending = await countOfflineLabelled(db)
      return [...deps.connectors.values()].map((c) => ({
        id: c.id,
        name: c.displayName,
        breaker: breakers.get(c.id)?.view() ?? { state: 'closed' as const, failures: 0, retryAt: null, lastError: null },
        offlinePending: pending.get(c.id) ?? 0,
      }))
    },
    'carriers.exchanges': ({ carrierId, limit }) => exchanges.list({ carrierId, limit }),
    'tracking.pollNow': async () => {
      const pass = await tracking.pollOnce()
      return {
        asked: pass.asked,
        changed: pass.changed,
        failed: pass.failed.map((f) => ({ carrierId: f.carrierId, code: f.error.code, message: f.error.message })),
      }
    },
  }

  return {
    connectors: guarded,
    tracking,
    exchanges,
    onDidChangeBreaker,
    handlers,
    start: () => {
      void exchanges.prune().catch(() => undefined) // support data only
      if (config.carriers.tracking.enabled) tracking.start()
    },
    dispose: () => {
      unsubscribe?.()
      tracking.dispose()
      onDidChangeBreaker.dispose()
    },
  }
}
