import { arasOrderXml, type ArasOrderField } from '../../../../protocols/aras/aras.order'
import { CarrierNs } from '../../../../protocols/soap/carrier-namespaces'
import { defaultNsElement, soapEnvelope, SoapStyle } from '../../../../protocols/soap/soap-envelope'
import { soapResponseParser, type ParsedSoapAnswer } from '../../../../protocols/soap/soap-response.parser'
import { redactXmlElements, xmlElement } from '../../../../protocols/soap/xml-text'
import type { SoapFault } from '../../../../protocols/soap/soap-fault'

export type { SoapFault }

/**
 * SOAP 1.1 envelopes for Aras's two services (docs/reference/carriers.md §2): the ASMX shipment service
 * (SetOrder, GetOrderWithIntegrationCode, CancelDispatch, GetBarcode) and the WCF query service
 * (GetQueryJSON). Both use the namespace http://tempuri.org/; the operation element carries it as
 * the default namespace so its arguments are qualified too (ASMX ignores unqualified arguments).
 */

export const ARAS_NS = CarrierNs.tempuri

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

/** `<name>text</name>`, or nothing when the value is undefined (the element is left out). */
export function el(name: string, value: string | undefined): string {
  return xmlElement(name, value)
}

export function envelope(operation: ArasOperation, inner: string): string {
  return soapEnvelope(SoapStyle.asmx, defaultNsElement(operation, ARAS_NS, inner))
}

export type OrderField = ArasOrderField

export type PieceDetail = Readonly<{ VolumetricWeight?: string; Weight?: string; BarcodeNumber: string; ProductNumber?: string; Description?: string }>

export type ArasOrder = Readonly<Partial<Record<OrderField, string>> & { PieceDetails: readonly PieceDetail[] }>

export type ArasCredentials = Readonly<{ username: string; password: string }>
export type ArasQueryCredentials = Readonly<{ username: string; password: string; customerCode: string }>

export function orderXml(order: ArasOrder): string {
  return arasOrderXml(order, order.PieceDetails)
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
  return redactXmlElements(text, ['password'])
}

export type ParsedSoap = ParsedSoapAnswer

/**
 * The `<op>Response` element of an answer, a SOAP 1.1 or 1.2 fault, or `invalid` (not XML, a DTD, no
 * Body) (protocols/soap). Repeated elements of the service's types are always arrays, even with one item.
 */
export const parseSoapResponse: (xml: string, operation: ArasOperation) => ParsedSoap = soapResponseParser<ArasOperation>({
  repeated: ['OrderResultInfo', 'Order', 'PieceDetail', 'string', 'BarcodeModel'],
})
