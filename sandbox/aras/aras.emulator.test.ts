import { afterEach, describe, expect, it } from 'vitest'
import { startArasEmulator, type ArasEmulator, type ArasEmulatorOptions } from './aras.emulator'
import { closedAfterEach } from '../../tests/support/emulator-rig'

const start = closedAfterEach(startArasEmulator)

const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/'
const env11 = (inner: string) =>
  `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${SOAP11}" xmlns:tem="http://tempuri.org/"><soap:Body>${inner}</soap:Body></soap:Envelope>`
const post = (url: string, body: string, headers: Record<string, string>) =>
  fetch(url, { method: 'POST', body, headers }).then(async (r) => ({ status: r.status, headers: r.headers, text: await r.text() }))
const call = (url: string, op: string, inner: string, action = `"http://tempuri.org/${op}"`) =>
  post(url, env11(`<tem:${op}>${inner}</tem:${op}>`), { 'content-type': 'text/xml; charset=utf-8', soapaction: action })
const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? null
const codes = (xml: string) => [...xml.matchAll(/<ResultCode>([^<]*)<\/ResultCode>/g)].map((m) => m[1])

const AUTH = '<tem:userName>neodyum</tem:userName><tem:password>nd2580</tem:password>'
const BASE: Record<string, string> = {
  UserName: 'neodyum',
  Password: 'nd2580',
  TradingWaybillNumber: '9423012',
  InvoiceNumber: '6902001888',
  ReceiverName: 'NEDİM DEMİRCİ',
  ReceiverAddress: 'xxxxx CAD. yyyyy SOK. NO:7',
  ReceiverPhone1: '02121111111',
  ReceiverCityName: 'İSTANBUL',
  ReceiverTownName: 'GAZİOSMANPAŞA',
  PieceCount: '1',
  IntegrationCode: '6154197713',
  PayorTypeCode: '1',
}
type Piece = Record<string, string>
function orderXml(
  over: Record<string, string | null> = {},
  pieces: Piece[] | null = [{ VolumetricWeight: '3', Weight: '2', BarcodeNumber: '79792027121' }],
): string {
  const f = { ...BASE, ...over }
  const fields = Object.entries(f)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `<tem:${k}>${v}</tem:${k}>`)
    .join('')
  const p =
    pieces === null
      ? ''
      : `<tem:PieceDetails>${pieces
          .map(
            (x) =>
              `<tem:PieceDetail>${Object.entries(x)
                .map(([k, v]) => `<tem:${k}>${v}</tem:${k}>`)
                .join('')}</tem:PieceDetail>`,
          )
          .join('')}</tem:PieceDetails>`
  return `<tem:Order>${fields}${p}</tem:Order>`
}
const setOrder = (url: string, orders: string) => call(url, 'SetOrder', `<tem:orderInfo>${orders}</tem:orderInfo>${AUTH}`)

describe('endpoints, WSDL, SOAP binding', () => {
  it('serves both services at the documented test and live paths, ?WSDL minimal with the address rewritten', async () => {
    const e = await start()
    for (const url of Object.values(e.urls)) {
      const r = await fetch(`${url}?WSDL`)
      expect(r.status).toBe(200)
      expect(await r.text()).toContain(`location="${url}"`)
    }
    const test = await (await fetch(`${e.urls.testShipment}?wsdl`)).text()
    expect(test).toContain('soapAction="http://tempuri.org/SetOrder"')
    expect(test).not.toContain('GetBarcode') // the test user has only the four documented operations
    expect(await (await fetch(`${e.urls.liveShipment}?wsdl`)).text()).toContain('soapAction="http://tempuri.org/GetBarcode"')
    expect(await (await fetch(`${e.urls.liveQuery}?singleWsdl`)).text()).toContain('soapAction="http://tempuri.org/IArasCargoIntegrationService/GetQueryJSON"')
    expect((await fetch(`${e.urls.testShipment}?op=SetOrder`)).status).toBe(404) // help pages not emulated
    expect((await fetch(`${e.origin}/nowhere.asmx`, { method: 'POST' })).status).toBe(404)
  })

  it('SOAP 1.1 SetOrder with the doc sample order → 0; the request log hides the passwords', async () => {
    const e = await start()
    const r = await setOrder(e.urls.testShipment, orderXml())
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toBe('text/xml; charset=utf-8')
    expect(r.text).toContain('<SetOrderResponse xmlns="http://tempuri.org/"><SetOrderResult><OrderResultInfo><ResultCode>0</ResultCode>')
    expect(e.shipments[0]).toMatchObject({ integrationCode: '6154197713', pieces: [{ BarcodeNumber: '79792027121' }] })
    expect(e.requests[0]?.body).not.toContain('nd2580')
  })

  it('SOAP 1.2 as in the doc sample (application/soap+xml; action=…) gets a 1.2 answer', async () => {
    const e = await start()
    const body = `<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns:tem="http://tempuri.org/"><soap:Header/><soap:Body><SetOrder xmlns="http://tempuri.org/"><orderInfo>${orderXml().replace(/tem:/g, '')}</orderInfo><userName>neodyum</userName><password>nd2580</password></SetOrder></soap:Body></soap:Envelope>`
    const r = await post(e.urls.testShipment, body, { 'content-type': 'application/soap+xml; charset=utf-8; action="http://tempuri.org/SetOrder"' })
    expect(r.headers.get('content-type')).toContain('application/soap+xml')
    expect(r.text).toContain('http://www.w3.org/2003/05/soap-envelope')
    expect(codes(r.text)).toEqual(['0'])
  })

  it.each([
    [
      'an unknown SOAPAction',
      (u: string) => call(u, 'SetOrder', AUTH, '"http://tempuri.org/Nope"'),
      'Server did not recognize the value of HTTP Header SOAPAction',
    ],
    ['GetBarcode on the test path', (u: string) => call(u, 'GetBarcode', ''), 'Server did not recognize the value of HTTP Header SOAPAction'],
    [
      'a body element in another namespace',
      (u: string) => post(u, env11('<x:SetOrder xmlns:x="urn:other"/>'), { 'content-type': 'text/xml', soapaction: 'http://tempuri.org/SetOrder' }),
      'was not expected',
    ],
    [
      'not XML',
      (u: string) => post(u, '<soap:Envelope', { 'content-type': 'text/xml', soapaction: 'http://tempuri.org/SetOrder' }),
      'Server was unable to read request',
    ],
    [
      'a SOAP 1.2 envelope sent as text/xml',
      (u: string) =>
        post(u, '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body/></s:Envelope>', {
          'content-type': 'text/xml',
          soapaction: 'http://tempuri.org/SetOrder',
        }),
      'Possible SOAP version mismatch',
    ],
  ])('%s → HTTP 500 SOAP fault', async (_n, send, text) => {
    const e = await start()
    const r = await send(e.urls.testShipment)
    expect(r.status).toBe(500)
    expect(r.text).toContain('<soap:Fault>')
    expect(r.text).toContain(text)
  })

  it('arguments outside http://tempuri.org/ are not arguments (XmlSerializer): the login fails', async () => {
    const e = await start()
    const r = await post(
      e.urls.testShipment,
      env11(`<tem:SetOrder><orderInfo>${orderXml()}</orderInfo><userName>neodyum</userName><password>nd2580</password></tem:SetOrder>`),
      { 'content-type': 'text/xml', soapaction: 'http://tempuri.org/SetOrder' },
    )
    expect(codes(r.text)).toEqual(['1000'])
  })
})

describe('SetOrder rules (SetOrder doc, carriers.md §2)', () => {
  it.each([
    ['IntegrationCode empty', { IntegrationCode: '' }, null, '935'],
    ['IntegrationCode > 32', { IntegrationCode: '1'.repeat(33) }, null, '935'],
    ['IntegrationCode not digits (test scenarios)', { IntegrationCode: 'ABC12345' }, null, '935'],
    ['TradingWaybillNumber > 16', { TradingWaybillNumber: '1'.repeat(17) }, null, '70121'],
    ['TradingWaybillNumber missing', { TradingWaybillNumber: null }, null, '70121'],
    ['InvoiceNumber > 20', { InvoiceNumber: '1'.repeat(21) }, null, '70019'],
    ['ReceiverName missing', { ReceiverName: null }, null, '936'],
    ['ReceiverName > 100', { ReceiverName: 'A'.repeat(101) }, null, '934'],
    ['ReceiverAddress > 250', { ReceiverAddress: 'A'.repeat(251) }, null, '70018'],
    ['ReceiverPhone1 not digits', { ReceiverPhone1: '0212 111' }, null, '935'],
    ['town missing', { ReceiverTownName: '' }, null, '936'],
    ['city > 32', { ReceiverCityName: 'A'.repeat(33) }, null, '936'],
    ['PayorTypeCode 3', { PayorTypeCode: '3' }, null, '936'],
    ['IsCod 2', { IsCod: '2' }, null, '936'],
    ['CodCollectionType 5', { IsCod: '1', CodAmount: '50', CodCollectionType: '5' }, null, '936'],
    ['receiver-pays COD', { IsCod: '1', CodAmount: '50', PayorTypeCode: '2' }, null, '936'],
    ['COD under 5 TL', { IsCod: '1', CodAmount: '4.99' }, null, '70026'],
    ['COD over 5000 TL', { IsCod: '1', CodAmount: '5000.01' }, null, '70026'],
    ['PieceCount 0', { PieceCount: '0' }, null, '70021'],
    ['PieceCount ≠ pieces', { PieceCount: '2' }, null, '70021'],
    ['piece barcode missing', {}, [{ Weight: '1' }], '70022'],
    ['volume not decimal', {}, [{ BarcodeNumber: '123456', VolumetricWeight: 'abc' }], '70026'],
    ['kg not decimal', {}, [{ BarcodeNumber: '123456', Weight: '1kg' }], '70027'],
    ['duplicate piece barcodes', { PieceCount: '2' }, [{ BarcodeNumber: '123456' }, { BarcodeNumber: '123456' }], '70028'],
    ['Order password wrong (args right)', { Password: 'x' }, null, '1000'],
    ['valid with COD by card', { IsCod: '1', CodAmount: '134,52', CodCollectionType: '1', CodBillingType: '0' }, null, '0'],
    ['valid without piece details', {}, 'none', '0'],
  ] as const)('%s → %s', async (_n, over, pieces, expected) => {
    const e = await start()
    const r = await setOrder(
      e.urls.testShipment,
      orderXml(over as Record<string, string | null>, pieces === 'none' ? null : ((pieces as Piece[] | null) ?? undefined)),
    )
    expect(codes(r.text)).toEqual([expected])
    expect(e.shipments).toHaveLength(expected === '0' ? 1 : 0)
  })

  it('no Order → 60020; a barcode another order uses → 70026; measures required → 70023/70024; account setup codes', async () => {
    let e = await start({
      pieceMeasuresRequired: true,
      users: [
        { username: 'neodyum', password: 'nd2580' },
        { username: 'kapali', password: 'k', accountProblem: '1003' },
      ],
    })
    expect(codes((await setOrder(e.urls.testShipment, '')).text)).toEqual(['60020'])
    expect(codes((await setOrder(e.urls.testShipment, orderXml({}, [{ BarcodeNumber: '123456', Weight: '1' }]))).text)).toEqual(['70023'])
    expect(codes((await setOrder(e.urls.testShipment, orderXml({}, [{ BarcodeNumber: '123456', VolumetricWeight: '1' }]))).text)).toEqual(['70024'])
    const ok = await setOrder(e.urls.testShipment, orderXml({}, [{ BarcodeNumber: '123456', VolumetricWeight: '1', Weight: '1' }]))
    expect(codes(ok.text)).toEqual(['0'])
    const other = orderXml({ IntegrationCode: '7777777' }, [{ BarcodeNumber: '123456', VolumetricWeight: '1', Weight: '1' }])
    expect(codes((await setOrder(e.urls.testShipment, other)).text)).toEqual(['70026'])
    const kapali = await call(
      e.urls.testShipment,
      'SetOrder',
      `<tem:orderInfo>${orderXml({ UserName: 'kapali', Password: 'k' })}</tem:orderInfo><tem:userName>kapali</tem:userName><tem:password>k</tem:password>`,
    )
    expect(codes(kapali.text)).toEqual(['1003'])
    await e.close()
    e = await start({ testScenarioRules: false })
    expect(codes((await setOrder(e.urls.testShipment, orderXml({ IntegrationCode: 'AB' }, [{ BarcodeNumber: 'X1' }]))).text)).toEqual(['0'])
  })

  it('the same IntegrationCode updates (at most 20 sends: 935) until the waybill is cut (60022)', async () => {
    const e = await start({ maxSends: 3 })
    for (let i = 0; i < 3; i++) expect(codes((await setOrder(e.urls.testShipment, orderXml({ ReceiverName: `Alıcı ${i}` }))).text)).toEqual(['0'])
    expect(e.shipments).toHaveLength(1)
    expect(e.shipments[0]?.fields.ReceiverName).toBe('Alıcı 2')
    expect(codes((await setOrder(e.urls.testShipment, orderXml())).text)).toEqual(['935'])
    e.advance('6154197713', '1')
    expect(codes((await setOrder(e.urls.testShipment, orderXml())).text)).toEqual(['60022'])
  })
})
