import { SENDEO_CANCELLED_STATUSES } from '../../protocols/sendeo/sendeo.codes'
import { lowerKeys } from '../../protocols/json/dotnet-json'
import { SendeoError, type ResolvedOptions, type SendeoErrorCode } from './sendeo.config'
import { labelFields } from './sendeo.labels'
import { SENDEO_CHAIN } from './sendeo.lifecycle'
import { isSendeoCityId, sendeoDistrict } from './sendeo.places'
import { currentStatusId, statusName, type EmulatedSendeoDelivery, type SendeoProductLine, type SendeoState } from './sendeo.state'

/**
 * The Cargo operations of the Sendeo emulator (docs/reference/carriers.md §7, [SND] tables). Bodies are read with
 * lower-cased keys and numbers accepted as strings, as the .NET service binds them (Sendeo's own
 * samples mix "ReceiverCityId": "35" and 34, DeliveryType and deliveryType).
 */
export type Answer =
  | Readonly<{ ok: true; result: unknown }>
  /** A documented error (code) or an undocumented one the emulator words itself (code null, StatusCode 500). */
  | Readonly<{ ok: false; code: SendeoErrorCode | null; message: string }>

export type Ctx = Readonly<{ opts: ResolvedOptions; state: SendeoState; musteri: string }>

type Row = Record<string, unknown>

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '')
const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : Number.NaN)
const fail = (code: SendeoErrorCode): Answer => ({ ok: false, code, message: SendeoError[code] })
const TR_OFFSET_MS = 3 * 3_600_000

/** "dd/MM/yyyy HH:mm:ss" in Turkey time, the UpdateDate/SendDate format (docs/reference/carriers.md §7). */
export function trDate(ms: number): string {
  const i = new Date(ms + TR_OFFSET_MS).toISOString()
  return `${i.slice(8, 10)}/${i.slice(5, 7)}/${i.slice(0, 4)} ${i.slice(11, 19)}`
}

/** StatusDate as a .NET DateTime serializes without offset (Sendeo's C# client types it DateTime), Turkey time. */
const trIsoLocal = (ms: number) => new Date(ms + TR_OFFSET_MS).toISOString().slice(0, 19)

type Party = { name: string; address: string; cityId: number; districtId: number; phone: string }

function party(b: Row, p: 'sender' | 'receiver'): Party {
  return {
    name: str(b[p]),
    address: str(b[`${p}address`]),
    cityId: num(b[`${p}cityid`]),
    districtId: num(b[`${p}districtid`]),
    phone: str(b[`${p}gsm`]) || str(b[`${p}phone`]),
  }
}

/** The checks of one party in the order of the SetDelivery error table; base 200 = receiver, 300 = sender. */
function checkParty(x: Party, base: 200 | 300): Answer | null {
  const c = (n: number) => fail((base + n) as SendeoErrorCode)
  if (x.name === '') return c(1)
  if (x.phone === '') return c(7)
  if (x.address === '') return c(2)
  if (!(x.districtId > 0)) return c(3)
  if (!(x.cityId > 0)) return c(4)
  if (!isSendeoCityId(x.cityId)) return c(5)
  if (!sendeoDistrict(x.cityId, x.districtId)) return c(6)
  return null
}

function result(d: EmulatedSendeoDelivery, labelType: number, withShipmentId: boolean): Row {
  return {
    TrackingNumber: d.trackingNumber,
    ...(withShipmentId ? { ShipmentId: Number(d.trackingNumber.slice(-6)) } : {}),
    TrackingUrl: `https://sube.sendeo.com.tr/takip?ccode=${d.trackingNumber}&musref=${encodeURIComponent(d.referenceNo)}`,
    ...labelFields(d, labelType),
    BarcodeNumbers: d.barcodeNumbers,
  }
}

export function setDelivery(ctx: Ctx, raw: unknown): Answer {
  const b = (lowerKeys(raw) ?? {}) as Row
  const referenceNo = str(b.referenceno)
  if (referenceNo === '') return fail(102)
  const deliveryType = num(b.deliverytype)
  if (![1, 2, 3, 4, 5, 6].includes(deliveryType)) return fail(103)
  const rawProducts = Array.isArray(b.products) ? (b.products as Row[]) : []
  if (rawProducts.length === 0) return fail(104)
  if (num(b.paymenttype) !== 1) return fail(411)
  const collectionType = num(b.collectiontype)
  if (![0, 1, 2].includes(collectionType)) return fail(105)
  const products: SendeoProductLine[] = rawProducts.map((p) => ({
    count: Math.max(1, num(p.count) || 1),
    deci: num(p.deci) || 0,
    weigth: num(p.weigth) || 0,
    deciWeight: num(p.deciweight) || 0,
    price: num(p.price) || 0,
  }))
  if (collectionType !== 0 && products.reduce((s, p) => s + p.price, 0) <= 0) return fail(410)
  const receiver = party(b, 'receiver')
  const sender = party(b, 'sender')
  // Receiver fields are required for types 1 and 3 (not 2); sender fields for 2 and 3 (type 1 ships from the account's location).
  if (deliveryType !== 2) {
    const e = checkParty(receiver, 200)
    if (e) return e
  }
  if (deliveryType === 2 || deliveryType === 3) {
    const e = checkParty(sender, 300)
    if (e) return e
  }
  const existing = ctx.state.find(ctx.musteri, referenceNo)
  if (existing && ctx.opts.rejectDuplicateReference && !(SENDEO_CANCELLED_STATUSES as readonly number[]).includes(currentStatusId(existing))) {
    // Not documented: the wording is the emulator's, sent with StatusCode 500.
    return { ok: false, code: null, message: 'Delivery Reference No Already Exists.' }
  }
  const trackingNumber = ctx.state.nextTrackingNumber()
  const parcels = products.reduce((s, p) => s + p.count, 0)
  const now = ctx.opts.now()
  const d: EmulatedSendeoDelivery = {
    referenceNo,
    trackingNumber,
    musteri: ctx.musteri,
    deliveryType,
    sender,
    receiver,
    collectionType,
    collectionPrice: num(b.collectionprice) || 0,
    products,
    barcodeNumbers: Array.from({ length: parcels }, (_, i) => `${trackingNumber}${String(i + 1).padStart(3, '0')}`),
    customerReferenceType: str(b.customerreferencetype),
    body: raw as Row,
    createdAtMs: now,
    history: [{ statusId: SENDEO_CHAIN[0] as number, atMs: now }],
  }
  ctx.state.add(d)
  return { ok: true, result: result(d, num(b.barcodelabeltype), false) }
}

/** GETBARCODE {referenceNo, barcodeLabelType}. An unknown reference is not documented: answered like CANCELDELIVERY's 702 (or as a server error, by option). */
export function getBarcode(ctx: Ctx, raw: unknown): Answer {
  const b = (lowerKeys(raw) ?? {}) as Row
  const d = ctx.state.find(ctx.musteri, str(b.referenceno))
  if (!d || str(b.referenceno) === '')
    return ctx.opts.unknownReferenceAnswer === 'serverError' ? { ok: false, code: null, message: 'Internal Server Error' } : fail(702)
  return { ok: true, result: result(d, num(b.barcodelabeltype), true) }
}

function keyOf(q: URLSearchParams): string {
  const get = (name: string) => [...q.entries()].find(([k]) => k.toLowerCase() === name)?.[1]?.trim() ?? ''
  return get('trackingnumber') || get('trackingno') || get('referenceno')
}

/** CANCELDELIVERY ?trackingNumber|referenceNo: only in status 101 (else 703), repeat included. */
export function cancelDelivery(ctx: Ctx, q: URLSearchParams): Answer {
  const key = keyOf(q)
  if (key === '') return fail(701)
  const d = ctx.state.find(ctx.musteri, key)
  if (!d) return fail(702)
  if (currentStatusId(d) !== 101) return fail(703)
  d.history.push({ statusId: 139, atMs: ctx.opts.now() })
  return { ok: true, result: { IsSuccess: true } }
}

/** TRACKDELIVERY ?trackingNumber|trackingNo|referenceNo → the [SND] response table. */
export function trackDelivery(ctx: Ctx, q: URLSearchParams): Answer {
  const key = keyOf(q)
  if (key === '') return fail(701)
  const d = ctx.state.find(ctx.musteri, key)
  if (!d) return fail(702)
  const last = d.history.at(-1) ?? { statusId: 101, atMs: d.createdAtMs }
  const [stateText, description] = statusName(last.statusId)
  const deci = d.products.reduce((s, p) => s + Math.max(p.deci, p.weigth) * p.count, 0)
  return {
    ok: true,
    result: {
      TrackingNo: Number(d.trackingNumber),
      ReferenceNo: d.referenceNo,
      SendDate: trDate(d.createdAtMs),
      Receiver: d.receiver.name,
      CargoAmount: d.collectionPrice,
      Sender: d.sender.name,
      State: last.statusId,
      StateText: stateText,
      UpdateDate: trDate(last.atMs),
      DeliveryDescription: description,
      DealerId: 851,
      DeciWeight: deci,
      Quantity: d.barcodeNumbers.length,
      TotalPrice: Math.round((40 + deci * 4.5) * 100) / 100,
      departureBranchName: 'SANCAKTEPE DM',
      ArrivalBranchName: 'YENİMAHALLE DN',
      StatusHistories: d.history.map((h) => ({
        StatusDate: trIsoLocal(h.atMs),
        StatusId: h.statusId,
        Status: statusName(h.statusId)[0],
        Description: statusName(h.statusId)[1],
      })),
    },
  }
}
