import { fillTemplate } from '../../../shared/i18n/notice-text'
import { PRINTED } from '../../../shared/i18n/printed'
import type { ReturnView } from '../../../shared/contract/views'
import type { Address } from '../../../shared/domain/address'
import type { Order } from '../../../shared/domain/order'
import { AppError, ErrorCode, toAppError } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'
import { appendAudit } from '../audit/audit.repository'
import type { CarrierConnector, ReturnRequest, ShipmentRequest } from '../carriers/carrier.port'
import { capabilitiesOf } from '../carriers/carrier-capabilities'
import type { Db } from '../db/database'
import { turkeyToday } from '../manifests/manifest.repository'
import { findOrderByCode, getOrder } from '../orders/orders.repository'
import { findPackerByBadge } from '../packers/packers.repository'
import { enqueuePrintJob, setPrintJobStatus } from '../printing/print-jobs.repository'
import type { PrintQueueService } from '../printing/print-queue.service'
import type { LabelComposer } from '../shipping/shipment.purchaser'
import { getLiveShipment, isShipmentKey, type ShipmentRecord } from '../shipping/shipments.repository'
import { findLiveReturn, getReturn, insertReturnIntent, listReturns, markReturnCreated, noteReturnError, type ReturnRecord } from './returns.repository'
import { roleAtLeast } from '../../../shared/domain/packer'

export type ReturnDeps = Readonly<{
  db: Db
  connectors: ReadonlyMap<string, CarrierConnector>
  /** The seller's warehouse: where returns go. */
  warehouse: Address
  /** The purchaser's composer: carrier ZPL as is, PDF rasterized, else the desk's own label. */
  composeLabel: LabelComposer
  printQueue: PrintQueueService
  /** Retries retryable carrier errors with backoff; the same idempotency key is reused on every try. */
  retry: <T>(fn: () => Promise<T>) => Promise<T>
  carrierName: (carrierId: string) => string
  now?: () => Date
}>

export type CreateReturnInput = Readonly<{ code: string; supervisorBadge: string; reason: string; /** Default 14. */ validDays?: number }>

const DEFAULT_VALID_DAYS = 14

const DAY_MS = 86_400_000

/** What the slip calls the code under its barcode: the customer quotes a return code; a return shipment is tracked. */
export function returnCaption(kind: 'code' | 'shipment' | null): string {
  return kind === 'code' ? PRINTED.label.returnCode : PRINTED.label.returnTracking
}

/**
 * Returns (iade) for shipped orders, supervisors only. Exactly-once like the label purchase: the
 * return row and its idempotency key are stored before the carrier is asked; a timeout or crash
 * leaves it 'requesting', and asking again for the same order resumes it with the same key (the
 * connector finds the return made by the lost call). A made return is never asked for twice: asking
 * again prints its slip again. Returns stay on the desk (audit log): the cloud contract has no
 * return event yet.
 */
export class ReturnService {
  constructor(private readonly deps: ReturnDeps) {}

  async create(input: CreateReturnInput): Promise<ReturnView> {
    const { db } = this.deps
    const supervisor = await findPackerByBadge(db, input.supervisorBadge)
    if (!supervisor || !roleAtLeast(supervisor.role, 'supervisor')) {
      throw new AppError(ErrorCode.supervisorRequired, msg('session.supervisorBadgeRequired'), { meta: { badge: input.supervisorBadge } })
    }
    const { order, shipment } = await this.shippedOrder(input.code)
    const connector = this.deps.connectors.get(shipment.carrierId)
    if (!capabilitiesOf(shipment.carrierId).returns || !connector?.createReturn) {
      throw new AppError(ErrorCode.carrierServiceUnsupported, msg('return.unsupported', { carrierName: this.deps.carrierName(shipment.carrierId) }), {
        meta: { carrierId: shipment.carrierId },
      })
    }
    let record = await findLiveReturn(db, order.id)
    if (record?.status === 'created') {
      await appendAudit(db, { actorId: supervisor.id, action: 'return.reprinted', orderId: order.id, detail: { returnId: record.id, reason: input.reason } })
      return this.printSlip(record, order, supervisor.id)
    }
    if (!record) {
      const request = this.buildRequest(order, shipment, input.validDays ?? DEFAULT_VALID_DAYS)
      const id = await db.transaction().execute(async (trx) => {
        const rid = await insertReturnIntent(trx, {
          orderId: order.id,
          shipmentId: shipment.id,
          carrierId: shipment.carrierId,
          idempotencyKey: `RET-${shipment.id}`,
          request,
          reason: input.reason,
          createdBy: supervisor.id,
        })
        await appendAudit(trx, {
          actorId: supervisor.id,
          action: 'return.requested',
          orderId: order.id,
          detail: { returnId: rid, carrierId: shipment.carrierId, reason: input.reason },
        })
        return rid
      })
      record = (await getReturn(db, id))!
    }
    const asked = record
    try {
      const created = await this.deps.retry(() => connector.createReturn!(asked.request, { idempotencyKey: asked.idempotencyKey }))
      await db.transaction().execute(async (trx) => {
        await markReturnCreated(trx, asked.id, created)
        await appendAudit(trx, {
          actorId: supervisor.id,
          action: 'return.created',
          orderId: order.id,
          detail: { returnId: asked.id, kind: created.kind, returnCode: created.returnCode, trackingNumber: created.trackingNumber, reason: asked.reason },
        })
      })
    } catch (err) {
      const e = toAppError(err)
      // A retryable failure may have made the return at the carrier: keep the key for the next ask.
      await noteReturnError(db, asked.id, { code: e.code, message: e.message }, !e.retryable)
      throw e
    }
    return this.printSlip((await getReturn(db, asked.id))!, order, supervisor.id)
  }

  async list(code: string): Promise<ReturnView[]> {
    const order = await this.findOrder(code)
    if (!order) throw new AppError(ErrorCode.notFound, msg('order.noSuchOrder', { code }), { meta: { code } })
    return (await listReturns(this.deps.db, order.id)).map((r) => this.view(r, order, false))
  }

  private async findOrder(code: string): Promise<Order | null> {
    const byCode = await findOrderByCode(this.deps.db, code)
    if (byCode) return byCode
    // The customer service reads the tracking number off the parcel or the marketplace.
    const row = await this.deps.db.selectFrom('shipments').select('order_id').where(isShipmentKey(code)).executeTakeFirst()
    return row ? getOrder(this.deps.db, row.order_id) : null
  }

  private async shippedOrder(code: string): Promise<{ order: Order; shipment: ShipmentRecord }> {
    const order = await this.findOrder(code)
    if (!order) throw new AppError(ErrorCode.notFound, msg('order.noSuchOrder', { code }), { meta: { code } })
    // One live shipment per order (unique index); a return needs it bought, not still being registered.
    const shipment = await getLiveShipment(this.deps.db, order.id)
    if (shipment?.status !== 'purchased' || order.status !== 'packed') {
      throw new AppError(ErrorCode.wrongState, msg('return.nothingShipped', { orderNumber: order.orderNumber }), { meta: { code } })
    }
    return { order, shipment }
  }

  private buildRequest(order: Order, shipment: ShipmentRecord, validDays: number): ReturnRequest {
    const now = this.deps.now?.() ?? new Date()
    return {
      orderNumber: order.orderNumber,
      referenceNo: `${order.orderNumber}-R`,
      original: { carrierShipmentId: shipment.carrierShipmentId ?? '', trackingNumber: shipment.trackingNumber ?? '' },
      sender: order.recipient,
      recipient: this.deps.warehouse,
      packages: (JSON.parse(shipment.requestJson) as ShipmentRequest).packages,
      labelFormat: 'zpl',
      validFrom: turkeyToday(now),
      validUntil: turkeyToday(new Date(now.getTime() + validDays * DAY_MS)),
    }
  }

  /** The slip (own label with the return code) or the carrier's return label, through the print queue like every label. */
  private async printSlip(r: ReturnRecord, order: Order, actorId: string): Promise<ReturnView> {
    const carrier = this.deps.carrierName(r.carrierId)
    const trackingNumber = r.trackingNumber ?? r.returnCode ?? ''
    const { payload, expectedBarcode } = await this.deps.composeLabel({
      // The parcel now travels from the customer to the warehouse.
      order: { ...order, recipient: r.request.recipient, codAmountKurus: null },
      request: {
        orderNumber: order.orderNumber,
        referenceNo: r.request.referenceNo,
        serviceCode: fillTemplate(PRINTED.label.returnService, { carrier }),
        sender: r.request.sender,
        recipient: r.request.recipient,
        packages: r.request.packages,
        codAmountKurus: null,
        labelFormat: 'zpl',
      },
      created: {
        carrierShipmentId: r.carrierShipmentId ?? r.returnCode ?? '',
        trackingNumber,
        barcode: r.barcode ?? trackingNumber,
        trackingUrl: null,
        labelFormat: r.labelFormat,
        label: r.label,
        costKurus: null,
      },
      trackingCaption: returnCaption(r.kind),
    })
    const jobId = await enqueuePrintJob(this.deps.db, {
      orderId: order.id,
      shipmentId: r.shipmentId,
      kind: 'return',
      printerUri: this.deps.printQueue.uri,
      payload,
      expectedBarcode,
      requestedBy: actorId,
    })
    try {
      await this.deps.printQueue.printJob(jobId)
    } catch (err) {
      // The return itself is made and kept; its slip is printed again by asking for the return again.
      const e = toAppError(err)
      await setPrintJobStatus(this.deps.db, jobId, 'failed', { code: e.code, message: e.message })
      await this.deps.printQueue.refreshStatus()
      throw new AppError(e.code, msg('return.slipNotPrinted', { returnCode: r.returnCode ?? '', detail: e.message }), {
        retryable: true,
        meta: { ...e.meta, returnId: r.id },
      })
    }
    return this.view(r, order, true)
  }

  private view(r: ReturnRecord, order: Order, printed: boolean): ReturnView {
    return {
      id: r.id,
      orderNumber: order.orderNumber,
      carrierId: r.carrierId,
      carrierName: this.deps.carrierName(r.carrierId),
      status: r.status,
      kind: r.kind,
      returnCode: r.returnCode,
      trackingNumber: r.trackingNumber,
      validUntil: r.validUntil,
      reason: r.reason,
      createdAt: r.createdAt,
      error: r.errorMessage,
      printed,
    }
  }
}
