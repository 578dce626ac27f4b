import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { SURAT_NS } from './surat.config'

/**
 * SOAP 1.1 as an ASP.NET ASMX service speaks it (docs/reference/carriers.md §5: services.asmx, ns http://tempuri.org/):
 * document/literal, the operation element in the tempuri namespace, faults with HTTP 500 and
 * faultcode soap:Client / soap:Server, the wording of .NET's own messages.
 */
const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/'

export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function envelope(body: string): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<soap:Envelope xmlns:soap="${SOAP_ENV_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">` +
    `<soap:Body>${body}</soap:Body></soap:Envelope>`
  )
}

/** `<OpResponse xmlns="http://tempuri.org/"><OpResult>inner</OpResult></OpResponse>`; inner is XML already. */
export function resultEnvelope(operation: string, inner: string): string {
  return envelope(`<${operation}Response xmlns="${SURAT_NS}"><${operation}Result>${inner}</${operation}Result></${operation}Response>`)
}

/** Child elements of a complex result in the given order; booleans as .NET writes them (true/false). */
export function fieldsXml(fields: ReadonlyArray<readonly [string, string | boolean]>): string {
  return fields.map(([k, v]) => `<${k}>${xmlEscape(String(v))}</${k}>`).join('')
}

export function faultEnvelope(faultcode: 'soap:Client' | 'soap:Server', faultstring: string): string {
  return envelope(`<soap:Fault><faultcode>${faultcode}</faultcode><faultstring>${xmlEscape(faultstring)}</faultstring><detail /></soap:Fault>`)
}

const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false, trimValues: true, htmlEntities: true })

export type ParsedRequest =
  | Readonly<{ ok: true; operation: string; namespace: string | null; fields: Record<string, unknown> }>
  | Readonly<{ ok: false; reason: string }>

/** The Body's first element: its local name, its namespace and its children (strings / nested objects). */
export function parseRequestEnvelope(xml: string): ParsedRequest {
  if (/<!DOCTYPE/i.test(xml)) return { ok: false, reason: 'DTD is prohibited in this XML document.' }
  const valid = XMLValidator.validate(xml)
  if (valid !== true) return { ok: false, reason: `There is an error in XML document (${valid.err.line}, ${valid.err.col}).` }
  const head = /<(?:([\w.-]+):)?Body\b[^>]*>\s*<(?:([\w.-]+):)?([\w.-]+)([^>]*?)\/?>/.exec(xml)
  if (!head) return { ok: false, reason: 'Unable to handle request without a valid action parameter. Please supply a valid soap action.' }
  const prefix = head[2]
  const attrs = head[4] ?? ''
  const ns = prefix
    ? (new RegExp(`xmlns:${prefix.replace(/[.-]/g, '\\$&')}\\s*=\\s*["']([^"']*)["']`).exec(xml)?.[1] ?? null)
    : (/xmlns\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1] ?? null)
  const doc = parser.parse(xml) as Record<string, unknown>
  const body = (doc.Envelope as Record<string, unknown> | undefined)?.Body as Record<string, unknown> | undefined
  const operation = head[3] ?? ''
  const raw = body?.[operation]
  const fields = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {}
  return { ok: true, operation, namespace: ns, fields }
}

/** A child as text ('' when absent or not a leaf). */
export function text(fields: Readonly<Record<string, unknown>>, name: string): string {
  const v = fields[name]
  return typeof v === 'string' || typeof v === 'number' ? String(v) : ''
}

/** Removes the password elements' content for the request log. */
export function redactSoap(xml: string): string {
  return xml.replace(/(<(?:[\w.-]+:)?(Sifre|WebPassword)\b[^>]*>)[\s\S]*?(<\/(?:[\w.-]+:)?\2>)/g, '$1[redacted]$3')
}
