import { KG_EMPTY_EVENT_DETAIL } from '../../protocols/kolaygelsin/kolaygelsin.codes'
import { lowerKeys } from '../../protocols/json/dotnet-json'
import { KG_EVENT_TYPES, KgMessage, type KgAccount, type ResolvedOptions } from './kolaygelsin.config'
import { addEvent, isDelivered, isPickedUp, isReturning, type EventSink } from './kolaygelsin.lifecycle'
import type { EmulatedKgShipment, KgItem, KgRecipient, KgState } from './kolaygelsin.state'

/**
 * The request methods of the Kolay Gelsin emulator ([KG] api-docs.md), each validating in the
 * order of the doc's error lists. Bodies are read with lower-cased keys, as a .NET service binds them.
 */
export type Answer = Readonly<{ ok: true; payload: unknown }> | Readonly<{ ok: false; message: string }>
export type Ctx = Readonly<{ opts: ResolvedOptions; state: KgState; account: KgAccount; sink: EventSink }>

type Row = Record<string, unknown>

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '')
const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : Number.NaN)
const row = (v: unknown): Row | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Row) : null)
const fail = (message: string): Answer => ({ ok: false, message })

/** TimeStamp as the doc's sample: "2021-05-13T18:28:01.882+03:00". */
export const kgTimeStamp = (ms: number) => `${new Date(ms + 3 * 3_600_000).toISOString().slice(0, 23)}+03:00`

/**
 * The recipient checks of SaveRecipient (and V2's inline recipient), in the doc's order. The
 * geocoder is the emulator's stand-in: an address text under 10 characters or without letters
 * cannot be located (GeoCodeFail).
 */
function readRecipient(ctx: Ctx, r: Row): KgRecipient | string {
  const type = num(r.recipienttype) === 2 ? 2 : 1
  const address = row(r.address)
  const only = r.onlydelivertorecipient === true
  const identity = str(r.recipientidentitynumber)
  const tax = str(r.recipienttaxidentitynumber)
  if (type === 1 && only && identity === '') return KgMessage.identityRequired
  if (type === 1 && only && !/^[1-9]\d{10}$/.test(identity)) return KgMessage.identityNotValid
  if (type === 2 && only && tax === '') return KgMessage.taxRequired
  if (type === 2 && only && !/^\d{10}$/.test(tax)) return KgMessage.taxNotValid
  if (!only && type === 2 && tax !== '' && /\D/.test(tax)) return KgMessage.taxBadChars
  if (!only && type === 1 && identity !== '' && /\D/.test(identity)) return KgMessage.identityBadChars
  const cityId = num(address?.cityid)
  const town = str(address?.townname)
  const text = str(address?.addresstext)
  const building = str(address?.buildingname) || str(address?.buldingname) // the swagger spells it BuldingName
  if (!address || Number.isNaN(cityId) || town === '' || text === '' || (type === 2 && building === '')) return KgMessage.errorSavingReceiver
  if (type === 1 && (str(r.recipientname) === '' || str(r.recipientsurname) === '')) return KgMessage.errorSavingReceiver
  if (type === 2 && str(r.recipienttitle) === '') return KgMessage.errorSavingReceiver
  if (!Number.isInteger(cityId) || cityId < 1 || cityId > 81) return KgMessage.cityNotFound
  if (text.length < 10 || !/\p{L}/u.test(text)) return KgMessage.geoCodeFail
  const covered = ctx.account.coveredCityIds ?? null
  if (covered && !covered.includes(cityId) && r.saveoutofcoverage !== true) return KgMessage.outOfCoverage
  return {
    recipientId: ctx.state.nextRecipientId(),
    username: ctx.account.username,
    recipientType: type,
    name: str(r.recipientname),
    surname: str(r.recipientsurname),
    title: str(r.recipienttitle),
    gsm: str(r.gsm),
    email: str(r.email),
    cityId,
    townName: town,
    addressText: text,
  }
}

export function saveRecipient(ctx: Ctx, raw: unknown): Answer {
  const r = readRecipient(ctx, (row(lowerKeys(raw)) ?? {}) as Row)
  if (typeof r === 'string') return fail(r)
  ctx.state.recipients.push(r)
  return { ok: true, payload: { RecipientId: r.recipientId } }
}

/** SaveIntegrationShipment (RecipientId only) and V2 (RecipientId or the recipient inline). */
export function saveShipment(ctx: Ctx, raw: unknown, v2: boolean): Answer {
  const b = (row(lowerKeys(raw)) ?? {}) as Row
  const sender = row(b.sendercustomer)
  if (!sender || num(sender.customerid) !== ctx.account.customerId) return fail(KgMessage.customerNotFound)
  const addressId = num(row(sender.address)?.addressid)
  if (!ctx.account.addressIds.includes(addressId)) return fail(KgMessage.addressNotOwned)
  const rec = row(b.recipient)
  if (!rec) return fail(v2 ? KgMessage.errorSavingReceiver : KgMessage.orderNotSaved)
  let recipient: KgRecipient | undefined
  if (rec.recipientid !== undefined && rec.recipientid !== null) {
    recipient = ctx.state.recipients.find((x) => x.recipientId === num(rec.recipientid) && x.username === ctx.account.username)
    if (!recipient) return fail(KgMessage.noContactsFound)
  } else if (v2) {
    const r = readRecipient(ctx, rec)
    if (typeof r === 'string') return fail(r)
    ctx.state.recipients.push(r)
    recipient = r
  } else {
    return fail(KgMessage.noContactsFound)
  }
  const items = Array.isArray(b.shipmentitemlist) ? (b.shipmentitemlist as unknown[]).map(row) : []
  if (items.length === 0 || items.some((i) => i === null)) return fail(KgMessage.somethingWentWrong)
  const packageType = num(b.packagetype)
  if (packageType !== 1 && packageType !== 2) return fail(KgMessage.moveOptionNotFound)
  const codAmount = num(b.senderinvoiceamount)
  if (codAmount > 0 && ctx.account.codAllowed === false) return fail(KgMessage.codNotAllowed)
  const code = str(b.customerspecificcode)
  if (
    ctx.opts.rejectDuplicateCode &&
    code !== '' &&
    ctx.state.shipments.some((s) => s.username === ctx.account.username && s.customerSpecificCode === code && !s.cancelled)
  ) {
    return fail(KgMessage.duplicateCode)
  }
  const now = ctx.opts.now()
  const s: EmulatedKgShipment = {
    shipmentId: ctx.state.nextShipmentId(),
    username: ctx.account.username,
    customerId: ctx.account.customerId,
    addressId,
    customerSpecificCode: code,
    recipient,
    packageType,
    payingParty: num(b.payingparty) === 2 ? 2 : 1,
    codAmount: codAmount > 0 ? codAmount : 0,
    productCodes: Array.isArray(b.productcodelist) ? (b.productcodelist as unknown[]).map(str) : [],
    items: (items as Row[]).map((i): KgItem => ({
      shipmentItemId: ctx.state.nextItemId(),
      customerBarcode: str(i.customerbarcode),
      customerTrackingId: str(i.customertrackingid),
      width: num(i.width) || 0,
      length: num(i.length) || 0,
      height: num(i.height) || 0,
      weight: num(i.weight) || 0,
      contentText: str(i.contenttext),
    })),
    events: [],
    cancelled: false,
    body: raw as Record<string, unknown>,
    createdAtMs: now,
  }
  ctx.state.shipments.push(s)
  addEvent(s, 1, now, ctx.sink)
  return {
    ok: true,
    payload: {
      ShipmentId: s.shipmentId,
      CustomerSpecificCode: s.customerSpecificCode,
      ShipmentTrackingLink: `https://esubebeta.klyglsn.com/track/${s.shipmentId}`,
      ShipmentItemLabelList: s.items.map((i, n) => ({
        ShipmentItemId: i.shipmentItemId,
        CustomerBarcode: i.customerBarcode,
        ShipmentItemIdLabel: htmlLabel(s, i, n + 1),
      })), // swagger.json's name
    },
  }
}

/** The HTML label Kolay Gelsin returns per parcel ([KG]: "Kolay Gelsin etiketi (HTML formatında)"); the layout is ours. */
function htmlLabel(s: EmulatedKgShipment, i: KgItem, n: number): string {
  const esc = (t: string) => t.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
  const name = s.recipient.recipientType === 2 ? s.recipient.title : `${s.recipient.name} ${s.recipient.surname}`
  return `<html><body><div class="kg-label"><h1>Kolay Gelsin</h1><p>${esc(name)}</p><p>${esc(s.recipient.addressText)}</p><p>${n}/${s.items.length}</p><p class="barcode">${esc(i.customerBarcode || i.shipmentItemId)}</p></div></body></html>`
}

/**
 * CancelPickupAndDelivery: before pickup the shipment is cancelled (no event is documented for it);
 * after pickup delivery ends and the return starts (31, with the new return ShipmentId). A repeat is
 * answered OK; a delivered or unknown shipment is refused with the emulator's own wording.
 */
export function cancelPickupAndDelivery(ctx: Ctx, raw: unknown): Answer {
  const b = (row(lowerKeys(raw)) ?? {}) as Row
  const s = ctx.state.findShipment(ctx.account.username, str(b.shipmentid))
  if (!s) return fail(KgMessage.shipmentNotFound)
  if (s.cancelled || isReturning(s)) return { ok: true, payload: null }
  if (isDelivered(s)) return fail(KgMessage.alreadyDelivered)
  if (!isPickedUp(s)) {
    s.cancelled = true
    return { ok: true, payload: null }
  }
  addEvent(s, 31, ctx.opts.now(), ctx.sink, {
    DeliveryCancellationReason: str(b.deliverycancellationreason) || '1',
    ReturnShipmentId: ctx.state.nextShipmentId(),
  })
  return { ok: true, payload: null }
}

/** One event as CargoEventLogModel / the flat webhook body share it. */
export function eventModel(e: { type: number; atMs: number; location: string; detail: Record<string, string> }): Record<string, unknown> {
  return {
    CargoEventType: String(e.type),
    TimeStamp: kgTimeStamp(e.atMs),
    LocationName: e.location,
    Latitude: '',
    Longitude: '',
    NumberPlate: '',
    CourierName: '',
    DocumentType: '0',
    DocumentId: '',
    EventDetailModel: { ...KG_EMPTY_EVENT_DETAIL, ...e.detail },
  }
}

/** GetCorporateShipmentsStatus: one model per parcel matching any list; only the reported events. */
export function corporateShipmentsStatus(ctx: Ctx, raw: unknown): Answer {
  const b = (row(lowerKeys(raw)) ?? {}) as Row
  const list = (k: string) => (Array.isArray(b[k]) ? (b[k] as unknown[]).map(str).filter(Boolean) : [])
  const [ids, codes, barcodes, trackingIds] = ['shipmentidlist', 'customerspecificcodelist', 'customerbarcodelist', 'customertrackingidlist'].map(list) as [
    string[],
    string[],
    string[],
    string[],
  ]
  if (ids.length + codes.length + barcodes.length + trackingIds.length === 0) return fail(KgMessage.allListsEmpty)
  if (ctx.account.webhookIntegrated === false) return fail(KgMessage.customerNotFound)
  const latest = b.onlylatestevents === true
  const models: Record<string, unknown>[] = []
  for (const s of ctx.state.shipments.filter((x) => x.username === ctx.account.username)) {
    const events = s.events.filter((e) => ctx.opts.reportedEvents === null || ctx.opts.reportedEvents.has(e.type))
    for (const i of s.items) {
      if (!(
        ids.includes(s.shipmentId) ||
        codes.includes(s.customerSpecificCode) ||
        barcodes.includes(i.customerBarcode) ||
        trackingIds.includes(i.customerTrackingId)
      ))
        continue
      models.push({
        ShipmentId: s.shipmentId,
        ShipmentItemId: i.shipmentItemId,
        CustomerTrackingId: i.customerTrackingId,
        CustomerBarcode: i.customerBarcode,
        CustomerSpecificCode: s.customerSpecificCode,
        CargoEventLogModelList: (latest ? events.slice(-1) : events).map(eventModel),
      })
    }
  }
  if (models.length === 0 && ctx.opts.unknownKeyAnswer === 'notFound') return fail(KgMessage.shipmentNotFound)
  return { ok: true, payload: ctx.opts.statusPayloadShape === 'array' ? models : { ShipmentModelList: models } }
}

export function cargoEventTypes(): Answer {
  return {
    ok: true,
    payload: { CargoEventTypeList: Object.entries(KG_EVENT_TYPES).map(([k, v]) => ({ CargoEventType: Number(k), EventCustomerDescription: v })) },
  }
}
