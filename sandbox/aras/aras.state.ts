import type { LoggedHttpRequest } from '../common/http-emulator'

export type PieceRecord = Readonly<{ VolumetricWeight: string; Weight: string; BarcodeNumber: string; ProductNumber: string; Description: string }>

export type Movement = Readonly<{ atMs: number; unit: string; event: string; description: string }>

/** One order as the emulator stores it; mutable so SetOrder updates and the lifecycle can move it on. */
export type EmulatedOrder = {
  readonly username: string
  readonly integrationCode: string
  /** The Order's leaf fields as last received (UserName/Password included, as GetOrder echoes them). */
  fields: Record<string, string>
  pieces: PieceRecord[]
  /** SetOrder calls that stored this order (the first included); 935 past maxSends. */
  sends: number
  createdAtMs: number
  updatedAtMs: number
  invoiceKey: string
  cancelledAtMs: number | null
  /** 13 digits, from the waybill cut or GetBarcode, whichever came first. */
  trackingNumber: string | null
  /** DURUM_KODU; null while no branch has cut the waybill (the query service has no row then). */
  durum: number | null
  tip: '1' | '2' | '3'
  devir: string
  receivedBy: string
  deliveredAtMs: number | null
  movements: Movement[]
}

/** All mutable state of one emulator (nothing module-level). */
export class ArasState {
  readonly orders: EmulatedOrder[] = []
  readonly requests: LoggedHttpRequest[] = []
  /** Result codes queued per operation: the next call answers the code without doing anything. */
  private readonly resultQueue = new Map<string, { code: string; message: string }[]>()
  private invoiceSeq = 0
  private trackingSeq = 0

  constructor(private readonly firstTrackingNumber: number) {}

  find(integrationCode: string): EmulatedOrder | undefined {
    return this.orders.find((o) => o.integrationCode === integrationCode)
  }

  findByTracking(trackingNumber: string): EmulatedOrder | undefined {
    return this.orders.find((o) => o.trackingNumber === trackingNumber)
  }

  findByPieceBarcode(barcode: string): EmulatedOrder | undefined {
    return this.orders.find((o) => o.pieces.some((p) => p.BarcodeNumber === barcode))
  }

  add(order: EmulatedOrder): void {
    this.orders.push(order)
  }

  nextInvoiceKey(): string {
    this.invoiceSeq += 1
    return String(7_000_000 + this.invoiceSeq)
  }

  nextTrackingNumber(): string {
    return String(this.firstTrackingNumber + this.trackingSeq++).padStart(13, '0')
  }

  queueResult(operation: string, code: string, message: string): void {
    const q = this.resultQueue.get(operation) ?? []
    q.push({ code, message })
    this.resultQueue.set(operation, q)
  }

  takeResult(operation: string): { code: string; message: string } | undefined {
    return this.resultQueue.get(operation)?.shift()
  }
}
