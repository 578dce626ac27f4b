import { afterEach, describe, expect, it } from 'vitest'
import { HttpFault } from '../common/http-emulator'
import { startArasEmulator, type ArasEmulator, type ArasEmulatorOptions } from './aras.emulator'
import { closedAfterEach } from '../../tests/support/emulator-rig'

const start = closedAfterEach(startArasEmulator)

const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/'
const env11 = (inner: string) => `<soap:Envelope xmlns:soap="${SOAP11}"><soap:Body>${inner}</soap:Body></soap:Envelope>`
const post = (url: string, body: string, headers: Record<string, string>) =>
  fetch(url, { method: 'POST', body, headers }).then(async (r) => ({ status: r.status, headers: r.headers, text: await r.text() }))
const call = (url: string, op: string, inner: string, action = `http://tempuri.org/${op}`) =>
  post(url, env11(`<${op} xmlns="http://tempuri.org/">${inner}</${op}>`), { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${action}"` })
const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? null
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const ORDER = (code: string) =>
  `<orderInfo><Order><UserName>neodyum</UserName><Password>nd2580</Password><TradingWaybillNumber>${code}</TradingWaybillNumber><ReceiverName>Elif Kaya</ReceiverName><ReceiverAddress>Moda Cad. No:1</ReceiverAddress><ReceiverPhone1>5359876543</ReceiverPhone1><ReceiverCityName>İSTANBUL</ReceiverCityName><ReceiverTownName>KADIKÖY</ReceiverTownName><PieceCount>2</PieceCount><IntegrationCode>${code}</IntegrationCode><PieceDetails><PieceDetail><BarcodeNumber>${code}01</BarcodeNumber></PieceDetail><PieceDetail><BarcodeNumber>${code}02</BarcodeNumber></PieceDetail></PieceDetails></Order></orderInfo><userName>neodyum</userName><password>nd2580</password>`
const store = (e: ArasEmulator, code: string) => call(e.urls.liveShipment, 'SetOrder', ORDER(code))
const AUTH = '<userName>neodyum</userName><password>nd2580</password>'
const query = (
  e: ArasEmulator,
  queryInfo: string,
  login = '<LoginInfo><UserName>neodyum</UserName><Password>nd2580</Password><CustomerCode>1932448851342</CustomerCode></LoginInfo>',
) =>
  call(
    e.urls.liveQuery,
    'GetQueryJSON',
    `<loginInfo>${esc(login)}</loginInfo><queryInfo>${esc(queryInfo)}</queryInfo>`,
    'http://tempuri.org/IArasCargoIntegrationService/GetQueryJSON',
  )
const json = (xml: string) =>
  JSON.parse(
    tag(xml, 'GetQueryJSONResult')
      ?.replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&') ?? 'null',
  )

describe('CancelDispatch and GetOrderWithIntegrationCode', () => {
  it('0 → 405 (with the date) on repeat; -1 unknown; -2 credentials; 999 once the waybill is cut', async () => {
    const e = await start()
    await store(e, '1111111')
    await store(e, '2222222')
    const cancel = (code: string, auth = AUTH) => call(e.urls.liveShipment, 'CancelDispatch', `${auth}<integrationCode>${code}</integrationCode>`)
    expect(tag((await cancel('1111111')).text, 'ResultCode')).toBe('0')
    const again = (await cancel('1111111')).text
    expect([tag(again, 'ResultCode'), tag(again, 'ResultMessage')]).toEqual(['405', expect.stringMatching(/İptal tarihi: \d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d$/)])
    expect(tag((await cancel('9999999')).text, 'ResultCode')).toBe('-1')
    expect(tag((await cancel('2222222', '<userName>neodyum</userName><password>x</password>')).text, 'ResultCode')).toBe('-2')
    const tracking = e.advance('2222222', '1').trackingNumber
    const cut = (await cancel('2222222')).text
    expect([tag(cut, 'ResultCode'), tag(cut, 'CargoKey')]).toEqual(['999', tracking])
    const lookup = (code: string) => call(e.urls.liveShipment, 'GetOrderWithIntegrationCode', `${AUTH}<integrationCode>${code}</integrationCode>`)
    expect((await lookup('1111111')).text).toContain('<GetOrderWithIntegrationCodeResult />') // deleted by the cancel
    const found = (await lookup('2222222')).text
    expect(found).toContain('<IntegrationCode>2222222</IntegrationCode>')
    expect(found.match(/<PieceDetail>/g)).toHaveLength(2)
  })

  it('GetOrder by date (dd.MM.yyyy, Turkey time)', async () => {
    const e = await start({ now: () => Date.parse('2025-03-09T22:30:00Z') }) // 10 March in Turkey
    await store(e, '3333333')
    const day = (d: string) => call(e.urls.liveShipment, 'GetOrder', `${AUTH}<Date>${d}</Date>`)
    expect((await day('10.03.2025')).text).toContain('<IntegrationCode>3333333</IntegrationCode>')
    expect((await day('09.03.2025')).text).toContain('<GetOrderResult />')
  })
})

describe('GetBarcode', () => {
  it('1000 credentials, permission code, 1004 until the branch is resolved, then ZPL per piece + 13 digits', async () => {
    let clock = Date.parse('2025-01-01T10:00:00Z')
    const e = await start({
      now: () => clock,
      barcodeReadyAfterMs: 5000,
      users: [
        { username: 'neodyum', password: 'nd2580', barcodePermitted: true },
        { username: 'plain', password: 'p' },
      ],
    })
    await store(e, '4444444')
    const barcode = (user = 'neodyum', pass = 'nd2580') =>
      call(e.urls.liveShipment, 'GetBarcode', `<Username>${user}</Username><Password>${pass}</Password><integrationCode>4444444</integrationCode>`)
    expect(tag((await barcode('neodyum', 'x')).text, 'ResultCode')).toBe('1000')
    expect(tag((await barcode('plain', 'p')).text, 'ResultCode')).toBe('1001')
    expect(tag((await barcode()).text, 'ResultCode')).toBe('1004')
    clock += 5000
    const ok = (await barcode()).text
    expect(tag(ok, 'ResultCode')).toBe('0')
    expect(tag(ok, 'TrackingNumber')).toMatch(/^\d{13}$/)
    expect(ok.match(/<string>\^XA/g)).toHaveLength(2)
    expect(e.shipments[0]?.trackingNumber).toBe(tag(ok, 'TrackingNumber'))
  })
})

describe('query service (GetQueryJSON)', () => {
  it('QueryTypes 1, 14, 9, 39, 24, 5, 8 with the observed JSON shapes', async () => {
    const e = await start()
    await store(e, '5555555')
    await store(e, '6666666')
    expect(json((await query(e, '<QueryInfo><QueryType>1</QueryType><IntegrationCode>5555555</IntegrationCode></QueryInfo>')).text)).toEqual({
      QueryResult: {},
    })
    const t5 = e.advance('5555555', '3').trackingNumber
    e.advance('6666666', 'returned')
    const one = json((await query(e, '<QueryInfo><QueryType>1</QueryType><IntegrationCode>5555555</IntegrationCode></QueryInfo>')).text)
    expect(one.QueryResult.Cargo).toMatchObject({ MUSTERI_OZEL_KODU: '5555555', KARGO_TAKIP_NO: t5, DURUM_KODU: '3', TIP_KODU: '1', ADET: '2' })
    expect(
      json((await query(e, `<QueryInfo><QueryType>14</QueryType><TrackingNumber>${t5}</TrackingNumber></QueryInfo>`)).text).QueryResult.Cargo.MUSTERI_OZEL_KODU,
    ).toBe('5555555')
    const moves = json((await query(e, '<QueryInfo><QueryType>9</QueryType><IntegrationCode>5555555</IntegrationCode></QueryInfo>')).text).QueryResult
      .CargoTransaction
    expect(moves.map((m: Record<string, string>) => Object.keys(m))).toEqual(Array(3).fill(['ISLEM_TARIHI', 'BIRIM', 'ISLEM', 'ACIKLAMA']))
    const list = json((await query(e, '<QueryInfo><QueryType>39</QueryType><IntegrationCode>5555555,6666666,7</IntegrationCode></QueryInfo>')).text).QueryResult
      .Cargo
    expect(list.map((c: Record<string, string>) => [c.MUSTERI_OZEL_KODU, c.DURUM_KODU, c.TIP_KODU])).toEqual([
      ['5555555', '3', '1'],
      ['6666666', '6', '3'],
    ])
    expect(
      json((await query(e, '<QueryInfo><QueryType>24</QueryType><IntegrationCode>555555502</IntegrationCode></QueryInfo>')).text).QueryResult.Cargo
        .MUSTERI_OZEL_KODU,
    ).toBe('5555555')
    expect(json((await query(e, '<QueryInfo><QueryType>5</QueryType></QueryInfo>')).text).QueryResult.Cargo.MUSTERI_OZEL_KODU).toBe('5555555')
    expect(json((await query(e, '<QueryInfo><QueryType>8</QueryType></QueryInfo>')).text).QueryResult.Cargo.MUSTERI_OZEL_KODU).toBe('6666666')
    expect(json((await query(e, '<QueryInfo><QueryType>31</QueryType></QueryInfo>')).text)).toEqual({ QueryResult: {} })
    expect(e.requests.every((r) => !r.body.includes('nd2580'))).toBe(true)
  })

  it('WCF refusals: SOAP 1.2 content type 415, unknown action ActionNotSupported, wrong login fault or JSON error', async () => {
    const e = await start({ queryAuthFailure: 'json' })
    expect((await post(e.urls.testQuery, env11(''), { 'content-type': 'application/soap+xml' })).status).toBe(415)
    const wrong = await call(e.urls.testQuery, 'GetQueryJSON', '', 'http://tempuri.org/GetQueryJSON')
    expect([wrong.status, wrong.text.includes('ActionNotSupported')]).toEqual([500, true])
    const bad = json(
      (
        await query(
          e,
          '<QueryInfo><QueryType>1</QueryType></QueryInfo>',
          '<LoginInfo><UserName>neodyum</UserName><Password>x</Password><CustomerCode>1</CustomerCode></LoginInfo>',
        )
      ).text,
    )
    expect(bad.QueryResult.Error).toMatch(/hatalı/)
    await e.close()
    const f = await start()
    const fault = await query(f, '<QueryInfo><QueryType>1</QueryType></QueryInfo>', '<LoginInfo><UserName>x</UserName></LoginInfo>')
    expect([fault.status, fault.text.includes('<s:Fault>')]).toEqual([500, true])
  })
})

describe('test hooks, faults, rate limit', () => {
  it('POST /__emu/advance and /__emu/result', async () => {
    const e = await start()
    await store(e, '8888888')
    const hook = (path: string, body: unknown) => fetch(`${e.origin}/__emu/${path}`, { method: 'POST', body: JSON.stringify(body) })
    const r = await hook('advance/8888888', { to: '4' })
    expect(await r.json()).toMatchObject({ integrationCode: '8888888', durum: 4, trackingNumber: expect.stringMatching(/^\d{13}$/) })
    expect((await hook('advance/8888888', { to: '2' })).status).toBe(409)
    expect((await hook('advance/nope', {})).status).toBe(404)
    expect((await hook('result/SetOrder', { code: '5008', message: 'Kayıt Yapılamadı.' })).status).toBe(200)
    expect(tag((await store(e, '9999999')).text, 'ResultCode')).toBe('5008')
    expect(e.shipments).toHaveLength(1)
  })

  it('dropAfterCommit stores and answers nothing; http503 carries Retry-After; the limiter answers 429 + Retry-After', async () => {
    const e = await start({ rateLimit: { limit: 2, windowMs: 60_000 } })
    e.faults.queue([HttpFault.dropAfterCommit, HttpFault.http503])
    await expect(store(e, '1212121')).rejects.toThrow()
    expect(e.shipments).toHaveLength(1)
    const busy = await store(e, '1313131')
    expect([busy.status, busy.headers.get('retry-after')]).toEqual([503, '1'])
    const limited = await store(e, '1414141')
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '60'])
    expect(e.rateLimited).toBe(1)
    expect(e.requests.map((r) => r.status)).toEqual([null, 503, 429])
  })
})
