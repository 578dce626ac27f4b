import { MngErrorCode, MngMessage, MngStatusName, RepeatBarcode, trackingUrlFor, turkeyDateTime, type ResolvedOptions } from './mng.config'
import { pieceLabel } from './mng.labels'
import { addEvent } from './mng.lifecycle'
import { cbsCities, cbsDistricts } from './mng.places'
import type { EmulatedOrder, EmulatedShipment, MngState } from './mng.state'
import { checkCalculate, checkCancelShipment, checkCreateBarcode, checkCreateOrder, checkUpdateShipment, type Checked, type ValidPiece } from './mng.validation'

/**
 * The operations of docs/reference/carriers.md §3 over the emulator's state, one function each. They return an
 * Answer; the server turns a refusal into {"error":{"Code","Message","Description"}} with the
 * configured HTTP status. A customer only sees its own orders.
 */
export type Answer = Readonly<{ ok: true; body: unknown }> | Readonly<{ ok: false; status: number; code: string; message: string; description: string }>

export type Ctx = Readonly<{ opts: ResolvedOptions; state: MngState; customerNumber: string }>

const ok = (body: unknown): Answer => ({ ok: true, body })
const refuse = (status: number, code: string, message: string, description = ''): Answer => ({ ok: false, status, code, message, description })
const invalid = (ctx: Ctx, c: Checked<unknown> & { ok: false }) => refuse(ctx.opts.errorHttpStatus, MngErrorCode.validation, c.problem.message, c.problem.field)
const notFound = (ctx: Ctx, what: string) => refuse(ctx.opts.notFoundHttpStatus, MngErrorCode.recordNotFound, MngMessage.recordNotFound, what)
const single = (ctx: Ctx, body: unknown) => ok(ctx.opts.singleObjectsAsArray ? [body] : body)

/** Lira, VAT included: 79.90 for the first chargeable unit, 16.40 for each further one (ours; MNG's tariff is per contract). */
export function priceOf(pieces: readonly Pick<ValidPiece, 'desi' | 'kg'>[]): number {
  const units = pieces.reduce((sum, p) => sum + Math.max(1, p.desi, p.kg), 0)
  return Math.round((79.9 + 16.4 * Math.max(0, units - 1)) * 100) / 100
}

function liveOrder(ctx: Ctx, referenceId: string): EmulatedOrder | null {
  const o = ctx.state.order(referenceId)
  return o && !o.cancelled && o.customerNumber === ctx.customerNumber ? o : null
}

export function createOrder(ctx: Ctx, body: unknown, now: number): Answer {
  const c = checkCreateOrder(body)
  if (!c.ok) return invalid(ctx, c)
  // §3: 3002 for any reference already used, cancelled or not.
  if (ctx.state.order(c.value.order.referenceId))
    return refuse(ctx.opts.errorHttpStatus, MngErrorCode.duplicateOrder, MngMessage.duplicateOrder, c.value.order.referenceId)
  const o = ctx.state.addOrder(ctx.customerNumber, c.value, now)
  return ok([
    { referenceId: o.referenceId, orderInvoiceId: o.orderInvoiceId, orderInvoiceDetailId: o.orderInvoiceDetailId, shipperBranchCode: o.shipperBranchCode },
  ])
}

export function updateOrder(ctx: Ctx, body: unknown): Answer {
  const c = checkCreateOrder(body)
  if (!c.ok) return invalid(ctx, c)
  const o = liveOrder(ctx, c.value.order.referenceId)
  if (!o) return notFound(ctx, c.value.order.referenceId)
  if (ctx.state.liveShipment(o))
    return refuse(ctx.opts.errorHttpStatus, MngErrorCode.orderHasShipment, 'SİPARİŞ GÖNDERİYE DÖNÜŞTÜĞÜ İÇİN GÜNCELLENEMEZ!', o.referenceId)
  o.body = c.value
  return ok('Order updated')
}

export function cancelOrder(ctx: Ctx, referenceId: string): Answer {
  const o = liveOrder(ctx, referenceId)
  if (!o) return notFound(ctx, referenceId)
  if (ctx.state.liveShipment(o)) return refuse(ctx.opts.errorHttpStatus, MngErrorCode.orderHasShipment, MngMessage.orderHasShipment, referenceId)
  o.cancelled = true
  return ok('Order canceled')
}

export function createBarcode(ctx: Ctx, body: unknown, now: number): Answer {
  const c = checkCreateBarcode(body)
  if (!c.ok) return invalid(ctx, c)
  const o = liveOrder(ctx, c.value.referenceId)
  if (!o) return notFound(ctx, c.value.referenceId)
  const { opts } = ctx
  if (ctx.state.liveShipment(o) && opts.repeatBarcode === RepeatBarcode.refuse) {
    return refuse(opts.errorHttpStatus, MngErrorCode.barcodeAlreadyCreated, MngMessage.barcodeAlreadyCreated, o.referenceId)
  }
  // §3: 20001 right after createOrder while the destination branch is being resolved.
  if (o.notReadyAnswers < opts.barcodeNotReady.attempts || now - o.createdAt < opts.barcodeNotReady.forMs) {
    o.notReadyAnswers += 1
    return refuse(opts.errorHttpStatus, MngErrorCode.destinationBranchNotFound, MngMessage.destinationBranchNotFound, o.referenceId)
  }
  const pieces = c.value.orderPieceList && c.value.orderPieceList.length > 0 ? c.value.orderPieceList : o.body.orderPieceList
  const s = ctx.state.addShipment(o, pieces, priceOf(pieces), now)
  addEvent(o, s, 1, now, opts.statusTextWithSpaces)
  const barcodes = pieces.map((_, i) => ({ pieceNumber: i + 1, value: pieceLabel(o, s, i) }))
  const element = (list: typeof barcodes) => ({ referenceId: o.referenceId, invoiceId: s.invoiceId, shipmentId: s.shipmentId, barcodes: list })
  // §3: "one element per piece possible" (MNG-LOGEDO's tests show three elements for three pieces).
  return ok(opts.barcodeElementPerPiece ? barcodes.map((b) => element([b])) : [element(barcodes)])
}

export function updateShipment(ctx: Ctx, body: unknown): Answer {
  const c = checkUpdateShipment(body)
  if (!c.ok) return invalid(ctx, c)
  const o = liveOrder(ctx, c.value.referenceId)
  const s = o ? ctx.state.liveShipment(o) : undefined
  if (!o || !s || (c.value.shipmentId !== undefined && c.value.shipmentId !== s.shipmentId)) return notFound(ctx, c.value.referenceId)
  if (s.statusCode !== 1) return refuse(ctx.opts.errorHttpStatus, MngErrorCode.validation, 'GÖNDERİ İŞLEM GÖRDÜĞÜ İÇİN GÜNCELLENEMEZ!', s.shipmentId)
  s.pieces = c.value.orderPieceList
  s.finalTotal = priceOf(s.pieces)
  return ok('Shipment updated')
}

/** Cancel is allowed while the shipment is only prepared (status 1); later it is the branch's parcel. Not documented: ours. */
export function cancelShipment(ctx: Ctx, body: unknown): Answer {
  const c = checkCancelShipment(body)
  if (!c.ok) return invalid(ctx, c)
  const o = liveOrder(ctx, c.value.referenceId)
  const s = o ? ctx.state.liveShipment(o) : undefined
  if (!o || !s || s.shipmentId !== c.value.shipmentId) return notFound(ctx, `${c.value.referenceId}/${c.value.shipmentId}`)
  if (s.statusCode !== 1)
    return refuse(
      ctx.opts.errorHttpStatus,
      MngErrorCode.notCancellable,
      MngMessage.notCancellable,
      `${s.shipmentId}: ${MngStatusName[s.statusCode] ?? s.statusCode}`,
    )
  s.cancelled = true
  o.cancelled = true
  return ok('Shipment canceled')
}

export function getOrder(ctx: Ctx, referenceId: string): Answer {
  const o = liveOrder(ctx, referenceId)
  if (!o) return notFound(ctx, referenceId)
  const s = ctx.state.liveShipment(o)
  return single(ctx, {
    order: { ...o.body.order, orderInvoiceId: o.orderInvoiceId, shipmentId: s?.shipmentId ?? '', isTransformedToShipment: s ? 1 : 0 },
    orderPieceList: o.body.orderPieceList,
    recipient: o.body.recipient,
  })
}

function shipmentOf(ctx: Ctx, referenceId: string): { o: EmulatedOrder; s: EmulatedShipment } | null {
  const o = liveOrder(ctx, referenceId)
  const s = o ? ctx.state.liveShipment(o) : undefined
  return o && s ? { o, s } : null
}

export function getShipment(ctx: Ctx, referenceId: string): Answer {
  const found = shipmentOf(ctx, referenceId)
  if (!found) return notFound(ctx, referenceId)
  const { s } = found
  return single(ctx, {
    shipment: {
      referenceId: s.referenceId,
      shipmentId: s.shipmentId,
      invoiceId: s.invoiceId,
      shipmentStatusCode: s.statusCode,
      isDelivered: s.statusCode === 5 ? 1 : 0,
      pieceCount: s.pieces.length,
      finalTotal: s.finalTotal,
    },
    shipmentPieceList: s.pieces.map((p, i) => ({ pieceNumber: i + 1, barcode: p.barcode, desi: p.desi, kg: p.kg })),
  })
}

export function getShipmentStatus(ctx: Ctx, referenceId: string): Answer {
  const found = shipmentOf(ctx, referenceId)
  if (!found) return notFound(ctx, referenceId)
  const { s } = found
  const name = MngStatusName[s.statusCode] ?? String(s.statusCode)
  return single(ctx, {
    referenceId: s.referenceId,
    shipmentId: s.shipmentId,
    shipmentStatusCode: s.statusCode,
    shipmentStatus: ctx.opts.statusTextWithSpaces ? name.replaceAll('_', ' ') : name,
    isDelivered: s.statusCode === 5 ? 1 : 0,
    deliveryDateTime: s.deliveredAt === null ? null : turkeyDateTime(s.deliveredAt, '-'),
    trackingUrl: trackingUrlFor(s.shipmentId),
  })
}

const wireEvents = (s: EmulatedShipment) =>
  s.events.map((e) => ({
    eventStatus: e.eventStatus,
    eventStatusEn: e.eventStatusEn,
    eventDateTime: e.eventDateTime,
    location: e.location,
    description: e.description,
  }))

/** An order without a shipment yet has no events: an empty list. */
export function trackShipment(ctx: Ctx, referenceId: string): Answer {
  const o = liveOrder(ctx, referenceId)
  if (!o) return notFound(ctx, referenceId)
  const s = ctx.state.liveShipment(o)
  return ok(s ? wireEvents(s) : [])
}

export function trackShipmentByShipmentId(ctx: Ctx, shipmentId: string): Answer {
  const s = ctx.state.shipmentById(shipmentId)
  if (!s || s.cancelled || s.customerNumber !== ctx.customerNumber) return notFound(ctx, shipmentId)
  return ok(wireEvents(s))
}

export function calculate(ctx: Ctx, body: unknown): Answer {
  const c = checkCalculate(body)
  if (!c.ok) return invalid(ctx, c)
  return ok({ finalTotal: priceOf(c.value.orderPieceList) })
}

export function getCities(): Answer {
  return ok(cbsCities())
}

export function getDistricts(cityCode: string): Answer {
  return ok(/^\d{1,3}$/.test(cityCode) ? cbsDistricts(Number(cityCode)) : [])
}
