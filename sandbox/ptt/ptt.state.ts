import type { LoggedHttpRequest } from '../common/http-emulator'
import type { PttService, PttStatus } from './ptt.config'
import type { ValidDongu } from './ptt.validation'

/** One tracking event as gonderiSorgu lists it (docs/reference/carriers.md §4): siraNo, ISLEM, ITARIH dd/MM/yyyy, IMERK (+ ISAAT). */
export type PttEvent = { siraNo: number; ISLEM: string; ITARIH: string; ISAAT: string; IMERK: string }

export type PttSender = Readonly<{ name: string; address: string; city: string; district: string; phone: string }>

/** One parcel uploaded with kabulEkle2 under one range barcode: its dongu as validated (fields as received), and PTT's side. */
export type EmulatedPttShipment = Omit<ValidDongu, 'gonderici'> & {
  musteriId: number
  dosyaAdi: string
  sender: PttSender | null
  status: PttStatus
  events: PttEvent[]
  /** Who signed for it: set once delivered (TESALAN, §4). */
  tesalan: string | null
  createdAt: string
}

export type EmulatedPickup = Readonly<{
  siparisId: string
  musteriId: number
  adet: number
  fields: Readonly<Record<string, string | undefined>>
  gonderici: Readonly<Record<string, string | undefined>> | null
  at: string
}>

export type PttLoggedRequest = LoggedHttpRequest & { at: number; service: PttService | null; soapAction: string | null }

export class PttState {
  /** Every upload in order, deleted ones included (status "deleted"). */
  readonly shipments: EmulatedPttShipment[] = []
  readonly pickups: EmulatedPickup[] = []
  readonly requests: PttLoggedRequest[] = []
  /** The next N operations answer PTT's "system error" in HTTP 200 (emulator.injectSystemError). */
  systemErrors = 0
  private readonly live = new Map<string, EmulatedPttShipment>()
  private pickupSeq = 700_000

  /** The barcode's data unless it was deleted (barkodVeriSil frees the barcode). */
  find(barcode: string): EmulatedPttShipment | undefined {
    return this.live.get(barcode)
  }

  add(s: EmulatedPttShipment): void {
    this.shipments.push(s)
    this.live.set(s.barcode, s)
  }

  remove(s: EmulatedPttShipment): void {
    this.live.delete(s.barcode)
  }

  nextPickupId(): string {
    this.pickupSeq += 1
    return String(this.pickupSeq)
  }
}
