import { AppError, ErrorCode } from '../../../../shared/errors'
import type { TrackingEvent } from '../carrier.port'
import type { CargoRow, MovementRow } from './aras.schemas'
import { cargoRawCode, normalizeArasCargo, normalizeArasText } from './aras.status'

/**
 * Query-service rows → TrackingEvent[] oldest first (docs/reference/carriers.md §2, §12): the movements of
 * QueryType 9 (text only, so only the safe keyword rules apply), then the Cargo row's coded state,
 * which is the one that can say delivered.
 */

// Turkey has kept UTC+3 all year since 2016; Aras's dates carry no zone.
const TR_OFFSET_HOURS = 3

/**
 * An Aras date as ISO-8601 UTC, or null when it has none of the shapes seen: "dd.MM.yyyy[ HH:mm[:ss]]"
 * (Turkish), ISO "yyyy-MM-ddTHH:mm[:ss[.fff]]" with or without a zone, or .NET "/Date(ms[±hhmm])/".
 */
export function parseArasDate(raw: string, time = ''): string | null {
  const text = `${raw.trim()} ${time.trim()}`.trim()
  const net = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/.exec(text)
  if (net) return new Date(Number(net[1])).toISOString()
  const tr = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text)
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text)
  let parts: number[]
  if (tr) parts = [Number(tr[3]), Number(tr[2]), Number(tr[1]), Number(tr[4] ?? 0), Number(tr[5] ?? 0), Number(tr[6] ?? 0)]
  else if (iso) {
    if (iso[7]) {
      const d = new Date(text.replace(' ', 'T'))
      return Number.isNaN(d.getTime()) ? null : d.toISOString()
    }
    parts = [Number(iso[1]), Number(iso[2]), Number(iso[3]), Number(iso[4] ?? 0), Number(iso[5] ?? 0), Number(iso[6] ?? 0)]
  } else return null
  const [y, mo, d, h, mi, s] = parts as [number, number, number, number, number, number]
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null
  const date = new Date(Date.UTC(y, mo - 1, d, h - TR_OFFSET_HOURS, mi, s))
  // Date.UTC rolls 31.02 over into March: refuse instead of inventing a day.
  const check = new Date(date.getTime() + TR_OFFSET_HOURS * 3_600_000)
  return check.getUTCDate() === d ? date.toISOString() : null
}

function dateOrFail(raw: string, time: string, what: string): string {
  const at = parseArasDate(raw, time)
  if (at === null)
    throw new AppError(ErrorCode.carrierBadResponse, `Aras sent ${what} "${`${raw} ${time}`.trim()}", which is not a date we can read`, {
      retryable: false,
      meta: { raw, time },
    })
  return at
}

export function movementEvent(m: MovementRow): TrackingEvent {
  const rawText = [m.event, m.description].filter((t) => t !== '').join(' – ')
  return { status: normalizeArasText(rawText), rawCode: '', rawText, at: dateOrFail(m.at, '', 'a movement date'), location: m.unit || null }
}

export function cargoEvent(c: CargoRow, fallbackAt: string): TrackingEvent {
  const codes = { durum: c.DURUM_KODU, tip: c.TIP_KODU, devir: c.DEVIR_KODU }
  const delivered = c.DURUM_KODU === '6' && c.TESLIM_TARIHI !== ''
  const at = delivered
    ? dateOrFail(c.TESLIM_TARIHI, c.TESLIM_SAATI, 'a delivery date')
    : c.ISLEM_TARIHI !== ''
      ? dateOrFail(c.ISLEM_TARIHI, '', 'an event date')
      : fallbackAt
  const rawText = c.DURUMU || c.DURUM_EN
  return {
    status: normalizeArasCargo(codes),
    rawCode: cargoRawCode(codes),
    rawText: c.TESLIM_ALAN && delivered ? `${rawText} (${c.TESLIM_ALAN})` : rawText,
    at,
    location: null,
  }
}

/**
 * Movements sorted by time, then the Cargo row's state last: it is the current one, so its time is
 * never put before the newest movement (the row's ISLEM_TARIHI may lag behind the movements).
 */
export function arasTimeline(cargo: CargoRow | null, movements: readonly MovementRow[], observedAt: string): TrackingEvent[] {
  const events = movements.map(movementEvent).sort((a, b) => a.at.localeCompare(b.at))
  if (!cargo) return events
  const last = events.at(-1)?.at
  const state = cargoEvent(cargo, last ?? observedAt)
  events.push(last && state.at < last ? { ...state, at: last } : state)
  return events
}

/** The newest known status of a timeline (null when no event says one). */
export function currentStatus(events: readonly TrackingEvent[]): TrackingEvent['status'] {
  for (let i = events.length - 1; i >= 0; i--) {
    const s = events[i]?.status
    if (s) return s
  }
  return null
}
