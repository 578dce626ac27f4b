import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../../shared/errors'
import { parseQueryJson } from './aras.client'
import {
  buildCancelDispatchEnvelope,
  buildGetBarcodeEnvelope,
  buildGetQueryJsonEnvelope,
  buildSetOrderEnvelope,
  parseSoapResponse,
  redactArasSecrets,
  soapActionOf,
} from './aras.soap'

const c = { username: 'neodyum', password: 's3<cr&t' }
const parse = (xml: string) => new XMLParser({ removeNSPrefix: true, ignoreAttributes: false, parseTagValue: false }).parse(xml)

describe('envelopes', () => {
  it('SetOrder: tempuri default namespace, credentials in the Order and as arguments, escaped', () => {
    const xml = buildSetOrderEnvelope(c, [
      { IntegrationCode: '1234567890123456', ReceiverName: 'A & B <C>', PieceDetails: [{ BarcodeNumber: '1234567890123456' }] },
    ])
    expect(XMLValidator.validate(xml)).toBe(true)
    const op = parse(xml).Envelope.Body.SetOrder
    expect(xml).toContain('<soap:Body><SetOrder xmlns="http://tempuri.org/"><orderInfo><Order><UserName>neodyum</UserName>')
    expect(op.orderInfo.Order).toMatchObject({
      UserName: 'neodyum',
      Password: 's3<cr&t',
      ReceiverName: 'A & B <C>',
      PieceDetails: { PieceDetail: { BarcodeNumber: '1234567890123456' } },
    })
    expect([op.userName, op.password]).toEqual(['neodyum', 's3<cr&t'])
    // Order fields keep the service's order: UserName first, IntegrationCode after the COD fields.
    expect(xml.indexOf('<UserName>')).toBeLessThan(xml.indexOf('<ReceiverName>'))
  })

  it('CancelDispatch / GetBarcode spell their credentials as documented', () => {
    expect(parse(buildCancelDispatchEnvelope(c, '123456')).Envelope.Body.CancelDispatch).toMatchObject({ userName: 'neodyum', integrationCode: '123456' })
    expect(parse(buildGetBarcodeEnvelope(c, '123456')).Envelope.Body.GetBarcode).toMatchObject({ Username: 'neodyum', Password: 's3<cr&t' })
  })

  it('GetQueryJSON: loginInfo and queryInfo are XML strings inside the envelope', () => {
    const op = parse(buildGetQueryJsonEnvelope({ ...c, customerCode: '1932448851342' }, 1, { IntegrationCode: '123456' })).Envelope.Body.GetQueryJSON
    expect(op.loginInfo).toBe(
      '<LoginInfo><UserName>neodyum</UserName><Password>s3&lt;cr&amp;t</Password><CustomerCode>1932448851342</CustomerCode></LoginInfo>',
    )
    expect(op.queryInfo).toBe('<QueryInfo><QueryType>1</QueryType><IntegrationCode>123456</IntegrationCode></QueryInfo>')
  })

  it('SOAPActions (carriers.md §2)', () => {
    expect(soapActionOf('SetOrder')).toBe('http://tempuri.org/SetOrder')
    expect(soapActionOf('GetQueryJSON')).toBe('http://tempuri.org/IArasCargoIntegrationService/GetQueryJSON')
  })

  it('redacts passwords, raw and escaped inside loginInfo', () => {
    const xml = buildSetOrderEnvelope(c, [{ PieceDetails: [] }]) + buildGetQueryJsonEnvelope({ ...c, customerCode: '1' }, 1, { IntegrationCode: '1' })
    const red = redactArasSecrets(xml)
    expect(red).not.toContain('s3&lt;cr')
    expect(red.match(/\[redacted\]/g)).toHaveLength(3) // Order.Password, password argument, LoginInfo
  })
})

describe('parseSoapResponse', () => {
  const env = (body: string) =>
    `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${body}</soap:Body></soap:Envelope>`
  it.each([
    ['ok', env('<SetOrderResponse xmlns="http://tempuri.org/"><SetOrderResult/></SetOrderResponse>'), 'ok'],
    ['fault 1.1', env('<soap:Fault><faultcode>soap:Client</faultcode><faultstring>x</faultstring></soap:Fault>'), 'fault'],
    [
      'fault 1.2',
      env(
        '<soap:Fault><soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en">x</soap:Text></soap:Reason></soap:Fault>',
      ),
      'fault',
    ],
    ['cut', env('<SetOrderResponse>').slice(0, 60), 'invalid'],
    ['DTD', `<!DOCTYPE x [<!ENTITY a "b">]>${env('')}`, 'invalid'],
    ['other op', env('<CancelDispatchResponse/>'), 'invalid'],
    ['html', '<html><body>500</body></html>', 'invalid'],
  ])('%s → %s', (_n, xml, kind) => {
    expect(parseSoapResponse(xml, 'SetOrder').kind).toBe(kind)
  })
})

describe('parseQueryJson', () => {
  const row = { MUSTERI_OZEL_KODU: '123456', KARGO_TAKIP_NO: 3400000000001, DURUM_KODU: 6, DEVIR_KODU: null }
  it('one row as an object, several as an array, nothing as empty/missing', () => {
    expect(parseQueryJson(JSON.stringify({ QueryResult: { Cargo: row } })).cargo).toMatchObject([
      { MUSTERI_OZEL_KODU: '123456', KARGO_TAKIP_NO: '3400000000001', DURUM_KODU: '6', DEVIR_KODU: '' },
    ])
    expect(parseQueryJson(JSON.stringify({ QueryResult: { Cargo: [row, row] } })).cargo).toHaveLength(2)
    for (const empty of ['', 'null', '{"QueryResult":{}}', '{"QueryResult":null}', '{}', '{"QueryResult":{"Cargo":[]}}'])
      expect(parseQueryJson(empty)).toEqual({ cargo: [], movements: [] })
  })

  it('movements under either spelling of the columns', () => {
    const ascii = { ISLEM_TARIHI: '01.02.2025 10:00:00', BIRIM: 'X', ISLEM: 'Yolda', ACIKLAMA: 'a' }
    const turkish = { 'İŞLEM TARİHİ': '01.02.2025 10:00:00', BİRİM: 'X', İŞLEM: 'Yolda', AÇIKLAMA: 'a' }
    const expected = [{ at: '01.02.2025 10:00:00', unit: 'X', event: 'Yolda', description: 'a' }]
    expect(parseQueryJson(JSON.stringify({ QueryResult: { CargoTransaction: ascii } })).movements).toEqual(expected)
    expect(parseQueryJson(JSON.stringify({ QueryResult: { CargoTransaction: [turkish] } })).movements).toEqual(expected)
  })

  it.each([
    ['not JSON', '{"QueryResult":', ErrorCode.carrierBadResponse, true],
    ['a JSON string', '"x"', ErrorCode.carrierBadResponse, true],
    ['no QueryResult', '{"Foo":1}', ErrorCode.carrierBadResponse, true],
    ['auth error text', '{"QueryResult":{"Error":"Kullanıcı adı, şifre veya müşteri kodu hatalı."}}', ErrorCode.carrierAuth, false],
    ['other error text', '{"QueryResult":{"Error":"Geçersiz sorgu tipi"}}', ErrorCode.carrierValidation, false],
  ] as const)('%s → %s', (_n, text, code, retryable) => {
    expect(() => parseQueryJson(text)).toThrow(expect.objectContaining({ code, retryable }))
  })
})
