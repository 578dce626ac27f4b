import { randomInt } from 'node:crypto'
import { shipmentMeasure, type ShipmentMeasure } from '../../../shared/desi'
import type { Address } from '../../../shared/domain/address'
import type { MeasuredPackage } from '../../../shared/domain/box'
import type { Order } from '../../../shared/domain/order'
import type { LabelFormat } from '../../../shared/domain/shipment'
import { AppError, ErrorCode } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'
import type { QuoteOption } from '../../../shared/rates'
import type { ShipmentRequest } from '../carriers/carrier.port'
import type { Db } from '../db/database'
import { getOrder } from '../orders/orders.repository'
import type { ShipmentPurchaser } from '../shipping/shipment.purchaser'
import { OutboxKind, appendOutbox } from '../sync/outbox.repository'
import type { OrderClaims } from '../sync/order-claims'
import { insertMissingPackages } from './packages.repository'

export type IntentDeps = Readonly<{
  db: Db
  purchaser: ShipmentPurchaser
  claims: OrderClaims | null
  sender: Address
  /** The label format to ask `carrierId` for: its own setting (carriers/carrier-label-format.ts), never another carrier's. */
  labelFormat: (carrierId: string) => LabelFormat
}>

/**
 * The last check before money is spent: the order was not cancelled in the cloud meanwhile, and no
 * other desk holds it (a lost claim, or a local claim the cloud now gives to another desk: see
 * OrderClaims.confirm). Throws the blocking problem (`packing.orderBusy` naming the desk) otherwise.
 */
export async function ensureStillOurs(deps: IntentDeps, order: Order): Promise<void> {
  const fresh = await getOrder(deps.db, order.id)
  if (fresh?.status === 'cancelled') {
    throw new AppError(ErrorCode.orderCancelled, msg('order.cancelledBeforeLabel', { orderNumber: order.orderNumber }))
  }
  // A local claim is tried at the cloud once more; another desk's (or a lost) claim stops the packer here.
  await deps.claims?.confirm(order.id)
}

export type Intent = Readonly<{
  order: Order
  /** Every parcel of the order, 1…N, each with its own box, dimensions and weight. */
  packages: readonly MeasuredPackage[]
  chosen: QuoteOption
  /** The recipient as the carrier should get it (il/ilçe as the official list spells them). */
  recipient: Address
  expectedGrams: number | null
  overridden: boolean
}>

/**
 * The reference a carrier keeps per shipment (ComToHome refuses a used reference_no): the order number, the time and
 * a random part. Time alone collided when two desks bought a label for one order in the same millisecond (offline,
 * both desks pack it and both labels are owed): the second purchase was refused as a duplicate reference.
 */
export function shipmentReference(orderNumber: string, nowMs = Date.now()): string {
  return `${orderNumber}-${nowMs.toString(36).toUpperCase()}${randomInt(36 ** 3)
    .toString(36)
    .toUpperCase()
    .padStart(3, '0')}`
}

/**
 * Records, in one transaction, the measured parcels, the purchase intent (its idempotency key stored
 * before any carrier call) and the package.measured event for the cloud. The finisher buys the label:
 * one shipment of N pieces (the carrier's packages[], cargoCount or pieces), one label per piece.
 */
export async function recordShipmentIntent(deps: IntentDeps, intent: Intent): Promise<ShipmentMeasure> {
  const { order, packages, chosen } = intent
  const measure = shipmentMeasure(packages)
  const request: ShipmentRequest = {
    orderNumber: order.orderNumber,
    referenceNo: shipmentReference(order.orderNumber),
    serviceCode: chosen.serviceCode,
    sender: deps.sender,
    recipient: intent.recipient,
    packages: [...packages],
    codAmountKurus: order.codAmountKurus,
    labelFormat: deps.labelFormat(chosen.carrierId),
    description: order.lines
      .map((l) => l.name)
      .join(', ')
      .slice(0, 255),
  }
  await deps.db.transaction().execute(async (trx) => {
    await insertMissingPackages(trx, order.id, packages, intent.expectedGrams)
    await deps.purchaser.recordIntent(trx, { orderId: order.id, carrierId: chosen.carrierId, request, quotedKurus: chosen.priceKurus })
    await appendOutbox(trx, OutboxKind.packageMeasured, order.id, {
      orderNumber: order.orderNumber,
      // The last parcel's expected weight is what the items and boxes lacked after the parcels before it: the order's total.
      declaredWeightGrams: intent.expectedGrams === null ? null : intent.expectedGrams + grams(packages.slice(0, -1)),
      measuredWeightGrams: grams(packages),
      ...(packages.length > 1 ? { packageCount: packages.length } : {}),
      desi: measure.desi,
      chargeableKg: measure.chargeableKg,
      overridden: intent.overridden,
    })
  })
  return measure
}

const grams = (packages: readonly MeasuredPackage[]): number => packages.reduce((n, p) => n + p.weightGrams, 0)
