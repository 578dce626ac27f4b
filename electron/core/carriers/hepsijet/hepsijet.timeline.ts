import type { TrackingEvent } from '../carrier.port'
import type { TrackData, TrackDetail } from './hepsijet.schemas'
import { normalizeHepsiJetStatus } from './hepsijet.status'

/** transactionDate (ISO with offset, e.g. "2023-02-14T18:00:35+03:00") → UTC ISO; as sent when unparseable. */
export function hepsiJetDateToIso(value: string): string {
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? value : new Date(ms).toISOString()
}

function event(d: TrackDetail): TrackingEvent {
  const location = d.transactionLocation?.trim() || null
  const person = d.deliveredPerson?.trim()
  return {
    status: normalizeHepsiJetStatus(d.integrationStatus, location ?? ''),
    rawCode: d.integrationStatus,
    rawText: [location, person ? `teslim alan: ${person}` : null].filter(Boolean).join(' · '),
    at: hepsiJetDateToIso(d.transactionDate),
    location,
  }
}

/**
 * One track entry's details → events, oldest first (stable for equal times). No details means no
 * operation yet: HepsiJET's "OK" (docs/reference/carriers.md §6), an empty timeline rather than an error.
 */
export function hepsiJetTimeline(details: readonly TrackDetail[] | null | undefined): TrackingEvent[] {
  const events = (details ?? []).map((d, i) => ({ e: event(d), i, ms: Date.parse(d.transactionDate) }))
  events.sort((a, b) => (Number.isNaN(a.ms) || Number.isNaN(b.ms) || a.ms === b.ms ? a.i - b.i : a.ms - b.ms))
  return events.map((x) => x.e)
}

/** The entries of one track answer by barcode; a barcode HepsiJET left out maps to no entry. */
export function timelinesByBarcode(data: TrackData): Map<string, TrackingEvent[]> {
  const out = new Map<string, TrackingEvent[]>()
  for (const entry of data) out.set(entry.barcode, hepsiJetTimeline(entry.details))
  return out
}
