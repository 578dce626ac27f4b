import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { createArasConnector } from '../../electron/core/carriers/aras/aras.adapter'
import type { ShipmentRequest } from '../../electron/core/carriers/carrier.port'
import { createPttConnector } from '../../electron/core/carriers/ptt/ptt.adapter'
import { createMemoryPttBarcodeAllocator } from '../../electron/core/carriers/ptt/ptt.barcode'
import { YurticiConnector } from '../../electron/core/carriers/yurtici/yurtici.adapter'
import { ARAS_PATHS } from '../../sandbox/aras/aras.config'
import { startArasEmulator } from '../../sandbox/aras/aras.emulator'
import { sampleArasRequest } from '../../sandbox/aras/aras.fixtures'
import { startPttEmulator } from '../../sandbox/ptt/ptt.emulator'
import { SAMPLE_PTT_CREDENTIALS, SAMPLE_PTT_RANGE, samplePttRequest } from '../../sandbox/ptt/ptt.fixtures'
import { startYurticiEmulator } from '../../sandbox/yurtici/yurtici.emulator'
import { sampleShipmentRequest } from '../../sandbox/yurtici/yurtici.fixtures'
import { returnOf } from '../support/return-request'
import { bodyOperation, disposeSchemaCheckers, expectSchemaValid, schemaChecker, SoapSchemaSet, xmllintAvailable } from '../support/xsd-validate'

/**
 * Every SOAP request body a connector builds, taken from its emulator's request log, is valid
 * against the carrier's published schema (protocols/<carrier>/). Each carrier's operations run
 * through the real connector: create, cancel, track and return where the carrier has them. The
 * emulators run with validateSchema on, so they also refuse what the schema refuses (last block).
 */

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})
afterAll(() => disposeSchemaCheckers())

type Answer = Readonly<{ httpStatus: number | null; response: string | null }>
/** The 200 answers (faults are not in the service schema) are valid too: the emulators answer as published. */
function expectAnswersValid(answers: readonly Answer[], setOf: (operation: string) => SoapSchemaSet | null): void {
  const ok = answers.filter((a) => a.httpStatus === 200 && a.response !== null)
  expect(ok.length).toBeGreaterThan(0)
  for (const a of ok) {
    const set = setOf(bodyOperation(a.response ?? '') ?? '')
    if (set) expectSchemaValid(set, a.response ?? '')
  }
}

const twoParcels = <T extends ShipmentRequest>(r: T): T => ({
  ...r,
  packages: [...r.packages, { index: 1, boxCode: null, lengthMm: 305, widthMm: 215, heightMm: 98, weightGrams: 1234 }],
})

describe.runIf(xmllintAvailable())('SOAP request bodies (and the emulators\u2019 answers) validate against the published schemas (xmllint --schema)', () => {
  it('the checker refuses what the schemas refuse (so the tests below can fail)', () => {
    const env = (b: string) => `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>${b}</s:Body></s:Envelope>`
    const aras =
      '<SetOrder xmlns="http://tempuri.org/"><orderInfo><Order><IntegrationCode>c</IntegrationCode><ReceiverName>b</ReceiverName></Order></orderInfo></SetOrder>'
    const ptt = '<k:kabulEkle2><k:input><x:dongu><x:agirlik>1.5</x:agirlik></x:dongu></k:input></k:kabulEkle2>'
    const pttOrder =
      '<k:kabulEkle2 xmlns:k="http://kabul.ptt.gov.tr" xmlns:x="http://kabul.ptt.gov.tr/xsd"><k:input><x:kullanici>u</x:kullanici><x:dongu/></k:input></k:kabulEkle2>'
    const yk =
      '<y:createShipment xmlns:y="http://yurticikargo.com.tr/ShippingOrderDispatcherServices"><ShippingOrderVO><cargoKey>K</cargoKey></ShippingOrderVO></y:createShipment>'
    expect(schemaChecker(SoapSchemaSet.arasOrders).validate(env(aras)).valid).toBe(false)
    expect(schemaChecker(SoapSchemaSet.ptt).validate(env(ptt)).valid).toBe(false)
    expect(schemaChecker(SoapSchemaSet.ptt).validate(env(pttOrder)).valid).toBe(false)
    expect(schemaChecker(SoapSchemaSet.yurtici).validate(env(yk)).valid).toBe(false)
  })

  it('Yurtiçi: createShipment, queryShipment, cancelShipment, saveReturnShipmentCode', async () => {
    const emu = await startYurticiEmulator({ users: [{ username: 'YKTEST', password: 'YK', senderCustId: 1 }], validateSchema: true })
    closers.push(() => emu.close())
    const answers: Answer[] = []
    const connector = new YurticiConnector({
      url: emu.url,
      accounts: { senderPays: { username: 'YKTEST', password: 'YK' } },
      timeoutMs: 2000,
      retry: { baseDelayMs: 1, maxDelayMs: 2 },
      onExchange: (x) => answers.push(x),
    })
    const created = await connector.createShipment(twoParcels(sampleShipmentRequest()), { idempotencyKey: 'wire-1' })
    await connector.track(created.trackingNumber)
    await connector.cancelShipment(created.trackingNumber)
    const original = { carrierShipmentId: created.carrierShipmentId, trackingNumber: created.trackingNumber }
    await connector.createReturn(returnOf(sampleShipmentRequest(), original), { idempotencyKey: 'wire-r1' })
    const ops = new Set(emu.requests.map((r) => bodyOperation(r.body)))
    expect([...ops]).toEqual(expect.arrayContaining(['createShipment', 'queryShipment', 'cancelShipment', 'saveReturnShipmentCode']))
    for (const r of emu.requests) expectSchemaValid(SoapSchemaSet.yurtici, r.body)
    expectAnswersValid(answers, () => SoapSchemaSet.yurtici)
  })

  it('Aras: SetOrder, GetBarcode, GetOrderWithIntegrationCode and CancelDispatch (order service), GetQueryJSON (query service)', async () => {
    const creds = { username: 'neodyum', password: 'nd2580' }
    const emu = await startArasEmulator({ users: [{ ...creds, barcodePermitted: true }], validateSchema: true })
    closers.push(() => emu.close())
    const answers: Answer[] = []
    const connector = createArasConnector({
      onExchange: (x) => answers.push(x),
      environment: 'live',
      origin: emu.origin,
      credentials: creds,
      query: { ...creds, customerCode: '1932448851342' },
      barcodePermitted: true,
      timeoutMs: 2000,
      retry: { maxAttempts: 3, sleep: async () => {} },
    })
    const created = await connector.createShipment(twoParcels(sampleArasRequest()), { idempotencyKey: 'wire-1' })
    await connector.track?.(created.carrierShipmentId)
    await connector.snapshotMany([created.carrierShipmentId])
    await connector.cancelShipment?.(created.carrierShipmentId)
    const ops = emu.requests.map((r) => bodyOperation(r.body))
    expect(new Set(ops)).toEqual(new Set(['SetOrder', 'GetBarcode', 'GetQueryJSON', 'GetOrderWithIntegrationCode', 'CancelDispatch']))
    for (const r of emu.requests) expectSchemaValid(bodyOperation(r.body) === 'GetQueryJSON' ? SoapSchemaSet.arasQuery : SoapSchemaSet.arasOrders, r.body)
    expectAnswersValid(answers, (op) => (op === 'GetQueryJSONResponse' ? SoapSchemaSet.arasQuery : SoapSchemaSet.arasOrders))
  })

  it('PTT: kabulEkle2, gonderiSorgu, barkodVeriSil, siparisIstekEkle2 (etiketGetir is not in the published WSDL)', async () => {
    const emu = await startPttEmulator({ validateSchema: true })
    closers.push(() => emu.close())
    const answers: Answer[] = []
    const connector = createPttConnector({
      onExchange: (x) => answers.push(x),
      origin: emu.origin,
      credentials: SAMPLE_PTT_CREDENTIALS,
      allocator: createMemoryPttBarcodeAllocator(SAMPLE_PTT_RANGE),
      timeoutMs: 2000,
      retry: { maxAttempts: 3, sleep: async () => {} },
    })
    const created = await connector.createShipment(twoParcels(samplePttRequest()), { idempotencyKey: 'wire-1' })
    await connector.track(created.trackingNumber)
    await connector.cancelShipment(created.trackingNumber)
    await connector.requestPickup({ sender: samplePttRequest().sender, parcels: 2, weightGrams: 4500, windowStart: '2025-03-10 10:00' })
    const bodies = emu.requests.filter((r) => bodyOperation(r.body) !== 'etiketGetir')
    expect(new Set(bodies.map((r) => bodyOperation(r.body)))).toEqual(new Set(['kabulEkle2', 'gonderiSorgu', 'barkodVeriSil', 'siparisIstekEkle2']))
    for (const r of bodies) expectSchemaValid(SoapSchemaSet.ptt, r.body)
    expectAnswersValid(answers, (op) => (op === 'etiketGetirResponse' ? null : SoapSchemaSet.ptt))
  })
})

const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/'
// Prefixes are declared on the Envelope, as the connectors do (the emulators' parsers read them there).
const envelope = (body: string, xmlns = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="${SOAP11}"${xmlns}><s:Body>${body}</s:Body></s:Envelope>`
const YK_NS = ' xmlns:y="http://yurticikargo.com.tr/ShippingOrderDispatcherServices"'
const PTT_NS = ' xmlns:k="http://kabul.ptt.gov.tr" xmlns:x="http://kabul.ptt.gov.tr/xsd"'
async function post(url: string, body: string, soapAction: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: soapAction }, body })
  return { status: res.status, text: await res.text() }
}

describe.runIf(xmllintAvailable())('emulators with validateSchema refuse what the published schema refuses, as their servers would', () => {
  it('Yurtiçi (JAX-WS): a ShippingOrderVO without its required longs → S:Client "Unmarshalling Error", nothing stored', async () => {
    const emu = await startYurticiEmulator({ users: [{ username: 'YKTEST', password: 'YK', senderCustId: 1 }], validateSchema: true })
    closers.push(() => emu.close())
    const body =
      '<y:createShipment><wsUserName>YKTEST</wsUserName><wsPassword>YK</wsPassword><userLanguage>TR</userLanguage><ShippingOrderVO><cargoKey>K1</cargoKey><invoiceKey>I1</invoiceKey><receiverCustName>Ali Veli</receiverCustName><receiverAddress>Kadıköy Moda Cad. No:1 İstanbul</receiverAddress><receiverPhone1>5321234567</receiverPhone1></ShippingOrderVO></y:createShipment>'
    const r = await post(emu.url, envelope(body, YK_NS), '""')
    expect(r.status).toBe(500)
    expect(r.text).toContain('<faultcode>S:Client</faultcode>')
    expect(r.text).toContain('Unmarshalling Error')
    expect(emu.shipments).toHaveLength(0)
  })

  it('Aras (ASMX): Order fields out of sequence → soap:Client "unable to read request"; (WCF) query arguments out of order → DeserializationFailed', async () => {
    const emu = await startArasEmulator({ validateSchema: true })
    closers.push(() => emu.close())
    const order =
      '<SetOrder xmlns="http://tempuri.org/"><orderInfo><Order><UserName>neodyum</UserName><Password>nd2580</Password><IntegrationCode>KJ1</IntegrationCode><ReceiverName>Ali Veli</ReceiverName></Order></orderInfo><userName>neodyum</userName><password>nd2580</password></SetOrder>'
    const r = await post(emu.origin + ARAS_PATHS.testShipment, envelope(order), '"http://tempuri.org/SetOrder"')
    expect(r.status).toBe(500)
    expect(r.text).toMatch(/<faultcode>soap:Client<\/faultcode>/)
    expect(r.text).toContain('Server was unable to read request.')
    expect(emu.shipments).toHaveLength(0)
    const query = '<GetQueryJSON xmlns="http://tempuri.org/"><queryInfo>q</queryInfo><loginInfo>l</loginInfo></GetQueryJSON>'
    const q = await post(emu.origin + ARAS_PATHS.testQuery, envelope(query), '"http://tempuri.org/IArasCargoIntegrationService/GetQueryJSON"')
    expect(q.status).toBe(500)
    expect(q.text).toContain('DeserializationFailed')
  })

  it('PTT (Axis2): agirlik 1.5 (xs:int) → soapenv:Client ADBException; etiketGetir (undeclared) is not schema-checked', async () => {
    const emu = await startPttEmulator({ validateSchema: true, strictSoapAction: false, labelOperation: true })
    closers.push(() => emu.close())
    const body =
      '<k:kabulEkle2><k:input><x:dongu><x:agirlik>1.5</x:agirlik><x:barkodNo>2740000000010</x:barkodNo></x:dongu><x:kullanici>PttWs</x:kullanici><x:musteriId>904411</x:musteriId><x:sifre>x</x:sifre></k:input></k:kabulEkle2>'
    const r = await post(emu.urls.acceptance, envelope(body, PTT_NS), '"urn:kabulEkle2"')
    expect(r.status).toBe(500)
    expect(r.text).toContain('soapenv:Client')
    expect(r.text).toContain('ADBException')
    expect(r.text).toContain('agirlik')
    expect(emu.shipments).toHaveLength(0)
    const label =
      '<k:etiketGetir><k:input><x:barkodNo>2740000000010</x:barkodNo><x:musteriId>904411</x:musteriId><x:sifre>x</x:sifre></k:input></k:etiketGetir>'
    expect((await post(emu.urls.acceptance, envelope(label, PTT_NS), '"urn:etiketGetir"')).text).not.toContain('ADBException')
  })
})
