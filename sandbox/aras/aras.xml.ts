import { XMLParser } from 'fast-xml-parser'
import { CarrierNs } from '../../protocols/soap/carrier-namespaces'
import { defaultNsElement, SOAP11_NS, SOAP12_NS, soapContentType, soapEnvelope, SoapStyle, type SoapVersion } from '../../protocols/soap/soap-envelope'
import { soapFaultCode, soapFaultEnvelope, type SoapFaultCode } from '../../protocols/soap/soap-fault'
import { redactXmlElements, xmlEscape, xmlProblem } from '../../protocols/soap/xml-text'

/**
 * Namespace-aware XML for the Aras emulator: requests are read the way ASMX/WCF read them (an
 * argument outside http://tempuri.org/ is not an argument), answers are written as .NET writes them.
 */

export const TEMPURI = CarrierNs.tempuri
export { SOAP11_NS, SOAP12_NS, xmlEscape, type SoapVersion }

export type XNode = { ns: string; name: string; children: XNode[]; text: string }

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
})

type RawNode = Record<string, unknown>

function build(nodes: RawNode[], scope: ReadonlyMap<string, string>): XNode[] {
  const out: XNode[] = []
  for (const node of nodes) {
    const tag = Object.keys(node).find((k) => k !== ':@' && k !== '#text' && !k.startsWith('?'))
    if (!tag) continue
    const attrs = (node[':@'] ?? {}) as Record<string, string>
    const inner = new Map(scope)
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'xmlns') inner.set('', v)
      else if (k.startsWith('xmlns:')) inner.set(k.slice(6), v)
    }
    const colon = tag.indexOf(':')
    const prefix = colon >= 0 ? tag.slice(0, colon) : ''
    const kids = (node[tag] ?? []) as RawNode[]
    const text = kids.map((k) => (typeof k['#text'] === 'string' || typeof k['#text'] === 'number' ? String(k['#text']) : '')).join('')
    out.push({ ns: inner.get(prefix) ?? '', name: colon >= 0 ? tag.slice(colon + 1) : tag, children: build(kids, inner), text })
  }
  return out
}

/** The document's root element, or a reason it is not XML we will read (a DTD is refused). */
export function parseXml(xml: string): XNode | string {
  const problem = xmlProblem(xml)
  if (problem?.kind === 'doctype') return 'DTD is prohibited in SOAP messages'
  if (problem) return `${problem.msg} (line ${problem.line}, column ${problem.col})`
  const root = build(parser.parse(xml) as RawNode[], new Map())[0]
  return root ?? 'Root element is missing.'
}

export function child(node: XNode | undefined, name: string, ns?: string): XNode | undefined {
  return node?.children.find((c) => c.name === name && (ns === undefined || c.ns === ns))
}

export function children(node: XNode | undefined, name: string, ns?: string): XNode[] {
  return node?.children.filter((c) => c.name === name && (ns === undefined || c.ns === ns)) ?? []
}

/** Leaf texts of the element children in `ns` (unqualified or foreign ones are skipped, as XmlSerializer does). */
export function fieldsOf(node: XNode | undefined, ns = TEMPURI): Record<string, string> {
  const out: Record<string, string> = {}
  for (const c of node?.children ?? []) if (c.ns === ns && c.children.length === 0) out[c.name] = c.text
  return out
}

export function el(name: string, value: string | undefined | null): string {
  if (value === undefined || value === null) return ''
  return value === '' ? `<${name} />` : `<${name}>${xmlEscape(value)}</${name}>`
}

/** SOAP 1.1 answers as text/xml, 1.2 as application/soap+xml. */
export const contentTypeOf = soapContentType

const asmx = (version: SoapVersion) => ({ ...SoapStyle.asmx, version })

/** An ASMX answer: `<opResponse xmlns="http://tempuri.org/">inner</opResponse>` in the request's SOAP version. */
export function responseEnvelope(version: SoapVersion, operation: string, inner: string): string {
  return soapEnvelope(asmx(version), defaultNsElement(`${operation}Response`, TEMPURI, inner))
}

/** A WCF (basicHttpBinding) answer, as the query service writes it. */
export function wcfResponseEnvelope(operation: string, inner: string): string {
  return soapEnvelope(SoapStyle.wcf, defaultNsElement(`${operation}Response`, TEMPURI, inner))
}

export type FaultCode = Exclude<SoapFaultCode, 'MustUnderstand'>

/** `code` in SOAP 1.1 names; 1.2 gets Sender/Receiver/VersionMismatch. */
export function faultEnvelope(version: SoapVersion, code: FaultCode, text: string): string {
  const style = asmx(version)
  return soapFaultEnvelope(style, { faultcode: soapFaultCode(style, code), faultstring: text, detail: '' })
}

/** A WCF fault (faultcode in the `a:` addressing namespace for ActionNotSupported, as WCF sends it). */
export function wcfFaultEnvelope(faultcode: string, text: string): string {
  return soapFaultEnvelope(SoapStyle.wcf, {
    faultcode,
    faultstring: text,
    lang: 'en-US',
    codeNamespaces: { a: 'http://schemas.microsoft.com/ws/2005/05/addressing/none' },
  })
}

/** Passwords in a logged request replaced, whether raw elements or escaped inside loginInfo. */
export function redactSecrets(text: string): string {
  return redactXmlElements(text, ['password'])
}
