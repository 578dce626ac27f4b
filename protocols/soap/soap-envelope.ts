/**
 * SOAP envelopes as each carrier's stack writes them. The differences that matter on the wire (SOAP
 * 1.1 or 1.2, the envelope prefix, the XML declaration, which namespaces the Envelope declares, an
 * empty Header) are a style, not a copy: a connector and its emulator name the style they speak.
 */

export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/'
export const SOAP12_NS = 'http://www.w3.org/2003/05/soap-envelope'
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance'
export const XSD_NS = 'http://www.w3.org/2001/XMLSchema'

export type SoapVersion = '1.1' | '1.2'

export function soapNamespace(version: SoapVersion): string {
  return version === '1.2' ? SOAP12_NS : SOAP11_NS
}

/** SOAP 1.1 travels as text/xml, 1.2 as application/soap+xml. */
export function soapContentType(version: SoapVersion): string {
  return version === '1.2' ? 'application/soap+xml; charset=utf-8' : 'text/xml; charset=utf-8'
}

export type SoapEnvelopeStyle = Readonly<{
  /** The XML declaration, written as is ('' for none). */
  declaration: string
  /** The envelope prefix (soap, soapenv, S, s). */
  prefix: string
  /** Default 1.1. */
  version?: SoapVersion
  /** Declared on the Envelope after the envelope namespace, in this order. */
  namespaces?: Readonly<Record<string, string>>
  /** An empty `<prefix:Header/>` before the Body. */
  emptyHeader?: boolean
}>

export const SoapStyle = {
  /** ASP.NET ASMX services and .NET clients (Aras's shipment service, Sürat). */
  asmx: { declaration: '<?xml version="1.0" encoding="utf-8"?>', prefix: 'soap', namespaces: { xsi: XSI_NS, xsd: XSD_NS } },
  /** WCF basicHttpBinding (Aras's query service). */
  wcf: { declaration: '', prefix: 's' },
  /** What SoapUI generates from a WSDL: the connectors' Yurtiçi and PTT requests. */
  soapUi: { declaration: '<?xml version="1.0" encoding="UTF-8"?>', prefix: 'soapenv', emptyHeader: true },
  /** JAX-WS RI answers (Yurtiçi). */
  jaxWs: { declaration: "<?xml version='1.0' encoding='UTF-8'?>", prefix: 'S' },
  /** Apache Axis2 answers (PTT acceptance). */
  axis2: { declaration: "<?xml version='1.0' encoding='utf-8'?>", prefix: 'soapenv' },
  /** Apache Axis 1.4 answers (PTT tracking). */
  axis14: { declaration: '<?xml version="1.0" encoding="UTF-8"?>', prefix: 'soapenv', namespaces: { xsd: XSD_NS, xsi: XSI_NS } },
} as const satisfies Readonly<Record<string, SoapEnvelopeStyle>>

/** `body` (XML already) inside the style's Envelope/Body; `namespaces` are declared after the style's own. */
export function soapEnvelope(style: SoapEnvelopeStyle, body: string, namespaces: Readonly<Record<string, string>> = {}): string {
  const p = style.prefix
  const declared = { [p]: soapNamespace(style.version ?? '1.1'), ...style.namespaces, ...namespaces }
  const xmlns = Object.entries(declared)
    .map(([prefix, ns]) => ` xmlns:${prefix}="${ns}"`)
    .join('')
  return `${style.declaration}<${p}:Envelope${xmlns}>${style.emptyHeader ? `<${p}:Header/>` : ''}<${p}:Body>${body}</${p}:Body></${p}:Envelope>`
}

/** `<operation xmlns="ns">inner</operation>`: the operation element with its namespace as the default one, as .NET writes it. */
export function defaultNsElement(name: string, ns: string, inner: string): string {
  return `<${name} xmlns="${ns}">${inner}</${name}>`
}
