import { soapEnvelope, type SoapEnvelopeStyle } from './soap-envelope'
import { xmlEscape } from './xml-text'

/** A SOAP Fault as a reader sees it: SOAP 1.1 faultcode/faultstring, or 1.2 Code/Value and Reason/Text. */
export type SoapFault = Readonly<{ faultcode: string; faultstring: string }>

const textOf = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')
const field = (v: unknown, name: string): unknown => (v && typeof v === 'object' ? (v as Record<string, unknown>)[name] : undefined)

/**
 * The Fault element as parsed with prefixes removed → its code and text, or null without a code
 * (SOAP 1.1 §4.4 and 1.2 §5.4: the code is required; a fault without one is no fault we can read).
 */
export function readSoapFault(fault: unknown): SoapFault | null {
  const faultcode = textOf(field(fault, 'faultcode')) || textOf(field(field(fault, 'Code'), 'Value'))
  const faultstring = textOf(field(fault, 'faultstring')) || textOf(field(field(fault, 'Reason'), 'Text'))
  return faultcode ? { faultcode, faultstring } : null
}

export type SoapFaultCode = 'Client' | 'Server' | 'VersionMismatch' | 'MustUnderstand'

/** The code's QName in the style's version: SOAP 1.2 calls Client and Server Sender and Receiver. */
export function soapFaultCode(style: SoapEnvelopeStyle, code: SoapFaultCode): string {
  const name = style.version === '1.2' ? (({ Client: 'Sender', Server: 'Receiver' } as Partial<Record<SoapFaultCode, string>>)[code] ?? code) : code
  return `${style.prefix}:${name}`
}

export type SoapFaultSpec = Readonly<{
  /** A QName: soap:Client, S:Server, a:ActionNotSupported. */
  faultcode: string
  faultstring: string
  /** The detail's content, XML already; '' writes an empty detail, undefined none. */
  detail?: string
  /** xml:lang of the text (1.1 faultstring, 1.2 Reason/Text; 1.2 always carries one, default "en"). */
  lang?: string
  /** Declared on the faultcode element, for a code in a namespace the Envelope does not declare (WCF). */
  codeNamespaces?: Readonly<Record<string, string>>
}>

function detailXml(name: string, detail: string | undefined): string {
  if (detail === undefined) return ''
  return detail === '' ? `<${name}/>` : `<${name}>${detail}</${name}>`
}

/** The Fault element in the style's version. */
export function soapFaultXml(style: SoapEnvelopeStyle, f: SoapFaultSpec): string {
  const p = style.prefix
  if (style.version === '1.2') {
    const reason = `<${p}:Reason><${p}:Text xml:lang="${f.lang ?? 'en'}">${xmlEscape(f.faultstring)}</${p}:Text></${p}:Reason>`
    return `<${p}:Fault><${p}:Code><${p}:Value>${xmlEscape(f.faultcode)}</${p}:Value></${p}:Code>${reason}${detailXml(`${p}:Detail`, f.detail)}</${p}:Fault>`
  }
  const codeNs = Object.entries(f.codeNamespaces ?? {})
    .map(([prefix, ns]) => ` xmlns:${prefix}="${ns}"`)
    .join('')
  const lang = f.lang ? ` xml:lang="${f.lang}"` : ''
  return (
    `<${p}:Fault><faultcode${codeNs}>${xmlEscape(f.faultcode)}</faultcode><faultstring${lang}>${xmlEscape(f.faultstring)}</faultstring>` +
    `${detailXml('detail', f.detail)}</${p}:Fault>`
  )
}

/** A whole fault answer in the style's envelope. */
export function soapFaultEnvelope(style: SoapEnvelopeStyle, f: SoapFaultSpec): string {
  return soapEnvelope(style, soapFaultXml(style, f))
}
