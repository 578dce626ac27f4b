import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { PttSoapFault } from './ptt.errors'

/**
 * SOAP 1.1 envelopes for PTT's two services (docs/reference/carriers.md §4).
 * - Acceptance (Axis2): `urn:<op>` SOAPAction, operation and its wrapper (`input`, `inpDelete`) in
 *   http://kabul.ptt.gov.tr, the wrapper's children in http://kabul.ptt.gov.tr/xsd, in the
 *   alphabetical order Axis2's generated types keep (HT; a WooCommerce client notes ADB enforces it).
 * - Tracking: `urn:<op>` SOAPAction as protocols/ptt/GonderiTakipV2_Sorgu.wsdl binds it (an Axis2
 *   service), http://takip.ptt.gov.tr, the children of `input` in http://takip.ptt.gov.tr/xsd.
 * Both bodies are checked against the published WSDLs in tests/protocols/soap-request-schemas.test.ts.
 */

export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/'
export const PTT_KABUL_NS = 'http://kabul.ptt.gov.tr'
export const PTT_KABUL_XSD_NS = 'http://kabul.ptt.gov.tr/xsd'
export const PTT_TAKIP_NS = 'http://takip.ptt.gov.tr'
export const PTT_TAKIP_XSD_NS = 'http://takip.ptt.gov.tr/xsd'

/** Service paths of docs/reference/carriers.md §4, appended to an origin (https://pttws.ptt.gov.tr or an emulator's). */
export const PttPath = {
  acceptance: '/PttVeriYukleme/services/Sorgu',
  acceptanceTest: '/PttVeriYuklemeTest/services/Sorgu',
  tracking: '/GonderiTakipV2/services/Sorgu',
} as const

export const PTT_LIVE_ORIGIN = 'https://pttws.ptt.gov.tr'

export const PttOperation = {
  kabulEkle2: 'kabulEkle2',
  etiketGetir: 'etiketGetir',
  barkodVeriSil: 'barkodVeriSil',
  siparisIstekEkle2: 'siparisIstekEkle2',
  gonderiSorgu: 'gonderiSorgu',
  gonderiSorgu2: 'gonderiSorgu2',
} as const
export type PttOperation = (typeof PttOperation)[keyof typeof PttOperation]
export type PttTrackingOperation = typeof PttOperation.gonderiSorgu | typeof PttOperation.gonderiSorgu2

const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Escapes text for element content and drops characters XML 1.0 cannot carry. */
export function xmlEscape(text: string): string {
  return text.replace(INVALID_XML_CHARS, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

type Scalar = string | number | undefined
type Row = Readonly<Record<string, Scalar>>

function el(prefix: string, name: string, value: Scalar): string {
  if (value === undefined) return ''
  if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`${name} must be a finite number`)
  return `<${prefix}:${name}>${xmlEscape(String(value))}</${prefix}:${name}>`
}

function ordered(prefix: string, order: readonly string[], row: Row, nested: Readonly<Record<string, string>> = {}): string {
  return order.map((k) => nested[k] ?? el(prefix, k, row[k])).join('')
}

function kabulEnvelope(operation: PttOperation, wrapper: string, inner: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<soapenv:Envelope xmlns:soapenv="${SOAP11_NS}" xmlns:kab="${PTT_KABUL_NS}" xmlns:kx="${PTT_KABUL_XSD_NS}">` +
    `<soapenv:Header/><soapenv:Body><kab:${operation}><kab:${wrapper}>${inner}</kab:${wrapper}></kab:${operation}></soapenv:Body></soapenv:Envelope>`
  )
}

/** gondericibilgi (sender) of kabulEkle2 and siparisIstekEkle2 (§4 `gondericibilgi{gonderici_adi,…}`). */
export type PttGonderici = Readonly<{
  gonderici_adi: string
  gonderici_adresi: string
  gonderici_email?: string
  gonderici_il_ad: string
  gonderici_ilce_ad: string
  gonderici_posta_kodu?: string
  gonderici_sms?: string
  gonderici_soyadi?: string
  gonderici_telefonu?: string
  /** 052 = Türkiye (a WooCommerce client; §4 does not list it). */
  gonderici_ulke_id?: string
}>
export const GONDERICI_ORDER = [
  'gonderici_adi', 'gonderici_adresi', 'gonderici_email', 'gonderici_il_ad', 'gonderici_ilce_ad',
  'gonderici_posta_kodu', 'gonderici_sms', 'gonderici_soyadi', 'gonderici_telefonu', 'gonderici_ulke_id',
] as const satisfies readonly (keyof PttGonderici)[]

/** One kabulEkle2 `dongu` (one parcel under one barcode), fields of §4's skeleton. */
export type PttDongu = Readonly<{
  aAdres: string
  /** Grams (int). */
  agirlik: number
  aliciAdi: string
  aliciEmail?: string
  aliciIlAdi: string
  aliciIlceAdi: string
  aliciSms?: string
  aliciTel?: string
  barkodNo: string
  /** Centimetres (int). */
  boy?: number
  deger_ucreti?: string
  desi?: string
  ekhizmet?: string
  en?: number
  gondericibilgi?: PttGonderici
  musteriReferansNo?: string
  odeme_sart_ucreti?: string
  odemesekli?: string
  rezerve1?: string
  teslim_tip?: string
  yukseklik?: number
}>
export const DONGU_ORDER = [
  'aAdres', 'agirlik', 'aliciAdi', 'aliciEmail', 'aliciIlAdi', 'aliciIlceAdi', 'aliciSms', 'aliciTel',
  'barkodNo', 'boy', 'deger_ucreti', 'desi', 'ekhizmet', 'en', 'gondericibilgi', 'musteriReferansNo',
  'odeme_sart_ucreti', 'odemesekli', 'rezerve1', 'teslim_tip', 'yukseklik',
] as const satisfies readonly (keyof PttDongu)[]

function gondericiXml(g: PttGonderici | undefined): string {
  return g ? `<kx:gondericibilgi>${ordered('kx', GONDERICI_ORDER, g)}</kx:gondericibilgi>` : ''
}

export type KabulEkle2Input = Readonly<{
  /** "PttWs" or the WS user (§4). */
  kullanici: string
  sifre: string
  musteriId: number
  /** The batch name. */
  dosyaAdi: string
  gonderiTip: string
  gonderiTur: string
  dongu: readonly PttDongu[]
}>

export function buildKabulEkle2Envelope(i: KabulEkle2Input): string {
  const dongu = i.dongu.map((d) => `<kx:dongu>${ordered('kx', DONGU_ORDER, d as unknown as Row, { gondericibilgi: gondericiXml(d.gondericibilgi) })}</kx:dongu>`).join('')
  const rest = ordered('kx', ['dosyaAdi', 'gonderiTip', 'gonderiTur', 'kullanici', 'musteriId', 'sifre'], i as unknown as Row)
  return kabulEnvelope(PttOperation.kabulEkle2, 'input', dongu + rest)
}

/** etiketGetir{barkodNo, musteriId, sifre}: no username on this operation (§4 [BX]). */
export function buildEtiketGetirEnvelope(i: Readonly<{ barkodNo: string; musteriId: number; sifre: string }>): string {
  return kabulEnvelope(PttOperation.etiketGetir, 'input', ordered('kx', ['barkodNo', 'musteriId', 'sifre'], i))
}

/** barkodVeriSil{inpDelete{barcode, dosyaAdi, musteriId, sifre}} (BX, HT: the wrapper and `barcode` are spelled so). */
export function buildBarkodVeriSilEnvelope(i: Readonly<{ barcode: string; dosyaAdi?: string; musteriId: number; sifre: string }>): string {
  return kabulEnvelope(PttOperation.barkodVeriSil, 'inpDelete', ordered('kx', ['barcode', 'dosyaAdi', 'musteriId', 'sifre'], i))
}

/**
 * siparisIstekEkle2 (courier pickup): §4 names the operation only; the fields follow a WooCommerce
 * client built from the WSDL (InputIstek2, alphabetical, snake_case, doubles as "0.00").
 */
export type SiparisIstekEkle2Input = Readonly<{
  adet: number
  agirlik?: string
  boy?: string
  deger_konulmus_ucret?: string
  desi?: string
  ek_hizmetler?: string
  en?: string
  gonderiTip: string
  gonderiTur: string
  gondericibilgi: PttGonderici
  isyeriId: number
  musteriId: number
  musteriKullanici: string
  randevu_baslangic?: string
  randevu_bitis?: string
  sifre: string
  ucret: string
  yukseklik?: string
}>
const ISTEK_ORDER = [
  'adet', 'agirlik', 'boy', 'deger_konulmus_ucret', 'desi', 'ek_hizmetler', 'en', 'gonderiTip', 'gonderiTur',
  'gondericibilgi', 'isyeriId', 'musteriId', 'musteriKullanici', 'randevu_baslangic', 'randevu_bitis', 'sifre', 'ucret', 'yukseklik',
] as const satisfies readonly (keyof SiparisIstekEkle2Input)[]

export function buildSiparisIstekEkle2Envelope(i: SiparisIstekEkle2Input): string {
  return kabulEnvelope(PttOperation.siparisIstekEkle2, 'input', ordered('kx', ISTEK_ORDER, i as unknown as Row, { gondericibilgi: gondericiXml(i.gondericibilgi) }))
}

/** gonderiSorgu / gonderiSorgu2 {input{barkod, kullanici, sifre}}: username + password, no customer id (§4 [BX]). */
export function buildGonderiSorguEnvelope(operation: PttTrackingOperation, i: Readonly<{ barkod: string; kullanici: string; sifre: string }>): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<soapenv:Envelope xmlns:soapenv="${SOAP11_NS}" xmlns:tak="${PTT_TAKIP_NS}" xmlns:tx="${PTT_TAKIP_XSD_NS}">` +
    `<soapenv:Header/><soapenv:Body><tak:${operation}><tak:input>${ordered('tx', ['barkod', 'kullanici', 'sifre'], i)}</tak:input></tak:${operation}></soapenv:Body></soapenv:Envelope>`
  )
}

/** The SOAPAction header value: `"urn:<op>"` on both services, as their published WSDLs bind them (protocols/ptt/). */
export function soapActionOf(operation: PttOperation): string {
  return `"urn:${operation}"`
}

/** Every sifre (and password) element's content, whatever its prefix, replaced by [redacted]. */
export function redactPttSecrets(text: string): string {
  return text.replace(/(<(?:[\w.-]+:)?(sifre|password)\b[^>]*>)[\s\S]*?(<\/(?:[\w.-]+:)?\2>)/gi, '$1[redacted]$3')
}

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false, // leaves stay strings; zod decides
  trimValues: true,
  htmlEntities: true,
  isArray: (name) => name === 'dongu',
})

export type ParsedSoap = Readonly<{ kind: 'ok'; body: unknown }> | Readonly<{ kind: 'fault'; fault: PttSoapFault }> | Readonly<{ kind: 'invalid'; reason: string }>

const textOf = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')

/**
 * The `return` of `<op>Response` (Axis2 spells it `return`; Axis 1.4 may say `<op>Return`), a SOAP
 * 1.1 fault, or `invalid` (not XML, a DTD, no Body, no response element).
 */
export function parseSoapResponse(xml: string, operation: PttOperation): ParsedSoap {
  // SOAP 1.1 §3 forbids a DTD in a message; refusing it also closes the entity-expansion door.
  if (/<!DOCTYPE/i.test(xml)) return { kind: 'invalid', reason: 'the answer contains a DOCTYPE' }
  const valid = XMLValidator.validate(xml)
  if (valid !== true) return { kind: 'invalid', reason: `not well-formed XML: ${valid.err.msg} (line ${valid.err.line})` }
  const doc = parser.parse(xml) as Record<string, unknown>
  const body = (doc.Envelope as Record<string, unknown> | undefined)?.Body
  if (!body || typeof body !== 'object') return { kind: 'invalid', reason: 'no SOAP Envelope/Body' }
  const b = body as Record<string, unknown>
  if (b.Fault !== undefined) {
    const f = (b.Fault ?? {}) as Record<string, unknown>
    const faultcode = textOf(f.faultcode)
    return faultcode ? { kind: 'fault', fault: { faultcode, faultstring: textOf(f.faultstring) } } : { kind: 'invalid', reason: 'a SOAP Fault without faultcode' }
  }
  const response = b[`${operation}Response`]
  if (response === undefined || response === null || typeof response !== 'object') return { kind: 'invalid', reason: `no ${operation}Response element in the Body` }
  const r = response as Record<string, unknown>
  const value = r.return ?? r[`${operation}Return`]
  if (value === undefined) return { kind: 'invalid', reason: `${operation}Response has no return element` }
  return { kind: 'ok', body: value === '' ? {} : value }
}
