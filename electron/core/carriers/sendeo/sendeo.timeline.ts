import { AppError, ErrorCode } from '../../../../shared/errors'
import type { TrackingEvent } from '../carrier.port'
import type { TrackResult } from './sendeo.schemas'
import { normalizeSendeoStatus } from './sendeo.status'

/** Turkey has kept UTC+3 all year since 2016; Sendeo's dates carry no offset. */
const TR_OFFSET_MS = 3 * 3_600_000

/**
 * A Sendeo date → UTC ISO-8601, or null when it is not one. UpdateDate/SendDate are
 * "dd/MM/yyyy HH:mm:ss" in Turkey time (docs/reference/carriers.md §7); StatusDate is a .NET DateTime in Sendeo's
 * C# client, so ISO without offset (Turkey time) and ISO with offset are read too.
 */
export function parseSendeoDate(value: string): string | null {
  const v = value.trim()
  const tr = /^(\d{2})[./](\d{2})[./](\d{4})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(v)
  const iso = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(v)
  const parts = tr ? [tr[3], tr[2], tr[1], tr[4], tr[5], tr[6]] : iso ? [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]] : null
  if (parts) {
    const [y, mo, d, h, mi, s] = parts.map((p) => Number(p ?? 0)) as [number, number, number, number, number, number]
    const ms = Date.UTC(y, mo - 1, d, h, mi, s) - TR_OFFSET_MS
    const back = new Date(ms + TR_OFFSET_MS)
    // Date.UTC rolls 31/02 over into March; a real date survives the round trip.
    if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null
    return new Date(ms).toISOString()
  }
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/.test(v)) {
    const ms = Date.parse(v)
    return Number.isNaN(ms) ? null : new Date(ms).toISOString()
  }
  return null
}

function dateOrThrow(value: string, field: string, trackingNumber: string): string {
  const at = parseSendeoDate(value)
  if (at === null) {
    // The same answer would come again: not retryable.
    throw new AppError(ErrorCode.carrierBadResponse, `Sendeo sent ${field} "${value}" for ${trackingNumber}, which is not a date`, {
      retryable: false,
      meta: { field, value, trackingNumber },
    })
  }
  return at
}

/**
 * TRACKDELIVERY → events, oldest first (equal times keep Sendeo's order). statusHistories is the
 * history; when Sendeo sends none, State/StateText/UpdateDate make the one event it has.
 */
export function sendeoTimeline(r: TrackResult, trackingNumber: string): TrackingEvent[] {
  const history = r.statushistories ?? []
  const events: TrackingEvent[] =
    history.length > 0
      ? history.map((h) => {
          const rawCode = String(h.statusid)
          const rawText = [h.status?.trim(), h.description?.trim()].filter((s, i, all) => s && all.indexOf(s) === i).join(' · ')
          return {
            status: normalizeSendeoStatus(rawCode, rawText),
            rawCode,
            rawText,
            at: dateOrThrow(h.statusdate ?? '', 'StatusDate', trackingNumber),
            location: null,
          }
        })
      : r.state !== null && r.state !== undefined && r.updatedate
        ? [
            {
              status: normalizeSendeoStatus(String(r.state), r.statetext ?? ''),
              rawCode: String(r.state),
              rawText: r.statetext?.trim() ?? '',
              at: dateOrThrow(r.updatedate, 'UpdateDate', trackingNumber),
              location: r.arrivalbranchname?.trim() || null,
            },
          ]
        : []
  return events
    .map((e, i) => ({ e, i, t: Date.parse(e.at) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e)
}
