import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { z } from 'zod'

/**
 * SOAP 1.1 of Sürat's ASMX service (docs/reference/carriers.md §5): document/literal, namespace http://tempuri.org/
 * on the operation element (its children inherit it, as .NET's elementFormDefault="qualified"
 * wants), SOAPAction "http://tempuri.org/<Operation>". Results come back as `<OpResult>`: a plain
 * string for the older operations, a small record (isError/Message/Barcode…) for the newer ones.
 */
export const SURAT_NS = 'http://tempuri.org/'
const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/'

export const SuratOperation = {
  siparisBarkod: 'GonderiyiKargoyaGonderYeniSiparisBarkodOlustur',
  yeni: 'GonderiyiKargoyaGonderYeni',
  ortakBarkod: 'OrtakBarkodOlustur',
  kargoBarkodu: 'KargoBarkodu',
  gonderiSil: 'GonderiSil',
  gonderiGeriCek: 'GonderiGeriCek',
  takipV2: 'KargoTakipHareketDetayliV2',
} as const
export type SuratOperation = (typeof SuratOperation)[keyof typeof SuratOperation]

export type SoapScalar = string | number | boolean
/** Ordered children; a nested list is a complex element (Gonderi). Undefined values are left out. */
export type SoapFields = ReadonlyArray<readonly [string, SoapScalar | SoapFields | undefined]>

// XML 1.0 cannot carry these even escaped (a control character pasted into an address): dropped.
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export function xmlEscape(text: string): string {
  return text.replace(INVALID_XML_CHARS, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

function children(fields: SoapFields): string {
  return fields
    .map(([name, value]) => {
      if (value === undefined) return ''
      if (Array.isArray(value)) return `<${name}>${children(value as SoapFields)}</${name}>`
      if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`${name} must be a finite number, got ${value}`)
      return `<${name}>${xmlEscape(String(value))}</${name}>`
    })
    .join('')
}

export function buildSuratEnvelope(operation: SuratOperation, fields: SoapFields): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<soap:Envelope xmlns:soap="${SOAP_ENV_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">` +
    `<soap:Body><${operation} xmlns="${SURAT_NS}">${children(fields)}</${operation}></soap:Body></soap:Envelope>`
  )
}

/** The SOAPAction header value, quoted as SOAP 1.1 §6.1.1 and .NET clients send it. */
export function soapActionOf(operation: SuratOperation): string {
  return `"${SURAT_NS}${operation}"`
}

const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false, trimValues: true, htmlEntities: true })

export type SoapFault = Readonly<{ faultcode: string; faultstring: string }>

export type ParsedSuratSoap =
  | Readonly<{ kind: 'ok'; result: unknown }>
  | Readonly<{ kind: 'fault'; fault: SoapFault }>
  | Readonly<{ kind: 'invalid'; reason: string }>

/** The content of `<OpResponse><OpResult>` ('' when empty or absent), a SOAP Fault, or invalid. */
export function parseSuratSoap(xml: string, operation: SuratOperation): ParsedSuratSoap {
  // SOAP 1.1 §3: no DTD in a message; refusing it also closes the entity-expansion door.
  if (/<!DOCTYPE/i.test(xml)) return { kind: 'invalid', reason: 'the answer contains a DOCTYPE' }
  const valid = XMLValidator.validate(xml)
  if (valid !== true) return { kind: 'invalid', reason: `not well-formed XML: ${valid.err.msg} (line ${valid.err.line})` }
  const doc = parser.parse(xml) as Record<string, unknown>
  const body = (doc.Envelope as Record<string, unknown> | undefined)?.Body
  if (!body || typeof body !== 'object') return { kind: 'invalid', reason: 'no SOAP Envelope/Body' }
  const b = body as Record<string, unknown>
  if (b.Fault !== undefined) {
    const f = b.Fault as Record<string, unknown>
    const faultcode = typeof f.faultcode === 'string' ? f.faultcode : ''
    const faultstring = typeof f.faultstring === 'string' ? f.faultstring : ''
    return faultcode || faultstring ? { kind: 'fault', fault: { faultcode, faultstring } } : { kind: 'invalid', reason: 'a SOAP Fault without faultcode/faultstring' }
  }
  const response = b[`${operation}Response`]
  if (response === undefined) return { kind: 'invalid', reason: `no ${operation}Response in the Body` }
  // <OpResult/> and a missing OpResult (a null string in .NET) both read as ''.
  const result = response && typeof response === 'object' ? (response as Record<string, unknown>)[`${operation}Result`] : undefined
  return { kind: 'ok', result: result ?? '' }
}

// .NET writes booleans as true/false; parseTagValue is off, so every leaf is a string here.
const netBool = z.enum(['true', 'false', 'True', 'False']).transform((v) => v.toLowerCase() === 'true')
const text = z.string().default('')

/** GonderiyiKargoyaGonderYeniSiparisBarkodOlustur → {isError, Message, Barcode (14 digits)} (docs/reference/carriers.md §5). */
export const siparisBarkodResultSchema = z.object({ isError: netBool, Message: text, Barcode: text })

/** OrtakBarkodOlustur: unpublished shape; clients read isError/Message and Barcode or KargoTakipNo (L). */
export const ortakBarkodResultSchema = z.object({ isError: netBool, Message: text, Barcode: text, KargoTakipNo: text })

/** KargoBarkodu → PdfBarkod (base64 PDF) + KargoTakipNo (docs/reference/carriers.md §5); isError/Message when present. */
export const kargoBarkoduResultSchema = z.object({ isError: netBool.optional(), Message: text, PdfBarkod: text, KargoTakipNo: text })

/** The string results (GonderiyiKargoyaGonderYeni, GonderiSil, GonderiGeriCek, KargoTakipHareketDetayliV2). */
export const stringResultSchema = z.string()

const maybeText = z
  .string()
  .nullish()
  .transform((v) => v ?? '')

/** REST KargoTakipHareketDetayi (docs/reference/carriers.md §5): {IsError, errorMessage, Gonderiler[…]}. */
export const trackingResponseSchema = z.object({
  IsError: z.boolean(),
  errorMessage: maybeText,
  Gonderiler: z
    .array(
      z.object({
        KargoTakipNo: maybeText,
        KargonunDurumu: maybeText,
        KargonunDurumuSayi: z.union([z.number().int(), z.string().regex(/^\s*\d*\s*$/)]).nullish().transform((v) => (v === null || v === undefined || String(v).trim() === '' ? null : Number(v))),
        TeslimTarihi: maybeText,
        TakipUrl: maybeText,
      }),
    )
    .nullish()
    .transform((v) => v ?? []),
})
export type SuratTrackingResponse = z.output<typeof trackingResponseSchema>
