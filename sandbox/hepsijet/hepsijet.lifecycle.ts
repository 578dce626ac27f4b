import { HjStatus } from './hepsijet.config'
import { currentStatus, type EmulatedDelivery, type TrackDetail } from './hepsijet.state'

/**
 * The status chain of docs/reference/carriers.md §14: NEO → ACCEPTED → OUT_FOR_DELIVERY → [FAILED_ATTEMPT] →
 * DELIVERED | RETURNED, plus DELETED (our delete) and CANCELLED (HepsiJET's own cancel). A new
 * delivery has no detail yet: its track status is "OK" (§6).
 */
const CHAIN: readonly string[] = ['OK', HjStatus.NEO, HjStatus.ACCEPTED, HjStatus.OUT_FOR_DELIVERY, HjStatus.DELIVERED]

export const FINAL_STATUSES: ReadonlySet<string> = new Set([HjStatus.DELIVERED, HjStatus.RETURNED, HjStatus.DELETED, HjStatus.CANCELLED])

/** Before pickup: the only states a delete (or a totalParcel change) is accepted in (our reading of §6/HJ-DOCS). */
export const BEFORE_PICKUP: ReadonlySet<string> = new Set(['OK', HjStatus.NEO])

const TR_OFFSET_MS = 3 * 3_600_000

/** ISO-8601 with +03:00, second precision, like "2023-02-14T18:00:35+03:00" in HJ-DOCS. */
export function trIsoDate(ms: number): string {
  return `${new Date(ms + TR_OFFSET_MS).toISOString().slice(0, 19)}+03:00`
}

function locationOf(d: EmulatedDelivery, status: string): string {
  switch (status) {
    case HjStatus.NEO:
      return `${d.senderXDock} Transfer Merkezi`
    case HjStatus.ACCEPTED:
      return `${d.companyName} Toplama Merkezi`
    case HjStatus.OUT_FOR_DELIVERY:
    case HjStatus.FAILED_ATTEMPT:
      return 'Dağıtım Aracında'
    case HjStatus.DELIVERED:
      return 'Alıcıda'
    case HjStatus.RETURNED:
      return `${d.companyName} Deposu`
    default:
      return `${d.recipient.town.toLocaleUpperCase('tr-TR')} Dağıtım Merkezi`
  }
}

export function addDetail(d: EmulatedDelivery, status: string, nowMs: number): TrackDetail {
  const detail: TrackDetail = { transactionLocation: locationOf(d, status), transactionDate: trIsoDate(nowMs), integrationStatus: status }
  if (status === HjStatus.DELIVERED) detail.deliveredPerson = d.receiverName
  d.details.push(detail)
  return detail
}

function step(d: EmulatedDelivery, nowMs: number): void {
  const s = currentStatus(d)
  // A failed attempt goes back out for delivery the next day.
  const next = s === HjStatus.FAILED_ATTEMPT ? HjStatus.OUT_FOR_DELIVERY : CHAIN[CHAIN.indexOf(s) + 1]
  if (!next) throw new Error(`delivery ${d.customerDeliveryNo} is ${s}: no next status`)
  addDetail(d, next, nowMs)
}

function walkTo(d: EmulatedDelivery, target: string, nowMs: number): void {
  const targetIndex = CHAIN.indexOf(target)
  while (CHAIN.indexOf(currentStatus(d)) < targetIndex || currentStatus(d) === HjStatus.FAILED_ATTEMPT) step(d, nowMs)
}

/**
 * Moves a delivery on: one step of the chain, or on to `to`. FAILED_ATTEMPT passes through
 * OUT_FOR_DELIVERY, RETURNED through ACCEPTED; DELETED/CANCELLED are set directly.
 */
export function advance(d: EmulatedDelivery, nowMs: number, to?: HjStatus): EmulatedDelivery {
  const s = currentStatus(d)
  if (FINAL_STATUSES.has(s)) throw new Error(`delivery ${d.customerDeliveryNo} is already ${s}`)
  if (to === undefined) {
    step(d, nowMs)
    return d
  }
  switch (to) {
    case HjStatus.DELETED:
    case HjStatus.CANCELLED:
      addDetail(d, to, nowMs)
      break
    case HjStatus.FAILED_ATTEMPT:
      if (s !== HjStatus.OUT_FOR_DELIVERY) walkTo(d, HjStatus.OUT_FOR_DELIVERY, nowMs)
      addDetail(d, to, nowMs)
      break
    case HjStatus.RETURNED:
      if (CHAIN.indexOf(s) < CHAIN.indexOf(HjStatus.ACCEPTED) && s !== HjStatus.FAILED_ATTEMPT) walkTo(d, HjStatus.ACCEPTED, nowMs)
      addDetail(d, to, nowMs)
      break
    default:
      if (CHAIN.indexOf(s) >= CHAIN.indexOf(to) && s !== HjStatus.FAILED_ATTEMPT) throw new Error(`delivery ${d.customerDeliveryNo} is ${s}, past ${to}`)
      walkTo(d, to, nowMs)
  }
  return d
}
