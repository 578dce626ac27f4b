import { z } from 'zod'
import { SURAT_NS, SuratOperation } from '../../../../protocols/surat/surat.operations'
import { defaultNsElement, soapEnvelope, SoapStyle } from '../../../../protocols/soap/soap-envelope'
import type { SoapFault } from '../../../../protocols/soap/soap-fault'
import { soapResponseParser, type ParsedSoapAnswer } from '../../../../protocols/soap/soap-response.parser'
import { xmlFields, type XmlFields, type XmlScalar } from '../../../../protocols/soap/xml-text'

/**
 * SOAP 1.1 of Sürat's ASMX service (docs/reference/carriers.md §5): document/literal, namespace http://tempuri.org/
 * on the operation element (its children inherit it, as .NET's elementFormDefault="qualified"
 * wants), SOAPAction "http://tempuri.org/<Operation>". Results come back as `<OpResult>`: a plain
 * string for the older operations, a small record (isError/Message/Barcode…) for the newer ones.
 */
export { SURAT_NS, SuratOperation }

export type SoapScalar = XmlScalar
/** Ordered children; a nested list is a complex element (Gonderi). Undefined values are left out. */
export type SoapFields = XmlFields

export function buildSuratEnvelope(operation: SuratOperation, fields: SoapFields): string {
  return soapEnvelope(SoapStyle.asmx, defaultNsElement(operation, SURAT_NS, xmlFields(fields)))
}

/** The SOAPAction header value, quoted as SOAP 1.1 §6.1.1 and .NET clients send it. */
export function soapActionOf(operation: SuratOperation): string {
  return `"${SURAT_NS}${operation}"`
}

export type { SoapFault }

export type ParsedSuratSoap = ParsedSoapAnswer

/**
 * The content of `<OpResponse><OpResult>` ('' when empty or absent: <OpResult/> and a missing OpResult,
 * a null string in .NET, read alike), a SOAP Fault, or invalid (protocols/soap).
 */
export const parseSuratSoap: (xml: string, operation: SuratOperation) => ParsedSuratSoap = soapResponseParser<SuratOperation>({
  body: (response, operation) => {
    const result = response && typeof response === 'object' ? (response as Record<string, unknown>)[`${operation}Result`] : undefined
    return { ok: true, body: result ?? '' }
  },
})

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
        KargonunDurumuSayi: z
          .union([z.number().int(), z.string().regex(/^\s*\d*\s*$/)])
          .nullish()
          .transform((v) => (v === null || v === undefined || String(v).trim() === '' ? null : Number(v))),
        TeslimTarihi: maybeText,
        TakipUrl: maybeText,
      }),
    )
    .nullish()
    .transform((v) => v ?? []),
})
export type SuratTrackingResponse = z.output<typeof trackingResponseSchema>
