import { KG_EVENT_TYPES, KG_RETURN_EVENT_TYPES } from '../../../../protocols/kolaygelsin/kolaygelsin.codes'
import { TrackingStatus } from '../../../../shared/domain/shipment'

const STATUS_BY_EVENT: Readonly<Record<number, TrackingStatus>> = {
  1: TrackingStatus.created,
  2: TrackingStatus.created,
  12: TrackingStatus.pickedUp,
  13: TrackingStatus.inTransit,
  14: TrackingStatus.inTransit,
  17: TrackingStatus.outForDelivery,
  18: TrackingStatus.outForDelivery,
  25: TrackingStatus.failedAttempt,
  26: TrackingStatus.failedAttempt,
  28: TrackingStatus.failedAttempt,
  29: TrackingStatus.delivered,
  31: TrackingStatus.returnInTransit,
  32: TrackingStatus.returnInTransit,
  33: TrackingStatus.exception,
  35: TrackingStatus.failedAttempt,
  39: TrackingStatus.delayed,
  46: TrackingStatus.returnInTransit,
  58: TrackingStatus.exception,
}

/**
 * Kolay Gelsin CargoEventType → our tracking vocabulary (docs/reference/carriers.md §7 list, §12 Kolay Gelsin
 * column). Texts are Kolay Gelsin's own descriptions from its integration doc [KG] (webhook table, shared with
 * the emulator in protocols/kolaygelsin/kolaygelsin.codes.ts), used as rawText because the status query sends
 * the code without words. Two §12 cells have no code: "cancelled" is the CancelPickupAndDelivery answer
 * itself, and "returned_to_sender" is the return delivered, which kolaygelsin.timeline.ts derives from a 29
 * after a return event.
 */
export const KG_EVENTS: Readonly<Record<number, readonly [TrackingStatus, string]>> = Object.fromEntries(
  Object.entries(STATUS_BY_EVENT).map(([n, status]) => [n, [status, KG_EVENT_TYPES[Number(n)] ?? '']]),
)

export const KgEvent = { created: 1, pickedUp: 12, delivered: 29, stoppedBySender: 31 } as const

/** Events that start a return: a later 29 is the return delivered to the sender. */
export const KG_RETURN_EVENTS: ReadonlySet<number> = new Set(KG_RETURN_EVENT_TYPES)

/** Events that only happen once the parcel was collected: a cancel then starts a return (docs/reference/carriers.md §7). */
export const KG_AFTER_PICKUP: ReadonlySet<number> = new Set([12, 13, 14, 17, 18, 25, 26, 28, 29, 31, 32, 33, 35, 39, 46, 58])

/** The event number in "12", 12 or the swagger's "12: paket … teslim alındı"; null when there is none. */
export function kgEventCode(raw: unknown): number | null {
  const m = /^\s*(\d{1,4})\b/.exec(typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : '')
  return m ? Number(m[1]) : null
}

/**
 * The code decides alone; an unknown code maps to null (keep the previous status), never to
 * delivered. `rawText` is taken for the common signature but not read (§12: code over text).
 */
export function normalizeKolayGelsinStatus(rawCode: string, rawText = ''): TrackingStatus | null {
  void rawText
  if (!/^\s*\d{1,4}\s*$/.test(rawCode)) return null
  return KG_EVENTS[Number(rawCode)]?.[0] ?? null
}
