import { TrackingStatus } from '../../../../shared/domain/shipment'
import { AppError, ErrorCode } from '../../../../shared/errors'
import type { TrackingEvent } from '../carrier.port'
import type { KgEventLog, KgShipmentModel } from './kolaygelsin.schemas'
import { kgEventCode, KG_EVENTS, KG_RETURN_EVENTS, KgEvent, normalizeKolayGelsinStatus } from './kolaygelsin.status'

const TR_OFFSET_MS = 3 * 3_600_000

/** TimeStamp ("2021-05-13T18:28:01.882+03:00" in [KG]) → UTC ISO; without an offset it is Turkey time. Null when not a date. */
export function kgDateToIso(value: string): string | null {
  const v = value.trim()
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v)) {
    const ms = Date.parse(v)
    return Number.isNaN(ms) ? null : new Date(ms).toISOString()
  }
  const local = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?$/.exec(v)
  if (!local) return null
  const [y, mo, d, h, mi, s] = local.slice(1).map((p) => Number(p ?? 0)) as [number, number, number, number, number, number]
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - TR_OFFSET_MS
  return Number.isNaN(ms) || new Date(ms + TR_OFFSET_MS).getUTCDate() !== d ? null : new Date(ms).toISOString()
}

/**
 * One event log entry → event. The status query's CargoEventLogModel documents no time field;
 * TimeStamp (the webhook's, which clients read here too) is used when present, else the time we
 * saw the event (`observedAt`).
 */
export function kgEvent(e: KgEventLog, observedAt: string): TrackingEvent {
  const code = kgEventCode(e.cargoeventtype)
  const rawCode = code === null ? String(e.cargoeventtype).trim() : String(code)
  let at = observedAt
  if (e.timestamp && e.timestamp.trim() !== '') {
    const iso = kgDateToIso(e.timestamp)
    if (iso === null)
      throw new AppError(ErrorCode.carrierBadResponse, `Kolay Gelsin sent TimeStamp "${e.timestamp}", which is not a date`, {
        retryable: false,
        meta: { value: e.timestamp },
      })
    at = iso
  }
  const words = [
    code === null ? null : (KG_EVENTS[code]?.[1] ?? null),
    e.eventdescription?.trim() || null,
    e.eventdetailmodel?.deliveredpersonname?.trim() ? `teslim alan: ${e.eventdetailmodel.deliveredpersonname.trim()}` : null,
  ]
  return { status: normalizeKolayGelsinStatus(rawCode, ''), rawCode, rawText: words.filter(Boolean).join(' · '), at, location: e.locationname?.trim() || null }
}

/**
 * The events of one shipment's models (one model per parcel), merged: the same event on several
 * parcels once, oldest first (equal times keep Kolay Gelsin's order). After a return event
 * (31/32/46), a 29 is the return delivered to the sender: returned_to_sender (§12), not delivered.
 */
export function kgTimeline(models: readonly KgShipmentModel[], observedAt: string): TrackingEvent[] {
  const seen = new Set<string>()
  const events: TrackingEvent[] = []
  for (const m of models) {
    for (const log of m.cargoeventlogmodellist ?? []) {
      const e = kgEvent(log, observedAt)
      const key = `${e.rawCode}|${e.at}|${e.location ?? ''}`
      if (seen.has(key)) continue
      seen.add(key)
      events.push(e)
    }
  }
  const sorted = events
    .map((e, i) => ({ e, i, t: Date.parse(e.at) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e)
  let returning = false
  return sorted.map((e) => {
    const code = Number(e.rawCode)
    if (KG_RETURN_EVENTS.has(code)) returning = true
    return returning && code === KgEvent.delivered ? { ...e, status: TrackingStatus.returnedToSender } : e
  })
}
