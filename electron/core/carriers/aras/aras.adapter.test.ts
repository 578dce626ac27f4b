import { describe, expect, it } from 'vitest'
import { failure } from '../../../../tests/support/app-error'
import { closedAfterEach } from '../../../../tests/support/emulator-rig'
import { startArasEmulator, type ArasEmulatorOptions } from '../../../../sandbox/aras/aras.emulator'
import { sampleArasRequest } from '../../../../sandbox/aras/aras.fixtures'
import { ErrorCode } from '../../../../shared/errors'
import { offlineShipment, type ShipmentRequest } from '../carrier.port'
import type { CarrierExchange } from '../http/carrier-http'
import { createArasConnector, type ArasConnectorOptions } from './aras.adapter'
import { arasOfflineKey } from './aras.keys'

const CREDS = { username: 'neodyum', password: 'nd2580' }
const QUERY = { username: 'neodyum', password: 'nd2580', customerCode: '1932448851342' }
const req = (over: Partial<ShipmentRequest> = {}): ShipmentRequest => sampleArasRequest(over)

const startEmulator = closedAfterEach(startArasEmulator)

async function setup(emulator: ArasEmulatorOptions = {}, over: Partial<ArasConnectorOptions> = {}) {
  // validateSchema: the emulator refuses any body protocols/aras/ refuses, as a contract test should.
  const emu = await startEmulator({ validateSchema: true, ...emulator })
  const exchanges: CarrierExchange[] = []
  const connector = createArasConnector({
    environment: 'test',
    origin: emu.origin,
    credentials: CREDS,
    query: QUERY,
    timeoutMs: 1000,
    retry: { maxAttempts: 3, sleep: async () => {} },
    onExchange: (e) => exchanges.push(e),
    ...over,
  })
  return { emu, connector, exchanges }
}

describe('createShipment', () => {
  it('SetOrder over SOAP 1.1 at the documented test path; the desk labels it with the IntegrationCode', async () => {
    const { emu, connector, exchanges } = await setup()
    const created = await connector.createShipment(req(), { idempotencyKey: 'kj-1' })
    const code = arasOfflineKey('kj-1')
    // The shipment the desk labelled offline under the IntegrationCode (its fields are pinned in aras.keys.test.ts).
    expect(created).toEqual(offlineShipment(code))
    expect(connector.planOfflineLabel(req(), 'kj-1')).toEqual(created)
    expect(emu.shipments).toHaveLength(1)
    expect(emu.shipments[0]).toMatchObject({
      integrationCode: code,
      fields: { ReceiverPhone1: '5063390181', TradingWaybillNumber: code, PayorTypeCode: '1' },
      pieces: [{ BarcodeNumber: code }],
    })
    const [r] = emu.requests
    expect(r).toMatchObject({ method: 'POST', path: '/arascargoservice/arascargoservice.asmx', operation: 'SetOrder', status: 200 })
    expect(r?.headers).toMatchObject({ soapaction: '"http://tempuri.org/SetOrder"', 'content-type': 'text/xml; charset=utf-8' })
    for (const text of [r?.body ?? '', exchanges[0]?.request ?? '']) expect(text).not.toContain('nd2580')
  })

  it('with barcode permission: Aras ZPL per piece and the 13-digit tracking number as barcode', async () => {
    const { emu, connector } = await setup({ users: [{ ...CREDS, barcodePermitted: true }] }, { environment: 'live', barcodePermitted: true })
    const two = req({ packages: [...req().packages, { index: 1, boxCode: null, lengthMm: 300, widthMm: 300, heightMm: 300, weightGrams: 4000 }] })
    const created = await connector.createShipment(two, { idempotencyKey: 'kj-2' })
    expect(created.trackingNumber).toMatch(/^\d{13}$/)
    expect(created).toMatchObject({ carrierShipmentId: arasOfflineKey('kj-2'), barcode: created.trackingNumber, labelFormat: 'zpl' })
    const zpl = new TextDecoder().decode(created.label ?? new Uint8Array())
    expect(zpl.match(/\^XA/g)).toHaveLength(2)
    expect(zpl).toContain(created.trackingNumber)
    expect(emu.requests.map((r) => [r.path, r.operation])).toEqual([
      ['/arascargoservice.asmx', 'SetOrder'],
      ['/arascargoservice.asmx', 'GetBarcode'],
    ])
  })

  it('GetBarcode 1004 ("not ready") is asked again; still not ready → label null, the desk prints its own', async () => {
    const { emu, connector } = await setup(
      { users: [{ ...CREDS, barcodePermitted: true }] },
      { environment: 'live', barcodePermitted: true, barcodeAttempts: 3 },
    )
    emu.queueResultCode('GetBarcode', '1004')
    emu.queueResultCode('GetBarcode', '1004')
    expect((await connector.createShipment(req(), { idempotencyKey: 'a' })).labelFormat).toBe('zpl')
    for (let i = 0; i < 3; i++) emu.queueResultCode('GetBarcode', '1004')
    const b = await connector.createShipment(req(), { idempotencyKey: 'b' })
    expect(b).toMatchObject({ label: null, barcode: arasOfflineKey('b') })
    expect(emu.requests.filter((r) => r.operation === 'GetBarcode')).toHaveLength(6)
  })

  it.each([
    ['the account has no barcode permission', { users: [CREDS] }, 'live'],
    ['the test path offers no GetBarcode (a fault)', { users: [{ ...CREDS, barcodePermitted: true }] }, 'test'],
  ] as const)('label null when %s; the order is stored', async (_n, emuOpts, environment) => {
    const { emu, connector } = await setup(emuOpts, { environment, barcodePermitted: true })
    expect(await connector.createShipment(req(), { idempotencyKey: 'c' })).toMatchObject({ label: null, barcode: arasOfflineKey('c') })
    expect(emu.shipments).toHaveLength(1)
  })

  it('a PDF desk never asks for Aras ZPL', async () => {
    const { emu, connector } = await setup({ users: [{ ...CREDS, barcodePermitted: true }] }, { environment: 'live', barcodePermitted: true })
    await connector.createShipment(req({ labelFormat: 'pdf' }), { idempotencyKey: 'p' })
    expect(emu.requests.map((r) => r.operation)).toEqual(['SetOrder'])
  })

  it('the same key again: before the waybill an update, after it 60022 → confirmed and reused, never a second order', async () => {
    const { emu, connector } = await setup()
    const first = await connector.createShipment(req(), { idempotencyKey: 'same' })
    await connector.createShipment(req(), { idempotencyKey: 'same' })
    expect(emu.shipments).toHaveLength(1)
    expect(emu.shipments[0]?.sends).toBe(2)
    emu.advance(first.carrierShipmentId, '1')
    expect(await connector.createShipment(req(), { idempotencyKey: 'same' })).toEqual(first)
    expect(emu.requests.slice(-2).map((r) => r.operation)).toEqual(['SetOrder', 'GetOrderWithIntegrationCode'])
    expect(emu.shipments).toHaveLength(1)
  })

  it('COD and receiver-pays reach Aras as documented', async () => {
    const { emu, connector } = await setup()
    await connector.createShipment(req({ codAmountKurus: 25_050, serviceCode: 'codCard' }), { idempotencyKey: 'cod' })
    await connector.createShipment(req({ serviceCode: 'AO' }), { idempotencyKey: 'ao' })
    expect(emu.shipments.map((s) => [s.fields.IsCod, s.fields.CodAmount, s.fields.CodCollectionType, s.fields.PayorTypeCode])).toEqual([
      ['1', '250.50', '1', '1'],
      ['0', undefined, undefined, '2'],
    ])
  })

  it('bad input is refused before any request', async () => {
    const { emu, connector } = await setup()
    const err = await failure(connector.createShipment(req({ recipient: { ...req().recipient, phone: '12' } }), { idempotencyKey: 'x' }))
    expect(err).toMatchObject({ code: ErrorCode.inputInvalid, meta: { field: 'recipient.phone' } })
    expect(emu.requests).toHaveLength(0)
  })

  it('wrong credentials: SetOrder 1000 → carrier.auth, not retried', async () => {
    const { emu, connector } = await setup({}, { credentials: { username: 'neodyum', password: 'wrong' } })
    expect(await failure(connector.createShipment(req(), { idempotencyKey: 'x' }))).toMatchObject({
      code: ErrorCode.carrierAuth,
      retryable: false,
      meta: { resultCode: '1000' },
    })
    expect(emu.requests).toHaveLength(1)
  })

  it.each([
    ['934', ErrorCode.carrierValidation, false],
    ['935', ErrorCode.carrierValidation, false],
    ['936', ErrorCode.carrierValidation, false],
    ['1000', ErrorCode.carrierAuth, false],
    ['1002', ErrorCode.carrierAuth, false],
    ['1003', ErrorCode.carrierServiceUnsupported, false],
    ['1006', ErrorCode.carrierServiceUnsupported, false],
    ['5000', ErrorCode.carrierUnavailable, true],
    ['5004', ErrorCode.carrierUnavailable, true],
    ['5007', ErrorCode.carrierUnavailable, true],
    ['5008', ErrorCode.carrierUnavailable, true],
    ['60020', ErrorCode.carrierValidation, false],
    ['60022', ErrorCode.carrierDuplicateReference, false],
    ['70018', ErrorCode.carrierValidation, false],
    ['70019', ErrorCode.carrierValidation, false],
    ['70021', ErrorCode.carrierValidation, false],
    ['70022', ErrorCode.carrierValidation, false],
    ['70023', ErrorCode.carrierValidation, false],
    ['70024', ErrorCode.carrierValidation, false],
    ['70025', ErrorCode.carrierValidation, false],
    ['70026', ErrorCode.carrierValidation, false],
    ['70027', ErrorCode.carrierValidation, false],
    ['70028', ErrorCode.carrierValidation, false],
    ['70121', ErrorCode.carrierValidation, false],
  ] as const)('SetOrder %s over the wire → %s (retryable %s)', async (code, errorCode, retryable) => {
    const { emu, connector } = await setup({}, { retry: { maxAttempts: 1 } })
    emu.queueResultCode('SetOrder', code, `mesaj ${code}`)
    expect(await failure(connector.createShipment(req(), { idempotencyKey: `e${code}` }))).toMatchObject({
      code: errorCode,
      retryable,
      meta: { resultCode: code, resultMessage: `mesaj ${code}` },
    })
  })

  it('a server-side 5008 is retried: the next attempt looks first, then stores exactly one order', async () => {
    const { emu, connector } = await setup()
    emu.queueResultCode('SetOrder', '5008')
    await connector.createShipment(req(), { idempotencyKey: 'r' })
    expect(emu.requests.map((r) => r.operation)).toEqual(['SetOrder', 'GetOrderWithIntegrationCode', 'SetOrder'])
    expect(emu.shipments).toHaveLength(1)
  })

  it('the emulator validates what Aras validates: a 70026 COD amount from a careless client', async () => {
    const { emu } = await setup()
    const { setOrder } = await import('./aras.client')
    const { buildArasOrder } = await import('./aras.orders')
    const { planArasLabel } = await import('./aras.keys')
    const order = { ...buildArasOrder(req({ codAmountKurus: 1000 }), planArasLabel(req(), 'z')), CodAmount: '6000.00' }
    expect(await setOrder(CREDS, order, { url: emu.urls.testShipment })).toMatchObject({ ResultCode: '70026' })
  })
})
