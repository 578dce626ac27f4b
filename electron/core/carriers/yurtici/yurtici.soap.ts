import type { z } from 'zod'
import { CarrierNs } from '../../../../protocols/soap/carrier-namespaces'
import { soapEnvelope, SoapStyle } from '../../../../protocols/soap/soap-envelope'
import { soapResponseParser, type ParsedSoapAnswer } from '../../../../protocols/soap/soap-response.parser'
import { xmlElement } from '../../../../protocols/soap/xml-text'
import { faultDetailSchema, operationResponseSchemas, type SoapFault } from './yurtici.schemas'

/**
 * SOAP 1.1 envelopes of Yurtiçi's ShippingOrderDispatcherServices (KOPS), built to the XSD in
 * protocols/yurtici/KOPSWebServices.wsdl: elements in schema order, every element without
 * minOccurs="0" present, local elements unqualified (the schema has no elementFormDefault), so only
 * the operation element carries the `ship:` prefix (docs/reference/carriers.md §1 [HT]).
 */

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
  'cargoKey',
  'invoiceKey',
  'receiverCustName',
  'receiverAddress',
  'cityName',
  'townName',
  'receiverPhone1',
  'receiverPhone2',
  'receiverPhone3',
  'emailAddress',
  'taxOfficeId',
  'taxNumber',
  'taxOfficeName',
  'desi',
  'kg',
  'cargoCount',
  'waybillNo',
  'specialField1',
  'specialField2',
  'specialField3',
  'ttInvoiceAmount',
  'ttDocumentId',
  'ttCollectionType',
  'ttDocumentSaveType',
  'dcSelectedCredit',
  'dcCreditRule',
  'description',
  'orgGeoCode',
  'privilegeOrder',
  'custProdId',
  'orgReceiverCustId',
] as const satisfies readonly (keyof ShippingOrderVO)[]

const INTEGER_FIELDS = new Set<string>(['taxOfficeId', 'ttDocumentId', 'dcSelectedCredit', 'dcCreditRule', 'cargoCount', 'maxCount', 'keyType'])

function el(name: string, value: string | number | boolean | undefined): string {
  if (typeof value === 'number' && Number.isFinite(value) && INTEGER_FIELDS.has(name) && !Number.isSafeInteger(value)) {
    throw new TypeError(`${name} must be an integer, got ${value}`)
  }
  return xmlElement(name, value)
}

function envelope(operation: YurticiOperation, inner: string): string {
  return soapEnvelope(SoapStyle.soapUi, `<ship:${operation}>${inner}</ship:${operation}>`, { ship: CarrierNs.yurtici })
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
    auth(c, 'wsLanguage') +
      el('fieldName', r.fieldName) +
      el('returnCode', r.returnCode) +
      el('startDate', r.startDate) +
      el('endDate', r.endDate) +
      el('maxCount', r.maxCount),
  )
}

export type ParsedSoap<T> = ParsedSoapAnswer<T, SoapFault>

export type OperationResult<O extends YurticiOperation> = z.output<(typeof operationResponseSchemas)[O]>

/**
 * Parses a response envelope (protocols/soap): the operation's `…Response` element validated with its
 * schema, a SOAP Fault with its detail's errorCode, or `invalid` (not XML, a DTD, no Body, a shape the
 * schema refuses). Repeated elements (maxOccurs="unbounded" in the XSD) are always arrays.
 */
const parseAnswer = soapResponseParser<YurticiOperation, unknown, SoapFault>({
  repeated: ['shippingOrderDetailVO', 'shippingCancelDetailVO', 'shippingDeliveryDetailVO', 'invDocFieldVOArray', 'invDocCargoVOArray'],
  body: (response, operation: YurticiOperation) => {
    const parsed = operationResponseSchemas[operation].safeParse(response === '' ? {} : response)
    if (parsed.success) return { ok: true, body: parsed.data }
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ')
    return { ok: false, reason: `${operation}Response does not match the WSDL: ${issues}` }
  },
  fault: (fault, detail): SoapFault => {
    const d = faultDetailSchema.safeParse(detail)
    return { ...fault, ...(d.success ? d.data : { errorCode: null, errText: null }) }
  },
})

export function parseSoapResponse<O extends YurticiOperation>(xml: string, operation: O): ParsedSoap<OperationResult<O>> {
  return parseAnswer(xml, operation) as ParsedSoap<OperationResult<O>>
}
