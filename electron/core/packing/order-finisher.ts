import { AppError, ErrorCode, toAppError } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'
import type { Db } from '../db/database'
import { appendAudit } from '../audit/audit.repository'
import { getOrder, setOrderStatus } from '../orders/orders.repository'
import { pendingPrintJobs } from '../printing/print-jobs.repository'
import type { PrintQueueService } from '../printing/print-queue.service'
import { getLiveShipment, listPurchasingShipments, type ShipmentRecord } from '../shipping/shipments.repository'
import type { ShipmentPurchaser } from '../shipping/shipment.purchaser'
import { OutboxKind, appendOutbox } from '../sync/outbox.repository'
import type { ResumeFailure } from './resume-failures'

export type FinishStage = 'shipmentCreated' | 'printed' | 'packed'

/**
 * Drives an order whose purchase intent is recorded to its end: carrier call (resumed with the same
 * idempotency key), label print (once, from the persistent queue), order packed. It reads where the
 * order stands from the database, so the same code finishes a live order and one left by a crash.
 */
export class OrderFinisher {
  /** Orders being advanced right now: the restart resume and the packer's re-scan must not drive one order twice at once. */
  private readonly advancing = new Set<string>()

  constructor(
    private readonly db: Db,
    private readonly purchaser: ShipmentPurchaser,
    private readonly printQueue: PrintQueueService,
  ) {}

  async advance(
    orderId: string,
    packerId: string | null,
    onStage?: (stage: FinishStage, shipment: ShipmentRecord) => void,
    /** Scan-back: stop once the label is printed; the packer's scan of it completes the order. */
    options: { stopAfterPrint?: boolean } = {},
  ): Promise<ShipmentRecord | null> {
    if (this.advancing.has(orderId)) {
      throw new AppError(ErrorCode.orderBusy, msg('order.labelBeingFinished'), { retryable: true, meta: { orderId } })
    }
    this.advancing.add(orderId)
    try {
      return await this.advanceOnce(orderId, packerId, onStage, options)
    } finally {
      this.advancing.delete(orderId)
    }
  }

  /** Whether an advance of this order is running (e.g. the resume after a restart). */
  isAdvancing(orderId: string): boolean {
    return this.advancing.has(orderId)
  }

  private async advanceOnce(
    orderId: string,
    packerId: string | null,
    onStage: ((stage: FinishStage, shipment: ShipmentRecord) => void) | undefined,
    options: { stopAfterPrint?: boolean },
  ): Promise<ShipmentRecord | null> {
    let shipment = await getLiveShipment(this.db, orderId)
    if (!shipment) return null
    // Labelled offline: the label exists; registering it with the carrier is the OfflineRegistrar's job.
    if (shipment.status === 'purchasing' && shipment.offlineLabelledAt === null) {
      shipment = (await this.purchaser.complete(shipment.id)).shipment
    }
    onStage?.('shipmentCreated', shipment)
    const jobs = (await pendingPrintJobs(this.db)).filter((j) => j.orderId === orderId)
    for (const job of jobs) await this.printQueue.printJob(job.id)
    onStage?.('printed', shipment)
    if (options.stopAfterPrint) return shipment
    const order = await getOrder(this.db, orderId)
    if (order && order.status !== 'packed') {
      const current = shipment
      await this.db.transaction().execute(async (trx) => {
        await setOrderStatus(trx, orderId, 'packed', packerId)
        await appendOutbox(trx, OutboxKind.orderPacked, orderId, {
          orderNumber: order.orderNumber,
          shipmentId: current.id,
          trackingNumber: current.trackingNumber,
          packerId,
        })
        await appendAudit(trx, { actorId: packerId, action: 'order.packed', orderId, detail: { trackingNumber: current.trackingNumber } })
      })
    }
    onStage?.('packed', shipment)
    return shipment
  }

  /**
   * Finishes what a crash left behind: unanswered purchases, unprinted labels, and orders whose label
   * printed but whose "packed" never committed (a kill between the two left them 'packing' with a
   * bought label, and nothing else would ever finish them: found by tests/chaos/sync-chaos.test.ts). With scan-back on
   * (`stopAfterPrint`) such an order waits at "printed" for the packer's scan of the label instead.
   * One order that cannot be finished (printer down, outcome unknown) does not hold up the others;
   * `onFailed` hears of it (the station logs it and shows it). Returns the order ids resumed.
   */
  async resumeInterrupted(options: { stopAfterPrint?: boolean; onFailed?: (failure: ResumeFailure) => void } = {}): Promise<string[]> {
    const orderIds = new Set<string>()
    for (const s of await listPurchasingShipments(this.db)) {
      // An offline-labelled shipment waits for the registrar; only its order's own finish may be left to do.
      if (s.offlineLabelledAt === null || (await getOrder(this.db, s.orderId))?.status !== 'packed') orderIds.add(s.orderId)
    }
    for (const j of await pendingPrintJobs(this.db)) if (j.kind === 'label' && j.orderId !== null) orderIds.add(j.orderId)
    if (!options.stopAfterPrint) for (const id of await listUnfinishedPurchasedOrders(this.db)) orderIds.add(id)
    const resumed: string[] = []
    for (const id of orderIds) {
      const order = await getOrder(this.db, id)
      try {
        await this.advance(id, null, undefined, options)
      } catch (err) {
        // Not lost: the order keeps its shipment and job, and the packer's re-scan of the order (or Retry)
        // finishes it; the caller logs it and puts it on screen. The rest still resume.
        options.onFailed?.({ orderId: id, orderNumber: order?.orderNumber ?? id, error: toAppError(err) })
        continue
      }
      await appendAudit(this.db, { actorId: null, action: 'order.resumedAfterRestart', orderId: id, detail: { orderNumber: order?.orderNumber } })
      resumed.push(id)
    }
    return resumed
  }
}

/** Orders with a bought (purchased) label that never reached 'packed' (nor were cancelled). */
async function listUnfinishedPurchasedOrders(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('shipments')
    .innerJoin('orders', 'orders.id', 'shipments.order_id')
    .select('shipments.order_id')
    .where('shipments.status', '=', 'purchased')
    .where('orders.status', 'not in', ['packed', 'cancelled'])
    .orderBy('shipments.created_at')
    .execute()
  return rows.map((r) => r.order_id)
}
