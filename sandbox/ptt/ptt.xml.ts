import { CarrierNs } from '../../protocols/soap/carrier-namespaces'
import { soapEnvelope, SoapStyle } from '../../protocols/soap/soap-envelope'
import { soapFaultEnvelope } from '../../protocols/soap/soap-fault'
import { isSoapRequestProblem, openSoapRequest, type SoapRequestProblem } from '../../protocols/soap/soap-request.reader'
import { asXmlObj, childrenIn, elementKeys, elementNs, leafText, localName, scopedXmlParser, type XmlObj } from '../../protocols/soap/xml-scope'
import { redactXmlElements, xmlEscape } from '../../protocols/soap/xml-text'
import type { PttService } from './ptt.config'

/**
 * SOAP 1.1 in and out for both PTT services (docs/reference/carriers.md §4), on protocols/soap. A request's
 * operation element must be in the service namespace (kabul / takip) and hold one wrapper element
 * (`input`, `inpDelete`) in the same namespace, whose children are in the …/xsd namespace. Unqualified
 * children are read too: BX probed the live acceptance service and it answers them the same. Answers use
 * Axis2's shape (`ns:<op>Response/ns:return` with ax21-prefixed children) or Axis 1.4's for tracking.
 */

export type Fields = Readonly<Record<string, string | undefined>>
export type DonguIn = Readonly<{ fields: Fields; gonderici: Fields | null }>

export type ParsedPttRequest = Readonly<{
  operation: string
  wrapper: string
  fields: Fields
  dongu: readonly DonguIn[]
  gonderici: Fields | null
}>

export type EnvelopeProblem = SoapRequestProblem

const parser = scopedXmlParser(['dongu'])

/** Axis2's words for an envelope it cannot take. */
const AXIS2_WORDING = {
  doctype: 'DTD is not allowed in a SOAP message',
  malformed: (msg: string, line: number) => `com.ctc.wstx.exc.WstxParsingException: ${msg} at line ${line}`,
  noRoot: 'no root element',
  soap12: 'Only SOAP 1.1 envelopes are emulated (text/xml)',
  notEnvelope: (found: string) => `First Element must contain the local name, Envelope, but found ${found}`,
  noBody: 'SOAP Envelope can not have a Header without a Body',
  emptyBody: 'The endpoint reference (EPR) for the Operation not found: the Body is empty',
  wrongNamespace: (found: string) => `The endpoint reference (EPR) for the Operation not found is ${found}`,
} as const

/** Children in the xsd namespace (or unqualified) by local name. */
const children = (node: unknown, scopes: readonly XmlObj[], xsdNs: string) => childrenIn(node, scopes, (ns) => ns === xsdNs || ns === '')

function fieldsOf(node: unknown, scopes: readonly XmlObj[], xsdNs: string): Fields {
  const out: Record<string, string | undefined> = {}
  for (const [k, v] of children(node, scopes, xsdNs)) if (k !== 'dongu' && k !== 'gondericibilgi') out[k] = leafText(v)
  return out
}

export function parsePttRequest(xml: string, service: PttService): ParsedPttRequest | EnvelopeProblem {
  const serviceNs = service === 'acceptance' ? CarrierNs.pttKabul : CarrierNs.pttTakip
  const xsdNs = service === 'acceptance' ? CarrierNs.pttKabulXsd : CarrierNs.pttTakipXsd
  const opened = openSoapRequest(xml, { parser, operationNs: serviceNs, faultPrefix: 'soapenv', wording: AXIS2_WORDING })
  if (isSoapRequestProblem(opened)) return opened
  const client = (faultstring: string): EnvelopeProblem => ({ faultcode: 'soapenv:Client', faultstring })
  const op = opened.element
  const scopes = [...opened.scopes, asXmlObj(op)]
  const wrapperKeys = elementKeys(op)
  const wrapperKey = wrapperKeys[0]
  if (!wrapperKey || wrapperKeys.length > 1) return client(`${opened.operation} expects exactly one wrapper element`)
  const wrapper = asXmlObj(op)[wrapperKey]
  const wrapperNs = elementNs(wrapperKey, wrapper, scopes)
  if (wrapperNs !== serviceNs && wrapperNs !== '') return client(`Unexpected subelement {${wrapperNs}}${localName(wrapperKey)}`)
  const wScopes = [...scopes, asXmlObj(wrapper)]
  const kids = children(wrapper, scopes, xsdNs)
  const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])
  const gOf = (v: unknown, s: readonly XmlObj[]) => (v === undefined ? null : fieldsOf(Array.isArray(v) ? v[0] : v, s, xsdNs))
  return {
    operation: opened.operation,
    wrapper: localName(wrapperKey),
    fields: fieldsOf(wrapper, scopes, xsdNs),
    dongu: list(kids.get('dongu')).map((d) => {
      const inner = children(d, wScopes, xsdNs)
      return { fields: fieldsOf(d, wScopes, xsdNs), gonderici: gOf(inner.get('gondericibilgi'), [...wScopes, asXmlObj(d)]) }
    }),
    gonderici: gOf(kids.get('gondericibilgi'), wScopes),
  }
}

export function isEnvelopeProblem(p: ParsedPttRequest | EnvelopeProblem): p is EnvelopeProblem {
  return isSoapRequestProblem(p)
}

export type OutValue = string | number | null | undefined | readonly OutRow[]
export type OutRow = Readonly<Record<string, OutValue>>

/** Children in the given order with `prefix`; arrays repeat the element, null/undefined are left out. */
export function elements(prefix: string, row: OutRow): string {
  return Object.entries(row)
    .map(([k, v]) => {
      if (v === undefined || v === null) return ''
      if (Array.isArray(v)) return (v as readonly OutRow[]).map((r) => `<${prefix}:${k}>${elements(prefix, r)}</${prefix}:${k}>`).join('')
      return `<${prefix}:${k}>${xmlEscape(String(v))}</${prefix}:${k}>`
    })
    .join('')
}

/** Axis2: `<ns:<op>Response><ns:return>` with ax21 children (kabul.ptt.gov.tr/xsd). */
export function acceptanceResponse(operation: string, result: OutRow): string {
  const ns = CarrierNs.pttKabul
  const inner = `<ns:return xmlns:ax21="${CarrierNs.pttKabulXsd}">${elements('ax21', result)}</ns:return>`
  return soapEnvelope(SoapStyle.axis2, `<ns:${operation}Response xmlns:ns="${ns}">${inner}</ns:${operation}Response>`)
}

/** Axis 1.4: `<ns1:<op>Response><ns1:return|<op>Return>` with children in the takip xsd namespace. */
export function trackingResponse(operation: string, returnElement: string, result: OutRow): string {
  const inner = `<ns1:${returnElement} xmlns:ax="${CarrierNs.pttTakipXsd}">${elements('ax', result)}</ns1:${returnElement}>`
  return soapEnvelope(SoapStyle.axis14, `<ns1:${operation}Response xmlns:ns1="${CarrierNs.pttTakip}">${inner}</ns1:${operation}Response>`)
}

export function faultEnvelope(faultcode: string, faultstring: string): string {
  return soapFaultEnvelope(SoapStyle.axis2, { faultcode, faultstring, detail: '' })
}

/** The request body for the log: every sifre's content replaced, whatever its prefix. */
export function redactSifre(xml: string): string {
  return redactXmlElements(xml, ['sifre'])
}
