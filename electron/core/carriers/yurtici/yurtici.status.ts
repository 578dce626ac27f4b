import { trFold } from '../../../../shared/domain/address'
import { TrackingStatus } from '../../../../shared/domain/shipment'
import { YurticiOperationCode, YurticiRejectStatus, YurticiReturnStatus } from '../../../../protocols/yurtici/yurtici.codes'

/**
 * Yurtiçi codes → our tracking vocabulary (docs/reference/carriers.md §1 and the §12 table). Pure tables: a code
 * not listed maps to null, which means "keep the previous status"; nothing unknown ever becomes
 * delivered, and delivered comes only from operationStatus DLV, never from event text.
 */

/** operationStatus with its operationCode (docs/reference/carriers.md §1 [YK-DOC]). */
export const YurticiOperationStatus = {
  /** 0: data received, not processed by a branch. */
  NOP: 'NOP',
  /** 1: issued, on its way ("Kargo teslimattadır"); also the state after a cancel became a return request. */
  IND: 'IND',
  /** 2: processed by the branch, invoice not yet issued. */
  ISR: 'ISR',
  /** 3: dispatch blocked: a successful cancel. */
  CNL: 'CNL',
  /** 4: already cancelled. */
  ISC: 'ISC',
  /** 5: delivered. */
  DLV: 'DLV',
  /** 6: invoice cancelled by the branch. */
  BI: 'BI',
} as const
export type YurticiOperationStatus = (typeof YurticiOperationStatus)[keyof typeof YurticiOperationStatus]

/** The codes: protocols/yurtici/yurtici.codes.ts, shared with the emulator. */
export const OPERATION_CODE: Readonly<Record<YurticiOperationStatus, number>> = YurticiOperationCode

const BY_STATUS: Readonly<Record<YurticiOperationStatus, TrackingStatus>> = {
  NOP: TrackingStatus.created,
  ISR: TrackingStatus.pickedUp,
  IND: TrackingStatus.inTransit,
  CNL: TrackingStatus.cancelled,
  ISC: TrackingStatus.cancelled,
  DLV: TrackingStatus.delivered,
  // §12: BI "if unexpected" is an exception: the branch voided the waybill of a live parcel.
  BI: TrackingStatus.exception,
}

export function isOperationStatus(value: string): value is YurticiOperationStatus {
  return Object.hasOwn(YurticiOperationStatus, value)
}

/** operationStatus first; the numeric operationCode only when the status text is missing or unknown. */
export function normalizeOperationStatus(status: string, operationCode: number | null = null): TrackingStatus | null {
  const s = status.trim().toUpperCase()
  if (isOperationStatus(s)) return BY_STATUS[s]
  const byCode = (Object.keys(OPERATION_CODE) as YurticiOperationStatus[]).find((k) => OPERATION_CODE[k] === operationCode)
  return byCode ? BY_STATUS[byCode] : null
}

/** Event ids published in the doc: IN "Kargo İndirildi" (unloaded), YK "Kargo Yüklendi" (loaded). The full list is not public. */
const EVENTS: Readonly<Record<string, TrackingStatus>> = {
  IN: TrackingStatus.inTransit,
  YK: TrackingStatus.inTransit,
}

/**
 * A cargo event (invDocCargoVOArray): a known id first, then §12's keyword rules restricted to what
 * text can safely say: "dağıtım" → out for delivery, "iade" → return in transit. Anything else
 * (including "teslim edildi", which also matches "teslim edilemedi" variants) → null.
 */
export function normalizeCargoEvent(eventId: string, eventName: string): TrackingStatus | null {
  const known = EVENTS[eventId.trim().toUpperCase()]
  if (known) return known
  const text = trFold(eventName)
  if (text.includes('dagitim')) return TrackingStatus.outForDelivery
  if (/(^|\s)iade/.test(text)) return TrackingStatus.returnInTransit
  return null
}

/**
 * rejectStatus (protocols/yurtici/yurtici.codes.ts, docs/reference/carriers.md §1): a return under way, the return
 * closed = back at the sender, or back to the normal flow (null: the operation status speaks).
 */
const BY_REJECT_GROUP: Readonly<Record<keyof typeof YurticiRejectStatus, TrackingStatus | null>> = {
  returnUnderWay: TrackingStatus.returnInTransit,
  returnClosed: TrackingStatus.returnedToSender,
  normalFlow: null,
}
const REJECT: Readonly<Record<string, TrackingStatus | null>> = Object.fromEntries(
  Object.entries(YurticiRejectStatus).flatMap(([group, codes]) => codes.map((code) => [code, BY_REJECT_GROUP[group as keyof typeof YurticiRejectStatus]])),
)

export function normalizeRejectStatus(rejectStatus: string): TrackingStatus | null {
  return REJECT[rejectStatus.trim()] ?? null
}

/** rejectStatus values that mean a return is under way (their reason text is a failed delivery attempt, §12). */
export function isReturnInProgress(rejectStatus: string): boolean {
  return (YurticiRejectStatus.returnUnderWay as readonly string[]).includes(rejectStatus.trim())
}

/** returnStatus: only 3 (returned to sender) changes the status; 0–2 describe the delivery and invoice. */
const RETURN: Readonly<Record<string, TrackingStatus | null>> = {
  [YurticiReturnStatus.notDelivered]: null,
  [YurticiReturnStatus.deliveredNoInvoice]: null,
  [YurticiReturnStatus.deliveredWithInvoice]: null,
  [YurticiReturnStatus.returnedToSender]: TrackingStatus.returnedToSender,
}

export function normalizeReturnStatus(returnStatus: string): TrackingStatus | null {
  return RETURN[returnStatus.trim()] ?? null
}
