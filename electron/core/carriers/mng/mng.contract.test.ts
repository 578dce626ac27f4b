import { describe, expect, it } from 'vitest'
import { failure } from '../../../../tests/support/app-error'
import { useMngEmulator } from '../../../../tests/support/mng-rig'
import { HttpFault } from '../../../../sandbox/common/http-emulator'
import { MngProduct, type MngEmulator } from '../../../../sandbox/mng/mng.emulator'
import { SAMPLE_MNG_CREDENTIALS, sampleMngRequest } from '../../../../sandbox/mng/mng.fixtures'
import { TrackingStatus } from '../../../../shared/domain/shipment'
import { ErrorCode } from '../../../../shared/errors'
import { createMngConnector, mngTrackingUrl } from './mng.adapter'
import { MngFaultKind } from './mng.errors'

// Cancel, track, status, calculate, auth and every error path over real HTTP against the emulator.
const setup = useMngEmulator()

const ops = (e: MngEmulator) => e.requests.map((r) => r.operation)
const create = (c: ReturnType<typeof createMngConnector>, key: string) => c.createShipment(sampleMngRequest(), { idempotencyKey: key })

describe('cancelShipment', () => {
  it('a prepared shipment → cancelshipment {referenceId, shipmentId}; afterwards MNG knows it no more', async () => {
    const { emu, connector } = await setup()
    const created = await create(connector, 'c1')
    await connector.cancelShipment(created.trackingNumber)
    expect(ops(emu).slice(-2)).toEqual(['getshipment', 'cancelshipment'])
    expect(JSON.parse(emu.requests.at(-1)?.body ?? '{}')).toEqual({ referenceId: created.carrierShipmentId, shipmentId: created.barcode })
    expect(emu.shipments[0]?.cancelled).toBe(true)
    expect(await failure(connector.cancelShipment(created.trackingNumber))).toMatchObject({ code: ErrorCode.carrierNotFound, retryable: false })
  })

  it('an order that never became a shipment → PUT cancelorder/{refrenceId}', async () => {
    const { emu, connector } = await setup({ barcodeNotReady: { attempts: 99 } }, { retry: { maxAttempts: 1 }, barcodeWait: { attempts: 1 } })
    await failure(create(connector, 'c2'))
    const ref = connector.referenceIdFor('c2')
    await connector.cancelShipment(ref)
    expect(emu.requests.at(-1)).toMatchObject({ method: 'PUT', path: `/mngapi/api/standardcmdapi/cancelorder/${ref}`, status: 200 })
    expect(emu.orders[0]?.cancelled).toBe(true)
  })

  it('picked up (status 2) → carrier.notCancellable from MNG; delivered → refused without a cancel call', async () => {
    const { emu, connector } = await setup()
    const a = await create(connector, 'c3')
    emu.advance(a.carrierShipmentId)
    expect(await failure(connector.cancelShipment(a.trackingNumber))).toMatchObject({
      code: ErrorCode.carrierNotCancellable,
      retryable: false,
      meta: { faultKind: MngFaultKind.notCancellable },
    })
    const b = await create(connector, 'c4')
    emu.advance(b.carrierShipmentId, 5)
    const before = emu.requests.length
    expect(await failure(connector.cancelShipment(b.trackingNumber))).toMatchObject({ code: ErrorCode.carrierNotCancellable })
    expect(ops(emu).slice(before)).toEqual(['getshipment'])
  })

  it('a cancel whose answer is lost is confirmed by the lookup, not refused as unknown', async () => {
    const { emu, connector } = await setup()
    const created = await create(connector, 'c5')
    emu.faults.queue([null, HttpFault.dropAfterCommit])
    await connector.cancelShipment(created.trackingNumber)
    expect(ops(emu).slice(-4)).toEqual(['getshipment', 'cancelshipment', 'getshipment', 'getorder'])
    expect(emu.shipments.filter((s) => s.cancelled)).toHaveLength(1)
  })

  it('an unknown reference is carrier.notFound; a 12-digit shipmentId is refused before any call', async () => {
    const { emu, connector } = await setup({ notFoundHttpStatus: 404 })
    expect(await failure(connector.cancelShipment('KJ000000000000000000'))).toMatchObject({ code: ErrorCode.carrierNotFound, retryable: false })
    const before = emu.requests.length
    expect(await failure(connector.cancelShipment('369845765006'))).toMatchObject({ code: ErrorCode.inputInvalid })
    expect(emu.requests).toHaveLength(before)
  })
})

describe('track and status', () => {
  it('trackshipment events oldest first, normalized per §12 (first 2 = picked up), by reference or by shipmentId', async () => {
    for (const statusTextWithSpaces of [false, true]) {
      let clock = Date.parse('2025-03-10T06:00:00Z')
      const { emu, connector } = await setup({ statusTextWithSpaces, now: () => clock })
      const created = await create(connector, 't1')
      for (const to of [2, 2, 3, 4, 6, 4, 5]) {
        clock += 3_600_000
        emu.advance(created.carrierShipmentId, to)
      }
      const events = await connector.track(created.trackingNumber)
      expect(events.map((e) => e.status)).toEqual([
        TrackingStatus.created,
        TrackingStatus.pickedUp,
        TrackingStatus.inTransit,
        TrackingStatus.inTransit,
        TrackingStatus.outForDelivery,
        TrackingStatus.failedAttempt,
        TrackingStatus.outForDelivery,
        TrackingStatus.delivered,
      ])
      expect(events[0]).toMatchObject({
        rawCode: statusTextWithSpaces ? 'Gönderi Hazırlandı' : 'Gönderi_Hazırlandı',
        at: '2025-03-10T06:00:00.000Z',
        location: 'İSTANBUL ESENYURT ŞUBE',
      })
      expect(events.at(-1)?.at).toBe('2025-03-10T13:00:00.000Z')
      expect(await connector.track(created.barcode)).toEqual(events)
      expect(emu.requests.at(-1)?.path).toBe(`/mngapi/api/standardqueryapi/trackshipmentByShipmentId/${created.barcode}`)
      await emu.close()
    }
  })

  it('status(): getshipmentstatus read as object or one-element array; isDelivered wins', async () => {
    for (const singleObjectsAsArray of [false, true]) {
      const { emu, connector } = await setup({ singleObjectsAsArray })
      const created = await create(connector, 's1')
      expect(await connector.status(created.trackingNumber)).toMatchObject({
        shipmentId: created.barcode,
        statusCode: '1',
        status: TrackingStatus.created,
        isDelivered: false,
        deliveredAt: null,
      })
      emu.advance(created.carrierShipmentId, 5)
      const done = await connector.status(created.trackingNumber)
      expect(done).toMatchObject({
        statusCode: '5',
        statusText: 'Teslim_Edildi',
        isDelivered: true,
        status: TrackingStatus.delivered,
        trackingUrl: mngTrackingUrl(created.barcode),
      })
      expect(done.deliveredAt).toMatch(/^\d{4}-\d\d-\d\dT/)
      await emu.close()
    }
  })

  it('an order without a shipment has no events; an unknown reference is carrier.notFound (HTTP 400 or 404)', async () => {
    for (const notFoundHttpStatus of [400, 404]) {
      const { emu, connector } = await setup(
        { notFoundHttpStatus, barcodeNotReady: { attempts: 99 } },
        { retry: { maxAttempts: 1 }, barcodeWait: { attempts: 1 } },
      )
      await failure(create(connector, 'o1'))
      expect(await connector.track(connector.referenceIdFor('o1'))).toEqual([])
      expect(await failure(connector.track('KJ000000000000000000'))).toMatchObject({
        code: ErrorCode.carrierNotFound,
        retryable: false,
        meta: { httpStatus: notFoundHttpStatus },
      })
      expect(await failure(connector.status('KJ000000000000000000'))).toMatchObject({ code: ErrorCode.carrierNotFound })
      await emu.close()
    }
  })
})

describe('calculate', () => {
  it('POST calculate with CBS codes and integer desi/kg → price in kuruş', async () => {
    const { emu, connector } = await setup({}, { pickUpType: 2 })
    const quote = await connector.calculate({ city: 'ankara', district: 'CANKAYA', packages: sampleMngRequest().packages })
    // The emulator's tariff: 79.90 + 16.40 per chargeable unit after the first; max(3 desi, 2 kg) = 3 units.
    expect(quote).toEqual({ priceKurus: 11270, finalTotal: 112.7 })
    expect(JSON.parse(emu.requests.at(-1)?.body ?? '{}')).toEqual({
      shipmentServiceType: 1,
      packagingType: 3,
      paymentType: 1,
      pickUpType: 2,
      deliveryType: 1,
      cityCode: 6,
      districtCode: 6007,
      orderPieceList: [{ desi: 3, kg: 2 }],
    })
    expect(await failure(connector.calculate({ city: 'Atlantis', district: 'X', packages: sampleMngRequest().packages }))).toMatchObject({
      code: ErrorCode.carrierAddressUnresolved,
    })
  })
})

describe('auth and transport errors', () => {
  it('an expired JWT (401) is renewed once and the call repeated; a token past jwtExpireDate is renewed before the call', async () => {
    let clock = Date.parse('2025-03-10T06:00:00Z')
    const { emu, connector } = await setup({ tokenTtlMs: 10 * 60_000, now: () => clock }, { now: () => clock })
    const created = await create(connector, 'a1')
    emu.expireTokens()
    await connector.track(created.trackingNumber)
    expect(emu.requests.slice(-3).map((r) => [r.operation, r.status])).toEqual([
      ['trackshipment', 401],
      ['token', 200],
      ['trackshipment', 200],
    ])
    clock += 11 * 60_000
    await connector.track(created.trackingNumber)
    expect(ops(emu).slice(-2)).toEqual(['token', 'trackshipment'])
  })

  it.each([
    ['wrong client secret', { apps: [{ clientId: SAMPLE_MNG_CREDENTIALS.clientId, clientSecret: 'other' }] }, {}, MngFaultKind.appKeys],
    [
      'app not subscribed to Barcode Command',
      { apps: [{ ...SAMPLE_MNG_CREDENTIALS, products: [MngProduct.identity, MngProduct.standardCommand, MngProduct.standardQuery, MngProduct.cbsInfo] }] },
      {},
      MngFaultKind.appKeys,
    ],
    ['wrong password', {}, { password: 'nope' }, undefined],
  ] as const)('%s → carrier.auth, not retried', async (_, emulator, over, faultKind) => {
    const { emu, connector } = await setup(emulator, over)
    const err = await failure(create(connector, 'auth'))
    expect(err).toMatchObject({ code: ErrorCode.carrierAuth, retryable: false })
    if (faultKind) expect(err.meta.faultKind).toBe(faultKind)
    expect(emu.shipments).toHaveLength(0)
  })

  it('a refusal MNG words itself (x-api-version required) is carrier.validation; sending it works', async () => {
    const { emu, connector } = await setup({ requireApiVersion: '1.0' })
    expect(await failure(create(connector, 'v'))).toMatchObject({ code: ErrorCode.carrierValidation, retryable: false })
    const ok = createMngConnector({ origin: emu.origin, ...SAMPLE_MNG_CREDENTIALS, apiVersion: '1.0' })
    expect((await create(ok, 'v')).label).not.toBeNull()
  })

  it('500, 503 and 429 are retried, waiting at least Retry-After', async () => {
    const { emu, connector, sleeps } = await setup({ retryAfterSeconds: 2 })
    emu.faults.queue([HttpFault.http500, null, HttpFault.http429, null, HttpFault.http503])
    await create(connector, 'busy')
    expect(emu.shipments).toHaveLength(1)
    expect(sleeps.filter((ms) => ms >= 2000)).toHaveLength(2)
  })

  it('a wrong origin path is carrier.badResponse, not retried', async () => {
    const { emu } = await setup()
    const wrong = createMngConnector({ origin: emu.origin, basePath: '/api', ...SAMPLE_MNG_CREDENTIALS, retry: { sleep: async () => {} } })
    expect(await failure(wrong.track('KJ000000000000000000'))).toMatchObject({
      code: ErrorCode.carrierBadResponse,
      retryable: false,
      meta: { httpStatus: 404 },
    })
    expect(emu.requests.map((r) => [r.path, r.status])).toEqual([['/api/token', 404]]) // the gateway's 404: no retry
  })
})
