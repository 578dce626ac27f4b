import { XMLParser, XMLValidator } from 'fast-xml-parser'

/**
 * SOAP 1.1 envelopes for Aras's two services (docs/reference/carriers.md §2): the ASMX shipment service
 * (SetOrder, GetOrderWithIntegrationCode, CancelDispatch, GetBarcode) and the WCF query service
 * (GetQueryJSON). Both use the namespace http://tempuri.org/; the operation element carries it as
 * the default namespace so its arguments are qualified too (ASMX ignores unqualified arguments).
 */

export const ARAS_NS = 'http://tempuri.org/'
export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/'

export const ArasOperation = {
  SetOrder: 'SetOrder',
  GetOrderWithIntegrationCode: 'GetOrderWithIntegrationCode',
  CancelDispatch: 'CancelDispatch',
  GetBarcode: 'GetBarcode',
  GetQueryJSON: 'GetQueryJSON',
} as const
export type ArasOperation = (typeof ArasOperation)[keyof typeof ArasOperation]

/** docs/reference/carriers.md §2: `http://tempuri.org/<Op>` on the ASMX; the WCF query service prefixes its contract name. */
export function soapActionOf(operation: ArasOperation): string {
  return operation === ArasOperation.GetQueryJSON ? `${ARAS_NS}IArasCargoIntegrationService/GetQueryJSON` : `${ARAS_NS}${operation}`
}

// XML 1.0 forbids these even escaped; a control character pasted into an address is dropped.
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Escapes text for element content: & < > " ' and drops characters XML cannot carry. */
export function xmlEscape(text: string): string {
  return text.replace(INVALID_XML_CHARS, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

/** `<name>text</name>`, or nothing when the value is undefined (the element is left out). */
export function el(name: string, value: string | undefined): string {
  return value === undefined ? '' : `<${name}>${xmlEscape(value)}</${name}>`
}

export function envelope(operation: ArasOperation, inner: string): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<soap:Envelope xmlns:soap="${SOAP11_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">` +
    `<soap:Body><${operation} xmlns="${ARAS_NS}">${inner}</${operation}></soap:Body></soap:Envelope>`
  )
}

/** The Order fields in the order of the service's Order type (GetOrderWithIntegrationCode sample, SetOrder doc). */
export const ORDER_FIELDS = [
  'UserName', 'Password', 'TradingWaybillNumber', 'InvoiceNumber', 'ReceiverName', 'ReceiverAddress',
  'ReceiverPhone1', 'ReceiverPhone2', 'ReceiverPhone3', 'ReceiverCityName', 'ReceiverTownName',
  'VolumetricWeight', 'Weight', 'PieceCount', 'SpecialField1', 'SpecialField2', 'SpecialField3',
  'CodAmount', 'CodCollectionType', 'CodBillingType', 'IntegrationCode', 'Description', 'TaxNumber',
  'TaxOffice', 'PrivilegeOrder', 'CityCode', 'TownCode', 'ReceiverDistrictName', 'ReceiverQuarterName',
  'ReceiverAvenueName', 'ReceiverStreetName', 'PayorTypeCode', 'IsWorldWide', 'IsCod',
] as const
export type OrderField = (typeof ORDER_FIELDS)[number]

export type PieceDetail = Readonly<{ VolumetricWeight?: string; Weight?: string; BarcodeNumber: string; ProductNumber?: string; Description?: string }>

export type ArasOrder = Readonly<Partial<Record<OrderField, string>> & { PieceDetails: readonly PieceDetail[] }>

export type ArasCredentials = Readonly<{ username: string; password: string }>
export type ArasQueryCredentials = Readonly<{ username: string; password: string; customerCode: string }>

function pieceXml(p: PieceDetail): string {
  return `<PieceDetail>${el('VolumetricWeight', p.VolumetricWeight)}${el('Weight', p.Weight)}${el('BarcodeNumber', p.BarcodeNumber)}${el('ProductNumber', p.ProductNumber)}${el('Description', p.Description)}</PieceDetail>`
}

export function orderXml(order: ArasOrder): string {
  const pieces = order.PieceDetails.length > 0 ? `<PieceDetails>${order.PieceDetails.map(pieceXml).join('')}</PieceDetails>` : ''
  return `<Order>${ORDER_FIELDS.map((f) => el(f, order[f])).join('')}${pieces}</Order>`
}

/** SetOrder{orderInfo{Order[]},userName,password}: credentials inside each Order and again as arguments (§2). */
export function buildSetOrderEnvelope(c: ArasCredentials, orders: readonly ArasOrder[]): string {
  const withAuth = orders.map((o) => orderXml({ ...o, UserName: c.username, Password: c.password }))
  return envelope(ArasOperation.SetOrder, `<orderInfo>${withAuth.join('')}</orderInfo>${el('userName', c.username)}${el('password', c.password)}`)
}

export function buildGetOrderWithIntegrationCodeEnvelope(c: ArasCredentials, integrationCode: string): string {
  return envelope(ArasOperation.GetOrderWithIntegrationCode, el('userName', c.username) + el('password', c.password) + el('integrationCode', integrationCode))
}

export function buildCancelDispatchEnvelope(c: ArasCredentials, integrationCode: string): string {
  return envelope(ArasOperation.CancelDispatch, el('userName', c.username) + el('password', c.password) + el('integrationCode', integrationCode))
}

/** GetBarcode spells its credentials `Username`/`Password` (docs/reference/carriers.md §2 [HT]). */
export function buildGetBarcodeEnvelope(c: ArasCredentials, integrationCode: string): string {
  return envelope(ArasOperation.GetBarcode, el('Username', c.username) + el('Password', c.password) + el('integrationCode', integrationCode))
}

export type QueryKey = Readonly<{ IntegrationCode: string }> | Readonly<{ TrackingNumber: string }>

/** The XML-string arguments of GetQueryJSON (docs/reference/carriers.md §2): they travel escaped inside the envelope. */
export function loginInfoXml(c: ArasQueryCredentials): string {
  return `<LoginInfo>${el('UserName', c.username)}${el('Password', c.password)}${el('CustomerCode', c.customerCode)}</LoginInfo>`
}

export function queryInfoXml(queryType: number, key: QueryKey): string {
  const keyXml = 'IntegrationCode' in key ? el('IntegrationCode', key.IntegrationCode) : el('TrackingNumber', key.TrackingNumber)
  return `<QueryInfo><QueryType>${queryType}</QueryType>${keyXml}</QueryInfo>`
}

export function buildGetQueryJsonEnvelope(c: ArasQueryCredentials, queryType: number, key: QueryKey): string {
  return envelope(ArasOperation.GetQueryJSON, el('loginInfo', loginInfoXml(c)) + el('queryInfo', queryInfoXml(queryType, key)))
}

/** Every password in a request or response, raw or escaped inside loginInfo, replaced by [redacted]. */
export function redactArasSecrets(text: string): string {
  return text
    .replace(/(<(?:[\w.-]+:)?password\b[^>]*>)[\s\S]*?(<\/(?:[\w.-]+:)?password>)/gi, '$1[redacted]$2')
    .replace(/(&lt;Password&gt;)[\s\S]*?(&lt;\/Password&gt;)/gi, '$1[redacted]$2')
}

// Repeated elements of the service's types: always arrays, even with one item.
const REPEATED = new Set(['OrderResultInfo', 'Order', 'PieceDetail', 'string', 'BarcodeModel'])

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false, // leaves stay strings; zod decides
  trimValues: true,
  htmlEntities: true,
  isArray: (name) => REPEATED.has(name),
})

export type SoapFault = Readonly<{ faultcode: string; faultstring: string }>

export type ParsedSoap =
  | Readonly<{ kind: 'ok'; body: unknown }>
  | Readonly<{ kind: 'fault'; fault: SoapFault }>
  | Readonly<{ kind: 'invalid'; reason: string }>

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')

/** The `<op>Response` element of an answer, a SOAP 1.1 fault, or `invalid` (not XML, a DTD, no Body). */
export function parseSoapResponse(xml: string, operation: ArasOperation): ParsedSoap {
  // SOAP 1.1 §3 forbids a DTD in a message; refusing it also closes the entity-expansion door.
  if (/<!DOCTYPE/i.test(xml)) return { kind: 'invalid', reason: 'the answer contains a DOCTYPE' }
  const valid = XMLValidator.validate(xml)
  if (valid !== true) return { kind: 'invalid', reason: `not well-formed XML: ${valid.err.msg} (line ${valid.err.line})` }
  const doc = parser.parse(xml) as Record<string, unknown>
  const body = (doc.Envelope as Record<string, unknown> | undefined)?.Body
  if (!body || typeof body !== 'object') return { kind: 'invalid', reason: 'no SOAP Envelope/Body' }
  const b = body as Record<string, unknown>
  if (b.Fault !== undefined) {
    const f = (b.Fault ?? {}) as Record<string, unknown>
    const faultcode = text(f.faultcode) || text((f.Code as Record<string, unknown> | undefined)?.Value)
    const faultstring = text(f.faultstring) || text((f.Reason as Record<string, unknown> | undefined)?.Text)
    return faultcode ? { kind: 'fault', fault: { faultcode, faultstring } } : { kind: 'invalid', reason: 'a SOAP Fault without faultcode' }
  }
  const response = b[`${operation}Response`]
  if (response === undefined) return { kind: 'invalid', reason: `no ${operation}Response in the Body` }
  return { kind: 'ok', body: response === '' ? {} : response }
}
