import type { TrackingStatus } from '../../../shared/domain/shipment'
import { Emitter } from '../../../shared/emitter'
import { toAppError, type AppError } from '../../../shared/errors'
import { currentTrackingStatus, sortTimeline, type TimelineEvent } from '../../../shared/tracking/timeline'
import type { CarrierConnector, TrackingEvent } from '../carriers/carrier.port'
import { capabilitiesOf } from '../carriers/carrier-capabilities'
import type { Db } from '../db/database'
import { PeriodicPass } from '../net/periodic-pass'
import { OutboxKind, appendOutbox } from '../sync/outbox.repository'
import { insertTrackingEvents, listTrackable, setTrackingState, type TrackableShipment } from './tracking.repository'

/** A connector that can track many numbers in one call (capabilities.batchTracking: HepsiJET, Kolay Gelsin). */
export type BatchTracker = Required<Pick<CarrierConnector, 'trackMany'>>

export type TrackingPollerOptions = Readonly<{
  /** How often a pass runs. Default 10 minutes. */
  intervalMs?: number
  /** A shipment is asked again only after this long (carriers throttle; Yurtiçi: once a minute per key). Default 30 minutes. */
  minIntervalMs?: number
  /** Shipments per pass, all carriers together. Default 200. */
  maxPerPass?: number
  /** Numbers per batch call where the carrier takes many. Default 50. */
  batchSize?: number
  now?: () => Date
}>

export type TrackingPass = Readonly<{ asked: number; changed: number; failed: readonly { carrierId: string; error: AppError }[] }>

export type TrackingChange = Readonly<{ shipmentId: string; orderId: string; from: TrackingStatus | null; to: TrackingStatus | null }>

/** The batch choice is the carrier's declaration (carrier-capabilities.ts), not whatever methods an object has. */
function hasBatch(c: CarrierConnector): c is CarrierConnector & BatchTracker {
  return capabilitiesOf(c.id).batchTracking && typeof c.trackMany === 'function'
}

/**
 * Background tracking within each carrier's limits: batches where the API takes many numbers, one
 * at a time otherwise; stores the timeline (raw code and text kept), moves the normalized status
 * only on a known code, and announces changes to the cloud (tracking.updated). A carrier that fails
 * is skipped for this pass; the others go on.
 */
export class TrackingPoller {
  readonly onDidChange = new Emitter<TrackingChange>()
  private readonly passes: PeriodicPass<TrackingPass>

  constructor(
    private readonly db: Db,
    private readonly connectors: ReadonlyMap<string, CarrierConnector>,
    private readonly options: TrackingPollerOptions = {},
  ) {
    this.passes = new PeriodicPass(() => this.pass(), options.intervalMs ?? 600_000)
  }

  start(): void {
    this.passes.start()
  }

  dispose(): void {
    this.passes.dispose()
  }

  /** One pass now; concurrent callers share the pass in flight. */
  pollOnce(): Promise<TrackingPass> {
    return this.passes.run()
  }

  /** Stores events for one shipment (from a poll, a webhook or `station track`) and updates its status. */
  async apply(shipment: TrackableShipment, events: readonly TrackingEvent[]): Promise<TrackingStatus | null> {
    const now = (this.options.now?.() ?? new Date()).toISOString()
    const timeline: TimelineEvent[] = sortTimeline(
      events.map((e) => ({ status: e.status, rawCode: e.rawCode, rawText: e.rawText, at: e.at, location: e.location })),
    )
    // From the carrier's events as given: one that states the present state (`current`) decides.
    const status = currentTrackingStatus(events, shipment.trackingStatus)
    const last = timeline.at(-1)
    await this.db.transaction().execute(async (trx) => {
      await insertTrackingEvents(trx, shipment.id, timeline)
      await setTrackingState(trx, shipment.id, { status, rawCode: last?.rawCode ?? null, checkedAt: now })
      // status is null only while the previous one is null too (currentTrackingStatus keeps the previous), so no event is lost by the null check
      if (status !== null && status !== shipment.trackingStatus) {
        await appendOutbox(trx, OutboxKind.trackingUpdated, shipment.orderId, {
          shipmentId: shipment.id,
          carrierId: shipment.carrierId,
          trackingNumber: shipment.trackingNumber,
          status,
          previous: shipment.trackingStatus,
          rawCode: last?.rawCode ?? null,
          rawText: last?.rawText ?? null,
          at: last?.at ?? now,
        })
      }
    })
    if (status !== shipment.trackingStatus)
      this.onDidChange.fire({ shipmentId: shipment.id, orderId: shipment.orderId, from: shipment.trackingStatus, to: status })
    return status
  }

  private async pass(): Promise<TrackingPass> {
    const due = await listTrackable(this.db, {
      now: this.options.now?.() ?? new Date(),
      minIntervalMs: this.options.minIntervalMs ?? 30 * 60_000,
      limit: this.options.maxPerPass ?? 200,
    })
    const byCarrier = new Map<string, TrackableShipment[]>()
    for (const s of due) byCarrier.set(s.carrierId, [...(byCarrier.get(s.carrierId) ?? []), s])
    let asked = 0
    let changed = 0
    const failed: { carrierId: string; error: AppError }[] = []
    for (const [carrierId, shipments] of byCarrier) {
      const connector = this.connectors.get(carrierId)
      if (!connector || (!connector.track && !hasBatch(connector))) continue
      try {
        for await (const { shipment, events } of this.fetch(connector, shipments)) {
          if (this.passes.disposed) break
          asked++
          if ((await this.apply(shipment, events)) !== shipment.trackingStatus) changed++
        }
      } catch (err) {
        // The carrier is down or refusing: the rest of its shipments wait for the next pass.
        failed.push({ carrierId, error: toAppError(err) })
      }
    }
    return { asked, changed, failed }
  }

  /** Yields each shipment's events as they arrive, so a failure midway keeps what was already asked. */
  private async *fetch(
    connector: CarrierConnector,
    shipments: readonly TrackableShipment[],
  ): AsyncGenerator<{ shipment: TrackableShipment; events: readonly TrackingEvent[] }> {
    if (hasBatch(connector)) {
      const size = this.options.batchSize ?? 50
      for (let i = 0; i < shipments.length; i += size) {
        const chunk = shipments.slice(i, i + size)
        const found = await connector.trackMany(chunk.map((s) => s.carrierKey))
        for (const s of chunk) yield { shipment: s, events: found.get(s.carrierKey) ?? [] }
      }
      return
    }
    for (const s of shipments) {
      let events: readonly TrackingEvent[]
      try {
        events = (await connector.track?.(s.carrierKey)) ?? []
      } catch (err) {
        const e = toAppError(err)
        // One unknown number must not stop the carrier's other shipments; it is asked again next interval.
        if (e.retryable) throw e
        events = []
      }
      yield { shipment: s, events }
    }
  }
}
