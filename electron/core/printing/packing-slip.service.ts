import type { ReceiptCodePage, ReceiptStatusView } from '../../../shared/contract/views'
import { Emitter } from '../../../shared/emitter'
import { AppError, ErrorCode, toAppError } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'
import { appendAudit } from '../audit/audit.repository'
import type { Db } from '../db/database'
import type { EscPosStatus } from '../devices/receipt/escpos.printer'
import { buildPackingSlip, type PackingSlipInput } from '../devices/receipt/packing-slip.escpos'
import { findOrderByCode, getOrder } from '../orders/orders.repository'
import { getLiveShipment } from '../shipping/shipments.repository'

/** The receipt printer as the slip service uses it (EscPosPrinter in production). */
export interface ReceiptPrinter {
  readonly uri: string
  /** Sends a finished slip; rejects with a printer.* AppError (paper out, silent, offline). */
  print(slip: Uint8Array): Promise<void>
  /** GS r 1; rejects with printer.timeout when the printer stays silent. */
  status(): Promise<EscPosStatus>
}

export type PackingSlipServiceOptions = Readonly<{
  db: Db
  printer: ReceiptPrinter
  codePage: ReceiptCodePage
  widthChars: 48 | 32
  /** Shop or warehouse name at the top of each slip. */
  header: string | null
  /** Service code → carrier name printed on the slip. */
  carrierNames: ReadonlyMap<string, string>
  now?: () => Date
}>

/** Orders whose slip is missing that the status keeps, newest first. */
const MAX_UNPRINTED = 20

/**
 * Packing slips on the desk's ESC/POS receipt printer: one after each packed order, and
 * again on request (audited). A slip never holds up packing: a failure is kept as the receipt
 * printer's problem with the order in `unprintedOrders`, shown in the device status, and cleared by
 * a reprint. Slips are sent one at a time, in order.
 */
export class PackingSlipService {
  private readonly changed = new Emitter<ReceiptStatusView>()
  readonly onDidChange = this.changed.event
  private ready: boolean | null = null
  private problem: AppError | null = null
  private unprinted: string[] = []
  private chain: Promise<unknown> = Promise.resolve()
  private readonly now: () => Date

  constructor(private readonly options: PackingSlipServiceOptions) {
    this.now = options.now ?? (() => new Date())
  }

  get uri(): string {
    return this.options.printer.uri
  }

  view(): ReceiptStatusView {
    return { uri: this.uri, ready: this.ready, problem: this.problem?.message ?? null, unprintedOrders: [...this.unprinted] }
  }

  currentProblem(): AppError | null {
    return this.problem
  }

  /** After a packed order: prints its slip; a failure is recorded, never thrown. */
  async printAfterPack(orderId: string): Promise<void> {
    try {
      await this.printOrder(orderId, 'pack')
    } catch {
      // Already recorded in the receipt status by printOrder; packing goes on.
    }
  }

  /** The slip of a packed order again, at the packer's request; audited. Throws the printer's problem. */
  async reprint(orderCode: string, actorId: string): Promise<{ orderNumber: string; printerUri: string }> {
    const order = await findOrderByCode(this.options.db, orderCode)
    if (!order) throw new AppError(ErrorCode.orderUnknown, msg('order.unknownCode', { code: orderCode }), { meta: { code: orderCode } })
    await appendAudit(this.options.db, { actorId, action: 'slip.reprint', orderId: order.id, detail: { orderNumber: order.orderNumber, printerUri: this.uri } })
    await this.printOrder(order.id, 'reprint')
    return { orderNumber: order.orderNumber, printerUri: this.uri }
  }

  /** Asks the printer for its paper status (GS r 1); records the outcome. */
  async refreshStatus(): Promise<EscPosStatus | null> {
    try {
      const status = await this.options.printer.status()
      this.ready = !status.paperOut
      this.problem = status.paperOut ? new AppError(ErrorCode.printerPaperOut, msg('receipt.paperOut'), { retryable: true, meta: { uri: this.uri } }) : null
      this.emit()
      return status
    } catch (err) {
      this.ready = false
      this.problem = toAppError(err)
      this.emit()
      return null
    }
  }

  dispose(): void {
    this.changed.dispose()
  }

  /** A slip that cannot even be built after packing is a missing slip too; on reprint it is just a refusal. */
  private printOrder(orderId: string, origin: 'pack' | 'reprint'): Promise<void> {
    const run = this.chain.then(async () => {
      const input = await this.slipInput(orderId).catch((err: unknown) => {
        if (origin === 'pack') this.record(toAppError(err), null)
        throw err
      })
      try {
        await this.options.printer.print(buildPackingSlip(input, { codePage: this.options.codePage, widthChars: this.options.widthChars }))
      } catch (err) {
        const e = toAppError(err)
        this.record(
          new AppError(e.code, msg('receipt.slipNotPrinted', { orderNumber: input.orderNumber, detail: e.message }), {
            retryable: true,
            meta: { ...e.meta, orderNumber: input.orderNumber },
            cause: err,
          }),
          input.orderNumber,
        )
        throw e
      }
      this.ready = true
      this.problem = null
      this.unprinted = this.unprinted.filter((n) => n !== input.orderNumber)
      this.emit()
    })
    this.chain = run.catch(() => undefined) // the caller gets the failure; the next slip still runs
    return run
  }

  private record(problem: AppError, orderNumber: string | null): void {
    this.ready = false
    this.problem = problem
    if (orderNumber) this.unprinted = [orderNumber, ...this.unprinted.filter((n) => n !== orderNumber)].slice(0, MAX_UNPRINTED)
    this.emit()
  }

  /** Order lines, recipient and the purchased shipment, as the slip prints them. */
  private async slipInput(orderId: string): Promise<PackingSlipInput> {
    const { db, carrierNames, header } = this.options
    const order = await getOrder(db, orderId)
    if (!order) throw new AppError(ErrorCode.orderUnknown, msg('order.unknown'), { meta: { orderId } })
    const shipment = await getLiveShipment(db, orderId)
    if (!shipment || shipment.status !== 'purchased' || !shipment.trackingNumber) {
      throw new AppError(ErrorCode.wrongState, msg('slip.noLabel', { orderNumber: order.orderNumber }), {
        meta: { orderNumber: order.orderNumber },
      })
    }
    return {
      orderNumber: order.orderNumber,
      date: this.now(),
      items: order.lines.map((l) => ({ name: l.name, sku: l.sku, quantity: l.quantity })),
      recipient: {
        name: order.recipient.name,
        address: order.recipient.address,
        district: order.recipient.district,
        city: order.recipient.city,
        phone: order.recipient.phone,
      },
      carrier: carrierNames.get(shipment.serviceCode) ?? shipment.carrierId,
      trackingNumber: shipment.trackingNumber,
      barcode: shipment.barcode ?? shipment.trackingNumber,
      codAmountKurus: order.codAmountKurus,
      header: header ?? undefined,
    }
  }

  private emit(): void {
    this.changed.fire(this.view())
  }
}
