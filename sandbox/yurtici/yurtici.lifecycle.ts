import { YurticiOperationCode, type YurticiRejectCode, type YurticiReturnCode } from '../../protocols/yurtici/yurtici.codes'
import type { ResolvedOptions } from './yurtici.config'
import type { EmulatedShipment, StoredStatus, YurticiState } from './yurtici.state'

/**
 * The shipment state machine of docs/reference/carriers.md §1/§14: NOP → ISR → IND (docId, events YK/IN, tracking
 * URL) → DLV, with BI (invoice cancelled by the branch) after IND, and the return path through
 * rejectStatus/returnStatus. Test hooks drive it; the real service moves when the branch scans.
 */

/** operationStatus → operationCode and message (codes from §1 [YK-DOC]; IND's text is the doc's, the rest ours). */
export const OPERATION = {
  NOP: { code: YurticiOperationCode.NOP, message: 'Kargo işlem görmemiş.' },
  IND: { code: YurticiOperationCode.IND, message: 'Kargo teslimattadır.' },
  ISR: { code: YurticiOperationCode.ISR, message: 'Kargo işlem görmüş, faturası henüz düzenlenmemiştir.' },
  CNL: { code: YurticiOperationCode.CNL, message: 'Kargo çıkışı engellendi.' },
  ISC: { code: YurticiOperationCode.ISC, message: 'Kargo daha önceden iptal edilmiştir.' },
  DLV: { code: YurticiOperationCode.DLV, message: 'Kargo teslim edilmiştir.' },
  BI: { code: YurticiOperationCode.BI, message: 'Kargo faturası şube tarafından iptal edilmiştir.' },
} as const

/** rejectStatus texts (the values: protocols/yurtici/yurtici.codes.ts, from §1; wording ours). */
export const REJECT_TEXT: Readonly<Record<string, string>> = {
  '0': 'İade talep edildi',
  '1': 'Çıkış şubesi onayladı',
  '2': 'Bölge onayladı',
  '3': 'Müşteri onayladı',
  '4': 'İade beklemede',
  '7': 'Teslimat iptali',
  '8': 'Borç iptali',
  '9': 'İade edildi',
  '10': 'İade kapandı',
  '11': 'İade reddedildi',
} satisfies Readonly<Record<YurticiRejectCode, string>>

/** returnStatus texts (the values: protocols/yurtici/yurtici.codes.ts, from §1; wording ours). */
export const RETURN_TEXT: Readonly<Record<string, string>> = {
  '0': 'Teslim edilmedi, iade faturası yok',
  '1': 'Teslim edildi, iade faturası yok',
  '2': 'Teslim edildi, iade faturası var',
  '3': 'Göndericiye iade edildi',
} satisfies Readonly<Record<YurticiReturnCode, string>>

// Turkey is UTC+3 all year; Yurtiçi's dates are local YYYYMMDD / HHMMSS.
export function trDateTime(ms: number): { date: string; time: string } {
  const iso = new Date(ms + 3 * 3600_000).toISOString()
  return { date: iso.slice(0, 10).replaceAll('-', ''), time: iso.slice(11, 19).replaceAll(':', '') }
}

const FORWARD: readonly StoredStatus[] = ['NOP', 'ISR', 'IND', 'DLV']

function issue(s: EmulatedShipment, opts: ResolvedOptions, state: YurticiState): void {
  const { date, time } = trDateTime(opts.now())
  const u = opts.departureUnit
  const arrivalCity = (s.order.cityName ?? '').toLocaleUpperCase('tr-TR')
  const arrivalTown = (s.order.townName ?? '').toLocaleUpperCase('tr-TR')
  s.docId = state.nextDocId()
  s.documentDate = date
  s.documentTime = time
  s.returnStatus = '0'
  // The two event ids the doc publishes: YK loaded at the origin, IN unloaded at the destination.
  s.events.push(
    {
      unitId: u.id,
      unitName: u.name,
      eventId: 'YK',
      eventName: 'Kargo Yüklendi',
      reasonId: 'OK',
      reasonName: 'Sorun Yok',
      eventDate: date,
      eventTime: time,
      cityName: u.city,
      townName: u.town,
    },
    {
      unitId: '2210',
      unitName: arrivalTown || arrivalCity,
      eventId: 'IN',
      eventName: 'Kargo İndirildi',
      reasonId: 'OK',
      reasonName: 'Sorun Yok',
      eventDate: date,
      eventTime: time,
      cityName: arrivalCity,
      townName: arrivalTown,
    },
  )
}

function step(s: EmulatedShipment, to: StoredStatus, opts: ResolvedOptions, state: YurticiState): void {
  if (to === 'IND') issue(s, opts, state)
  if (to === 'DLV') {
    const { date, time } = trDateTime(opts.now())
    s.deliveryDate = date
    s.deliveryTime = time
    s.receiverInfo = (s.order.receiverCustName ?? '').toLocaleUpperCase('tr-TR')
    s.returnStatus = '1'
  }
  s.status = to
}

/**
 * Moves a shipment on: to the next forward status, or through the forward chain to `to`
 * (ISR, IND, DLV), or to BI from IND. Throws with a reason when the move is not possible.
 */
export function advance(s: EmulatedShipment, opts: ResolvedOptions, state: YurticiState, to?: string): void {
  const at = FORWARD.indexOf(s.status)
  if (to === 'BI') {
    if (s.status !== 'IND') throw new Error(`BI needs an issued (IND) shipment; ${s.cargoKey} is ${s.status}`)
    s.status = 'BI'
    return
  }
  if (at < 0 || at === FORWARD.length - 1) throw new Error(`${s.cargoKey} is ${s.status}; it does not move on`)
  const target = to === undefined ? FORWARD[at + 1] : (to as StoredStatus)
  const goal = FORWARD.indexOf(target as StoredStatus)
  if (goal <= at) throw new Error(`cannot move ${s.cargoKey} from ${s.status} to ${to}`)
  for (let i = at + 1; i <= goal; i++) step(s, FORWARD[i] as StoredStatus, opts, state)
}

/** §1: a cancel of an issued (IND) shipment becomes a return request; the status stays IND. */
export function requestReturn(s: EmulatedShipment): void {
  if (s.rejectStatus === '') s.rejectStatus = '0'
}

export type ReturnPatch = Readonly<{ rejectStatus?: string; rejectReason?: string; returnStatus?: string }>

/** The return path (rejectStatus/returnStatus); only issued shipments have one. */
export function setReturn(s: EmulatedShipment, patch: ReturnPatch, state: YurticiState): void {
  if (s.docId === null) throw new Error(`${s.cargoKey} has not been issued (${s.status}); it has no return path`)
  if (patch.rejectStatus !== undefined && !(patch.rejectStatus in REJECT_TEXT)) throw new Error(`unknown rejectStatus ${patch.rejectStatus}`)
  if (patch.returnStatus !== undefined && !(patch.returnStatus in RETURN_TEXT)) throw new Error(`unknown returnStatus ${patch.returnStatus}`)
  if (patch.rejectStatus !== undefined) s.rejectStatus = patch.rejectStatus
  if (patch.rejectReason !== undefined) s.rejectReason = patch.rejectReason
  if (patch.returnStatus !== undefined) {
    s.returnStatus = patch.returnStatus
    if (patch.returnStatus === '3' && s.returnDocId === '') s.returnDocId = state.nextDocId()
  }
}
