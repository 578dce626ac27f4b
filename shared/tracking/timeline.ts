import { TrackingStatus } from '../domain/shipment'

/** A tracking event as stored and shown: normalized status (null = a code we do not know) plus the carrier's own words. */
export type TimelineEvent = Readonly<{
  status: TrackingStatus | null
  rawCode: string
  rawText: string
  /** ISO 8601 with offset, as the carrier gave it (converted from Turkey time where needed). */
  at: string
  location: string | null
  /**
   * The carrier's own statement of the shipment's present state (Yurtiçi operationStatus), not a
   * scan: where present with a status it decides the current status, whatever the scans' times. Not stored.
   */
  current?: boolean
}>

/** States after which nothing more is expected (polling stops). */
export const TERMINAL_STATUSES: ReadonlySet<TrackingStatus> = new Set([TrackingStatus.delivered, TrackingStatus.returnedToSender, TrackingStatus.cancelled])

export function isTerminal(status: string | null): boolean {
  return status !== null && TERMINAL_STATUSES.has(status as TrackingStatus)
}

/** Oldest first; events of one instant keep their given order (carriers list same-minute scans in sequence). */
export function sortTimeline(events: readonly TimelineEvent[]): TimelineEvent[] {
  return events
    .map((e, i) => ({ e, i, t: Date.parse(e.at) }))
    .sort((a, b) => (Number.isNaN(a.t) || Number.isNaN(b.t) ? 0 : a.t - b.t) || a.i - b.i)
    .map((x) => x.e)
}

/**
 * The shipment's current normalized status from its timeline: where the carrier states its present
 * state (`current`, e.g. Yurtiçi operationStatus DLV) with a known status, the latest such statement
 * decides, even when a scan carries a later time; otherwise the latest event with a known status.
 * An unknown code (status null) keeps the previous state: it never becomes "delivered" or anything
 * else by guessing (docs/reference/carriers.md §12). With no known event, `previous` stands.
 */
export function currentTrackingStatus(events: readonly TimelineEvent[], previous: TrackingStatus | null = null): TrackingStatus | null {
  const sorted = sortTimeline(events)
  const stated = sorted.filter((e) => e.current === true && e.status !== null)
  const from = stated.length > 0 ? stated : sorted
  for (let i = from.length - 1; i >= 0; i--) {
    const s = from[i]?.status
    if (s) return s
  }
  return previous
}
