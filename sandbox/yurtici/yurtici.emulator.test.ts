import { XMLParser } from 'fast-xml-parser'
import { resolve } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { startYurticiEmulator, YkCode, YurticiFault, type YurticiEmulator, type YurticiEmulatorOptions } from './yurtici.emulator'
import { createSchemaChecker, xmllintAvailable } from './yurtici.schema-check'
import { closedAfterEach } from '../../tests/support/emulator-rig'
import { SAMPLE_RECEIVER_FIELDS } from './yurtici.fixtures'

// Hand-written SOAP, as a PHP SoapClient or a curl script would send it (docs/reference/carriers.md §1).
const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/'
const NS = 'http://yurticikargo.com.tr/ShippingOrderDispatcherServices'
const env = (op: string, inner: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="${SOAP11}" xmlns:ship="${NS}"><soapenv:Header/><soapenv:Body><ship:${op}>${inner}</ship:${op}></soapenv:Body></soapenv:Envelope>`
const login = (lang: 'userLanguage' | 'wsLanguage', user = 'YKTEST', pass = 'YK') =>
  `<wsUserName>${user}</wsUserName><wsPassword>${pass}</wsPassword><${lang}>TR</${lang}>`
const row = (over: Record<string, string> = {}) => {
  const f: Record<string, string> = {
    cargoKey: 'CK1',
    invoiceKey: 'INV1',
    ...SAMPLE_RECEIVER_FIELDS,
    taxOfficeId: '0',
    desi: '1.667',
    kg: '0.85',
    cargoCount: '1',
    specialField1: '3$SIP-1#',
    ttDocumentId: '0',
    dcSelectedCredit: '0',
    dcCreditRule: '0',
    ...over,
  }
  return `<ShippingOrderVO>${Object.entries(f)
    .map(([k, v]) => `<${k}>${v}</${k}>`)
    .join('')}</ShippingOrderVO>`
}
const create = (rows: string, user?: string, pass?: string) => env('createShipment', login('userLanguage', user, pass) + rows)
const cancel = (...keys: string[]) => env('cancelShipment', login('userLanguage') + keys.map((k) => `<cargoKeys>${k}</cargoKeys>`).join(''))
const query = (keys: string[], o: { keyType?: number; history?: boolean; onlyTracking?: boolean } = {}) =>
  env(
    'queryShipment',
    login('wsLanguage') +
      keys.map((k) => `<keys>${k}</keys>`).join('') +
      `<keyType>${o.keyType ?? 0}</keyType><addHistoricalData>${o.history ?? false}</addHistoricalData><onlyTracking>${o.onlyTracking ?? false}</onlyTracking>`,
  )
const saveCode = (fieldName: string, code: string, start = '20250301', end = '20250331', max = '2') =>
  env(
    'saveReturnShipmentCode',
    login('wsLanguage') +
      `<fieldName>${fieldName}</fieldName><returnCode>${code}</returnCode><startDate>${start}</startDate><endDate>${end}</endDate><maxCount>${max}</maxCount>`,
  )

const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, isArray: (n) => /^shipping(Order|Cancel|Delivery)DetailVO$|VOArray$/.test(n) })
const start = closedAfterEach(startYurticiEmulator)
async function post(e: YurticiEmulator, xml: string, contentType = 'text/xml; charset=utf-8') {
  const res = await fetch(e.url, { method: 'POST', headers: { 'content-type': contentType, soapaction: '""' }, body: xml })
  const text = await res.text()
  return { status: res.status, text, body: (parser.parse(text) as any)?.Envelope?.Body }
}

describe('endpoint', () => {
  it('serves the WSDL at ?wsdl with its soap:address pointing here; other paths and methods are refused', async () => {
    const e = await start()
    const wsdl = await fetch(`${e.url}?wsdl`)
    expect(wsdl.status).toBe(200)
    const text = await wsdl.text()
    expect(text).toContain('<xs:complexType name="ShippingOrderVO">')
    expect(text).toContain(`<soap:address location="${e.url}"/>`)
    expect((await fetch(`${e.origin}/other`, { method: 'POST' })).status).toBe(404)
    expect((await fetch(e.url)).status).toBe(405)
    expect((await post(e, create(row()), 'application/soap+xml')).status).toBe(415)
    expect(e.shipments).toHaveLength(0)
  })

  it('answers 404 at ?wsdl when no WSDL text is available', async () => {
    const e = await start({ wsdl: '' })
    expect((await fetch(`${e.url}?wsdl`)).status).toBe(404)
  })
})

describe('createShipment', () => {
  it('stores the parcel and answers outFlag 0, a jobId and a row per cargoKey; the same key again is 60020', async () => {
    const e = await start({ firstJobId: 500 })
    const first = await post(e, create(row() + row({ cargoKey: 'CK2' })))
    expect(first.status).toBe(200)
    const r = first.body.createShipmentResponse.ShippingOrderResultVO
    expect(r).toMatchObject({ outFlag: '0', count: '2', jobId: '500' })
    expect(r.shippingOrderDetailVO).toEqual([
      { cargoKey: 'CK1', errCode: '0', invoiceKey: 'INV1' },
      { cargoKey: 'CK2', errCode: '0', invoiceKey: 'INV1' },
    ])
    expect(e.shipments.map((s) => [s.cargoKey, s.status, s.jobId, s.order.desi])).toEqual([
      ['CK1', 'NOP', 500, '1.667'],
      ['CK2', 'NOP', 500, '1.667'],
    ])
    const again = (await post(e, create(row()))).body.createShipmentResponse.ShippingOrderResultVO
    expect(again).toMatchObject({ outFlag: '1', jobId: '0', shippingOrderDetailVO: [{ cargoKey: 'CK1', errCode: String(YkCode.cargoKeyExists) }] })
    expect(e.shipments).toHaveLength(2)
  })

  it('reports rows independently: outFlag 0 when one row passes, 1 when none does; a key twice in one job is 60020', async () => {
    const e = await start()
    const mixed = await post(e, create(row() + row({ cargoKey: 'CK2', receiverPhone1: '123' }) + row()))
    expect(mixed.body.createShipmentResponse.ShippingOrderResultVO.outFlag).toBe('0')
    expect(mixed.body.createShipmentResponse.ShippingOrderResultVO.shippingOrderDetailVO.map((d: any) => d.errCode)).toEqual(['0', '82516', '60020'])
    const none = await post(e, create(row({ cargoKey: 'CK3', receiverAddress: 'kısa' })))
    expect(none.body.createShipmentResponse.ShippingOrderResultVO).toMatchObject({
      outFlag: '1',
      shippingOrderDetailVO: [{ errCode: '82502', errMessage: expect.stringMatching(/10-500/) }],
    })
    expect(e.shipments.map((s) => s.cargoKey)).toEqual(['CK1'])
  })

  it('does not bind children sent in the service namespace (JAXB: unqualified elements), so the key reads as missing', async () => {
    const e = await start()
    const xml = create(row()).replace('<cargoKey>CK1</cargoKey>', '<ship:cargoKey>CK1</ship:cargoKey>')
    const r = (await post(e, xml)).body.createShipmentResponse.ShippingOrderResultVO
    expect(r.shippingOrderDetailVO[0].errCode).toBe(String(YkCode.cargoKeyMissing))
  })

  it('a COD row from a non-COD contract user is 82512', async () => {
    const e = await start({ users: [{ username: 'GOUSER', password: 'p', senderCustId: 7, paymentType: 'GO' }] })
    const cod = row({ ttInvoiceAmount: '10.5', ttDocumentId: '123456789012', ttCollectionType: '0', ttDocumentSaveType: '0' })
    const r = (await post(e, create(cod, 'GOUSER', 'p'))).body.createShipmentResponse.ShippingOrderResultVO
    expect(r.shippingOrderDetailVO[0].errCode).toBe(String(YkCode.paymentTypeMismatch))
  })
})

describe('SOAP Faults for envelope and auth problems (HTTP 500)', () => {
  it.each([
    ['unknown user', YkCode.authUnknownUser, create(row(), 'NOBODY', 'YK')],
    ['wrong password', YkCode.authWrongPassword, create(row(), 'YKTEST', 'nope')],
  ])('%s → YurticikargoWSException %i', async (_n, code, xml) => {
    const e = await start()
    const r = await post(e, xml)
    expect(r.status).toBe(500)
    expect(r.body.Fault).toMatchObject({ faultcode: 'S:Server', detail: { YurticikargoWSException: { errorCode: String(code) } } })
    expect(e.shipments).toHaveLength(0)
  })

  it('a disabled user → 80265; in errCode mode the same comes as outFlag 1 + errCode (HTTP 200)', async () => {
    const users = [{ username: 'OLD', password: 'p', senderCustId: 1, disabled: true }]
    const first = await start({ users })
    const fault = await post(first, query(['X']).replace('YKTEST', 'OLD').replace('>YK<', '>p<'))
    expect(fault.body.Fault.detail.YurticikargoWSException.errorCode).toBe('80265')
    await first.close()
    const e = await start({ authFailure: 'errCode' })
    const r = await post(e, cancel('X').replace('>YK<', '>bad<'))
    expect(r.status).toBe(200)
    expect(r.body.cancelShipmentResponse.ShippingOrderResultVO).toMatchObject({ outFlag: '1', errCode: '1626', count: '0' })
  })

  it.each([
    ['not XML', 'S:Client', /XML reader error/, 'hello'],
    ['a DOCTYPE', 'S:Client', /DOCTYPE/, `<!DOCTYPE x>${cancel('X')}`],
    ['SOAP 1.2', 'S:VersionMismatch', /Expecting Envelope/, cancel('X').replace(SOAP11, 'http://www.w3.org/2003/05/soap-envelope')],
    ['no Body', 'S:Client', /no Body/, `<soapenv:Envelope xmlns:soapenv="${SOAP11}"><soapenv:Header/></soapenv:Envelope>`],
    ['an unknown operation', 'S:Client', /Cannot find dispatch method.*createLabel/, env('createLabel', login('userLanguage'))],
    [
      'the operation outside the service namespace',
      'S:Client',
      /Cannot find dispatch method for \{urn:other\}cancelShipment/,
      cancel('X').replace(`xmlns:ship="${NS}"`, 'xmlns:ship="urn:other"'),
    ],
    ['text in an xs:long', 'S:Client', /Unmarshalling Error: Not a number: yok/, create(row({ taxOfficeId: 'yok' }))],
  ])('%s → %s', async (_n, faultcode, faultstring, xml) => {
    const e = await start()
    const r = await post(e, xml)
    expect(r.status).toBe(500)
    expect(r.body.Fault.faultcode).toBe(faultcode)
    expect(r.body.Fault.faultstring).toMatch(faultstring)
  })
})

describe('state machine, query and cancel', () => {
  it('NOP → ISR → IND (docId, YK/IN events, tracking URL) → DLV, driven by POST /__emu/advance', async () => {
    const e = await start({ firstDocId: 100000000042 })
    await post(e, create(row()))
    const status = async (o = {}) => (await post(e, query(['CK1'], o))).body.queryShipmentResponse.ShippingDeliveryVO.shippingDeliveryDetailVO[0]
    expect(await status()).toMatchObject({ operationStatus: 'NOP', operationCode: '0', errCode: '0', invoiceKey: 'INV1' })
    expect((await status()).shippingDeliveryItemDetailVO).toBeUndefined()
    const hook = async (body: unknown) => fetch(`${e.origin}/__emu/advance/CK1`, { method: 'POST', body: JSON.stringify(body) })
    expect(await (await hook({})).json()).toMatchObject({ status: 'ISR', docId: null })
    expect(await status()).toMatchObject({ operationStatus: 'ISR', operationCode: '2' })
    expect(await (await hook({ to: 'IND' })).json()).toMatchObject({ status: 'IND', docId: '100000000042' })
    const ind = await status({ history: true })
    expect(ind).toMatchObject({ operationStatus: 'IND', operationCode: '1', operationMessage: 'Kargo teslimattadır.' })
    expect(ind.shippingDeliveryItemDetailVO).toMatchObject({
      docId: '100000000042',
      trackingUrl: 'http://selfservis.yurticikargo.com/reports/SSWDocumentDetail.aspx?DocId=100000000042',
    })
    expect(ind.shippingDeliveryItemDetailVO.invDocCargoVOArray.map((v: any) => [v.eventId, v.eventName])).toEqual([
      ['YK', 'Kargo Yüklendi'],
      ['IN', 'Kargo İndirildi'],
    ])
    expect(ind.shippingDeliveryItemDetailVO.invDocFieldVOArray).toEqual([
      { docId: '100000000042', fieldName: '3', fieldNameExplanation: 'Sipariş No', fieldValue: 'SIP-1' },
    ])
    expect((await status()).shippingDeliveryItemDetailVO.invDocCargoVOArray).toBeUndefined()
    expect(Object.keys((await status({ onlyTracking: true })).shippingDeliveryItemDetailVO)).toEqual(['cargoKey', 'docId', 'trackingUrl'])
    e.advance('CK1')
    expect(await status()).toMatchObject({ operationStatus: 'DLV', operationCode: '5', shippingDeliveryItemDetailVO: { receiverInfo: 'ELİF KAYA' } })
    expect((await hook({})).status).toBe(409)
    expect((await fetch(`${e.origin}/__emu/advance/NOPE`, { method: 'POST' })).status).toBe(404)
  })

  it('queries by invoiceKey (keyType 1) return every parcel; an unknown key is a row with 82519', async () => {
    const e = await start()
    await post(e, create(row() + row({ cargoKey: 'CK2' })))
    const byInvoice = (await post(e, query(['INV1'], { keyType: 1 }))).body.queryShipmentResponse.ShippingDeliveryVO
    expect(byInvoice.shippingDeliveryDetailVO.map((d: any) => d.cargoKey)).toEqual(['CK1', 'CK2'])
    const unknown = (await post(e, query(['NOPE']))).body.queryShipmentResponse.ShippingDeliveryVO
    expect(unknown).toMatchObject({ outFlag: '1', shippingDeliveryDetailVO: [{ cargoKey: 'NOPE', errCode: '82519', jobId: '0' }] })
  })

  it('cancel: NOP/ISR → CNL, again → 82520 (ISC), unknown → 82519, IND → return request with status IND, DLV → refused', async () => {
    const e = await start()
    await post(e, create(row() + row({ cargoKey: 'CK2' }) + row({ cargoKey: 'CK3' }) + row({ cargoKey: 'CK4' })))
    e.advance('CK2', 'IND')
    e.advance('CK3', 'DLV')
    e.advance('CK4', 'ISR')
    const r = (await post(e, cancel('CK1', 'CK1', 'NOPE', 'CK2', 'CK3', 'CK4'))).body.cancelShipmentResponse.ShippingOrderResultVO
    expect(r.outFlag).toBe('0')
    expect(r.shippingCancelDetailVO.map((d: any) => [d.cargoKey, d.errCode, d.operationStatus, d.operationMessage ?? d.errMessage])).toEqual([
      ['CK1', '0', 'CNL', 'Kargo çıkışı engellendi.'],
      ['CK1', '82520', 'ISC', 'Kargo daha önceden iptal edilmiştir.'],
      ['NOPE', '82519', undefined, 'Kargo anahtarı bu kullanıcı için bulunamadı.'],
      ['CK2', '0', 'IND', 'İade isteği alınmıştır'],
      ['CK3', '0', 'DLV', 'DLV durumundaki kargo iptal edilemez.'],
      ['CK4', '0', 'CNL', 'Kargo çıkışı engellendi.'],
    ])
    expect(e.shipments.map((s) => s.status)).toEqual(['CNL', 'IND', 'DLV', 'CNL'])
    const ck2 = (await post(e, query(['CK2']))).body.queryShipmentResponse.ShippingDeliveryVO.shippingDeliveryDetailVO[0]
    expect(ck2).toMatchObject({ operationStatus: 'IND', shippingDeliveryItemDetailVO: { rejectStatus: '0', rejectStatusExplanation: 'İade talep edildi' } })
    expect((await post(e, cancel('NOPE'))).body.cancelShipmentResponse.ShippingOrderResultVO.outFlag).toBe('1')
  })

  it('the return path: rejectStatus and returnStatus set by POST /__emu/return show in the query', async () => {
    const e = await start()
    await post(e, create(row()))
    const hook = (body: unknown) => fetch(`${e.origin}/__emu/return/CK1`, { method: 'POST', body: JSON.stringify(body) })
    expect((await hook({ rejectStatus: 0 })).status).toBe(409) // not issued yet
    e.advance('CK1', 'IND')
    expect((await hook({ rejectStatus: '5' })).status).toBe(409)
    expect((await hook({ rejectStatus: 9, rejectReason: 'Alıcı kabul etmedi', returnStatus: 3 })).status).toBe(200)
    const item = (await post(e, query(['CK1']))).body.queryShipmentResponse.ShippingDeliveryVO.shippingDeliveryDetailVO[0].shippingDeliveryItemDetailVO
    expect(item).toMatchObject({
      rejectStatus: '9',
      rejectReasonExplanation: 'Alıcı kabul etmedi',
      returnStatus: '3',
      returnStatusExplanation: 'Göndericiye iade edildi',
      returnDocId: expect.stringMatching(/^\d{12}$/),
    })
  })
})

describe('query throttle (optional, carriers.md §1)', () => {
  it('a repeated query within the window is a fault; another key, or the window passed, is fine', async () => {
    let now = 1_700_000_000_000
    const e = await start({ queryThrottle: { windowMs: 60_000 }, now: () => now })
    expect((await post(e, query(['A']))).status).toBe(200)
    const again = await post(e, query(['A']))
    expect(again.status).toBe(500)
    expect(again.body.Fault.detail.YurticikargoWSException).toMatchObject({ errorCode: '82521', errText: expect.stringMatching(/1 dakika/) })
    expect((await post(e, query(['B']))).status).toBe(200)
    now += 60_000
    expect((await post(e, query(['A']))).status).toBe(200)
  })
})

describe('saveReturnShipmentCode', () => {
  it('stores a code; the same again is accepted; another fieldName or conflicting data is outFlag 1 + 82517', async () => {
    const e = await start()
    const ok = (await post(e, saveCode('53', 'RMA-1'))).body.saveReturnShipmentCodeResponse.ExtendedBaseResultVO
    expect(ok).toEqual({ outFlag: '0', outResult: 'İade kodu kaydedildi.' })
    expect((await post(e, saveCode('53', 'RMA-1'))).body.saveReturnShipmentCodeResponse.ExtendedBaseResultVO.outFlag).toBe('0')
    expect(e.returnCodes).toEqual([{ fieldName: '53', returnCode: 'RMA-1', startDate: '20250301', endDate: '20250331', maxCount: 2, senderCustId: 903427364 }])
    for (const xml of [
      saveCode('99', 'RMA-2'),
      saveCode('53', 'RMA-1', '20250301', '20250330'),
      saveCode('16', 'RMA-3', '20250331', '20250301'),
      saveCode('16', 'RMA-4', '2025-03-01'),
    ]) {
      expect((await post(e, xml)).body.saveReturnShipmentCodeResponse.ExtendedBaseResultVO).toMatchObject({ outFlag: '1', errCode: '82517' })
    }
  })

  it("repeatedReturnCode 'error': any repeat is outFlag 1 + the configured errCode, and stores nothing more", async () => {
    const e = await start({ repeatedReturnCode: 'error' })
    expect((await post(e, saveCode('16', 'RMA-1'))).body.saveReturnShipmentCodeResponse.ExtendedBaseResultVO.outFlag).toBe('0')
    for (const xml of [saveCode('16', 'RMA-1'), saveCode('16', 'RMA-1', '20250302')]) {
      expect((await post(e, xml)).body.saveReturnShipmentCodeResponse.ExtendedBaseResultVO).toEqual({
        outFlag: '1',
        outResult: 'Bu iade kodu daha önce tanımlanmıştır.',
        errCode: String(YkCode.returnCodeExists),
      })
    }
    expect(e.returnCodes).toHaveLength(1)
    await e.close()
    const custom = await start({ repeatedReturnCode: 'error', returnCodeExistsErrCode: 60020 })
    await post(custom, saveCode('16', 'RMA-1'))
    expect((await post(custom, saveCode('16', 'RMA-1'))).body.saveReturnShipmentCodeResponse.ExtendedBaseResultVO.errCode).toBe('60020')
  })
})

describe('faults', () => {
  it.each([
    [YurticiFault.http500, 500, 0],
    [YurticiFault.http503, 503, 0],
    [YurticiFault.unexpectedError, 200, 0],
    [YurticiFault.malformedXml, 200, 1],
  ] as const)('%s → HTTP %i, %i parcels stored', async (fault, status, stored) => {
    const e = await start()
    e.setFault(fault, { times: 1 })
    const r = await post(e, create(row()))
    expect(r.status).toBe(status)
    expect(e.shipments).toHaveLength(stored)
    if (fault === YurticiFault.unexpectedError) expect(r.body.createShipmentResponse.ShippingOrderResultVO).toMatchObject({ outFlag: '2', errCode: '936' })
    if (fault === YurticiFault.malformedXml) expect(() => new XMLParser().parse(r.text, true)).toThrow()
    expect((await post(e, query(['CK1']))).status).toBe(200) // times: 1, the next request is clean
  })

  it('dropAfterCommit and halfResponse store the parcel and never deliver the answer', async () => {
    const e = await start()
    e.queueFaults([YurticiFault.dropAfterCommit, YurticiFault.halfResponse])
    await expect(post(e, create(row()))).rejects.toThrow()
    await expect(post(e, create(row({ cargoKey: 'CK2' })))).rejects.toThrow()
    expect(e.shipments.map((s) => s.cargoKey)).toEqual(['CK1', 'CK2'])
    expect(e.requests.map((r) => [r.fault, r.status])).toEqual([
      ['dropAfterCommit', null],
      ['halfResponse', 200],
    ])
  })

  it('timeout never answers and stores nothing; close() still returns', async () => {
    const e = await start()
    e.setFault(YurticiFault.timeout)
    await expect(
      fetch(e.url, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: create(row()), signal: AbortSignal.timeout(150) }),
    ).rejects.toThrow()
    expect(e.shipments).toHaveLength(0)
  })
})

it('logs every request with the password redacted', async () => {
  const e = await start({ users: [{ username: 'U1', password: 's3cr&t-pw', senderCustId: 1 }] })
  await post(e, create(row(), 'U1', 's3cr&amp;t-pw'))
  expect(e.requests).toHaveLength(1)
  expect(e.requests[0]).toMatchObject({ method: 'POST', operation: 'createShipment', username: 'U1', status: 200, fault: null })
  expect(e.requests[0]?.body).toContain('<wsPassword>[redacted]</wsPassword>')
  expect(JSON.stringify(e.requests)).not.toMatch(/s3cr/)
})

const checker = xmllintAvailable() ? createSchemaChecker(resolve(import.meta.dirname, '../..')) : null
afterAll(() => checker?.dispose())

describe.runIf(checker)('answers validate against the WSDL XSD (xmllint --schema)', () => {
  it('create, cancel, query with history and the return path, saveReturnShipmentCode, result errors', async () => {
    const e = await start({ authFailure: 'errCode' })
    const answers = [await post(e, create(row() + row({ cargoKey: 'CK2', receiverPhone1: '1' })))]
    e.advance('CK1', 'DLV')
    e.setReturn('CK1', { rejectStatus: '10', rejectReason: 'Adres hatalı', returnStatus: '3' })
    answers.push(await post(e, query(['CK1', 'NOPE'], { history: true })), await post(e, query(['CK1'], { onlyTracking: true })))
    answers.push(await post(e, cancel('CK1', 'NOPE')), await post(e, saveCode('16', 'R1')), await post(e, saveCode('1', 'R1')))
    answers.push(await post(e, create(row()).replace('>YK<', '>x<')))
    e.setFault(YurticiFault.unexpectedError, { times: 1 })
    answers.push(await post(e, query(['CK1'])))
    for (const a of answers) expect(checker?.validate(a.text)).toEqual({ valid: true, errors: '' })
  })
})
