import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { SOAP11_NS, SOAP12_NS, WS_EXCEPTIONS_NS, YURTICI_NS } from './yurtici.config'

/**
 * SOAP 1.1 in and out, as a JAX-WS endpoint does it: the operation element must be in the service
 * namespace; its children are unqualified (the XSD has no elementFormDefault), so a child sent in a
 * namespace is not bound and reads as missing, which is what a prefixed `ship:cargoKey` earns on
 * the real service. Answers use JAX-WS's shape (`S:` envelope, `ns2:` operation response).
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

export type EnvelopeProblem = Readonly<{ faultcode: 'S:Client' | 'S:VersionMismatch'; faultstring: string }>

type Node = Record<string, unknown>
const REPEATED = new Set(['ShippingOrderVO', 'cargoKeys', 'keys'])
const local = (qname: string) => qname.slice(qname.indexOf(':') + 1)

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: true,
  htmlEntities: true,
  isArray: (name) => REPEATED.has(local(name)),
})

/** Namespace of `qname` given the attribute maps in scope (innermost last). */
function nsOf(qname: string, scopes: readonly Node[]): string {
  const i = qname.indexOf(':')
  const attr = i < 0 ? '@_xmlns' : `@_xmlns:${qname.slice(0, i)}`
  for (let s = scopes.length - 1; s >= 0; s--) {
    const v = scopes[s]?.[attr]
    if (typeof v === 'string') return v
  }
  return ''
}

function attrs(node: unknown): Node {
  return node && typeof node === 'object' && !Array.isArray(node) ? (node as Node) : {}
}

function elementKeys(node: unknown): string[] {
  return Object.keys(attrs(node)).filter((k) => !k.startsWith('@_') && k !== '#text')
}

/** Text of a leaf: undefined for xsi:nil, '' for an empty element. */
function textOf(v: unknown): string | undefined {
  if (Array.isArray(v)) return textOf(v[v.length - 1])
  if (typeof v === 'string') return v
  const n = attrs(v)
  if (n['@_xsi:nil'] === 'true') return undefined
  return typeof n['#text'] === 'string' ? n['#text'] : n['#text'] !== undefined ? String(n['#text']) : ''
}

/** Unqualified children of an element as element name → raw value (qualified ones are not bound). */
function unqualifiedChildren(node: unknown, scopes: readonly Node[]): Map<string, unknown> {
  const inner = [...scopes, attrs(node)]
  const out = new Map<string, unknown>()
  for (const k of elementKeys(node)) if (nsOf(k, inner) === '') out.set(k, attrs(node)[k])
  return out
}

function fieldsOf(node: unknown, scopes: readonly Node[]): Fields {
  const out: Record<string, string | undefined> = {}
  for (const [k, v] of unqualifiedChildren(node, scopes)) if (!REPEATED.has(k)) out[k] = textOf(v)
  return out
}

export function parseRequestEnvelope(xml: string): ParsedRequest | EnvelopeProblem {
  const client = (faultstring: string): EnvelopeProblem => ({ faultcode: 'S:Client', faultstring })
  if (/<!DOCTYPE/i.test(xml)) return client('Couldn\'t create SOAP message: DOCTYPE is not allowed in a SOAP message')
  const valid = XMLValidator.validate(xml)
  if (valid !== true) return client(`Couldn't create SOAP message due to exception: XML reader error: ${valid.err.msg}`)
  const doc = parser.parse(xml) as Node
  const rootKey = elementKeys(doc).find((k) => !k.startsWith('?'))
  if (!rootKey) return client('Couldn\'t create SOAP message: no root element')
  const root = doc[rootKey]
  const scopes: Node[] = [attrs(root)]
  const rootNs = nsOf(rootKey, scopes)
  if (local(rootKey) !== 'Envelope' || rootNs !== SOAP11_NS) {
    if (local(rootKey) === 'Envelope' && rootNs === SOAP12_NS) return { faultcode: 'S:VersionMismatch', faultstring: 'Couldn\'t create SOAP message. Expecting Envelope in namespace http://schemas.xmlsoap.org/soap/envelope/, but got http://www.w3.org/2003/05/soap-envelope' }
    return client(`Couldn't create SOAP message. Expecting Envelope in namespace ${SOAP11_NS}, but got {${rootNs}}${local(rootKey)}`)
  }
  const bodyKey = elementKeys(root).find((k) => local(k) === 'Body' && nsOf(k, scopes) === SOAP11_NS)
  if (!bodyKey) return client('Couldn\'t create SOAP message: the Envelope has no Body')
  const body = attrs(root)[bodyKey]
  scopes.push(attrs(body))
  const opKey = elementKeys(body)[0]
  if (!opKey) return client('Cannot find dispatch method for an empty Body')
  const op = attrs(body)[opKey]
  const opNs = nsOf(opKey, scopes)
  if (opNs !== YURTICI_NS) return client(`Cannot find dispatch method for {${opNs}}${local(opKey)}`)
  const children = unqualifiedChildren(op, scopes)
  const opScopes = [...scopes, attrs(op)]
  const list = (name: string): unknown[] => {
    const v = children.get(name)
    return v === undefined ? [] : Array.isArray(v) ? v : [v]
  }
  return {
    operation: local(opKey),
    fields: fieldsOf(op, scopes),
    orders: list('ShippingOrderVO').map((vo) => fieldsOf(vo, opScopes)),
    cargoKeys: list('cargoKeys').map((v) => textOf(v) ?? ''),
    keys: list('keys').map((v) => textOf(v) ?? ''),
  }
}

export function isEnvelopeProblem(p: ParsedRequest | EnvelopeProblem): p is EnvelopeProblem {
  return 'faultcode' in p
}

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** `<name>value</name>`, or nothing for undefined/null (minOccurs="0" left out). */
export function el(name: string, value: string | number | null | undefined): string {
  return value === undefined || value === null ? '' : `<${name}>${esc(String(value))}</${name}>`
}

/** Elements in the given (XSD) order; undefined values are left out. */
export function ordered(order: readonly string[], values: Readonly<Record<string, string | number | null | undefined>>): string {
  return order.map((k) => el(k, values[k])).join('')
}

export function responseEnvelope(operation: string, inner: string): string {
  return (
    `<?xml version='1.0' encoding='UTF-8'?><S:Envelope xmlns:S="${SOAP11_NS}"><S:Body>` +
    `<ns2:${operation}Response xmlns:ns2="${YURTICI_NS}">${inner}</ns2:${operation}Response></S:Body></S:Envelope>`
  )
}

/** A SOAP 1.1 Fault; service exceptions carry the WSDL's YurticikargoWSException as detail. */
export function faultEnvelope(faultcode: string, faultstring: string, detail?: Readonly<{ errorCode: number; errText: string }>): string {
  const d = detail
    ? `<detail><ns2:YurticikargoWSException xmlns:ns2="${WS_EXCEPTIONS_NS}"><errorCode>${detail.errorCode}</errorCode><errText>${esc(detail.errText)}</errText></ns2:YurticikargoWSException></detail>`
    : ''
  return `<?xml version='1.0' encoding='UTF-8'?><S:Envelope xmlns:S="${SOAP11_NS}"><S:Body><S:Fault><faultcode>${faultcode}</faultcode><faultstring>${esc(faultstring)}</faultstring>${d}</S:Fault></S:Body></S:Envelope>`
}

/** The request body for the log: wsPassword content replaced, whatever its prefix. */
export function redactPassword(xml: string): string {
  return xml.replace(/(<(?:[\w.-]+:)?wsPassword\b[^>]*>)[\s\S]*?(<\/(?:[\w.-]+:)?wsPassword>)/g, '$1[redacted]$2')
}
