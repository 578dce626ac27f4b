import { XMLParser, XMLValidator } from 'fast-xml-parser'

/**
 * Namespace-aware XML for the Aras emulator: requests are read the way ASMX/WCF read them (an
 * argument outside http://tempuri.org/ is not an argument), answers are written as .NET writes them.
 */

export const TEMPURI = 'http://tempuri.org/'
export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/'
export const SOAP12_NS = 'http://www.w3.org/2003/05/soap-envelope'

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
  if (/<!DOCTYPE/i.test(xml)) return 'DTD is prohibited in SOAP messages'
  const valid = XMLValidator.validate(xml)
  if (valid !== true) return `${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`
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

export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

export function el(name: string, value: string | undefined | null): string {
  if (value === undefined || value === null) return ''
  return value === '' ? `<${name} />` : `<${name}>${xmlEscape(value)}</${name}>`
}

export type SoapVersion = '1.1' | '1.2'

export function contentTypeOf(version: SoapVersion): string {
  return version === '1.2' ? 'application/soap+xml; charset=utf-8' : 'text/xml; charset=utf-8'
}

/** An ASMX answer: `<opResponse xmlns="http://tempuri.org/">inner</opResponse>` in the request's SOAP version. */
export function responseEnvelope(version: SoapVersion, operation: string, inner: string): string {
  const ns = version === '1.2' ? SOAP12_NS : SOAP11_NS
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<soap:Envelope xmlns:soap="${ns}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">` +
    `<soap:Body><${operation}Response xmlns="${TEMPURI}">${inner}</${operation}Response></soap:Body></soap:Envelope>`
  )
}

/** A WCF (basicHttpBinding) answer, as the query service writes it. */
export function wcfResponseEnvelope(operation: string, inner: string): string {
  return `<s:Envelope xmlns:s="${SOAP11_NS}"><s:Body><${operation}Response xmlns="${TEMPURI}">${inner}</${operation}Response></s:Body></s:Envelope>`
}

export type FaultCode = 'Client' | 'Server' | 'VersionMismatch'

/** `code` in SOAP 1.1 names; 1.2 gets Sender/Receiver/VersionMismatch. */
export function faultEnvelope(version: SoapVersion, code: FaultCode, text: string): string {
  if (version === '1.2') {
    const value = code === 'Client' ? 'soap:Sender' : code === 'Server' ? 'soap:Receiver' : 'soap:VersionMismatch'
    return (
      `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${SOAP12_NS}"><soap:Body><soap:Fault>` +
      `<soap:Code><soap:Value>${value}</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en">${xmlEscape(text)}</soap:Text></soap:Reason><soap:Detail />` +
      '</soap:Fault></soap:Body></soap:Envelope>'
    )
  }
  return (
    `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${SOAP11_NS}"><soap:Body><soap:Fault>` +
    `<faultcode>soap:${code}</faultcode><faultstring>${xmlEscape(text)}</faultstring><detail />` +
    '</soap:Fault></soap:Body></soap:Envelope>'
  )
}

/** A WCF fault (faultcode in the `a:` addressing namespace for ActionNotSupported, as WCF sends it). */
export function wcfFaultEnvelope(faultcode: string, text: string): string {
  return (
    `<s:Envelope xmlns:s="${SOAP11_NS}"><s:Body><s:Fault>` +
    `<faultcode xmlns:a="http://schemas.microsoft.com/ws/2005/05/addressing/none">${xmlEscape(faultcode)}</faultcode>` +
    `<faultstring xml:lang="en-US">${xmlEscape(text)}</faultstring></s:Fault></s:Body></s:Envelope>`
  )
}

/** Passwords in a logged request replaced, whether raw elements or escaped inside loginInfo. */
export function redactSecrets(text: string): string {
  return text
    .replace(/(<(?:[\w.-]+:)?password\b[^>]*>)[\s\S]*?(<\/(?:[\w.-]+:)?password>)/gi, '$1[redacted]$2')
    .replace(/(&lt;Password&gt;)[\s\S]*?(&lt;\/Password&gt;)/gi, '$1[redacted]$2')
}
