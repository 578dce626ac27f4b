import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { SOAP11_NS, WS_EXCEPTIONS_NS, YURTICI_NS } from './yurtici.config'

/**
 * Test support: validates SOAP envelopes against the XSD inside Yurtiçi's reference WSDL
 * (../shared/reference/yurtici/KOPSWebServices.wsdl, read in place, never copied into the repo)
 * with `xmllint --schema` from libxml2-utils. The two xs:schema blocks are written to a temp
 * folder with the namespace declarations they inherit from the WSDL root, plus a minimal SOAP 1.1
 * Envelope schema whose Body content is validated strictly against them.
 */

export function referenceDir(repoRoot: string): string {
  return resolve(repoRoot, '..', 'shared', 'reference', 'yurtici')
}

export function readReferenceWsdl(repoRoot: string): string {
  return readFileSync(join(referenceDir(repoRoot), 'KOPSWebServices.wsdl'), 'utf8')
}

export function xmllintAvailable(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
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

const ENVELOPE_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${SOAP11_NS}" elementFormDefault="qualified">
  <xs:import namespace="${YURTICI_NS}" schemaLocation="kops.xsd"/>
  <xs:element name="Envelope">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="Header" minOccurs="0">
          <xs:complexType><xs:sequence><xs:any namespace="##other" minOccurs="0" maxOccurs="unbounded" processContents="lax"/></xs:sequence></xs:complexType>
        </xs:element>
        <xs:element name="Body">
          <xs:complexType><xs:sequence><xs:any namespace="##other" minOccurs="1" maxOccurs="unbounded" processContents="strict"/></xs:sequence></xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>
`

export type SchemaChecker = Readonly<{
  /** Validates a whole SOAP 1.1 envelope (Body content against the WSDL's XSD). */
  validate(xml: string): Readonly<{ valid: boolean; errors: string }>
  dispose(): void
}>

export function createSchemaChecker(repoRoot: string): SchemaChecker {
  const wsdl = readReferenceWsdl(repoRoot)
  const blocks = [...wsdl.matchAll(/<xs:schema\b[\s\S]*?<\/xs:schema>/g)].map((m) => m[0])
  const exceptions = blocks.find((b) => b.includes(`targetNamespace="${WS_EXCEPTIONS_NS}"`))
  const kops = blocks.find((b) => b.includes(`targetNamespace="${YURTICI_NS}"`))
  if (!exceptions || !kops) throw new Error('the WSDL does not hold the two expected xs:schema blocks')
  const dir = mkdtempSync(join(tmpdir(), 'yurtici-xsd-'))
  writeFileSync(join(dir, 'wsexceptions.xsd'), `<?xml version="1.0" encoding="UTF-8"?>\n${exceptions}`)
  const kopsStandalone = kops
    // tns and ns1 are declared on the WSDL root; the extracted schema needs them itself.
    .replace('<xs:schema ', `<xs:schema xmlns:tns="${YURTICI_NS}" xmlns:ns1="${WS_EXCEPTIONS_NS}" `)
    .replace(`<xs:import namespace="${WS_EXCEPTIONS_NS}"/>`, `<xs:import namespace="${WS_EXCEPTIONS_NS}" schemaLocation="wsexceptions.xsd"/>`)
  writeFileSync(join(dir, 'kops.xsd'), `<?xml version="1.0" encoding="UTF-8"?>\n${kopsStandalone}`)
  writeFileSync(join(dir, 'envelope.xsd'), ENVELOPE_XSD)
  let n = 0
  return {
    validate(xml) {
      const file = join(dir, `doc-${++n}.xml`)
      writeFileSync(file, xml)
      try {
        execFileSync('xmllint', ['--noout', '--schema', join(dir, 'envelope.xsd'), file], { stdio: ['ignore', 'pipe', 'pipe'] })
        return { valid: true, errors: '' }
      } catch (err) {
        return { valid: false, errors: String((err as { stderr?: Buffer }).stderr ?? err) }
      }
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  }
}
