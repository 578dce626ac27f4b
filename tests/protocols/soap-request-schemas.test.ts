import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { createArasConnector } from '../../electron/core/carriers/aras/aras.adapter'
import type { ShipmentRequest } from '../../electron/core/carriers/carrier.port'
import { createPttConnector } from '../../electron/core/carriers/ptt/ptt.adapter'
import { createMemoryPttBarcodeAllocator } from '../../electron/core/carriers/ptt/ptt.barcode'
import { YurticiConnector } from '../../electron/core/carriers/yurtici/yurtici.adapter'
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
 * through the real connector: create, cancel, track and return where the carrier has them.
 */

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})
afterAll(() => disposeSchemaCheckers())

const twoParcels = <T extends ShipmentRequest>(r: T): T => ({ ...r, packages: [...r.packages, { index: 1, boxCode: null, lengthMm: 305, widthMm: 215, heightMm: 98, weightGrams: 1234 }] })

describe.runIf(xmllintAvailable())('SOAP request bodies validate against the published schemas (xmllint --schema)', () => {
  it('the checker refuses what the schemas refuse (so the tests below can fail)', () => {
    const env = (b: string) => `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>${b}</s:Body></s:Envelope>`
    const aras = '<SetOrder xmlns="http://tempuri.org/"><orderInfo><Order><IntegrationCode>c</IntegrationCode><ReceiverName>b</ReceiverName></Order></orderInfo></SetOrder>'
    const ptt = '<k:kabulEkle2 xmlns:k="http://kabul.ptt.gov.tr" xmlns:x="http://kabul.ptt.gov.tr/xsd"><k:input><x:dongu><x:agirlik>1.5</x:agirlik></x:dongu></k:input></k:kabulEkle2>'
    const pttOrder = '<k:kabulEkle2 xmlns:k="http://kabul.ptt.gov.tr" xmlns:x="http://kabul.ptt.gov.tr/xsd"><k:input><x:kullanici>u</x:kullanici><x:dongu/></k:input></k:kabulEkle2>'
    const yk = '<y:createShipment xmlns:y="http://yurticikargo.com.tr/ShippingOrderDispatcherServices"><ShippingOrderVO><cargoKey>K</cargoKey></ShippingOrderVO></y:createShipment>'
    expect(schemaChecker(SoapSchemaSet.arasOrders).validate(env(aras)).valid).toBe(false)
    expect(schemaChecker(SoapSchemaSet.ptt).validate(env(ptt)).valid).toBe(false)
    expect(schemaChecker(SoapSchemaSet.ptt).validate(env(pttOrder)).valid).toBe(false)
    expect(schemaChecker(SoapSchemaSet.yurtici).validate(env(yk)).valid).toBe(false)
  })

  it('Yurtiçi: createShipment, queryShipment, cancelShipment, saveReturnShipmentCode', async () => {
    const emu = await startYurticiEmulator({ users: [{ username: 'YKTEST', password: 'YK', senderCustId: 1 }] })
    closers.push(() => emu.close())
    const connector = new YurticiConnector({ url: emu.url, accounts: { senderPays: { username: 'YKTEST', password: 'YK' } }, timeoutMs: 2000, retry: { baseDelayMs: 1, maxDelayMs: 2 } })
    const created = await connector.createShipment(twoParcels(sampleShipmentRequest()), { idempotencyKey: 'wire-1' })
    await connector.track(created.trackingNumber)
    await connector.cancelShipment(created.trackingNumber)
    const original = { carrierShipmentId: created.carrierShipmentId, trackingNumber: created.trackingNumber }
    await connector.createReturn(returnOf(sampleShipmentRequest(), original), { idempotencyKey: 'wire-r1' })
    const ops = new Set(emu.requests.map((r) => bodyOperation(r.body)))
    expect([...ops]).toEqual(expect.arrayContaining(['createShipment', 'queryShipment', 'cancelShipment', 'saveReturnShipmentCode']))
    for (const r of emu.requests) expectSchemaValid(SoapSchemaSet.yurtici, r.body)
  })

  it('Aras: SetOrder, GetBarcode, GetOrderWithIntegrationCode and CancelDispatch (order service), GetQueryJSON (query service)', async () => {
    const creds = { username: 'neodyum', password: 'nd2580' }
    const emu = await startArasEmulator({ users: [{ ...creds, barcodePermitted: true }] })
    closers.push(() => emu.close())
    const connector = createArasConnector({
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
  })

  it('PTT: kabulEkle2, gonderiSorgu, barkodVeriSil, siparisIstekEkle2 (etiketGetir is not in the published WSDL)', async () => {
    const emu = await startPttEmulator()
    closers.push(() => emu.close())
    const connector = createPttConnector({
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
  })
})
