import { HjDetailStatus, HjMessage, HjStatus, UntouchedTrack, type HepsiJetAccount, type ResolvedOptions } from './hepsijet.config'
import { buildParcelZpl, desiSizeBand, receiverXDockOf, trDisplayDate } from './hepsijet.labels'
import { addDetail, BEFORE_PICKUP, FINAL_STATUSES } from './hepsijet.lifecycle'
import { currentStatus, type EmulatedDelivery, type HepsiJetState } from './hepsijet.state'
import { validateDeliveryOrder, validateDeliveryUpdate } from './hepsijet.validation'

/**
 * The five operations of docs/reference/carriers.md §6 over the emulator's state. Each returns the `data` of an
 * {status:"OK"} answer or a FAIL with detailStatus (placeholders, see hepsijet.config.ts).
 */
export type Answer = Readonly<{ ok: true; data: unknown }> | Readonly<{ ok: false; detailStatus: string; message: string }>

export type Ctx = Readonly<{ opts: ResolvedOptions; state: HepsiJetState; account: HepsiJetAccount }>

const ok = (data: unknown): Answer => ({ ok: true, data })
const fail = (detailStatus: string, message: string): Answer => ({ ok: false, detailStatus, message })

/** The track link format of the HJ-DOCS track sample. */
export function trackingUrlOf(barcode: string): string {
  return `https://hepsijet.com/gonderi-takibi/${encodeURIComponent(barcode)}`
}

/** A delivery of this account that is still alive, or the FAIL that says why not. */
function ownDelivery(ctx: Ctx, barcode: string): EmulatedDelivery | Answer {
  const d = ctx.state.find(barcode)
  if (!d || d.username !== ctx.account.username) return fail(HjDetailStatus.deliveryNotFound, HjMessage.notFound(barcode))
  const s = currentStatus(d)
  if (s === HjStatus.DELETED || s === HjStatus.CANCELLED) return fail(HjDetailStatus.deliveryDeleted, HjMessage.deleted(barcode))
  return d
}

const isAnswer = (v: EmulatedDelivery | Answer): v is Answer => 'ok' in v

function evenSplit(total: number, parcels: number): number[] {
  const each = Math.round((total / parcels) * 1000) / 1000
  return Array.from({ length: parcels }, () => each)
}

function parcelLabels(d: EmulatedDelivery, totalParcels: number, nowMs: number): string[] {
  return Array.from({ length: totalParcels }, (_, i) => buildParcelZpl(d, i + 1, totalParcels, nowMs))
}

/** POST /rest/delivery/sendDeliveryOrderEnhanced: stores the delivery, answers with one ZPL per parcel. */
export function sendDeliveryOrderEnhanced(ctx: Ctx, body: unknown): Answer {
  const v = validateDeliveryOrder(body, ctx.account, ctx.opts.requireCompanyPrefix)
  if (!v.ok) return fail(v.refusal.detailStatus, v.refusal.message)
  // customerDeliveryNo is unique (§6) whatever became of the first delivery.
  if (ctx.state.find(v.value.customerDeliveryNo)) return fail(HjDetailStatus.duplicateDeliveryNo, HjMessage.duplicate(v.value.customerDeliveryNo))
  const now = ctx.opts.now()
  const b = v.value.body
  const d: EmulatedDelivery = {
    customerDeliveryNo: v.value.customerDeliveryNo,
    customerOrderId: b.delivery.customerOrderId,
    username: ctx.account.username,
    companyName: b.company.name,
    totalParcels: v.value.totalParcels,
    desiPerParcel: evenSplit(v.value.desi, v.value.totalParcels),
    productCode: v.value.productCode,
    receiverName: `${b.delivery.receiver.firstName} ${b.delivery.receiver.lastName}`.trim(),
    receiverPhone: b.delivery.receiver.phone1,
    recipient: v.value.recipient,
    senderAddressId: b.delivery.senderAddress.companyAddressId,
    senderXDock: b.currentXDock.abbreviationCode,
    deliveryDateOriginal: b.delivery.deliveryDateOriginal.slice(0, 10),
    body: b,
    createdAt: new Date(now).toISOString(),
    details: [],
    deleteReason: null,
  }
  ctx.state.add(d)
  return ok({ customerDeliveryNo: d.customerDeliveryNo, zplBarcodeDTOList: parcelLabels(d, d.totalParcels, now).map((zplBarcode) => ({ zplBarcode })) })
}

/** GET /rest/delivery/generateZplBarcode/{barcode}/{totalParcels}: as many labels as asked for (HJ-DOCS). */
export function generateZplBarcode(ctx: Ctx, barcode: string, totalParcelsText: string): Answer {
  const totalParcels = /^\d{1,3}$/.test(totalParcelsText) ? Number(totalParcelsText) : 0
  if (totalParcels < 1) return fail(HjDetailStatus.validation, `totalParcels: 1-999 arası bir sayı olmalıdır (${totalParcelsText})`)
  const d = ownDelivery(ctx, barcode)
  if (isAnswer(d)) return d
  const now = ctx.opts.now()
  const labels = parcelLabels(d, totalParcels, now)
  // The fields of the HJ-DOCS barcode sample; values the emulator cannot know (zones, promised date) are plausible stand-ins.
  return ok(
    labels.map((zplBarcode, i) => ({
      sender: d.companyName,
      receiverCity: d.recipient.city,
      receiverTown: d.recipient.town.toLocaleUpperCase('tr-TR'),
      receiverDistrict: d.recipient.district?.toLocaleUpperCase('tr-TR') ?? null,
      receiverXDock: receiverXDockOf(d),
      productName: d.productCode === 'HX_STD' ? 'Standart Teslimat' : d.productCode,
      deliveryDateOriginal: d.deliveryDateOriginal.split('-').reverse().join('.'),
      receiver: d.receiverName,
      receiverAddress: `${d.recipient.addressLine1}, ${d.recipient.town}/${d.recipient.city}`,
      parcelNo: i + 1,
      totalParcels,
      senderXDock: d.senderXDock,
      barcodePrintDate: trDisplayDate(now),
      desiSize: desiSizeBand(d.desiPerParcel[i] ?? d.desiPerParcel.at(-1) ?? 1),
      zplBarcode,
    })),
  )
}

/** POST /rest/delivery/deleteDeliveryOrder/{barcode} {deleteReason}: only before HepsiJET has picked it up. */
export function deleteDeliveryOrder(ctx: Ctx, barcode: string, body: unknown): Answer {
  const reason = (body as { deleteReason?: unknown } | null)?.deleteReason
  if (typeof reason !== 'string' || reason.trim() === '') return fail(HjDetailStatus.validation, 'deleteReason: boş olamaz')
  const d = ownDelivery(ctx, barcode)
  if (isAnswer(d)) return d
  const s = currentStatus(d)
  if (!BEFORE_PICKUP.has(s)) return fail(HjDetailStatus.notDeletable, HjMessage.notDeletable(barcode, s))
  d.deleteReason = reason
  addDetail(d, HjStatus.DELETED, ctx.opts.now())
  return ok({ customerDeliveryNo: barcode })
}

/** POST /rest/delivery/integration/track {barcodes[], isTrackAdded}: the account's deliveries among `barcodes`. */
export function track(ctx: Ctx, body: unknown): Answer {
  const b = body as { barcodes?: unknown; isTrackAdded?: unknown } | null
  const barcodes = b?.barcodes
  if (!Array.isArray(barcodes) || barcodes.length === 0 || !barcodes.every((x) => typeof x === 'string'))
    return fail(HjDetailStatus.validation, 'barcodes: en az bir barkod gönderilmelidir')
  const withDetails = b?.isTrackAdded === true
  const data: unknown[] = []
  for (const barcode of new Set(barcodes as string[])) {
    const d = ctx.state.find(barcode)
    // Unknown barcodes are left out, as in the HJ-DOCS sample (four asked, one answered).
    if (!d || d.username !== ctx.account.username) continue
    if (d.details.length === 0 && ctx.opts.untouchedTrack === UntouchedTrack.omit) continue
    data.push({ barcode, trackingUrl: trackingUrlOf(barcode), ...(withDetails ? { details: d.details } : {}) })
  }
  return ok(data)
}

/** POST delivery-update (HJ-DOCS): desi until delivery, totalParcel and product only before pickup. */
export function deliveryUpdate(ctx: Ctx, body: unknown): Answer {
  const v = validateDeliveryUpdate(body)
  if (!v.ok) return fail(v.refusal.detailStatus, v.refusal.message)
  const u = v.value
  const d = ownDelivery(ctx, u.customerDeliveryNo)
  if (isAnswer(d)) return d
  const s = currentStatus(d)
  if (FINAL_STATUSES.has(s)) return fail(HjDetailStatus.notUpdatable, HjMessage.notUpdatable(d.customerDeliveryNo, s))
  if (u.deliveryUpdateType === 'TOTAL_PARCEL') {
    if (u.totalParcelInfo.totalParcel !== d.totalParcels && !BEFORE_PICKUP.has(s))
      return fail(HjDetailStatus.notUpdatable, HjMessage.notUpdatable(d.customerDeliveryNo, s))
    d.totalParcels = u.totalParcelInfo.totalParcel
    d.desiPerParcel = [...u.totalParcelInfo.desi]
  } else {
    if (!BEFORE_PICKUP.has(s)) return fail(HjDetailStatus.notUpdatable, HjMessage.notUpdatable(d.customerDeliveryNo, s))
    const code = u.productCodeInfo.productCode
    if (!(ctx.account.productCodes ?? ['HX_STD']).includes(code)) return fail(HjDetailStatus.productNotAllowed, HjMessage.productNotAllowed(code))
    d.productCode = code
  }
  return ok({ customerDeliveryNo: d.customerDeliveryNo })
}
