import { AppError, ErrorCode } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'
import { appendAudit } from '../audit/audit.repository'
import type { Db } from '../db/database'
import { findOrderByCode } from '../orders/orders.repository'
import { enqueuePrintJob } from '../printing/print-jobs.repository'
import type { PrintQueueService } from '../printing/print-queue.service'
import { getLiveShipment } from '../shipping/shipments.repository'
import { OutboxKind, appendOutbox } from '../sync/outbox.repository'

/**
 * Reprint is an explicit, audited action: it re-sends the label already bought, never buys another,
 * and only once the label has printed (a label still owed to the printer is printed by retry).
 */
export class ReprintService {
  constructor(
    private readonly db: Db,
    private readonly printQueue: PrintQueueService,
  ) {}

  async reprint(orderCode: string, actorId: string, reason: string): Promise<string> {
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
    const original = await this.db
      .selectFrom('print_jobs')
      .select(['payload', 'expected_barcode'])
      .where('shipment_id', '=', shipment.id)
      .where('kind', '=', 'label')
      .orderBy('created_at', 'desc')
      .executeTakeFirst()
    if (!original) throw new AppError(ErrorCode.notFound, msg('reprint.noStoredLabel', { orderNumber: order.orderNumber }))
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
      await appendAudit(trx, { actorId, action: 'label.reprint', orderId: order.id, detail: { reason, trackingNumber: shipment.trackingNumber, jobId: id } })
      await appendOutbox(trx, OutboxKind.labelReprinted, order.id, { orderNumber: order.orderNumber, trackingNumber, reason, actorId })
      return id
    })
    await this.printQueue.printJob(jobId)
    return jobId
  }
}
