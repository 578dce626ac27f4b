import { randomUUID } from 'node:crypto'
import type { Order } from '../../../shared/domain/order'
import { AppError, ErrorCode, toAppError } from '../../../shared/errors'
import type { CarrierConnector, CreatedShipment, ShipmentRequest } from '../carriers/carrier.port'
import type { Piece } from '../packing/parcel-label'
import { capabilitiesOf } from '../carriers/carrier-capabilities'
import type { Db, DbOrTrx } from '../db/database'
import { appendAudit } from '../audit/audit.repository'
import { getOrder } from '../orders/orders.repository'
import { enqueuePrintJob } from '../printing/print-jobs.repository'
import { OutboxKind, appendOutbox } from '../sync/outbox.repository'
import {
  getShipment,
  insertPurchasingShipment,
  markShipmentAttempt,
  markShipmentFailed,
  markShipmentLabelledOffline,
  markShipmentPurchased,
  noteShipmentError,
  type ShipmentRecord,
} from './shipments.repository'

/** Named points in the purchase where a test may crash the process (SIGKILL) to prove recovery. */
export type PurchaseCheckpoint = 'beforeCarrierCall' | 'afterCarrierResponse' | 'afterShipmentCommit'

export type LabelComposer = (input: {
  order: Order
  request: ShipmentRequest
  created: CreatedShipment
  /** The desk label's caption before the code (a return slip's). */ trackingCaption?: string
  /** One parcel of a multi-parcel shipment: its label is marked "KOLİ i/N" (packing/parcel-label.ts). */
  piece?: Piece
}) => Promise<{ payload: Uint8Array; expectedBarcode: string }>

export type PurchaserDeps = Readonly<{
  db: Db
  connectors: ReadonlyMap<string, CarrierConnector>
  composeLabel: LabelComposer
  printerUri: () => string
  /** Retries retryable carrier errors with backoff; the same idempotency key is reused on every try. */
  retry: <T>(fn: () => Promise<T>) => Promise<T>
  checkpoint?: (name: PurchaseCheckpoint) => void
  /**
   * Print with the shipper-generated key when the carrier stays unreachable (carriers that support
   * it: connector.planOfflineLabel); the OfflineRegistrar registers the shipment later. Default false.
   */
  offlineLabels?: boolean
  now?: () => Date
}>

export type PurchaseResult = Readonly<{
  shipment: ShipmentRecord
  /** The label job; null for a registration of a shipment whose label was already printed offline. */
  printJobId: string | null
  /** The label was printed before the carrier registered the shipment. */
  offline: boolean
}>

/**
 * Buys exactly one label per order. The shipment row with its idempotency key is committed before
 * the carrier is called; after a crash or timeout the same key is sent again, so the carrier
 * answers with the shipment it already made instead of a second one.
 */
export class ShipmentPurchaser {
  constructor(private readonly deps: PurchaserDeps) {}

  /** Records the intent to buy (idempotency key, request snapshot) in the same transaction as the measurement. */
  async recordIntent(trx: DbOrTrx, input: { orderId: string; carrierId: string; request: ShipmentRequest; quotedKurus: number | null }): Promise<string> {
    const id = randomUUID()
    await insertPurchasingShipment(trx, {
      id,
      orderId: input.orderId,
      carrierId: input.carrierId,
      serviceCode: input.request.serviceCode,
      idempotencyKey: `kj-${id}`,
      referenceNo: input.request.referenceNo,
      requestJson: JSON.stringify(input.request),
      quotedKurus: input.quotedKurus,
    })
    return id
  }

  /** Calls the carrier for a 'purchasing' shipment and commits the result with its print job and outbox row. */
  async complete(shipmentId: string): Promise<PurchaseResult> {
    const { db } = this.deps
    const shipment = await getShipment(db, shipmentId)
    if (!shipment) throw new AppError(ErrorCode.notFound, `shipment ${shipmentId} not found`)
    if (shipment.status !== 'purchasing') throw new AppError(ErrorCode.wrongState, `shipment ${shipmentId} is ${shipment.status}`)
    const connector = this.deps.connectors.get(shipment.carrierId)
    if (!connector) throw new AppError(ErrorCode.carrierUnavailable, `carrier ${shipment.carrierId} is not configured`)
    const order = await getOrder(db, shipment.orderId)
    if (!order) throw new AppError(ErrorCode.orderUnknown, `order ${shipment.orderId} not found`)
    const request = JSON.parse(shipment.requestJson) as ShipmentRequest

    this.deps.checkpoint?.('beforeCarrierCall')
    let created: CreatedShipment
    try {
      created = await this.deps.retry(async () => {
        await markShipmentAttempt(db, shipment.id)
        return connector.createShipment(request, { idempotencyKey: shipment.idempotencyKey })
      })
    } catch (err) {
      const e = toAppError(err)
      // Retryable: the carrier may or may not have the shipment; keep the key so a retry resumes it.
      if (e.retryable) await noteShipmentError(db, shipment.id, e.code, e.message)
      // Definitive refusal: nothing was bought, the row is closed and a later attempt gets a new key.
      else await markShipmentFailed(db, shipment.id, e.code, e.message)
      if (
        e.retryable &&
        shipment.offlineLabelledAt === null &&
        this.deps.offlineLabels &&
        capabilitiesOf(connector.id).offlineLabels &&
        connector.planOfflineLabel
      ) {
        return this.labelOffline(shipment, order, request, connector.planOfflineLabel(request, shipment.idempotencyKey), e)
      }
      throw e
    }
    this.deps.checkpoint?.('afterCarrierResponse')
    if (shipment.offlineLabelledAt !== null) return this.registered(shipment, order, created)

    const labels = await this.composeLabels(order, request, created)
    const printJobId = await db.transaction().execute(async (trx) => {
      await recordPurchase(trx, shipment, order, created)
      return this.enqueueLabels(trx, order, shipment, labels)
    })
    this.deps.checkpoint?.('afterShipmentCommit')
    const done = await getShipment(db, shipment.id)
    return { shipment: done!, printJobId, offline: false }
  }

  /** One label per parcel (a shipment of N pieces prints N labels, 1/N…N/N); one label for a single parcel. */
  private async composeLabels(order: Order, request: ShipmentRequest, created: CreatedShipment): Promise<{ payload: Uint8Array; expectedBarcode: string }[]> {
    const count = request.packages.length
    if (count <= 1) return [await this.deps.composeLabel({ order, request, created })]
    const labels = []
    for (let index = 1; index <= count; index++) labels.push(await this.deps.composeLabel({ order, request, created, piece: { index, count } }))
    return labels
  }

  /** Queues the labels in parcel order; returns the first job's id. */
  private async enqueueLabels(
    trx: DbOrTrx,
    order: Order,
    shipment: ShipmentRecord,
    labels: readonly { payload: Uint8Array; expectedBarcode: string }[],
  ): Promise<string> {
    const ids: string[] = []
    for (const label of labels) {
      ids.push(
        await enqueuePrintJob(trx, {
          orderId: order.id,
          shipmentId: shipment.id,
          kind: 'label',
          printerUri: this.deps.printerUri(),
          payload: label.payload,
          expectedBarcode: label.expectedBarcode,
          requestedBy: null,
        }),
      )
    }
    return ids[0]!
  }

  /** The carrier is unreachable: print our own label with the key it will register later. */
  private async labelOffline(
    shipment: ShipmentRecord,
    order: Order,
    request: ShipmentRequest,
    planned: CreatedShipment,
    cause: AppError,
  ): Promise<PurchaseResult> {
    const { db } = this.deps
    const at = (this.deps.now?.() ?? new Date()).toISOString()
    const labels = await this.composeLabels(order, request, planned)
    const printJobId = await db.transaction().execute(async (trx) => {
      await markShipmentLabelledOffline(trx, shipment.id, planned, at)
      await appendAudit(trx, {
        actorId: null,
        action: 'shipment.labelledOffline',
        orderId: order.id,
        detail: { shipmentId: shipment.id, carrierId: shipment.carrierId, barcode: planned.barcode, cause: cause.code, message: cause.message },
      })
      return this.enqueueLabels(trx, order, shipment, labels)
    })
    const done = await getShipment(db, shipment.id)
    return { shipment: done!, printJobId, offline: true }
  }

  /**
   * The carrier registered a shipment whose label was printed offline. Its code must be the one on
   * the parcel; if the carrier answers with another one, the shipment is kept (it exists) and the
   * mismatch is audited for a relabel, never silently accepted.
   */
  private async registered(shipment: ShipmentRecord, order: Order, created: CreatedShipment): Promise<PurchaseResult> {
    const { db } = this.deps
    const mismatch = created.barcode !== shipment.barcode
    await db.transaction().execute(async (trx) => {
      await recordPurchase(trx, shipment, order, created, { labelledOfflineAt: shipment.offlineLabelledAt })
      await appendAudit(trx, {
        actorId: null,
        action: mismatch ? 'shipment.offlineBarcodeMismatch' : 'shipment.registeredAfterOffline',
        orderId: order.id,
        detail: { shipmentId: shipment.id, printed: shipment.barcode, registered: created.barcode },
      })
    })
    const done = await getShipment(db, shipment.id)
    return { shipment: done!, printJobId: null, offline: true }
  }
}

/** The carrier's answer on the shipment row and the cloud's shipment.created, in the caller's transaction. */
async function recordPurchase(
  trx: DbOrTrx,
  shipment: ShipmentRecord,
  order: Order,
  created: CreatedShipment,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await markShipmentPurchased(trx, shipment.id, created)
  await appendOutbox(trx, OutboxKind.shipmentCreated, order.id, {
    shipmentId: shipment.id,
    orderNumber: order.orderNumber,
    carrierId: shipment.carrierId,
    serviceCode: shipment.serviceCode,
    trackingNumber: created.trackingNumber,
    barcode: created.barcode,
    // The desk's price (the card price compared), as stored; the carrier's own figure beside it.
    costKurus: shipment.quotedKurus ?? created.costKurus,
    chargedKurus: created.costKurus,
    ...extra,
  })
}
