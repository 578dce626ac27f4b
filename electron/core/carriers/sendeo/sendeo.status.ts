import { TrackingStatus } from '../../../../shared/domain/shipment'
import { SENDEO_CANCELLABLE_STATUS, SENDEO_CANCELLED_STATUSES, type SendeoStatusId } from '../../../../protocols/sendeo/sendeo.codes'

/**
 * Sendeo StatusId → our tracking vocabulary (docs/reference/carriers.md §7 list, §12 Sendeo column; the ids and
 * their names: protocols/sendeo/sendeo.codes.ts, from [SND] "Sendeo Statü Listesi"). Ids §7 lists that §12 does not place
 * stay null on purpose ("keep the previous status"): 136 İade Red (the customer refused a return
 * request: nothing moved), 141/142 Kurye Zimmete Aldı / Zimmetten Çıkardı (a courier took or handed
 * back custody: pickup or delivery courier, the id does not say which).
 */
export const SENDEO_STATUS_MAP: Readonly<Record<number, TrackingStatus | null>> = {
  101: TrackingStatus.created,
  102: TrackingStatus.created,
  103: TrackingStatus.inTransit,
  104: TrackingStatus.inTransit,
  105: TrackingStatus.inTransit,
  106: TrackingStatus.inTransit,
  107: TrackingStatus.inTransit,
  108: TrackingStatus.inTransit,
  109: TrackingStatus.outForDelivery,
  110: TrackingStatus.inTransit,
  111: TrackingStatus.delivered,
  112: TrackingStatus.failedAttempt,
  113: TrackingStatus.returnInTransit,
  114: TrackingStatus.failedAttempt,
  115: TrackingStatus.failedAttempt,
  117: TrackingStatus.exception,
  118: TrackingStatus.exception,
  119: TrackingStatus.delayed,
  120: TrackingStatus.exception,
  121: TrackingStatus.exception,
  122: TrackingStatus.failedAttempt,
  123: TrackingStatus.delayed,
  124: TrackingStatus.delayed,
  125: TrackingStatus.exception,
  126: TrackingStatus.inTransit,
  127: TrackingStatus.delayed,
  128: TrackingStatus.delayed,
  129: TrackingStatus.failedAttempt,
  130: TrackingStatus.failedAttempt,
  131: TrackingStatus.returnInTransit,
  132: TrackingStatus.inTransit,
  133: TrackingStatus.cancelled,
  134: TrackingStatus.returnInTransit,
  135: TrackingStatus.returnInTransit,
  136: null, // İade Red: not in §12
  137: TrackingStatus.created,
  138: TrackingStatus.pickedUp,
  139: TrackingStatus.cancelled,
  140: TrackingStatus.outForDelivery,
  141: null, // Kurye Zimmete Aldı: not in §12
  142: null, // Kurye Zimmetten Çıkardı: not in §12
  143: TrackingStatus.exception,
  151: TrackingStatus.returnedToSender,
} satisfies Readonly<Record<SendeoStatusId, TrackingStatus | null>>

export { SENDEO_CANCELLABLE_STATUS }

/** Ids after which nothing ships under the reference (cancelled delivery or work order). */
export const SENDEO_VOID_STATUSES: ReadonlySet<number> = new Set(SENDEO_CANCELLED_STATUSES)

/**
 * The StatusId decides alone; an id we do not know maps to null (keep the previous status), never
 * to delivered. `rawText` is taken for the common signature but not read: Sendeo always sends the
 * id, and §12 prefers the code over the text.
 */
export function normalizeSendeoStatus(rawCode: string, rawText = ''): TrackingStatus | null {
  void rawText
  const code = rawCode.trim()
  if (!/^\d{1,4}$/.test(code)) return null
  return SENDEO_STATUS_MAP[Number(code)] ?? null
}
