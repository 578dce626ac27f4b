import type { CallOptions, CarrierConnector, CreatedShipment, ShipmentRequest, TrackingEvent } from '../carrier.port'
import type { CircuitBreaker } from './circuit-breaker'
import type { SlidingWindowLimiter } from './rate-limiter'

export type ConnectorGuards = Readonly<{ breaker: CircuitBreaker; limiter: SlidingWindowLimiter | null }>

/**
 * The same connector behind its account's rate limiter and its carrier's circuit breaker. Every
 * port call waits for a slot, then runs through the breaker; the pure offline plan is not guarded.
 * It forwards what the registry built (carrier-capabilities.ts shaped it) and adds nothing.
 */
export function guardConnector(inner: CarrierConnector, guards: ConnectorGuards): CarrierConnector {
  const guarded = async <T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> => {
    await guards.limiter?.acquire(signal)
    return guards.breaker.run(fn)
  }
  const out: CarrierConnector = {
    id: inner.id,
    displayName: inner.displayName,
    createShipment: (request: ShipmentRequest, options: CallOptions): Promise<CreatedShipment> =>
      guarded(() => inner.createShipment(request, options), options.signal),
  }
  const extra: { -readonly [K in keyof CarrierConnector]?: CarrierConnector[K] } = {}
  if (inner.cancelShipment) {
    const cancel = inner.cancelShipment.bind(inner)
    extra.cancelShipment = (trackingNumber, options) => guarded(() => cancel(trackingNumber, options), options?.signal)
  }
  if (inner.track) {
    const track = inner.track.bind(inner)
    extra.track = (trackingNumber, options): Promise<readonly TrackingEvent[]> => guarded(() => track(trackingNumber, options), options?.signal)
  }
  // Batch tracking (capabilities.batchTracking: HepsiJET, Kolay Gelsin).
  if (inner.trackMany) {
    const trackMany = inner.trackMany.bind(inner)
    extra.trackMany = (keys, options) => guarded(() => trackMany(keys, options), options?.signal)
  }
  if (inner.createReturn) {
    const createReturn = inner.createReturn.bind(inner)
    extra.createReturn = (request, options) => guarded(() => createReturn(request, options), options.signal)
  }
  if (inner.planOfflineLabel) extra.planOfflineLabel = inner.planOfflineLabel.bind(inner)
  return Object.assign(out, extra)
}
