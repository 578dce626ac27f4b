import { FaultPlan, type LoggedHttpRequest } from '../common/http-emulator'
import type { YurticiFault } from './yurtici.config'

/** The statuses a stored shipment can be in (ISC is only ever an answer: "already cancelled"). */
export type StoredStatus = 'NOP' | 'ISR' | 'IND' | 'CNL' | 'DLV' | 'BI'

export type CargoEvent = Readonly<{
  unitId: string
  unitName: string
  eventId: string
  eventName: string
  reasonId: string
  reasonName: string
  eventDate: string
  eventTime: string
  cityName: string
  townName: string
}>

/** One parcel as the emulator stores it; mutable so the lifecycle can move it on. */
export type EmulatedShipment = {
  readonly senderCustId: number
  readonly username: string
  readonly cargoKey: string
  readonly invoiceKey: string
  readonly jobId: number
  /** The ShippingOrderVO as received (element → text). */
  readonly order: Readonly<Record<string, string>>
  readonly createdAt: string
  status: StoredStatus
  docId: string | null
  documentDate: string
  documentTime: string
  events: CargoEvent[]
  deliveryDate: string
  deliveryTime: string
  receiverInfo: string
  rejectStatus: string
  rejectReason: string
  returnStatus: string
  returnDocId: string
}

/** One request as the emulator saw it: the body with the wsPassword content replaced by [redacted], the WS user. */
export type LoggedRequest = LoggedHttpRequest<YurticiFault> & { username: string | null }

export type ReturnCode = Readonly<{ fieldName: string; returnCode: string; startDate: string; endDate: string; maxCount: number; senderCustId: number }>

/** All mutable state of one emulator instance (nothing is module-level). */
export class YurticiState {
  /** In creation order. */
  readonly shipments: EmulatedShipment[] = []
  readonly requests: LoggedRequest[] = []
  readonly returnCodes: ReturnCode[] = []
  private readonly byKey = new Map<string, EmulatedShipment>()
  private readonly lastQueried = new Map<string, number>()
  /** Faults for the coming SOAP requests (the shared plan of sandbox/common/http-emulator.ts). */
  readonly faults = new FaultPlan<YurticiFault>()
  private jobs = 0
  private docs = 0

  constructor(
    private readonly firstJobId: number,
    private readonly firstDocId: number,
  ) {}

  find(senderCustId: number, cargoKey: string): EmulatedShipment | undefined {
    return this.byKey.get(`${senderCustId}\n${cargoKey}`)
  }

  byInvoiceKey(senderCustId: number, invoiceKey: string): EmulatedShipment[] {
    return this.shipments.filter((s) => s.senderCustId === senderCustId && s.invoiceKey === invoiceKey)
  }

  /** For test hooks: the first parcel with this cargoKey, whoever owns it (or the given customer's). */
  anyByCargoKey(cargoKey: string, senderCustId?: number): EmulatedShipment | undefined {
    return this.shipments.find((s) => s.cargoKey === cargoKey && (senderCustId === undefined || s.senderCustId === senderCustId))
  }

  add(s: EmulatedShipment): void {
    this.shipments.push(s)
    this.byKey.set(`${s.senderCustId}\n${s.cargoKey}`, s)
  }

  nextJobId(): number {
    return this.firstJobId + this.jobs++
  }

  nextDocId(): string {
    return String(this.firstDocId + this.docs++).padStart(12, '0')
  }

  /** §1 throttle: true when any of `keys` was queried by this user within the window; else records them. */
  throttled(scope: string, keys: readonly string[], nowMs: number, windowMs: number): boolean {
    if (keys.some((k) => nowMs - (this.lastQueried.get(`${scope}\n${k}`) ?? Number.NEGATIVE_INFINITY) < windowMs)) return true
    for (const k of keys) this.lastQueried.set(`${scope}\n${k}`, nowMs)
    return false
  }
}
