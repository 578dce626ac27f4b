import { trFold } from '../../../../shared/domain/address'
import { TrackingStatus } from '../../../../shared/domain/shipment'
import { ArasDurum, ArasTip, type ArasDevirCode } from '../../../../protocols/aras/aras.codes'

/**
 * Aras codes (protocols/aras/aras.codes.ts) → our tracking vocabulary (docs/reference/carriers.md §2 and the Aras
 * column of §12). Pure tables: a code not listed maps to null ("keep the previous status"); delivered comes
 * only from DURUM_KODU 6, never from event text or an unknown code.
 */

/** DURUM_KODU of a QueryResult.Cargo row. */
export const DURUM: Readonly<Record<string, TrackingStatus>> = {
  [ArasDurum.atOrigin]: TrackingStatus.pickedUp, // the waybill is cut
  [ArasDurum.onTheWay]: TrackingStatus.inTransit,
  [ArasDurum.atDeliveryBranch]: TrackingStatus.inTransit,
  [ArasDurum.outForDelivery]: TrackingStatus.outForDelivery,
  [ArasDurum.partial]: TrackingStatus.exception, // §12 lists it under exception, never delivered
  [ArasDurum.delivered]: TrackingStatus.delivered,
  [ArasDurum.redirected]: TrackingStatus.inTransit,
} satisfies Readonly<Record<ArasDurum, TrackingStatus>>

/** TIP_KODU: 1 normal and 2 redirected leave the status to DURUM_KODU; 3 is a return (§12). */
export const TIP: Readonly<Record<string, TrackingStatus | null>> = {
  [ArasTip.normal]: null,
  [ArasTip.redirected]: null,
  [ArasTip.returned]: TrackingStatus.returnInTransit,
} satisfies Readonly<Record<ArasTip, TrackingStatus | null>>

/**
 * DEVIR_KODU (non-delivery reasons, §2; their meanings in protocols/aras/aras.codes.ts). ŞA (customer collects
 * at the branch) and PR (Pratik 7/24 locker) are not placed by §12: null, so the row's DURUM_KODU speaks.
 */
export const DEVIR: Readonly<Record<string, TrackingStatus | null>> = {
  AY: TrackingStatus.failedAttempt,
  NT: TrackingStatus.failedAttempt,
  AA: TrackingStatus.failedAttempt,
  ÜR: TrackingStatus.failedAttempt,
  KE: TrackingStatus.failedAttempt,
  MD: TrackingStatus.delayed,
  TL: TrackingStatus.delayed,
  TG: TrackingStatus.delayed,
  KG: TrackingStatus.delayed,
  TT: TrackingStatus.delayed,
  TO: TrackingStatus.delayed,
  AD: TrackingStatus.exception,
  HT: TrackingStatus.exception,
  PS: TrackingStatus.exception,
  ŞA: null,
  PR: null,
} satisfies Readonly<Record<ArasDevirCode, TrackingStatus | null>>

/** Our pseudo codes for what Aras says without a status code (§12 created/cancelled/returned rows). */
export const ArasPseudoCode = {
  /** SetOrder stored, no waybill yet: the query service has no record (§12 "no record / before waybill"). */
  order: 'ORDER',
  /** CancelDispatch answered 0/1/405. */
  cancelled: 'CANCELLED',
  /** Listed by QueryType 8 (returned to sender). */
  returned: 'RETURNED',
} as const

const PSEUDO: Readonly<Record<string, TrackingStatus>> = {
  ORDER: TrackingStatus.created,
  CANCELLED: TrackingStatus.cancelled,
  RETURNED: TrackingStatus.returnedToSender,
}

/** Devir codes arrive with or without Turkish letters (ÜR/UR, ŞA/SA). */
export function devirKey(raw: string): string {
  const up = raw.trim().toLocaleUpperCase('tr-TR')
  if (up === 'UR') return 'ÜR'
  if (up === 'SA') return 'ŞA'
  return up
}

export type ArasCargoCodes = Readonly<{ durum: string; tip: string; devir: string }>

/**
 * A Cargo row's codes together: a return (TIP 3) wins, finished (DURUM 6) when it is back with the
 * sender; then delivered (DURUM 6); then a non-delivery reason; then DURUM_KODU.
 */
export function normalizeArasCargo(codes: ArasCargoCodes): TrackingStatus | null {
  const durum = codes.durum.trim()
  if (codes.tip.trim() === ArasTip.returned) return durum === ArasDurum.delivered ? TrackingStatus.returnedToSender : TrackingStatus.returnInTransit
  if (durum === ArasDurum.delivered) return TrackingStatus.delivered
  const devir = codes.devir.trim() === '' ? null : (DEVIR[devirKey(codes.devir)] ?? null)
  return devir ?? DURUM[durum] ?? null
}

/** What a movement's text can safely say (§12 keyword rules, minus "teslim edildi": never delivered from text). */
export function normalizeArasText(rawText: string): TrackingStatus | null {
  const t = trFold(rawText)
  if (t.includes('teslim edilemedi')) return TrackingStatus.failedAttempt
  if (/(^|\s)iade/.test(t)) return TrackingStatus.returnInTransit
  if (t.includes('dagitim')) return TrackingStatus.outForDelivery
  return null
}

/**
 * rawCode is what our timeline stores: `DURUM_KODU:4;DEVIR_KODU:AY;TIP_KODU:1` (any subset, any
 * order; a bare digit is a DURUM_KODU, bare letters a DEVIR_KODU) or a pseudo code (ORDER,
 * CANCELLED, RETURNED). An empty code falls back to the text rules.
 */
export function normalizeArasStatus(rawCode: string, rawText: string): TrackingStatus | null {
  const c = rawCode.trim()
  if (c === '') return normalizeArasText(rawText)
  const pseudo = PSEUDO[c.toUpperCase()]
  if (pseudo) return pseudo
  const codes = { durum: '', tip: '', devir: '' }
  for (const part of c.split(';')) {
    const [k, v] = part.includes(':') ? (part.split(':', 2) as [string, string]) : [/^\d+$/.test(part.trim()) ? 'DURUM_KODU' : 'DEVIR_KODU', part]
    const key = k.trim().toUpperCase()
    if (key === 'DURUM_KODU') codes.durum = v.trim()
    else if (key === 'TIP_KODU') codes.tip = v.trim()
    else if (key === 'DEVIR_KODU') codes.devir = v.trim()
    else return null // a family we do not know: keep the previous status
  }
  return normalizeArasCargo(codes)
}

/** The rawCode our timeline stores for a Cargo row (empty parts left out). */
export function cargoRawCode(codes: ArasCargoCodes): string {
  return [
    codes.durum.trim() && `DURUM_KODU:${codes.durum.trim()}`,
    codes.tip.trim() && `TIP_KODU:${codes.tip.trim()}`,
    codes.devir.trim() && `DEVIR_KODU:${codes.devir.trim()}`,
  ]
    .filter(Boolean)
    .join(';')
}
