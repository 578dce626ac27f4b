import { AppError, ErrorCode, toAppError } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'
import { appendAudit } from '../audit/audit.repository'
import type { CarrierConnector } from '../carriers/carrier.port'
import { capabilitiesOf } from '../carriers/carrier-capabilities'
import type { Db } from '../db/database'
import { findOrderByCode, setOrderStatus } from '../orders/orders.repository'
import { findPackerByBadge } from '../packers/packers.repository'
import { OutboxKind, appendOutbox } from '../sync/outbox.repository'
import { getLiveShipment, getShipment, type ShipmentRecord } from './shipments.repository'
import { insideCancelWindow } from './cancel-window.rules'
import { roleAtLeast } from '../../../shared/domain/packer'

/** shipmentId: the shipment the desk shows; when given, any other live shipment of the order is left alone (never void another one). */
export type CancelInput = Readonly<{ code: string; supervisorBadge: string; reason: string; shipmentId?: string | undefined }>

/**
 * Voids a bought label (supervisors only): the carrier's cancel within its window (a shipment the
 * carrier already has moving comes back as carrier.notCancellable or carrier.returnRequested and
 * stays bought), then the shipment is cancelled and the order reopened for packing again, with the
 * audit and the cloud told (shipment.cancelled). A shipment labelled offline and never registered
 * is voided locally: the carrier never knew it.
 */
export async function cancelShipment(
  deps: Readonly<{ db: Db; connectors: ReadonlyMap<string, CarrierConnector> }>,
  input: CancelInput,
): Promise<ShipmentRecord> {
  const { db } = deps
  const supervisor = await findPackerByBadge(db, input.supervisorBadge)
  if (!supervisor || !roleAtLeast(supervisor.role, 'supervisor')) {
    throw new AppError(ErrorCode.supervisorRequired, msg('session.supervisorBadgeRequired'), { meta: { badge: input.supervisorBadge } })
  }
  const order = await findOrderByCode(db, input.code)
  const shipment = order ? await getLiveShipment(db, order.id) : null
  if (!order || !shipment) throw new AppError(ErrorCode.notFound, msg('shipment.noneToCancel', { code: input.code }), { meta: { code: input.code } })
  if (input.shipmentId !== undefined && input.shipmentId !== shipment.id) {
    throw new AppError(ErrorCode.wrongState, msg('shipment.notTheLiveOne', { code: input.code }), { meta: { code: input.code, shipmentId: input.shipmentId } })
  }
  const unregistered = shipment.status === 'purchasing'
  if (unregistered && shipment.offlineLabelledAt === null) {
    throw new AppError(ErrorCode.wrongState, msg('shipment.purchaseInFlight'))
  }
  if (!unregistered) {
    const connector = deps.connectors.get(shipment.carrierId)
    const { cancel } = capabilitiesOf(shipment.carrierId)
    if (!cancel || !connector?.cancelShipment)
      throw new AppError(ErrorCode.carrierNotCancellable, msg('shipment.cancelUnsupported', { carrierId: shipment.carrierId }))
    // The parcel is past the carrier's window by what it told us last: no call, the desk offers the return instead.
    if (!insideCancelWindow(cancel, shipment.trackingStatus)) {
      const status = shipment.trackingStatus ?? ''
      throw new AppError(ErrorCode.carrierNotCancellable, msg('shipment.cancelWindowClosed', { carrierId: shipment.carrierId, status }), {
        meta: { trackingStatus: status },
      })
    }
    try {
      await connector.cancelShipment(shipment.carrierShipmentId ?? shipment.trackingNumber ?? '')
    } catch (err) {
      const e = toAppError(err)
      // The carrier has no such shipment: nothing will travel, so voiding it here is right.
      if (e.code !== ErrorCode.carrierNotFound) {
        await appendAudit(db, {
          actorId: supervisor.id,
          action: 'shipment.cancelRefused',
          orderId: order.id,
          detail: { shipmentId: shipment.id, code: e.code, message: e.message, reason: input.reason },
        })
        throw e
      }
    }
  }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('shipments').set({ status: 'cancelled', updated_at: new Date().toISOString() }).where('id', '=', shipment.id).execute()
    await setOrderStatus(trx, order.id, 'open')
    await appendOutbox(trx, OutboxKind.shipmentCancelled, order.id, {
      shipmentId: shipment.id,
      orderNumber: order.orderNumber,
      carrierId: shipment.carrierId,
      trackingNumber: shipment.trackingNumber,
      reason: input.reason,
      registered: !unregistered,
    })
    await appendAudit(trx, {
      actorId: supervisor.id,
      action: 'shipment.cancelled',
      orderId: order.id,
      detail: { shipmentId: shipment.id, trackingNumber: shipment.trackingNumber, reason: input.reason },
    })
  })
  return (await getShipment(db, shipment.id)) as ShipmentRecord
}
