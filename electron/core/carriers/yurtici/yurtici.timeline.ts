import { TrackingStatus } from '../../../../shared/domain/shipment'
import { currentTrackingStatus } from '../../../../shared/tracking/timeline'
import type { TrackingEvent } from '../carrier.port'
import type { ShippingDeliveryDetail } from './yurtici.schemas'
import { isReturnInProgress, normalizeCargoEvent, normalizeOperationStatus, normalizeRejectStatus, normalizeReturnStatus } from './yurtici.status'

// Turkey keeps UTC+3 all year since 2016; Yurtiçi's dates are local (YYYYMMDD, HHMMSS).
const TR_OFFSET_HOURS = 3

/** "20250314" + "153000" (Turkey time) → ISO-8601 UTC; null when the date is missing or malformed. */
export function trDateTimeToIso(date: string, time: string): string | null {
  const d = /^(\d{4})(\d{2})(\d{2})$/.exec(date.trim())
  if (!d) return null
  const t = /^(\d{2})(\d{2})(\d{2})?$/.exec(time.trim()) ?? ['', '00', '00', '00']
  const [y, mo, da] = [Number(d[1]), Number(d[2]), Number(d[3])]
  const [h, mi, s] = [Number(t[1]), Number(t[2]), Number(t[3] ?? '0')]
  if (mo < 1 || mo > 12 || da < 1 || da > 31 || h > 23 || mi > 59 || s > 59) return null
  return new Date(Date.UTC(y, mo - 1, da, h - TR_OFFSET_HOURS, mi, s)).toISOString()
}

function place(...parts: string[]): string | null {
  const joined = parts.filter((p) => p.trim() !== '').join(', ')
  return joined === '' ? null : joined
}

/**
 * One queryShipment row → a timeline, oldest first. Raw codes keep their field name
 * (`operationStatus=IND`, `eventId=YK`, `rejectStatus=0`, `returnStatus=3`) so the same digit from
 * two fields cannot be confused. Codes without a time of their own are stamped `observedAt`.
 */
export function yurticiTimeline(row: ShippingDeliveryDetail, observedAt: string): TrackingEvent[] {
  const item = row.shippingDeliveryItemDetailVO
  const out: TrackingEvent[] = []

  for (const e of item?.invDocCargoVOArray ?? []) {
    const reason = e.reasonId && e.reasonId !== 'OK' ? ` (${e.reasonName || e.reasonId})` : ''
    out.push({
      status: normalizeCargoEvent(e.eventId, e.eventName),
      rawCode: `eventId=${e.eventId}${e.reasonId ? ` reasonId=${e.reasonId}` : ''}`,
      rawText: `${e.eventName}${reason}`,
      at: trDateTimeToIso(e.eventDate, e.eventTime) ?? observedAt,
      location: place(e.townName, e.cityName) ?? place(e.unitName),
    })
  }

  const status = row.operationStatus.trim().toUpperCase()
  // Delivery and issue have their own times; any other status is as seen now.
  const statusAt =
    (status === 'DLV' && item ? trDateTimeToIso(item.deliveryDate, item.deliveryTime) : null) ??
    (status === 'IND' && item ? trDateTimeToIso(item.documentDate, item.documentTime) : null) ??
    observedAt
  out.push({
    status: normalizeOperationStatus(status, row.operationCode >= 0 ? row.operationCode : null),
    rawCode: `operationStatus=${status || row.operationCode}`,
    rawText: [row.operationMessage, status === 'DLV' ? item?.receiverInfo : ''].filter(Boolean).join(' / '),
    at: statusAt,
    location: status === 'DLV' && item ? place(item.arrivalUnitName) : null,
    // Yurtiçi's own present state: it decides the status even when a scan carries a later time.
    current: true,
  })

  if (item && item.rejectStatus !== '') {
    const reason = item.rejectReasonExplanation || item.rejectDescription
    // §12: the reason of a return under way (wrong address, unreachable, refused …) is a failed attempt.
    if (reason && isReturnInProgress(item.rejectStatus)) {
      out.push({ status: TrackingStatus.failedAttempt, rawCode: `rejectReason=${item.rejectStatus}`, rawText: reason, at: observedAt, location: null })
    }
    out.push({
      status: normalizeRejectStatus(item.rejectStatus),
      rawCode: `rejectStatus=${item.rejectStatus}`,
      rawText: item.rejectStatusExplanation,
      at: observedAt,
      location: null,
      current: true,
    })
  }
  if (item && item.returnStatus !== '') {
    out.push({
      status: normalizeReturnStatus(item.returnStatus),
      rawCode: `returnStatus=${item.returnStatus}`,
      rawText: item.returnStatusExplanation,
      // As seen now, like rejectStatus: a final 3 must not sort before an older return step.
      at: observedAt,
      location: null,
      current: true,
    })
  }
  // Stable sort: ties keep the order above, so the status read last stays last.
  return out
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at.localeCompare(b.e.at) || a.i - b.i)
    .map(({ e }) => e)
}

/**
 * The current normalized status: Yurtiçi's own fields (operationStatus, then a return under way or
 * closed per rejectStatus/returnStatus) when one maps to a status, whatever the scans' times (a
 * parcel read in_transit from a late "Kargo Yüklendi" scan while Yurtiçi said DLV);
 * otherwise the last scan that has one. Null codes keep the previous state.
 */
export function currentStatus(timeline: readonly TrackingEvent[]): TrackingStatus | null {
  return currentTrackingStatus(timeline)
}
