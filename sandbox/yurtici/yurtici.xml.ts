import { CarrierNs } from '../../protocols/soap/carrier-namespaces'
import { SOAP11_NS, SOAP12_NS, soapEnvelope, SoapStyle } from '../../protocols/soap/soap-envelope'
import { soapFaultEnvelope } from '../../protocols/soap/soap-fault'
import { isSoapRequestProblem, openSoapRequest, type SoapRequestProblem } from '../../protocols/soap/soap-request.reader'
import { asXmlObj, childrenIn, leafText, scopedXmlParser, type XmlObj } from '../../protocols/soap/xml-scope'
import { redactXmlElements, xmlElement, xmlEscape, xmlSequence } from '../../protocols/soap/xml-text'

/**
 * SOAP 1.1 in and out, as a JAX-WS endpoint does it (protocols/soap): the operation element must be in
 * the service namespace; its children are unqualified (the XSD has no elementFormDefault), so a child
 * sent in a namespace is not bound and reads as missing, which is what a prefixed `ship:cargoKey` earns
 * on the real service. Answers use JAX-WS's shape (`S:` envelope, `ns2:` operation response).
 */

export type Fields = Readonly<Record<string, string | undefined>>

export type ParsedRequest = Readonly<{
  operation: string
  /** Scalar children of the operation element (last one wins, like JAXB). */
  fields: Fields
  /** Repeated children: ShippingOrderVO rows, cargoKeys, keys. */
  orders: readonly Fields[]
  cargoKeys: readonly string[]
  keys: readonly string[]
}>

export type EnvelopeProblem = SoapRequestProblem

const REPEATED = ['ShippingOrderVO', 'cargoKeys', 'keys']
const parser = scopedXmlParser(REPEATED)

/** JAX-WS RI's words for an envelope it cannot take. */
const JAXWS_WORDING = {
  doctype: "Couldn't create SOAP message: DOCTYPE is not allowed in a SOAP message",
  malformed: (msg: string) => `Couldn't create SOAP message due to exception: XML reader error: ${msg}`,
  noRoot: "Couldn't create SOAP message: no root element",
  soap12: `Couldn't create SOAP message. Expecting Envelope in namespace ${SOAP11_NS}, but got ${SOAP12_NS}`,
  notEnvelope: (found: string) => `Couldn't create SOAP message. Expecting Envelope in namespace ${SOAP11_NS}, but got ${found}`,
  noBody: "Couldn't create SOAP message: the Envelope has no Body",
  emptyBody: 'Cannot find dispatch method for an empty Body',
  wrongNamespace: (found: string) => `Cannot find dispatch method for ${found}`,
} as const

/** Unqualified children of an element by name (qualified ones are not bound). */
const unqualified = (node: unknown, scopes: readonly XmlObj[]) => childrenIn(node, scopes, (ns) => ns === '')

function fieldsOf(node: unknown, scopes: readonly XmlObj[]): Fields {
  const out: Record<string, string | undefined> = {}
  for (const [k, v] of unqualified(node, scopes)) if (!REPEATED.includes(k)) out[k] = leafText(v)
  return out
}

export function parseRequestEnvelope(xml: string): ParsedRequest | EnvelopeProblem {
  const opened = openSoapRequest(xml, { parser, operationNs: CarrierNs.yurtici, faultPrefix: 'S', wording: JAXWS_WORDING })
  if (isSoapRequestProblem(opened)) return opened
  const { element, scopes } = opened
  const children = unqualified(element, scopes)
  const opScopes = [...scopes, asXmlObj(element)]
  const list = (name: string): unknown[] => {
    const v = children.get(name)
    return v === undefined ? [] : Array.isArray(v) ? v : [v]
  }
  return {
    operation: opened.operation,
    fields: fieldsOf(element, scopes),
    orders: list('ShippingOrderVO').map((vo) => fieldsOf(vo, opScopes)),
    cargoKeys: list('cargoKeys').map((v) => leafText(v) ?? ''),
    keys: list('keys').map((v) => leafText(v) ?? ''),
  }
}

export function isEnvelopeProblem(p: ParsedRequest | EnvelopeProblem): p is EnvelopeProblem {
  return isSoapRequestProblem(p)
}

/** `<name>value</name>`, or nothing for undefined/null (minOccurs="0" left out). */
export const el = xmlElement

/** Elements in the given (XSD) order; undefined values are left out. */
export function ordered(order: readonly string[], values: Readonly<Record<string, string | number | null | undefined>>): string {
  return xmlSequence(order, values)
}

export function responseEnvelope(operation: string, inner: string): string {
  return soapEnvelope(SoapStyle.jaxWs, `<ns2:${operation}Response xmlns:ns2="${CarrierNs.yurtici}">${inner}</ns2:${operation}Response>`)
}

/** A SOAP 1.1 Fault; service exceptions carry the WSDL's YurticikargoWSException as detail. */
export function faultEnvelope(faultcode: string, faultstring: string, detail?: Readonly<{ errorCode: number; errText: string }>): string {
  const d = detail
    ? `<ns2:YurticikargoWSException xmlns:ns2="${CarrierNs.yurticiExceptions}">` +
      `<errorCode>${detail.errorCode}</errorCode><errText>${xmlEscape(detail.errText)}</errText></ns2:YurticikargoWSException>`
    : undefined
  return soapFaultEnvelope(SoapStyle.jaxWs, { faultcode, faultstring, detail: d })
}

/** The request body for the log: wsPassword content replaced, whatever its prefix. */
export function redactPassword(xml: string): string {
  return redactXmlElements(xml, ['wsPassword'])
}
