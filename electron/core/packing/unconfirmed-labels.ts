import { sql } from 'kysely'
import type { UnconfirmedLabelView } from '../../../shared/contract/views'
import { AppError, ErrorCode } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'
import type { Db } from '../db/database'
import type { PrintQueueService } from '../printing/print-queue.service'

/**
 * Paid labels whose print outcome is unknown: order print jobs still 'printing' that this process is
 * not sending (a crash left them, or the link failed after bytes left and they await an answer).
 * Listed on the desk at start; a new order waits until each is answered or deferred by a supervisor.
 */
export async function listUnconfirmedLabels(
  db: Db,
  printQueue: Pick<PrintQueueService, 'isUnconfirmed'>,
  carrierNames: ReadonlyMap<string, string>,
  deferred: ReadonlySet<string>,
): Promise<UnconfirmedLabelView[]> {
  const rows = await db
    .selectFrom('print_jobs')
    .innerJoin('orders', 'orders.id', 'print_jobs.order_id')
    .leftJoin('shipments', 'shipments.id', 'print_jobs.shipment_id')
    .select([
      'print_jobs.id as jobId',
      'print_jobs.status as status',
      'print_jobs.error_code as errorCode',
      'orders.id as orderId',
      'orders.order_number as orderNumber',
      'orders.barcode as orderBarcode',
      'shipments.tracking_number as trackingNumber',
      'shipments.service_code as serviceCode',
      'shipments.carrier_id as carrierId',
    ])
    .where('print_jobs.status', '=', 'printing')
    .where('print_jobs.kind', '!=', 'test')
    .orderBy('print_jobs.created_at')
    .orderBy(sql`print_jobs.rowid`)
    .execute()
  return rows
    .filter((r) => printQueue.isUnconfirmed({ id: r.jobId, status: r.status, errorCode: r.errorCode }))
    .map((r) => ({
      jobId: r.jobId,
      orderId: r.orderId,
      orderNumber: r.orderNumber,
      orderBarcode: r.orderBarcode,
      carrierName: r.serviceCode ? (carrierNames.get(r.serviceCode) ?? r.carrierId) : (r.carrierId ?? null),
      trackingNumber: r.trackingNumber ?? null,
      deferred: deferred.has(r.jobId),
    }))
}

/** The listed labels still waiting for an answer (not deferred), leaving out the order being opened. */
export function awaitingAnswer(list: readonly UnconfirmedLabelView[], openingOrderId?: string): UnconfirmedLabelView[] {
  return list.filter((l) => !l.deferred && l.orderId !== openingOrderId)
}

/**
 * The refusal of a new order while labels await an answer. Its code is print.outcomeUnknown, so the
 * desk offers the same keys as for a live one (F5 printed, F2 print again), for the first listed label.
 */
export function unansweredLabelsError(waiting: readonly UnconfirmedLabelView[]): AppError {
  const first = waiting[0]!
  const numbers = waiting.map((l) => l.orderNumber).join(', ')
  return new AppError(ErrorCode.printOutcomeUnknown, msg('unconfirmed.answerFirst', { orders: numbers }), {
    meta: { jobId: first.jobId, orderId: first.orderId, orderNumber: first.orderNumber, waiting: waiting.length },
  })
}

/** Picks the label an answer is for: the given job, else the open order's, else the oldest listed. */
export function pickUnconfirmed(
  list: readonly UnconfirmedLabelView[],
  jobId: string | undefined,
  openOrderId: string | undefined,
): UnconfirmedLabelView | null {
  if (jobId !== undefined) {
    const job = list.find((l) => l.jobId === jobId)
    if (!job) throw new AppError(ErrorCode.wrongState, 'Bu etiket karar beklemiyor / This label is not awaiting an answer', { meta: { jobId } })
    return job
  }
  return list.find((l) => l.orderId === openOrderId) ?? list[0] ?? null
}
