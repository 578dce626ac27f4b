import { trUpper } from '../../shared/domain/address'
import { PttStatus } from './ptt.config'
import type { EmulatedPttShipment } from './ptt.state'

/**
 * The life of an uploaded parcel (docs/reference/carriers.md §12 PTT column, §14): uploaded (tracking knows
 * nothing: "no BARNO yet") → accepted at the branch (the first "kabul" event) → in transit → out for
 * delivery → delivered (TESALAN set), with a failed attempt from out for delivery and a return path
 * (iade → göndericiye teslim). PTT has no status codes; the event texts are this emulator's wording,
 * chosen to exercise §12's keyword rules.
 */
const CHAIN: readonly PttStatus[] = [PttStatus.uploaded, PttStatus.accepted, PttStatus.inTransit, PttStatus.outForDelivery, PttStatus.delivered]

export const FINAL: ReadonlySet<PttStatus> = new Set([PttStatus.delivered, PttStatus.returned, PttStatus.deleted])

const TR_OFFSET_MS = 3 * 3_600_000

/** dd/MM/yyyy and HH:mm:ss in Turkey time (§4: ITARIH dd/MM/yyyy). */
export function trDateTime(ms: number): Readonly<{ date: string; time: string }> {
  const iso = new Date(ms + TR_OFFSET_MS).toISOString()
  return { date: `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`, time: iso.slice(11, 19) }
}

/** The PTT office of a district, as events (IMERK) and the delivery office (VMERK) name it. */
export const office = (name: string) => `${trUpper(name)} PTT MERKEZ MÜDÜRLÜĞÜ`

function eventFor(s: EmulatedPttShipment, status: PttStatus): Readonly<{ text: string; office: string }> {
  const origin = office(s.sender?.district ?? 'GÖNDERİCİ')
  switch (status) {
    case PttStatus.accepted:
      return { text: 'Kabul Edildi', office: origin }
    case PttStatus.inTransit:
      return { text: 'Aktarma Merkezine Ulaştı', office: 'ANKARA POSTA İŞLEME MERKEZİ' }
    case PttStatus.outForDelivery:
      return { text: 'Dağıtıma Çıkarıldı', office: office(s.ilce) }
    case PttStatus.failedAttempt:
      return { text: 'Alıcı Adreste Bulunamadı - Teslim Edilemedi', office: office(s.ilce) }
    case PttStatus.delivered:
      return { text: 'Teslim Edildi', office: office(s.ilce) }
    case PttStatus.returnInTransit:
      return { text: 'Göndericiye İade Yolunda', office: office(s.ilce) }
    case PttStatus.returned:
      return { text: 'Göndericiye Teslim Edildi', office: origin }
    default:
      throw new Error(`no event for ${status}`)
  }
}

function addEvent(s: EmulatedPttShipment, status: PttStatus, nowMs: number): void {
  const { text, office: at } = eventFor(s, status)
  const { date, time } = trDateTime(nowMs)
  s.events.push({ siraNo: s.events.length + 1, ISLEM: text, ITARIH: date, ISAAT: time, IMERK: at })
  s.status = status
  if (status === PttStatus.delivered) s.tesalan = s.aliciAdi
}

function step(s: EmulatedPttShipment, nowMs: number): void {
  // A failed attempt goes out for delivery again; a return in transit reaches the sender.
  if (s.status === PttStatus.failedAttempt) return addEvent(s, PttStatus.outForDelivery, nowMs)
  if (s.status === PttStatus.returnInTransit) return addEvent(s, PttStatus.returned, nowMs)
  const next = CHAIN[CHAIN.indexOf(s.status) + 1]
  if (!next) throw new Error(`shipment ${s.barcode} is ${s.status}: no next status`)
  addEvent(s, next, nowMs)
}

/**
 * One step along the chain, or on to `to`: failed_attempt passes through out_for_delivery, the
 * return path starts from wherever the parcel is after acceptance. Final states do not move.
 */
export function advance(s: EmulatedPttShipment, nowMs: number, to?: PttStatus): EmulatedPttShipment {
  if (FINAL.has(s.status)) throw new Error(`shipment ${s.barcode} is already ${s.status}`)
  if (to === undefined) {
    step(s, nowMs)
    return s
  }
  if (to === PttStatus.uploaded || to === PttStatus.deleted) throw new Error(`${to} is not reached by advancing (barkodVeriSil deletes)`)
  const walk = (target: PttStatus) => {
    while (CHAIN.indexOf(s.status) < CHAIN.indexOf(target) || s.status === PttStatus.failedAttempt) step(s, nowMs)
  }
  if (to === PttStatus.failedAttempt) {
    walk(PttStatus.outForDelivery)
    addEvent(s, to, nowMs)
  } else if (to === PttStatus.returnInTransit || to === PttStatus.returned) {
    if (s.status !== PttStatus.returnInTransit) {
      // A parcel returns from wherever it is once accepted, a failed attempt included.
      if (s.status === PttStatus.uploaded) walk(PttStatus.accepted)
      addEvent(s, PttStatus.returnInTransit, nowMs)
    }
    if (to === PttStatus.returned) addEvent(s, PttStatus.returned, nowMs)
  } else {
    if (CHAIN.indexOf(s.status) >= CHAIN.indexOf(to) && s.status !== PttStatus.failedAttempt)
      throw new Error(`shipment ${s.barcode} is ${s.status}, past ${to}`)
    walk(to)
  }
  return s
}
