import { execFile, execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CarrierNs } from '../../protocols/soap/carrier-namespaces'
import { SOAP11_NS, SOAP12_NS } from '../../protocols/soap/soap-envelope'

/**
 * SOAP request bodies checked against the carriers' published schemas (protocols/<carrier>/), with
 * `xmllint --schema` from libxml2-utils. The xs:schema blocks of a WSDL's <types> are written to a
 * temp folder as standalone files (the namespace declarations they inherit from the WSDL root are
 * copied onto them, and their imports point at the neighbouring files), next to a minimal SOAP 1.1
 * Envelope schema whose Body content is validated strictly against them. Used by the tests and by
 * the SOAP emulators (option validateSchema), so both refuse what the published schema refuses.
 */

/** Schema sets, one per published service (two Aras services share http://tempuri.org/). */
export const SoapSchemaSet = {
  /** Yurtiçi ShippingOrderDispatcherServices (protocols/yurtici/KOPSWebServices.wsdl). */
  yurtici: 'yurtici',
  /** Aras order service, ASMX (protocols/aras/arascargoservice.wsdl + IrsaliyeData.xsd + WebCargoData.xsd). */
  arasOrders: 'arasOrders',
  /** Aras query service, WCF (protocols/aras/ArasCargoIntegrationService*.xsd). */
  arasQuery: 'arasQuery',
  /** PTT acceptance (PttVeriYukleme_Sorgu.wsdl) and tracking (GonderiTakipV2_Sorgu.wsdl). */
  ptt: 'ptt',
} as const
export type SoapSchemaSet = (typeof SoapSchemaSet)[keyof typeof SoapSchemaSet]

/** The repository's protocols/ folder. */
export const PROTOCOLS_DIR = fileURLToPath(new URL('../../protocols/', import.meta.url))

/** One published file, read from protocols/<carrier>/. */
export function readProtocolFile(carrier: string, name: string): string {
  return readFileSync(join(PROTOCOLS_DIR, carrier, name), 'utf8')
}

export function xmllintAvailable(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

type Built = Readonly<{ files: Readonly<Record<string, string>>; imports: Readonly<Record<string, string>> }>

const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'

/** The xs:schema blocks of a WSDL (prefix `xs`, `xsd` or `s`), each with its targetNamespace. */
function schemaBlocks(wsdl: string, prefix: string): { ns: string; text: string }[] {
  const re = new RegExp(`<${prefix}:schema\\b[\\s\\S]*?</${prefix}:schema>`, 'g')
  return [...wsdl.matchAll(re)].map((m) => ({ ns: /targetNamespace="([^"]*)"/.exec(m[0])?.[1] ?? '', text: m[0] }))
}

/** xmlns declarations of the WSDL root element. */
function rootXmlns(wsdl: string): string[] {
  const root = /<(?:wsdl:)?definitions\b[^>]*>/.exec(wsdl)?.[0] ?? ''
  return [...root.matchAll(/\sxmlns:(\w+)="([^"]*)"/g)].map((m) => `xmlns:${m[1]}="${m[2]}"`)
}

/**
 * A schema block made standalone: inherited xmlns declarations added, every import replaced by
 * the given local ones, `<p:element ref="p:schema"/>` (DataSet results; libxml2 cannot resolve
 * the XMLSchema schema) replaced by `<p:any/>`.
 */
function standalone(text: string, prefix: string, xmlns: readonly string[], imports: Readonly<Record<string, string>>): string {
  const open = new RegExp(`<${prefix}:schema\\b[^>]*>`).exec(text)?.[0] ?? ''
  const missing = xmlns.filter((d) => !open.includes(d.slice(0, d.indexOf('=') + 1)))
  const newOpen = open.replace(`<${prefix}:schema`, `<${prefix}:schema ${missing.join(' ')}`)
  const importEls = Object.entries(imports)
    .map(([ns, file]) => `<${prefix}:import namespace="${ns}" schemaLocation="${file}"/>`)
    .join('')
  return (
    XML_DECL +
    text
      .replace(open, newOpen + importEls)
      .replace(new RegExp(`<${prefix}:import\\b[^>]*/>`, 'g'), (m) => (importEls.includes(m) ? m : ''))
      .replace(new RegExp(`<${prefix}:element ref="${prefix}:schema" ?/>`, 'g'), `<${prefix}:any/>`)
  )
}

function fromWsdl(wsdl: string, prefix: string, names: Readonly<Record<string, string>>): Built {
  const xmlns = rootXmlns(wsdl)
  const blocks = schemaBlocks(wsdl, prefix).filter((b) => names[b.ns] !== undefined)
  const files: Record<string, string> = {}
  for (const b of blocks) {
    const imports: Record<string, string> = {}
    for (const m of b.text.matchAll(new RegExp(`<${prefix}:import\\b[^>]*namespace="([^"]*)"`, 'g'))) {
      const ns = m[1] as string
      if (names[ns] !== undefined) imports[ns] = names[ns] as string
    }
    files[names[b.ns] as string] = standalone(b.text, prefix, xmlns, imports)
  }
  return { files, imports: {} }
}

function build(set: SoapSchemaSet): Built {
  switch (set) {
    case SoapSchemaSet.yurtici: {
      const names = { [CarrierNs.yurtici]: 'kops.xsd', [CarrierNs.yurticiExceptions]: 'wsexceptions.xsd' }
      const b = fromWsdl(readProtocolFile('yurtici', 'KOPSWebServices.wsdl'), 'xs', names)
      return { files: b.files, imports: { [CarrierNs.yurtici]: 'kops.xsd' } }
    }
    case SoapSchemaSet.arasOrders: {
      const names = {
        [CarrierNs.tempuri]: 'aras-orders.xsd',
        'http://microsoft.com/wsdl/types/': 'ms-types.xsd',
        'http://tempuri.org/IrsaliyeData.xsd': 'IrsaliyeData.xsd',
        'http://tempuri.org/WebCargoData.xsd': 'WebCargoData.xsd',
      }
      const b = fromWsdl(readProtocolFile('aras', 'arascargoservice.wsdl'), 's', names)
      const files = {
        ...b.files,
        'IrsaliyeData.xsd': readProtocolFile('aras', 'IrsaliyeData.xsd'),
        'WebCargoData.xsd': readProtocolFile('aras', 'WebCargoData.xsd'),
      }
      return { files, imports: { [CarrierNs.tempuri]: 'aras-orders.xsd' } }
    }
    case SoapSchemaSet.arasQuery: {
      const models = 'http://schemas.datacontract.org/2004/07/CustCargoInfo.Models'
      const query = readProtocolFile('aras', 'ArasCargoIntegrationService2.xsd')
        .replace(/<xs:import schemaLocation="[^"]*" namespace="([^"]*)" \/>/, `<xs:import schemaLocation="models.xsd" namespace="$1" />`)
        .replace(/<xs:element ref="xs:schema" \/>/g, '<xs:any />')
      return {
        files: { 'aras-query.xsd': query, 'models.xsd': readProtocolFile('aras', 'ArasCargoIntegrationService1.xsd') },
        imports: { [CarrierNs.tempuri]: 'aras-query.xsd', [models]: 'models.xsd' },
      }
    }
    case SoapSchemaSet.ptt: {
      const kabul = fromWsdl(readProtocolFile('ptt', 'PttVeriYukleme_Sorgu.wsdl'), 'xs', {
        [CarrierNs.pttKabul]: 'kabul.xsd',
        [CarrierNs.pttKabulXsd]: 'kabul-types.xsd',
      })
      const takip = fromWsdl(readProtocolFile('ptt', 'GonderiTakipV2_Sorgu.wsdl'), 'xs', {
        [CarrierNs.pttTakip]: 'takip.xsd',
        [CarrierNs.pttTakipXsd]: 'takip-types.xsd',
      })
      return { files: { ...kabul.files, ...takip.files }, imports: { [CarrierNs.pttKabul]: 'kabul.xsd', [CarrierNs.pttTakip]: 'takip.xsd' } }
    }
  }
}

/** A SOAP Envelope schema (1.1 or 1.2 by namespace): optional Header, Body content strict against the loaded schemas. */
function envelopeXsd(ns: string): string {
  return `${XML_DECL}<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${ns}" elementFormDefault="qualified">
  <xs:element name="Envelope">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="Header" minOccurs="0">
          <xs:complexType><xs:sequence><xs:any namespace="##other" minOccurs="0" maxOccurs="unbounded" processContents="lax"/></xs:sequence><xs:anyAttribute namespace="##other" processContents="lax"/></xs:complexType>
        </xs:element>
        <xs:element name="Body">
          <xs:complexType><xs:sequence><xs:any namespace="##other" minOccurs="1" maxOccurs="unbounded" processContents="strict"/></xs:sequence><xs:anyAttribute namespace="##other" processContents="lax"/></xs:complexType>
        </xs:element>
      </xs:sequence>
      <xs:anyAttribute namespace="##other" processContents="lax"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
`
}

/** The schema xmllint is given: both SOAP envelopes plus the carrier's namespaces. */
function rootXsd(imports: Readonly<Record<string, string>>): string {
  const all = { [SOAP11_NS]: 'envelope11.xsd', [SOAP12_NS]: 'envelope12.xsd', ...imports }
  const im = Object.entries(all)
    .map(([ns, file]) => `  <xs:import namespace="${ns}" schemaLocation="${file}"/>\n`)
    .join('')
  return `${XML_DECL}<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n${im}</xs:schema>\n`
}

export type SchemaVerdict = Readonly<{ valid: boolean; errors: string }>

/** Validates whole SOAP 1.1 or 1.2 envelopes: the Body's content strictly against one published schema set. */
export type SoapSchemaChecker = Readonly<{
  set: SoapSchemaSet
  /** Synchronous (tests). */
  validate(envelope: string): SchemaVerdict
  /** Asynchronous (emulators: the event loop keeps serving while xmllint runs). */
  validateAsync(envelope: string): Promise<SchemaVerdict>
  dispose(): void
}>

/** Only the first lines of xmllint's report, without the temp file's path. */
function cleanErrors(stderr: string, file: string): string {
  return stderr
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.endsWith('fails to validate'))
    .map((l) => l.replace(file, 'body'))
    .slice(0, 5)
    .join('\n')
}

export function createSoapSchemaChecker(set: SoapSchemaSet): SoapSchemaChecker {
  const built = build(set)
  const dir = mkdtempSync(join(tmpdir(), `xsd-${set}-`))
  for (const [name, text] of Object.entries(built.files)) writeFileSync(join(dir, name), text)
  writeFileSync(join(dir, 'envelope11.xsd'), envelopeXsd(SOAP11_NS))
  writeFileSync(join(dir, 'envelope12.xsd'), envelopeXsd(SOAP12_NS))
  const envelope = join(dir, 'root.xsd')
  writeFileSync(envelope, rootXsd(built.imports))
  let n = 0
  const docFile = (xml: string) => {
    const file = join(dir, `doc-${++n}.xml`)
    writeFileSync(file, xml)
    return file
  }
  const args = (file: string) => ['--noout', '--nonet', '--schema', envelope, file]
  return {
    set,
    validate(xml) {
      const file = docFile(xml)
      try {
        execFileSync('xmllint', args(file), { stdio: ['ignore', 'pipe', 'pipe'] })
        return { valid: true, errors: '' }
      } catch (err) {
        return { valid: false, errors: cleanErrors(String((err as { stderr?: Buffer }).stderr ?? err), file) }
      } finally {
        rmSync(file, { force: true })
      }
    },
    validateAsync(xml) {
      const file = docFile(xml)
      return new Promise((resolve) => {
        execFile('xmllint', args(file), (err, _stdout, stderr) => {
          rmSync(file, { force: true })
          resolve(err ? { valid: false, errors: cleanErrors(String(stderr || err), file) } : { valid: true, errors: '' })
        })
      })
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  }
}

const shared = new Map<SoapSchemaSet, SoapSchemaChecker | null>()
let exitHookSet = false

/**
 * One checker per set for the whole process (the emulators' validateSchema option), built on first
 * use and removed at exit; null when xmllint is not installed (validation is then skipped).
 */
export function sharedSoapSchemaChecker(set: SoapSchemaSet): SoapSchemaChecker | null {
  if (!shared.has(set)) {
    shared.set(set, xmllintAvailable() ? createSoapSchemaChecker(set) : null)
    if (!exitHookSet) {
      exitHookSet = true
      process.once('exit', () => {
        for (const c of shared.values()) c?.dispose()
      })
    }
  }
  return shared.get(set) ?? null
}

/**
 * The emulators' gate: null when the envelope is valid (or validation is off or impossible), else
 * xmllint's first complaint, shortened to what a server's fault text would say.
 */
export async function schemaComplaint(set: SoapSchemaSet, envelope: string, enabled: boolean): Promise<string | null> {
  if (!enabled) return null
  const checker = sharedSoapSchemaChecker(set)
  if (!checker) return null
  const verdict = await checker.validateAsync(envelope)
  if (verdict.valid) return null
  const first = verdict.errors.split('\n')[0] ?? 'invalid'
  return first.replace(/^body:\d+: (element|parser error) \w*:? ?/, '').replace(/^Schemas validity error : /, '')
}
