import { describe, expect, it } from 'vitest'
import { TrackingStatus } from '../../../../shared/domain/shipment'
import { redactSurat } from './surat.client'
import { kargoBarkoduResultSchema, parseSuratSoap, siparisBarkodResultSchema, soapActionOf, SuratOperation, trackingResponseSchema } from './surat.soap'
import { eventsFromHistory, eventsFromTracking, turkeyIso } from './surat.tracking'

const env = (body: string) =>
  `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${body}</soap:Body></soap:Envelope>`

describe('parseSuratSoap', () => {
  it('reads a structured result', () => {
    const op = SuratOperation.siparisBarkod
    const p = parseSuratSoap(
      env(
        `<${op}Response xmlns="http://tempuri.org/"><${op}Result><isError>false</isError><Message>Tamam</Message><Barcode>30000000000001</Barcode></${op}Result></${op}Response>`,
      ),
      op,
    )
    expect(p.kind).toBe('ok')
    if (p.kind !== 'ok') return
    expect(siparisBarkodResultSchema.parse(p.body)).toEqual({ isError: false, Message: 'Tamam', Barcode: '30000000000001' })
  })

  it('reads a string result, decoding entities, and an empty one as ""', () => {
    const op = SuratOperation.gonderiSil
    expect(parseSuratSoap(env(`<${op}Response xmlns="http://tempuri.org/"><${op}Result>A &amp; B</${op}Result></${op}Response>`), op)).toEqual({
      kind: 'ok',
      body: 'A & B',
    })
    expect(parseSuratSoap(env(`<${op}Response xmlns="http://tempuri.org/"><${op}Result /></${op}Response>`), op)).toEqual({ kind: 'ok', body: '' })
    expect(parseSuratSoap(env(`<${op}Response xmlns="http://tempuri.org/" />`), op)).toEqual({ kind: 'ok', body: '' })
  })

  it('reads a SOAP fault', () => {
    const p = parseSuratSoap(
      env(
        '<soap:Fault><faultcode>soap:Client</faultcode><faultstring>Server did not recognize the value of HTTP Header SOAPAction: x.</faultstring></soap:Fault>',
      ),
      SuratOperation.gonderiSil,
    )
    expect(p).toEqual({ kind: 'fault', fault: { faultcode: 'soap:Client', faultstring: 'Server did not recognize the value of HTTP Header SOAPAction: x.' } })
  })

  it.each([
    ['cut XML', env('<GonderiSilResponse><GonderiSilRes')],
    ['a DOCTYPE', `<!DOCTYPE x [<!ENTITY a "b">]>${env('')}`],
    ['no envelope', '<html><body>hi</body></html>'],
    ['another operation', env('<KargoBarkoduResponse xmlns="http://tempuri.org/"/>')],
  ])('refuses %s as invalid', (_, xml) => {
    expect(parseSuratSoap(xml, SuratOperation.gonderiSil).kind).toBe('invalid')
  })

  it('schemas refuse what is not a .NET boolean', () => {
    expect(siparisBarkodResultSchema.safeParse({ isError: 'yes', Message: '', Barcode: '' }).success).toBe(false)
    expect(kargoBarkoduResultSchema.parse({ PdfBarkod: 'JVBERi0=' })).toEqual({ Message: '', PdfBarkod: 'JVBERi0=', KargoTakipNo: '' })
  })

  it('SOAPAction is quoted tempuri + operation', () => {
    expect(soapActionOf(SuratOperation.kargoBarkodu)).toBe('"http://tempuri.org/KargoBarkodu"')
  })
})

describe('trackingResponseSchema + events', () => {
  it('accepts numbers or digit strings for KargonunDurumuSayi and nulls for texts', () => {
    const r = trackingResponseSchema.parse({
      IsError: false,
      errorMessage: null,
      Gonderiler: [
        { KargoTakipNo: '30000000000001', KargonunDurumu: 'Teslim Edildi', KargonunDurumuSayi: 6, TeslimTarihi: '22.02.2026 14:30', TakipUrl: null },
        { KargoTakipNo: null, KargonunDurumu: null, KargonunDurumuSayi: '3', TeslimTarihi: null, TakipUrl: '' },
        { KargonunDurumuSayi: null },
      ],
    })
    const events = eventsFromTracking(r, '2026-02-23T10:00:00.000Z')
    expect(events).toEqual([
      { status: TrackingStatus.delivered, rawCode: '6', rawText: 'Teslim Edildi', at: '2026-02-22T14:30:00+03:00', location: null },
      { status: TrackingStatus.inTransit, rawCode: '3', rawText: '', at: '2026-02-23T10:00:00.000Z', location: null },
      { status: null, rawCode: '', rawText: '', at: '2026-02-23T10:00:00.000Z', location: null },
    ])
  })

  it('refuses a shape that is not the documented one', () => {
    expect(trackingResponseSchema.safeParse({ IsError: 'false' }).success).toBe(false)
    expect(trackingResponseSchema.safeParse({ IsError: false, Gonderiler: [{ KargonunDurumuSayi: 'altı' }] }).success).toBe(false)
    expect(trackingResponseSchema.parse({ IsError: true, errorMessage: 'Kayıt bulunamadı', Gonderiler: null }).Gonderiler).toEqual([])
  })

  it.each([
    ['22.02.2026 14:30', '2026-02-22T14:30:00+03:00'],
    ['22.02.2026', '2026-02-22T00:00:00+03:00'],
    ['2026-02-21 08:00:00', '2026-02-21T08:00:00+03:00'],
    ['', null],
    ['31.02.x', null],
  ])('turkeyIso("%s") → %s', (text, iso) => {
    expect(turkeyIso(text)).toBe(iso)
  })

  it('history lines become events oldest first with location', () => {
    const text = [
      'Teslim Edildi|2026-02-22 14:30:00|Ankara Cankaya Sube',
      'Kargo Kabul|2026-02-20 10:00:00|Istanbul Kadikoy Sube',
      '',
      'Aktarma Merkezinde|2026-02-21 08:00:00|',
    ].join('\n')
    const events = eventsFromHistory(text, '2026-03-01T00:00:00Z')
    expect(events.map((e) => [e.status, e.at, e.location])).toEqual([
      [TrackingStatus.pickedUp, '2026-02-20T10:00:00+03:00', 'Istanbul Kadikoy Sube'],
      [TrackingStatus.inTransit, '2026-02-21T08:00:00+03:00', null],
      [TrackingStatus.delivered, '2026-02-22T14:30:00+03:00', 'Ankara Cankaya Sube'],
    ])
  })
})

describe('redactSurat', () => {
  it('removes both passwords from envelopes, URLs and JSON', () => {
    const xml = '<Sifre>123456</Sifre><a:WebPassword>123456.Ff</a:WebPassword><KullaniciAdi>1038106246</KullaniciAdi>'
    expect(redactSurat(xml)).toBe('<Sifre>[redacted]</Sifre><a:WebPassword>[redacted]</a:WebPassword><KullaniciAdi>1038106246</KullaniciAdi>')
    expect(redactSurat('https://x/api/KargoTakipHareketDetayi?CariKodu=1&Sifre=123456.Ff&WebSiparisKodu=K')).toBe(
      'https://x/api/KargoTakipHareketDetayi?CariKodu=1&Sifre=[redacted]&WebSiparisKodu=K',
    )
    expect(redactSurat('{"Sifre":"a\\"b","x":1}')).toBe('{"Sifre":"[redacted]","x":1}')
  })
})
