import { PttPath } from '../../../../protocols/ptt/ptt.paths'
import { CarrierNs } from '../../../../protocols/soap/carrier-namespaces'
import { soapEnvelope, SoapStyle } from '../../../../protocols/soap/soap-envelope'
import { soapResponseParser, type ParsedSoapAnswer } from '../../../../protocols/soap/soap-response.parser'
import { redactXmlElements, xmlElement, type XmlScalar } from '../../../../protocols/soap/xml-text'
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

/** Service paths of docs/reference/carriers.md §4, appended to an origin (https://pttws.ptt.gov.tr or an emulator's). */
export { PttPath }

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

type Row = Readonly<Record<string, XmlScalar | undefined>>

function ordered(prefix: string, order: readonly string[], row: Row, nested: Readonly<Record<string, string>> = {}): string {
  return order.map((k) => nested[k] ?? xmlElement(`${prefix}:${k}`, row[k])).join('')
}

function kabulEnvelope(operation: PttOperation, wrapper: string, inner: string): string {
  const body = `<kab:${operation}><kab:${wrapper}>${inner}</kab:${wrapper}></kab:${operation}>`
  return soapEnvelope(SoapStyle.soapUi, body, { kab: CarrierNs.pttKabul, kx: CarrierNs.pttKabulXsd })
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
  'gonderici_adi',
  'gonderici_adresi',
  'gonderici_email',
  'gonderici_il_ad',
  'gonderici_ilce_ad',
  'gonderici_posta_kodu',
  'gonderici_sms',
  'gonderici_soyadi',
  'gonderici_telefonu',
  'gonderici_ulke_id',
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
  'aAdres',
  'agirlik',
  'aliciAdi',
  'aliciEmail',
  'aliciIlAdi',
  'aliciIlceAdi',
  'aliciSms',
  'aliciTel',
  'barkodNo',
  'boy',
  'deger_ucreti',
  'desi',
  'ekhizmet',
  'en',
  'gondericibilgi',
  'musteriReferansNo',
  'odeme_sart_ucreti',
  'odemesekli',
  'rezerve1',
  'teslim_tip',
  'yukseklik',
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
  const dongu = i.dongu
    .map((d) => `<kx:dongu>${ordered('kx', DONGU_ORDER, d as unknown as Row, { gondericibilgi: gondericiXml(d.gondericibilgi) })}</kx:dongu>`)
    .join('')
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
  'adet',
  'agirlik',
  'boy',
  'deger_konulmus_ucret',
  'desi',
  'ek_hizmetler',
  'en',
  'gonderiTip',
  'gonderiTur',
  'gondericibilgi',
  'isyeriId',
  'musteriId',
  'musteriKullanici',
  'randevu_baslangic',
  'randevu_bitis',
  'sifre',
  'ucret',
  'yukseklik',
] as const satisfies readonly (keyof SiparisIstekEkle2Input)[]

export function buildSiparisIstekEkle2Envelope(i: SiparisIstekEkle2Input): string {
  return kabulEnvelope(
    PttOperation.siparisIstekEkle2,
    'input',
    ordered('kx', ISTEK_ORDER, i as unknown as Row, { gondericibilgi: gondericiXml(i.gondericibilgi) }),
  )
}

/** gonderiSorgu / gonderiSorgu2 {input{barkod, kullanici, sifre}}: username + password, no customer id (§4 [BX]). */
export function buildGonderiSorguEnvelope(operation: PttTrackingOperation, i: Readonly<{ barkod: string; kullanici: string; sifre: string }>): string {
  const body = `<tak:${operation}><tak:input>${ordered('tx', ['barkod', 'kullanici', 'sifre'], i)}</tak:input></tak:${operation}>`
  return soapEnvelope(SoapStyle.soapUi, body, { tak: CarrierNs.pttTakip, tx: CarrierNs.pttTakipXsd })
}

/** The SOAPAction header value: `"urn:<op>"` on both services, as their published WSDLs bind them (protocols/ptt/). */
export function soapActionOf(operation: PttOperation): string {
  return `"urn:${operation}"`
}

/** Every sifre (and password) element's content, whatever its prefix, replaced by [redacted]. */
export function redactPttSecrets(text: string): string {
  return redactXmlElements(text, ['sifre', 'password'])
}

export type ParsedSoap = ParsedSoapAnswer<unknown, PttSoapFault>

/**
 * The `return` of `<op>Response` (Axis2 spells it `return`; Axis 1.4 may say `<op>Return`), a SOAP
 * fault, or `invalid` (not XML, a DTD, no Body, no response element) (protocols/soap).
 */
type ParseSoapResponse = (xml: string, operation: PttOperation) => ParsedSoap

export const parseSoapResponse: ParseSoapResponse = soapResponseParser<PttOperation, unknown, PttSoapFault>({
  repeated: ['dongu'],
  body: (response, operation) => {
    if (response === null || typeof response !== 'object') return { ok: false, reason: `no ${operation}Response element in the Body` }
    const r = response as Record<string, unknown>
    const value = r.return ?? r[`${operation}Return`]
    if (value === undefined) return { ok: false, reason: `${operation}Response has no return element` }
    return { ok: true, body: value === '' ? {} : value }
  },
})
