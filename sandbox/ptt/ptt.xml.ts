import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { KABUL_NS, KABUL_XSD_NS, SOAP11_NS, SOAP12_NS, TAKIP_NS, TAKIP_XSD_NS, type PttService } from './ptt.config'

/**
 * SOAP 1.1 in and out for both PTT services (docs/reference/carriers.md §4). A request's operation element must be
 * in the service namespace (kabul / takip) and hold one wrapper element (`input`, `inpDelete`) in the
 * same namespace, whose children are in the …/xsd namespace. Unqualified children are read too: BX
 * probed the live acceptance service and it answers them the same. Answers use Axis2's shape
 * (`ns:<op>Response/ns:return` with ax21-prefixed children) or Axis 1.4's for tracking.
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

export type EnvelopeProblem = Readonly<{ faultcode: string; faultstring: string }>

type Node = Record<string, unknown>
const local = (qname: string) => qname.slice(qname.indexOf(':') + 1)

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: true,
  htmlEntities: true,
  isArray: (name) => local(name) === 'dongu',
})

function attrs(node: unknown): Node {
  return node && typeof node === 'object' && !Array.isArray(node) ? (node as Node) : {}
}

function elementKeys(node: unknown): string[] {
  return Object.keys(attrs(node)).filter((k) => !k.startsWith('@_') && k !== '#text')
}

function nsOf(qname: string, scopes: readonly Node[]): string {
  const i = qname.indexOf(':')
  const attr = i < 0 ? '@_xmlns' : `@_xmlns:${qname.slice(0, i)}`
  for (let s = scopes.length - 1; s >= 0; s--) {
    const v = scopes[s]?.[attr]
    if (typeof v === 'string') return v
  }
  return ''
}

function textOf(v: unknown): string | undefined {
  if (Array.isArray(v)) return textOf(v[v.length - 1])
  if (typeof v === 'string') return v
  const n = attrs(v)
  if (n['@_xsi:nil'] === 'true') return undefined
  return typeof n['#text'] === 'string' ? n['#text'] : n['#text'] !== undefined ? String(n['#text']) : ''
}

/** Children in the xsd namespace (or unqualified) by local name. */
function children(node: unknown, scopes: readonly Node[], xsdNs: string): Map<string, unknown> {
  const inner = [...scopes, attrs(node)]
  const out = new Map<string, unknown>()
  for (const k of elementKeys(node)) {
    const ns = nsOf(k, inner)
    if (ns === xsdNs || ns === '') out.set(local(k), attrs(node)[k])
  }
  return out
}

function fieldsOf(node: unknown, scopes: readonly Node[], xsdNs: string): Fields {
  const out: Record<string, string | undefined> = {}
  for (const [k, v] of children(node, scopes, xsdNs)) if (k !== 'dongu' && k !== 'gondericibilgi') out[k] = textOf(v)
  return out
}

export function parsePttRequest(xml: string, service: PttService): ParsedPttRequest | EnvelopeProblem {
  const client = (faultstring: string): EnvelopeProblem => ({ faultcode: 'soapenv:Client', faultstring })
  if (/<!DOCTYPE/i.test(xml)) return client('DTD is not allowed in a SOAP message')
  const valid = XMLValidator.validate(xml)
  if (valid !== true) return client(`com.ctc.wstx.exc.WstxParsingException: ${valid.err.msg} at line ${valid.err.line}`)
  const doc = parser.parse(xml) as Node
  const rootKey = elementKeys(doc).find((k) => !k.startsWith('?'))
  if (!rootKey) return client('no root element')
  const root = doc[rootKey]
  const scopes: Node[] = [attrs(root)]
  const rootNs = nsOf(rootKey, scopes)
  if (local(rootKey) !== 'Envelope' || rootNs !== SOAP11_NS) {
    if (local(rootKey) === 'Envelope' && rootNs === SOAP12_NS) return { faultcode: 'soapenv:VersionMismatch', faultstring: 'Only SOAP 1.1 envelopes are emulated (text/xml)' }
    return client(`First Element must contain the local name, Envelope, but found {${rootNs}}${local(rootKey)}`)
  }
  const bodyKey = elementKeys(root).find((k) => local(k) === 'Body' && nsOf(k, scopes) === SOAP11_NS)
  if (!bodyKey) return client('SOAP Envelope can not have a Header without a Body')
  const body = attrs(root)[bodyKey]
  scopes.push(attrs(body))
  const opKey = elementKeys(body)[0]
  if (!opKey) return client('The endpoint reference (EPR) for the Operation not found: the Body is empty')
  const op = attrs(body)[opKey]
  const serviceNs = service === 'acceptance' ? KABUL_NS : TAKIP_NS
  const xsdNs = service === 'acceptance' ? KABUL_XSD_NS : TAKIP_XSD_NS
  const opNs = nsOf(opKey, scopes)
  if (opNs !== serviceNs) return client(`The endpoint reference (EPR) for the Operation not found is {${opNs}}${local(opKey)}`)
  scopes.push(attrs(op))
  const wrapperKeys = elementKeys(op)
  const wrapperKey = wrapperKeys[0]
  if (!wrapperKey || wrapperKeys.length > 1) return client(`${local(opKey)} expects exactly one wrapper element`)
  const wrapperNs = nsOf(wrapperKey, scopes)
  if (wrapperNs !== serviceNs && wrapperNs !== '') return client(`Unexpected subelement {${wrapperNs}}${local(wrapperKey)}`)
  const wrapper = attrs(op)[wrapperKey]
  const wScopes = [...scopes, attrs(wrapper)]
  const kids = children(wrapper, scopes, xsdNs)
  const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])
  const gOf = (v: unknown, s: readonly Node[]) => (v === undefined ? null : fieldsOf(Array.isArray(v) ? v[0] : v, s, xsdNs))
  return {
    operation: local(opKey),
    wrapper: local(wrapperKey),
    fields: fieldsOf(wrapper, scopes, xsdNs),
    dongu: list(kids.get('dongu')).map((d) => {
      const inner = children(d, wScopes, xsdNs)
      return { fields: fieldsOf(d, wScopes, xsdNs), gonderici: gOf(inner.get('gondericibilgi'), [...wScopes, attrs(d)]) }
    }),
    gonderici: gOf(kids.get('gondericibilgi'), wScopes),
  }
}

export function isEnvelopeProblem(p: ParsedPttRequest | EnvelopeProblem): p is EnvelopeProblem {
  return 'faultcode' in p
}

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

export type OutValue = string | number | null | undefined | readonly OutRow[]
export type OutRow = Readonly<Record<string, OutValue>>

/** Children in the given order with `prefix`; arrays repeat the element, null/undefined are left out. */
export function elements(prefix: string, row: OutRow): string {
  return Object.entries(row)
    .map(([k, v]) => {
      if (v === undefined || v === null) return ''
      if (Array.isArray(v)) return (v as readonly OutRow[]).map((r) => `<${prefix}:${k}>${elements(prefix, r)}</${prefix}:${k}>`).join('')
      return `<${prefix}:${k}>${esc(String(v))}</${prefix}:${k}>`
    })
    .join('')
}

/** Axis2: `<ns:<op>Response><ns:return>` with ax21 children (kabul.ptt.gov.tr/xsd). */
export function acceptanceResponse(operation: string, result: OutRow): string {
  return (
    `<?xml version='1.0' encoding='utf-8'?><soapenv:Envelope xmlns:soapenv="${SOAP11_NS}"><soapenv:Body>` +
    `<ns:${operation}Response xmlns:ns="${KABUL_NS}"><ns:return xmlns:ax21="${KABUL_XSD_NS}">${elements('ax21', result)}</ns:return></ns:${operation}Response>` +
    '</soapenv:Body></soapenv:Envelope>'
  )
}

/** Axis 1.4: `<ns1:<op>Response><ns1:return|<op>Return>` with children in the takip xsd namespace. */
export function trackingResponse(operation: string, returnElement: string, result: OutRow): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="${SOAP11_NS}" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>` +
    `<ns1:${operation}Response xmlns:ns1="${TAKIP_NS}"><ns1:${returnElement} xmlns:ax="${TAKIP_XSD_NS}">${elements('ax', result)}</ns1:${returnElement}></ns1:${operation}Response>` +
    '</soapenv:Body></soapenv:Envelope>'
  )
}

export function faultEnvelope(faultcode: string, faultstring: string): string {
  return `<?xml version='1.0' encoding='utf-8'?><soapenv:Envelope xmlns:soapenv="${SOAP11_NS}"><soapenv:Body><soapenv:Fault><faultcode>${esc(faultcode)}</faultcode><faultstring>${esc(faultstring)}</faultstring><detail/></soapenv:Fault></soapenv:Body></soapenv:Envelope>`
}

/** The request body for the log: every sifre's content replaced, whatever its prefix. */
export function redactSifre(xml: string): string {
  return xml.replace(/(<(?:[\w.-]+:)?sifre\b[^>]*>)[\s\S]*?(<\/(?:[\w.-]+:)?sifre>)/g, '$1[redacted]$2')
}
