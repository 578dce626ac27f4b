import { AppError, ErrorCode } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'
import { appendAudit } from '../audit/audit.repository'
import type { Db } from '../db/database'
import { findOrderByCode } from '../orders/orders.repository'
import { enqueuePrintJob } from '../printing/print-jobs.repository'
import type { PrintQueueService } from '../printing/print-queue.service'
import { getLiveShipment } from '../shipping/shipments.repository'
import { OutboxKind, appendOutbox } from '../sync/outbox.repository'
import { pieceOf } from './parcel-label'

/** What was reprinted: the job, and which parcel of how many (1/1 for a single-parcel order). */
export type Reprinted = Readonly<{ jobId: string; index: number; count: number }>

/**
 * Reprint is an explicit, audited action: it re-sends the label already bought, never buys another,
 * and only once the label has printed (a label still owed to the printer is printed by retry).
 */
export class ReprintService {
  constructor(
    private readonly db: Db,
    private readonly printQueue: PrintQueueService,
  ) {}

  /** How many parcel labels the order's shipment printed (1 for a single-parcel order, or none found). */
  async parcelCount(orderCode: string): Promise<number> {
    const order = await findOrderByCode(this.db, orderCode)
    const shipment = order ? await getLiveShipment(this.db, order.id) : null
    return shipment ? Math.max(1, (await this.labelsOf(shipment.id)).length) : 1
  }

  /** The shipment's label jobs, one per parcel, by parcel (the first job stored for each). */
  private async labelsOf(shipmentId: string): Promise<{ payload: Uint8Array; expected_barcode: string | null; index: number }[]> {
    const jobs = await this.db
      .selectFrom('print_jobs')
      .select(['payload', 'expected_barcode'])
      .where('shipment_id', '=', shipmentId)
      .where('kind', '=', 'label')
      .orderBy('created_at')
      .execute()
    const byIndex = new Map<number, { payload: Uint8Array; expected_barcode: string | null; index: number }>()
    for (const j of jobs) {
      const index = pieceOf(Buffer.from(j.payload).toString('utf8'))?.index ?? 1
      if (!byIndex.has(index)) byIndex.set(index, { ...j, index })
    }
    return [...byIndex.values()].sort((a, b) => a.index - b.index)
  }

  /** Reprints the order's label; for a multi-parcel order, parcel `parcel` (default the last one's). */
  async reprint(orderCode: string, actorId: string, reason: string, parcel?: number): Promise<Reprinted> {
    const order = await findOrderByCode(this.db, orderCode)
    if (!order) throw new AppError(ErrorCode.orderUnknown, msg('order.unknownCode', { code: orderCode }), { meta: { code: orderCode } })
    const shipment = await getLiveShipment(this.db, order.id)
    // A purchased shipment always has its tracking number; the check keeps the label.reprinted event valid for the cloud.
    const trackingNumber = shipment?.status === 'purchased' ? shipment.trackingNumber : null
    if (!shipment || !trackingNumber) {
      throw new AppError(ErrorCode.notFound, msg('reprint.noLabel', { orderNumber: order.orderNumber }), { meta: { code: orderCode } })
    }
    // A label still owed to the printer (queued after paper-out, or awaiting the operator's answer)
    // is not a reprint: a second copy would come out once the first prints. F2 prints the owed one.
    const owed = await this.db
      .selectFrom('print_jobs')
      .select(['id', 'status'])
      .where('order_id', '=', order.id)
      .where('kind', 'in', ['label', 'reprint'])
      .where('status', 'in', ['queued', 'printing'])
      .executeTakeFirst()
    if (owed) {
      throw new AppError(ErrorCode.wrongState, msg('reprint.notPrintedYet', { orderNumber: order.orderNumber }), {
        meta: { code: orderCode, orderNumber: order.orderNumber, jobId: owed.id, jobStatus: owed.status },
      })
    }
    const labels = await this.labelsOf(shipment.id)
    if (labels.length === 0) throw new AppError(ErrorCode.notFound, msg('reprint.noStoredLabel', { orderNumber: order.orderNumber }))
    const original = parcel === undefined ? labels.at(-1)! : labels.find((l) => l.index === parcel)
    if (!original) {
      throw new AppError(ErrorCode.notFound, msg('packing.noSuchParcel', { index: parcel ?? 0, count: labels.length }), { meta: { code: orderCode, parcel } })
    }
    const jobId = await this.db.transaction().execute(async (trx) => {
      const id = await enqueuePrintJob(trx, {
        orderId: order.id,
        shipmentId: shipment.id,
        kind: 'reprint',
        printerUri: this.printQueue.uri,
        payload: original.payload,
        expectedBarcode: original.expected_barcode,
        requestedBy: actorId,
      })
      const detail = {
        reason,
        trackingNumber: shipment.trackingNumber,
        jobId: id,
        ...(labels.length > 1 ? { parcel: original.index, parcels: labels.length } : {}),
      }
      await appendAudit(trx, { actorId, action: 'label.reprint', orderId: order.id, detail })
      await appendOutbox(trx, OutboxKind.labelReprinted, order.id, { orderNumber: order.orderNumber, trackingNumber, reason, actorId })
      return id
    })
    await this.printQueue.printJob(jobId)
    return { jobId, index: original.index, count: labels.length }
  }
}
