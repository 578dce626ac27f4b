import { createSoapSchemaChecker, readProtocolFile, SoapSchemaSet, xmllintAvailable, type SchemaVerdict } from '../common/soap-schema'

/**
 * Test support: Yurtiçi's published WSDL (protocols/yurtici/KOPSWebServices.wsdl) and a checker
 * that validates SOAP envelopes against the XSD inside it with `xmllint --schema`
 * (sandbox/common/soap-schema.ts).
 */

export { xmllintAvailable }

/** The published WSDL's text. `repoRoot` is kept for callers; the file is always the repository's own. */
export function readReferenceWsdl(_repoRoot?: string): string {
  return readProtocolFile('yurtici', 'KOPSWebServices.wsdl')
}

/** The element names of one complexType's sequence, in order, straight from the WSDL text. */
export function sequenceOf(wsdl: string, complexType: string): string[] {
  const start = wsdl.indexOf(`<xs:complexType name="${complexType}">`)
  if (start < 0) throw new Error(`complexType ${complexType} not in the WSDL`)
  const end = wsdl.indexOf('</xs:complexType>', start)
  return [...wsdl.slice(start, end).matchAll(/<xs:element\b[^>]*\bname="([^"]+)"/g)].map((m) => m[1] as string)
}

/** Element names of a complexType that have no minOccurs="0" (required by the schema). */
export function requiredOf(wsdl: string, complexType: string): string[] {
  const start = wsdl.indexOf(`<xs:complexType name="${complexType}">`)
  const end = wsdl.indexOf('</xs:complexType>', start)
  return [...wsdl.slice(start, end).matchAll(/<xs:element\b([^>]*)>/g)]
    .filter((m) => !/minOccurs="0"/.test(m[1] ?? ''))
    .map((m) => /name="([^"]+)"/.exec(m[1] ?? '')?.[1] as string)
}

export type SchemaChecker = Readonly<{
  /** Validates a whole SOAP 1.1 envelope (Body content against the WSDL's XSD). */
  validate(xml: string): SchemaVerdict
  dispose(): void
}>

export function createSchemaChecker(_repoRoot?: string): SchemaChecker {
  return createSoapSchemaChecker(SoapSchemaSet.yurtici)
}
