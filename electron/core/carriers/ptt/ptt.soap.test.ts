import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import {
  buildBarkodVeriSilEnvelope,
  buildEtiketGetirEnvelope,
  buildGonderiSorguEnvelope,
  buildKabulEkle2Envelope,
  DONGU_ORDER,
  parseSoapResponse,
  PttOperation,
  redactPttSecrets,
  soapActionOf,
} from './ptt.soap'

const dongu = {
  aAdres: 'Hürriyet Mah. <5> & "B"',
  agirlik: 3200,
  aliciAdi: 'Mehmet Polat',
  aliciIlAdi: 'İZMİR',
  aliciIlceAdi: 'ÖDEMİŞ',
  barkodNo: '2740000000010',
  musteriReferansNo: 'KJ-1',
  odemesekli: 'MH',
  gondericibilgi: { gonderici_adi: 'Depo', gonderici_adresi: 'Adres', gonderici_il_ad: 'İSTANBUL', gonderici_ilce_ad: 'ESENYURT' },
}

describe('envelopes (carriers.md §4)', () => {
  it('kabulEkle2: operation and input in kabul.ptt.gov.tr, children in …/xsd, alphabetical, escaped', () => {
    const xml = buildKabulEkle2Envelope({
      kullanici: 'PttWs',
      sifre: 's&cret',
      musteriId: 904411,
      dosyaAdi: 'KJ1',
      gonderiTip: 'NORMAL',
      gonderiTur: 'KARGO',
      dongu: [dongu],
    })
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).toContain('xmlns:kab="http://kabul.ptt.gov.tr" xmlns:kx="http://kabul.ptt.gov.tr/xsd"')
    expect(xml).toContain(
      '<soapenv:Body><kab:kabulEkle2><kab:input><kx:dongu><kx:aAdres>Hürriyet Mah. &lt;5&gt; &amp; &quot;B&quot;</kx:aAdres><kx:agirlik>3200</kx:agirlik>',
    )
    expect(xml).toContain(
      '</kx:barkodNo><kx:gondericibilgi><kx:gonderici_adi>Depo</kx:gonderici_adi><kx:gonderici_adresi>Adres</kx:gonderici_adresi><kx:gonderici_il_ad>İSTANBUL</kx:gonderici_il_ad>',
    )
    expect(xml).toContain(
      '</kx:dongu><kx:dosyaAdi>KJ1</kx:dosyaAdi><kx:gonderiTip>NORMAL</kx:gonderiTip><kx:gonderiTur>KARGO</kx:gonderiTur><kx:kullanici>PttWs</kx:kullanici><kx:musteriId>904411</kx:musteriId><kx:sifre>s&amp;cret</kx:sifre></kab:input>',
    )
    expect(xml).not.toContain('aliciEmail') // optional fields left out
    expect([...DONGU_ORDER]).toEqual([...DONGU_ORDER].sort())
  })

  it('etiketGetir, barkodVeriSil (inpDelete, barcode), gonderiSorgu (takip namespace)', () => {
    expect(buildEtiketGetirEnvelope({ barkodNo: '2740000000010', musteriId: 1, sifre: 'x' })).toContain(
      '<kab:etiketGetir><kab:input><kx:barkodNo>2740000000010</kx:barkodNo><kx:musteriId>1</kx:musteriId><kx:sifre>x</kx:sifre></kab:input>',
    )
    expect(buildBarkodVeriSilEnvelope({ barcode: '2740000000010', dosyaAdi: 'KJ2740000000010', musteriId: 1, sifre: 'x' })).toContain(
      '<kab:barkodVeriSil><kab:inpDelete><kx:barcode>2740000000010</kx:barcode><kx:dosyaAdi>KJ2740000000010</kx:dosyaAdi>',
    )
    const takip = buildGonderiSorguEnvelope(PttOperation.gonderiSorgu2, { barkod: '2740000000010', kullanici: '904411', sifre: 'x' })
    expect(takip).toContain('xmlns:tak="http://takip.ptt.gov.tr" xmlns:tx="http://takip.ptt.gov.tr/xsd"')
    expect(takip).toContain(
      '<tak:gonderiSorgu2><tak:input><tx:barkod>2740000000010</tx:barkod><tx:kullanici>904411</tx:kullanici><tx:sifre>x</tx:sifre></tak:input></tak:gonderiSorgu2>',
    )
  })

  it.each([
    [PttOperation.kabulEkle2, '"urn:kabulEkle2"'],
    [PttOperation.etiketGetir, '"urn:etiketGetir"'],
    [PttOperation.barkodVeriSil, '"urn:barkodVeriSil"'],
    [PttOperation.siparisIstekEkle2, '"urn:siparisIstekEkle2"'],
    [PttOperation.gonderiSorgu, '"urn:gonderiSorgu"'],
    [PttOperation.gonderiSorgu2, '"urn:gonderiSorgu2"'],
  ])('SOAPAction of %s is %s', (op, action) => {
    expect(soapActionOf(op)).toBe(action)
  })

  it('redacts sifre and password whatever their prefix', () => {
    expect(redactPttSecrets('<kx:sifre>a</kx:sifre><sifre>b</sifre><password>c</password><kx:musteriId>1</kx:musteriId>')).toBe(
      '<kx:sifre>[redacted]</kx:sifre><sifre>[redacted]</sifre><password>[redacted]</password><kx:musteriId>1</kx:musteriId>',
    )
  })
})

const env = (body: string) =>
  `<?xml version="1.0"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`

describe('parseSoapResponse', () => {
  it.each([
    [
      'Axis2 return',
      env(
        '<ns:etiketGetirResponse xmlns:ns="http://kabul.ptt.gov.tr"><ns:return xmlns:ax21="x"><ax21:hataKodu>1</ax21:hataKodu></ns:return></ns:etiketGetirResponse>',
      ),
      PttOperation.etiketGetir,
      { kind: 'ok', body: { hataKodu: '1' } },
    ],
    [
      'Axis 1.4 <op>Return',
      env(
        '<gonderiSorguResponse xmlns="http://takip.ptt.gov.tr"><gonderiSorguReturn><BARNO>1</BARNO><dongu><siraNo>1</siraNo></dongu></gonderiSorguReturn></gonderiSorguResponse>',
      ),
      PttOperation.gonderiSorgu,
      { kind: 'ok', body: { BARNO: '1', dongu: [{ siraNo: '1' }] } },
    ],
    [
      'fault',
      env('<soapenv:Fault><faultcode>soapenv:Server</faultcode><faultstring>Policy Falsified</faultstring></soapenv:Fault>'),
      PttOperation.gonderiSorgu,
      { kind: 'fault', fault: { faultcode: 'soapenv:Server', faultstring: 'Policy Falsified' } },
    ],
  ] as const)('%s', (_name, xml, op, expected) => {
    expect(parseSoapResponse(xml, op)).toEqual(expected)
  })

  it.each([
    ['not XML', '<html><body>oops', /not well-formed/],
    ['a DTD', '<!DOCTYPE x [<!ENTITY a "b">]><x/>', /DOCTYPE/],
    ['no Body', '<x/>', /no SOAP Envelope/],
    ['another operation', env('<ns:kabulEkle2Response xmlns:ns="k"><ns:return/></ns:kabulEkle2Response>'), /no etiketGetirResponse/],
    ['no return', env('<ns:etiketGetirResponse xmlns:ns="k"><ns:other/></ns:etiketGetirResponse>'), /no return element/],
  ])('%s → invalid', (_name, xml, reason) => {
    const r = parseSoapResponse(xml, PttOperation.etiketGetir)
    expect(r.kind).toBe('invalid')
    expect(r.kind === 'invalid' ? r.reason : '').toMatch(reason)
  })
})
