import { trNameKey } from '../../../../shared/domain/address'
import { MNG_STATUS_NAMES, MngStatusCode } from '../../../../protocols/mng/mng.codes'
import { TrackingStatus } from '../../../../shared/domain/shipment'
import type { TrackingEvent } from '../carrier.port'
import type { MngTrackEventBody } from './mng.schemas'

/**
 * MNG / DHL eCommerce status → our tracking vocabulary (docs/reference/carriers.md §3 codes, §12 MNG/DHL column).
 * shipmentStatusCode is a number 1–8; trackshipment's eventStatus carries the same statuses as text,
 * with underscores or spaces. Pure tables: anything else is null ("keep the previous status"), and
 * delivered comes only from code 5 / its exact name / isDelivered=1, never from free text.
 * §12's "returned_to_sender = legacy SOAP 7" belongs to the old SOAP API, not this one: REST 7 is
 * "Geri_Geliyor" (coming back), so returned_to_sender never comes from here.
 */
export { MNG_STATUS_NAMES, MngStatusCode }

const BY_CODE: Readonly<Record<MngStatusCode, TrackingStatus>> = {
  1: TrackingStatus.created,
  // §12: picked_up is "2 first event" (mngTimeline); 2 on its own is in transit.
  2: TrackingStatus.inTransit,
  3: TrackingStatus.inTransit,
  4: TrackingStatus.outForDelivery,
  5: TrackingStatus.delivered,
  6: TrackingStatus.failedAttempt,
  7: TrackingStatus.returnInTransit,
  8: TrackingStatus.exception,
}

// trNameKey folds Turkish letters and drops "_" and spaces: "Teslim_Edildi", "TESLİM EDİLDİ" → "teslimedildi".
const BY_NAME = new Map<string, MngStatusCode>(Object.entries(MNG_STATUS_NAMES).map(([code, name]) => [trNameKey(name), Number(code) as MngStatusCode]))

/** The status code behind "5", " 5 ", "Teslim_Edildi" or "Teslim Edildi"; null for anything else. */
export function mngStatusCodeOf(raw: string): MngStatusCode | null {
  const s = raw.trim()
  if (/^\d+$/.test(s)) {
    const n = Number(s)
    return Object.hasOwn(BY_CODE, n) ? (n as MngStatusCode) : null
  }
  return s === '' ? null : (BY_NAME.get(trNameKey(s)) ?? null)
}

/**
 * The code (or the status name sent in its place) decides; `rawText` is read only when no code came
 * at all, and only for an exact status name, so an unknown code is never guessed from its text.
 */
export function normalizeMngStatus(rawCode: string, rawText = ''): TrackingStatus | null {
  const code = mngStatusCodeOf(rawCode) ?? (rawCode.trim() === '' ? mngStatusCodeOf(rawText) : null)
  return code === null ? null : BY_CODE[code]
}

/** getshipmentstatus: isDelivered=1 is delivered whatever the code says (§12 "5 / isDelivered=1"). */
export function normalizeMngShipmentStatus(statusCode: string, statusText: string, isDelivered: boolean): TrackingStatus | null {
  return isDelivered ? TrackingStatus.delivered : normalizeMngStatus(statusCode, statusText)
}

/** "dd-MM-yyyy HH:mm[:ss]" (trackshipment) or "dd.MM.yyyy HH:mm:ss" (token dates), Turkey time → epoch ms; null when unreadable. */
export function parseMngDateTime(raw: string): number | null {
  const m = /^(\d{2})[-.](\d{2})[-.](\d{4})[ T]+(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(raw.trim())
  if (!m) return null
  const [d, mo, y, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number]
  // Turkey is UTC+3 all year (no DST since 2016); docs/reference/carriers.md gives no zone, clients read it as local Turkish time.
  const ms = Date.UTC(y, mo - 1, d, h - 3, mi, s)
  const back = new Date(ms + 3 * 3_600_000)
  const valid = back.getUTCDate() === d && back.getUTCMonth() === mo - 1 && h < 24 && mi < 60 && s < 60
  return valid ? ms : null
}

/**
 * trackshipment events → TrackingEvent[] oldest first (the order MNG sends them in is not
 * documented, so they are sorted; equal times keep their order). The first event in status 2 is the
 * pickup (§12 "2 first event"). An unreadable time becomes `observedAt` and sorts last.
 */
export function mngTimeline(events: readonly MngTrackEventBody[], observedAt: string): TrackingEvent[] {
  const observedMs = Date.parse(observedAt)
  const rows = events.map((e, i) => ({ e, i, ms: parseMngDateTime(e.eventDateTime) }))
  rows.sort((a, b) => (a.ms ?? observedMs) - (b.ms ?? observedMs) || a.i - b.i)
  let pickedUp = false
  return rows.map(({ e, ms }) => {
    let status = normalizeMngStatus(e.eventStatus)
    if (mngStatusCodeOf(e.eventStatus) === MngStatusCode.inTransfer && !pickedUp) {
      pickedUp = true
      status = TrackingStatus.pickedUp
    }
    return {
      status,
      rawCode: e.eventStatus,
      rawText: e.description || e.eventStatusEn || e.eventStatus,
      at: ms === null ? observedAt : new Date(ms).toISOString(),
      location: e.location || null,
    }
  })
}
