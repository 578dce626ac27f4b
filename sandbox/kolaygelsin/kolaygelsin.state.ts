import type { LoggedHttpRequest } from '../common/http-emulator'

/** A saved recipient (SaveRecipient, or the inline Recipient of SaveIntegrationShipmentV2). */
export type KgRecipient = {
  recipientId: number
  username: string
  recipientType: number
  name: string
  surname: string
  title: string
  gsm: string
  email: string
  cityId: number
  townName: string
  addressText: string
}

export type KgEventRecord = { type: number; atMs: number; location: string; detail: Record<string, string> }

export type KgItem = {
  shipmentItemId: string
  customerBarcode: string
  customerTrackingId: string
  width: number
  length: number
  height: number
  weight: number
  contentText: string
}

/** One shipment the emulator holds, in creation order (a repeated CustomerSpecificCode may appear twice). */
export type EmulatedKgShipment = {
  shipmentId: string
  username: string
  customerId: number
  addressId: number
  customerSpecificCode: string
  recipient: KgRecipient
  packageType: number
  payingParty: number
  /** SenderInvoiceAmount (lira), 0 without COD. */
  codAmount: number
  productCodes: string[]
  items: KgItem[]
  events: KgEventRecord[]
  /** Cancelled before pickup: the doc gives no event for it, so it shows only here. */
  cancelled: boolean
  /** The body as received, for tests that check field mapping. */
  body: Record<string, unknown>
  createdAtMs: number
}

export type KgLoggedRequest = LoggedHttpRequest & { at: number }

/** One webhook POST the emulator made: what it sent and what the merchant answered. */
export type KgWebhookDelivery = { body: Record<string, unknown>; status: number | null; error: string | null }

export class KgState {
  readonly shipments: EmulatedKgShipment[] = []
  readonly recipients: KgRecipient[] = []
  readonly requests: KgLoggedRequest[] = []
  readonly webhookDeliveries: KgWebhookDelivery[] = []
  private shipmentSeq = 9441
  private itemSeq = 70000
  private recipientSeq = 44
  private jobSeq = 0

  nextShipmentId(): string {
    this.shipmentSeq += 1
    return String(this.shipmentSeq)
  }

  nextItemId(): string {
    this.itemSeq += 1
    return String(this.itemSeq)
  }

  nextRecipientId(): number {
    this.recipientSeq += 1
    return this.recipientSeq
  }

  /** "S-KGTEST-2018-03-21-11-48-50-69885.12" as the doc's sample envelope. */
  nextJobId(nowMs: number): string {
    this.jobSeq += 1
    const t = new Date(nowMs + 3 * 3_600_000).toISOString()
    return `S-KGTEST-${t.slice(0, 10)}-${t.slice(11, 19).replaceAll(':', '-')}-${String(69_000 + this.jobSeq)}.${this.jobSeq % 100}`
  }

  findShipment(username: string | null, shipmentId: string): EmulatedKgShipment | undefined {
    return this.shipments.find((s) => (username === null || s.username === username) && s.shipmentId === shipmentId)
  }

  /** By ShipmentId, CustomerSpecificCode or a parcel's barcode/tracking id (the newest first). */
  findAny(key: string): EmulatedKgShipment | undefined {
    for (let i = this.shipments.length - 1; i >= 0; i--) {
      const s = this.shipments[i] as EmulatedKgShipment
      if (s.shipmentId === key || s.customerSpecificCode === key || s.items.some((it) => it.customerBarcode === key || it.customerTrackingId === key)) return s
    }
    return undefined
  }
}
