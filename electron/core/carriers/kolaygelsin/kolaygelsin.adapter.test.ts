import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { failure } from '../../../../tests/support/app-error'
import { HttpFault } from '../../../../sandbox/common/http-emulator'
import { sampleKolayGelsinRequest, SAMPLE_KOLAYGELSIN_SETTINGS } from '../../../../sandbox/kolaygelsin/kolaygelsin.fixtures'
import {
  DEFAULT_KG_ACCOUNT,
  startKolayGelsinEmulator,
  type KolayGelsinEmulator,
  type KolayGelsinEmulatorOptions,
} from '../../../../sandbox/kolaygelsin/kolaygelsin.emulator'
import { ErrorCode } from '../../../../shared/errors'
import type { ShipmentRequest } from '../carrier.port'
import type { CarrierExchange } from '../http/carrier-http'
import { createKolayGelsinConnector, type KolayGelsinConnectorOptions } from './kolaygelsin.adapter'

const emus: KolayGelsinEmulator[] = []
let emu: KolayGelsinEmulator
async function start(o: KolayGelsinEmulatorOptions = {}): Promise<KolayGelsinEmulator> {
  const e = await startKolayGelsinEmulator(o)
  emus.push(e)
  return e
}
beforeAll(async () => {
  emu = await start()
})
afterAll(async () => {
  for (const e of emus) await e.close()
})

const connector = (over: Partial<KolayGelsinConnectorOptions> = {}, e: KolayGelsinEmulator = emu) =>
  createKolayGelsinConnector({ origin: e.origin, ...SAMPLE_KOLAYGELSIN_SETTINGS, timeoutMs: 2000, retry: { maxAttempts: 4, sleep: async () => {} }, ...over })
const request = (over: Parameters<typeof sampleKolayGelsinRequest>[0] = {}) => sampleKolayGelsinRequest(over) as ShipmentRequest

describe('create', () => {
  it('looks first, saves the recipient, saves the shipment under our code; no HTML label, our barcode instead', async () => {
    const exchanges: CarrierExchange[] = []
    const c = connector({ onExchange: (x) => exchanges.push(x) })
    const created = await c.createShipment(request(), { idempotencyKey: 'k-1' })
    const code = c.customerSpecificCodeFor('k-1')
    const stored = emu.shipments.filter((s) => s.customerSpecificCode === code)
    expect(stored).toHaveLength(1)
    expect(exchanges.map((x) => x.operation)).toEqual(['GetCorporateShipmentsStatus', 'SaveRecipient', 'SaveIntegrationShipment'])
    expect(created).toEqual({
      carrierShipmentId: stored[0]?.shipmentId,
      trackingNumber: stored[0]?.shipmentId,
      barcode: `${code}01`,
      trackingUrl: `https://esubebeta.klyglsn.com/track/${stored[0]?.shipmentId}`,
      labelFormat: null,
      label: null,
      costKurus: null,
    })
    expect(stored[0]).toMatchObject({
      customerId: 20,
      addressId: 28,
      packageType: 2,
      recipient: { cityId: 34, townName: 'Kadıköy', name: 'Mehmet', surname: 'Akman', gsm: '5321112233' },
    })
    expect(stored[0]?.items.map((i) => i.customerBarcode)).toEqual([`${code}01`])
    expect(JSON.stringify(exchanges)).not.toContain(DEFAULT_KG_ACCOUNT.token)
  })

  it('the same key later reuses the shipment', async () => {
    const c = connector()
    const a = await c.createShipment(request(), { idempotencyKey: 'k-again' })
    const b = await c.createShipment(request(), { idempotencyKey: 'k-again' })
    expect(b.trackingNumber).toBe(a.trackingNumber)
    expect(emu.shipments.filter((s) => s.customerSpecificCode === c.customerSpecificCodeFor('k-again'))).toHaveLength(1)
    // No offline labels for Kolay Gelsin (carrier-capabilities.ts): the connector offers no plan.
    expect('planOfflineLabel' in c).toBe(false)
  })

  it('a recipient saved once serves every retry of the call', async () => {
    const before = emu.recipients.length
    emu.faults.queue([null, null, HttpFault.http503])
    await connector().createShipment(request(), { idempotencyKey: 'k-rec' })
    expect(emu.recipients.length - before).toBe(1)
  })

  it.each([
    [
      'COD outside the contract',
      { accounts: [{ ...DEFAULT_KG_ACCOUNT, codAllowed: false }] },
      { codAmountKurus: 5000 },
      ErrorCode.carrierServiceUnsupported,
      'Tahsilatlı kargo yapılamaz.',
    ],
    [
      'outside the courier area',
      { accounts: [{ ...DEFAULT_KG_ACCOUNT, coveredCityIds: [6] }] },
      {},
      ErrorCode.carrierServiceUnsupported,
      'Bu kordinatta kurye çalışma alanı bulunamamıştır.',
    ],
    [
      'a recipient without an ilçe (ErrorSavingReceiver)',
      {},
      { recipient: { ...request().recipient, address: '1', district: '', city: 'Ankara' } },
      ErrorCode.carrierValidation,
      'ErrorSavingReceiver',
    ],
    [
      'GeoCodeFail',
      {},
      { recipient: { ...request().recipient, address: '', district: 'X', city: 'Ankara' } },
      ErrorCode.carrierAddressUnresolved,
      'GeoCodeFail',
    ],
    [
      'errors with HTTP 500 (swagger reading)',
      { errorHttpStatus: 500 as const, accounts: [{ ...DEFAULT_KG_ACCOUNT, codAllowed: false }] },
      { codAmountKurus: 100 },
      ErrorCode.carrierServiceUnsupported,
      'Tahsilatlı kargo yapılamaz.',
    ],
  ] as const)('%s', async (_name, emuOptions, over, code, kgError) => {
    const e = Object.keys(emuOptions).length === 0 ? emu : await start(emuOptions as KolayGelsinEmulatorOptions)
    const before = e.shipments.length
    const err = await failure(connector({}, e).createShipment(request(over as Parameters<typeof request>[0]), { idempotencyKey: `k-${kgError}-${before}` }))
    expect(err).toMatchObject({ code, retryable: false, meta: { kgError } })
    expect(e.shipments.length).toBe(before)
  })

  it('wrong customer or address id → carrier.auth (CustomerNotFound, 404.1)', async () => {
    expect(await failure(connector({ customerId: 21 }).createShipment(request(), { idempotencyKey: 'k-cust' }))).toMatchObject({
      code: ErrorCode.carrierAuth,
      meta: { kgError: 'CustomerNotFound' },
    })
    expect(await failure(connector({ addressId: 29 }).createShipment(request(), { idempotencyKey: 'k-addr' }))).toMatchObject({
      code: ErrorCode.carrierAuth,
      meta: { resultCode: 404.1 },
    })
  })

  it('a wrong token → carrier.auth (HTTP 401), not retried', async () => {
    const before = emu.requests.length
    expect(await failure(connector({ token: 'nope' }).createShipment(request(), { idempotencyKey: 'k-tok' }))).toMatchObject({
      code: ErrorCode.carrierAuth,
      retryable: false,
    })
    expect(emu.requests.length - before).toBe(1)
  })

  it('an il without a plate code stops before any call', async () => {
    const before = emu.requests.length
    expect(
      await failure(connector().createShipment(request({ recipient: { ...request().recipient, city: 'Atlantis' } }), { idempotencyKey: 'k-city' })),
    ).toMatchObject({ code: ErrorCode.carrierAddressUnresolved })
    expect(emu.requests.length).toBe(before)
  })

  it('a customer without the status query (no webhook definition) cannot buy safely: carrier.auth before anything is saved', async () => {
    const e = await start({ accounts: [{ ...DEFAULT_KG_ACCOUNT, webhookIntegrated: false }] })
    expect(await failure(connector({}, e).createShipment(request(), { idempotencyKey: 'k-nohook' }))).toMatchObject({
      code: ErrorCode.carrierAuth,
      meta: { kgError: 'CustomerNotFound' },
    })
    expect(e.shipments).toHaveLength(0)
  })
})

describe('a status query that refuses unknown keys ("ShipmentNotFound"; undocumented, emulator option)', () => {
  it('still buys, tracks, and reports unknown numbers as not found', async () => {
    const e = await start({ unknownKeyAnswer: 'notFound' })
    const c = connector({}, e)
    const a = await c.createShipment(request(), { idempotencyKey: 'nf-1' })
    expect(e.shipments).toHaveLength(1)
    expect((await c.track(a.trackingNumber)).at(-1)?.rawCode).toBe('1')
    expect(await failure(c.track('77777'))).toMatchObject({ code: ErrorCode.carrierNotFound })
    expect([...(await c.trackMany([a.trackingNumber, '77777'])).keys()]).toEqual([a.trackingNumber])
  })
})

describe('cancel', () => {
  it('before pickup: cancelled, and a repeat is fine', async () => {
    const c = connector()
    const a = await c.createShipment(request(), { idempotencyKey: 'x-1' })
    await c.cancelShipment(a.trackingNumber)
    expect(emu.shipments.find((s) => s.shipmentId === a.trackingNumber)?.cancelled).toBe(true)
    await c.cancelShipment(a.barcode)
  })

  it('after pickup: the return starts → carrier.returnRequested, also on a repeat', async () => {
    const c = connector()
    const a = await c.createShipment(request(), { idempotencyKey: 'x-2' })
    emu.advance(a.trackingNumber, 13)
    expect(await failure(c.cancelShipment(a.trackingNumber))).toMatchObject({ code: ErrorCode.carrierReturnRequested, retryable: false })
    expect((await c.track(a.trackingNumber)).at(-1)).toMatchObject({ rawCode: '31', status: 'return_in_transit' })
    expect(await failure(c.cancelShipment(c.customerSpecificCodeFor('x-2')))).toMatchObject({ code: ErrorCode.carrierReturnRequested })
    emu.advance(a.trackingNumber)
    expect((await c.track(a.trackingNumber)).at(-1)).toMatchObject({ rawCode: '29', status: 'returned_to_sender' })
  })

  it('delivered → carrier.notCancellable; unknown → carrier.notFound', async () => {
    const c = connector()
    const a = await c.createShipment(request(), { idempotencyKey: 'x-3' })
    emu.advance(a.trackingNumber, 29)
    expect(await failure(c.cancelShipment(a.trackingNumber))).toMatchObject({ code: ErrorCode.carrierNotCancellable })
    expect(await failure(c.cancelShipment('99999999'))).toMatchObject({ code: ErrorCode.carrierNotFound })
  })
})

describe('track', () => {
  it('the whole chain, by ShipmentId, code or barcode', async () => {
    const c = connector()
    const a = await c.createShipment(request(), { idempotencyKey: 't-1' })
    emu.advance(a.trackingNumber, 29)
    const events = await c.track(a.trackingNumber)
    expect(events.map((e) => [e.rawCode, e.status])).toEqual([
      ['1', 'created'],
      ['2', 'created'],
      ['12', 'picked_up'],
      ['13', 'in_transit'],
      ['14', 'in_transit'],
      ['17', 'out_for_delivery'],
      ['18', 'out_for_delivery'],
      ['29', 'delivered'],
    ])
    expect(await c.track(c.customerSpecificCodeFor('t-1'))).toEqual(events)
    expect(await c.track(a.barcode)).toEqual(events)
    expect(await failure(c.track('12345'))).toMatchObject({ code: ErrorCode.carrierNotFound })
  })

  it('trackMany: one status call per kind and batch; unknown numbers are left out; the integration doc’s {ShipmentModelList} payload reads the same', async () => {
    const e = await start({ statusPayloadShape: 'object' })
    const c = connector({ trackBatchSize: 2 }, e)
    const made = []
    for (let i = 0; i < 3; i++) made.push(await c.createShipment(request(), { idempotencyKey: `tm-${i}` }))
    e.advance(made[1]!.trackingNumber, 12)
    const before = e.requests.length
    const found = await c.trackMany([...made.map((m) => m.trackingNumber), made[0]!.barcode, '424242'])
    expect(e.requests.slice(before).map((r) => r.operation)).toEqual([
      'GetCorporateShipmentsStatus',
      'GetCorporateShipmentsStatus',
      'GetCorporateShipmentsStatus',
    ])
    expect([...found.keys()].sort()).toEqual([...made.map((m) => m.trackingNumber), made[0]!.barcode].sort())
    expect(found.get(made[1]!.trackingNumber)?.at(-1)?.status).toBe('picked_up')
  })
})
