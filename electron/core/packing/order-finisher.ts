import type { Db } from '../db/database'
import { appendAudit } from '../audit/audit.repository'
import { getOrder, setOrderStatus } from '../orders/orders.repository'
import { pendingPrintJobs } from '../printing/print-jobs.repository'
import type { PrintQueueService } from '../printing/print-queue.service'
import { getLiveShipment, listPurchasingShipments, type ShipmentRecord } from '../shipping/shipments.repository'
import type { ShipmentPurchaser } from '../shipping/shipment.purchaser'
import { OutboxKind, appendOutbox } from '../sync/outbox.repository'

export type FinishStage = 'shipmentCreated' | 'printed' | 'packed'

/**
 * Drives an order whose purchase intent is recorded to its end: carrier call (resumed with the same
 * idempotency key), label print (once, from the persistent queue), order packed. It reads where the
 * order stands from the database, so the same code finishes a live order and one left by a crash.
 */
export class OrderFinisher {
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

  /** Finishes what a crash left behind: unanswered purchases and unprinted labels. Returns the order ids resumed. */
  async resumeInterrupted(): Promise<string[]> {
    const orderIds = new Set<string>()
    for (const s of await listPurchasingShipments(this.db)) {
      // An offline-labelled shipment waits for the registrar; only its order's own finish may be left to do.
      if (s.offlineLabelledAt === null || (await getOrder(this.db, s.orderId))?.status !== 'packed') orderIds.add(s.orderId)
    }
    for (const j of await pendingPrintJobs(this.db)) if (j.kind === 'label' && j.orderId !== null) orderIds.add(j.orderId)
    const resumed: string[] = []
    for (const id of orderIds) {
      const order = await getOrder(this.db, id)
      await this.advance(id, null)
      await appendAudit(this.db, { actorId: null, action: 'order.resumedAfterRestart', orderId: id, detail: { orderNumber: order?.orderNumber } })
      resumed.push(id)
    }
    return resumed
  }
}
