import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { z } from 'zod'
import { operationResponseSchemas, soapFaultSchema, type SoapFault } from './yurtici.schemas'

/**
 * SOAP 1.1 envelopes of Yurtiçi's ShippingOrderDispatcherServices (KOPS), built to the XSD in
 * protocols/yurtici/KOPSWebServices.wsdl: elements in schema order, every element without
 * minOccurs="0" present, local elements unqualified (the schema has no elementFormDefault), so only
 * the operation element carries the `ship:` prefix (docs/reference/carriers.md §1 [HT]).
 */

export const YURTICI_NS = 'http://yurticikargo.com.tr/ShippingOrderDispatcherServices'
export const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/'

export const YurticiOperation = {
  createShipment: 'createShipment',
  cancelShipment: 'cancelShipment',
  queryShipment: 'queryShipment',
  saveReturnShipmentCode: 'saveReturnShipmentCode',
} as const
export type YurticiOperation = (typeof YurticiOperation)[keyof typeof YurticiOperation]

/** One WS user: Yurtiçi issues one per payment type (docs/reference/carriers.md §1). */
export type YurticiCredentials = Readonly<{ username: string; password: string; language?: string }>

/** ShippingOrderVO in XSD order. The five numbers without minOccurs="0" are required by the schema. */
export type ShippingOrderVO = Readonly<{
  cargoKey?: string
  invoiceKey?: string
  receiverCustName?: string
  receiverAddress?: string
  cityName?: string
  townName?: string
  receiverPhone1?: string
  receiverPhone2?: string
  receiverPhone3?: string
  emailAddress?: string
  taxOfficeId: number
  taxNumber?: string
  taxOfficeName?: string
  desi?: number
  kg?: number
  cargoCount: number
  waybillNo?: string
  specialField1?: string
  specialField2?: string
  specialField3?: string
  ttInvoiceAmount?: number
  ttDocumentId: number
  ttCollectionType?: string
  ttDocumentSaveType?: string
  dcSelectedCredit: number
  dcCreditRule: number
  description?: string
  orgGeoCode?: string
  privilegeOrder?: string
  custProdId?: string
  orgReceiverCustId?: string
}>

/** The XSD sequence of ShippingOrderVO; the builder walks it, so order cannot drift. */
export const SHIPPING_ORDER_VO_ORDER = [
  'cargoKey', 'invoiceKey', 'receiverCustName', 'receiverAddress', 'cityName', 'townName',
  'receiverPhone1', 'receiverPhone2', 'receiverPhone3', 'emailAddress', 'taxOfficeId', 'taxNumber',
  'taxOfficeName', 'desi', 'kg', 'cargoCount', 'waybillNo', 'specialField1', 'specialField2',
  'specialField3', 'ttInvoiceAmount', 'ttDocumentId', 'ttCollectionType', 'ttDocumentSaveType',
  'dcSelectedCredit', 'dcCreditRule', 'description', 'orgGeoCode', 'privilegeOrder', 'custProdId',
  'orgReceiverCustId',
] as const satisfies readonly (keyof ShippingOrderVO)[]

const INTEGER_FIELDS = new Set<string>(['taxOfficeId', 'ttDocumentId', 'dcSelectedCredit', 'dcCreditRule', 'cargoCount', 'maxCount', 'keyType'])

// XML 1.0 allows tab, LF, CR and U+0020 upward, minus lone surrogates and U+FFFE/U+FFFF; anything
// else cannot be written even escaped, so it is dropped (a control char pasted into an address).
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Escapes customer text for element content (and attributes): & < > " ' and drops invalid chars. */
export function xmlEscape(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

function scalar(name: string, value: string | number | boolean): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${name} must be a finite number, got ${value}`)
    if (INTEGER_FIELDS.has(name) && !Number.isSafeInteger(value)) throw new TypeError(`${name} must be an integer, got ${value}`)
  }
  return String(value)
}

function el(name: string, value: string | number | boolean | undefined): string {
  return value === undefined ? '' : `<${name}>${xmlEscape(scalar(name, value))}</${name}>`
}

function envelope(operation: YurticiOperation, inner: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<soapenv:Envelope xmlns:soapenv="${SOAP_ENV_NS}" xmlns:ship="${YURTICI_NS}">` +
    `<soapenv:Header/><soapenv:Body><ship:${operation}>${inner}</ship:${operation}></soapenv:Body></soapenv:Envelope>`
  )
}

function auth(c: YurticiCredentials, languageElement: 'userLanguage' | 'wsLanguage'): string {
  // docs/reference/carriers.md §1: the language element is userLanguage for create/cancel, wsLanguage for query/RMA.
  return el('wsUserName', c.username) + el('wsPassword', c.password) + el(languageElement, c.language ?? 'TR')
}

export function shippingOrderXml(vo: ShippingOrderVO): string {
  return `<ShippingOrderVO>${SHIPPING_ORDER_VO_ORDER.map((k) => el(k, vo[k])).join('')}</ShippingOrderVO>`
}

export function buildCreateShipmentEnvelope(c: YurticiCredentials, orders: readonly ShippingOrderVO[]): string {
  return envelope(YurticiOperation.createShipment, auth(c, 'userLanguage') + orders.map(shippingOrderXml).join(''))
}

export function buildCancelShipmentEnvelope(c: YurticiCredentials, cargoKeys: readonly string[]): string {
  return envelope(YurticiOperation.cancelShipment, auth(c, 'userLanguage') + cargoKeys.map((k) => el('cargoKeys', k)).join(''))
}

export type QueryShipmentInput = Readonly<{
  keys: readonly string[]
  /** 0 = cargoKey, 1 = invoiceKey. */
  keyType: 0 | 1
  /** Adds the event history (invDocCargoVOArray). */
  addHistoricalData: boolean
  /** Only the tracking URL. */
  onlyTracking: boolean
}>

export function buildQueryShipmentEnvelope(c: YurticiCredentials, q: QueryShipmentInput): string {
  return envelope(
    YurticiOperation.queryShipment,
    auth(c, 'wsLanguage') +
      q.keys.map((k) => el('keys', k)).join('') +
      el('keyType', q.keyType) +
      el('addHistoricalData', q.addHistoricalData) +
      el('onlyTracking', q.onlyTracking),
  )
}

export type SaveReturnShipmentCodeInput = Readonly<{
  /** "16" İade Onay Kodu on live accounts; "53" or "3" on the test account (docs/reference/carriers.md §1 [YK-EH]). */
  fieldName: string
  returnCode: string
  /** YYYYMMDD. */
  startDate: string
  endDate: string
  maxCount: number
}>

export function buildSaveReturnShipmentCodeEnvelope(c: YurticiCredentials, r: SaveReturnShipmentCodeInput): string {
  return envelope(
    YurticiOperation.saveReturnShipmentCode,
    auth(c, 'wsLanguage') + el('fieldName', r.fieldName) + el('returnCode', r.returnCode) + el('startDate', r.startDate) + el('endDate', r.endDate) + el('maxCount', r.maxCount),
  )
}

// Repeated elements (maxOccurs="unbounded" in the XSD) are always arrays, even with one item.
const REPEATED = new Set(['shippingOrderDetailVO', 'shippingCancelDetailVO', 'shippingDeliveryDetailVO', 'invDocFieldVOArray', 'invDocCargoVOArray'])

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false, // leaves stay strings; zod decides what is a number
  trimValues: true,
  htmlEntities: true, // decodes numeric character references (&#304; → İ)
  isArray: (name) => REPEATED.has(name),
})

export type ParsedSoap<T> =
  | Readonly<{ kind: 'ok'; value: T }>
  | Readonly<{ kind: 'fault'; fault: SoapFault }>
  | Readonly<{ kind: 'invalid'; reason: string }>

export type OperationResult<O extends YurticiOperation> = z.output<(typeof operationResponseSchemas)[O]>

/**
 * Parses a response envelope: the operation's `…Response` element validated with its schema, a
 * SOAP Fault, or `invalid` (not XML, a DTD, no Body, a shape the schema refuses).
 */
export function parseSoapResponse<O extends YurticiOperation>(xml: string, operation: O): ParsedSoap<OperationResult<O>> {
  // SOAP 1.1 §3: a message must not contain a DTD; refusing it also closes the entity-expansion door.
  if (/<!DOCTYPE/i.test(xml)) return { kind: 'invalid', reason: 'the answer contains a DOCTYPE' }
  const valid = XMLValidator.validate(xml)
  if (valid !== true) return { kind: 'invalid', reason: `not well-formed XML: ${valid.err.msg} (line ${valid.err.line})` }
  const doc = parser.parse(xml) as Record<string, unknown>
  const body = (doc.Envelope as Record<string, unknown> | undefined)?.Body
  if (!body || typeof body !== 'object') return { kind: 'invalid', reason: 'no SOAP Envelope/Body' }
  const b = body as Record<string, unknown>
  if (b.Fault !== undefined) {
    const fault = soapFaultSchema.safeParse(b.Fault)
    return fault.success ? { kind: 'fault', fault: fault.data } : { kind: 'invalid', reason: 'a SOAP Fault without faultcode/faultstring' }
  }
  const response = b[`${operation}Response`]
  if (response === undefined) return { kind: 'invalid', reason: `no ${operation}Response in the Body` }
  const parsed = operationResponseSchemas[operation].safeParse(response === '' ? {} : response)
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    return { kind: 'invalid', reason: `${operation}Response does not match the WSDL: ${issues}` }
  }
  return { kind: 'ok', value: parsed.data as OperationResult<O> }
}
