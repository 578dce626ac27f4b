import { XMLParser } from 'fast-xml-parser'
import { CarrierNs } from '../../protocols/soap/carrier-namespaces'
import { defaultNsElement, soapEnvelope, SoapStyle } from '../../protocols/soap/soap-envelope'
import { soapFaultEnvelope } from '../../protocols/soap/soap-fault'
import { redactXmlElements, xmlEscape, xmlFields, xmlProblem } from '../../protocols/soap/xml-text'

/**
 * SOAP 1.1 as an ASP.NET ASMX service speaks it (docs/reference/carriers.md §5: services.asmx, ns http://tempuri.org/),
 * on protocols/soap: document/literal, the operation element in the tempuri namespace, faults with HTTP 500
 * and faultcode soap:Client / soap:Server, the wording of .NET's own messages.
 */

export { xmlEscape }

/** `<OpResponse xmlns="http://tempuri.org/"><OpResult>inner</OpResult></OpResponse>`; inner is XML already. */
export function resultEnvelope(operation: string, inner: string): string {
  return soapEnvelope(SoapStyle.asmx, defaultNsElement(`${operation}Response`, CarrierNs.tempuri, `<${operation}Result>${inner}</${operation}Result>`))
}

/** Child elements of a complex result in the given order; booleans as .NET writes them (true/false). */
export const fieldsXml: (fields: ReadonlyArray<readonly [string, string | boolean]>) => string = xmlFields

export function faultEnvelope(faultcode: 'soap:Client' | 'soap:Server', faultstring: string): string {
  return soapFaultEnvelope(SoapStyle.asmx, { faultcode, faultstring, detail: '' })
}

const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false, trimValues: true, htmlEntities: true })

export type ParsedRequest =
  Readonly<{ ok: true; operation: string; namespace: string | null; fields: Record<string, unknown> }> | Readonly<{ ok: false; reason: string }>

/** The Body's first element: its local name, its namespace and its children (strings / nested objects). */
export function parseRequestEnvelope(xml: string): ParsedRequest {
  const problem = xmlProblem(xml)
  if (problem?.kind === 'doctype') return { ok: false, reason: 'DTD is prohibited in this XML document.' }
  if (problem) return { ok: false, reason: `There is an error in XML document (${problem.line}, ${problem.col}).` }
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
  return redactXmlElements(xml, ['Sifre', 'WebPassword'])
}
