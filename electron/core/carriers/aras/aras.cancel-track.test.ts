import { describe, expect, it } from 'vitest'
import { failure } from '../../../../tests/support/app-error'
import { closedAfterEach } from '../../../../tests/support/emulator-rig'
import { startArasEmulator, type ArasEmulatorOptions } from '../../../../sandbox/aras/aras.emulator'
import { sampleArasRequest } from '../../../../sandbox/aras/aras.fixtures'
import { TrackingStatus } from '../../../../shared/domain/shipment'
import { ErrorCode } from '../../../../shared/errors'
import { createArasConnector, type ArasConnectorOptions } from './aras.adapter'

const CREDS = { username: 'neodyum', password: 'nd2580' }
const QUERY = { username: 'neodyum', password: 'nd2580', customerCode: '1932448851342' }

const startEmulator = closedAfterEach(startArasEmulator)

async function setup(emulator: ArasEmulatorOptions = {}, over: Partial<ArasConnectorOptions> = {}) {
  const emu = await startEmulator(emulator)
  const connector = createArasConnector({
    environment: 'live',
    origin: emu.origin,
    credentials: CREDS,
    query: QUERY,
    timeoutMs: 1000,
    retry: { maxAttempts: 3, sleep: async () => {} },
    ...over,
  })
  const { carrierShipmentId: code } = await connector.createShipment(sampleArasRequest(), { idempotencyKey: 'order-1' })
  return { emu, connector, code }
}

describe('cancel (CancelDispatch)', () => {
  it('before the waybill: cancelled; again: 405 already cancelled, which also resolves', async () => {
    const { emu, connector, code } = await setup()
    expect(await connector.cancel(code)).toMatchObject({ outcome: 'cancelled', resultCode: '0', integrationCode: code })
    await expect(connector.cancelShipment(code)).resolves.toBeUndefined()
    expect(await connector.cancel(code)).toMatchObject({ outcome: 'alreadyCancelled', resultCode: '405' })
    expect(emu.shipments[0]?.cancelledAtMs).not.toBeNull()
    expect(await connector.findOrder(code)).toBeNull()
  })

  it('ResultCode 1 ("… başarılı bir şekilde silindi") is a cancel too', async () => {
    const { connector, code } = await setup({ cancelSuccessCode: '1' })
    expect(await connector.cancel(code)).toMatchObject({ outcome: 'cancelled', resultCode: '1' })
  })

  it('waybill cut → 999 carrier.notCancellable; by tracking number it is found through the query service', async () => {
    const { emu, connector, code } = await setup()
    const tracking = emu.advance(code, '1').trackingNumber ?? ''
    expect(await failure(connector.cancelShipment(code))).toMatchObject({
      code: ErrorCode.carrierNotCancellable,
      retryable: false,
      meta: { resultCode: '999' },
    })
    expect(await failure(connector.cancelShipment(tracking))).toMatchObject({ code: ErrorCode.carrierNotCancellable })
    expect(emu.requests.slice(-2).map((r) => r.operation)).toEqual(['GetQueryJSON', 'CancelDispatch'])
  })

  it('unknown → -1 carrier.notFound; wrong password → -2 carrier.auth; 936 is retried', async () => {
    const { emu, connector, code } = await setup()
    expect(await failure(connector.cancelShipment('9999999999999999'))).toMatchObject({ code: ErrorCode.carrierNotFound, meta: { resultCode: '-1' } })
    const wrong = createArasConnector({ environment: 'live', origin: emu.origin, credentials: { ...CREDS, password: 'x' } })
    expect(await failure(wrong.cancelShipment(code))).toMatchObject({ code: ErrorCode.carrierAuth, retryable: false, meta: { resultCode: '-2' } })
    emu.queueResultCode('CancelDispatch', '936', 'Hata oluştu')
    expect(await connector.cancel(code)).toMatchObject({ outcome: 'cancelled' })
  })
})

describe('track (GetQueryJSON)', () => {
  it('before the waybill: one "created" event (the query service has no row yet)', async () => {
    const { connector, code } = await setup()
    expect(await connector.track(code)).toEqual([expect.objectContaining({ status: TrackingStatus.created, rawCode: 'ORDER' })])
  })

  it('through the chain to delivered, by IntegrationCode and by tracking number, oldest first', async () => {
    const { emu, connector, code } = await setup()
    emu.advance(code, '4')
    emu.advance(code, 'NT')
    const order = emu.advance(code, '6')
    const events = await connector.track(code)
    expect(events.map((e) => e.status)).toEqual([null, null, null, 'out_for_delivery', 'failed_attempt', 'out_for_delivery', null, 'delivered'])
    expect([...events].sort((a, b) => a.at.localeCompare(b.at))).toEqual(events)
    expect(events.at(-1)).toMatchObject({ rawCode: 'DURUM_KODU:6;TIP_KODU:1', rawText: 'Teslim edildi (Özgür Akman)' })
    const status = await connector.status(order.trackingNumber ?? '')
    expect(status).toMatchObject({ integrationCode: code, trackingNumber: order.trackingNumber, status: 'delivered' })
    expect(
      emu.requests
        .filter((r) => r.operation === 'GetQueryJSON')
        .every((r) => r.path === '/ArasCargoCustomerIntegrationService/ArasCargoIntegrationService.svc'),
    ).toBe(true)
    expect(emu.requests.find((r) => r.operation === 'GetQueryJSON')?.headers.soapaction).toBe('"http://tempuri.org/IArasCargoIntegrationService/GetQueryJSON"')
  })

  it.each([
    ['KE', 'failed_attempt'],
    ['TL', 'delayed'],
    ['AD', 'exception'],
    ['5', 'exception'],
    ['7', 'in_transit'],
    ['return', 'return_in_transit'],
    ['returned', 'returned_to_sender'],
  ] as const)('advance to %s → current status %s', async (to, expected) => {
    const { emu, connector, code } = await setup()
    emu.advance(code, to)
    expect((await connector.status(code)).status).toBe(expected)
  })

  it('reads the Turkish column names of the movements too', async () => {
    const { emu, connector, code } = await setup({ movementKeys: 'turkish' })
    emu.advance(code, '4')
    expect((await connector.track(code)).map((e) => e.location)).toEqual(['ÇIKIŞ ŞUBE', 'TRANSFER MERKEZİ', 'GAZİOSMANPAŞA ŞUBE', 'GAZİOSMANPAŞA ŞUBE', null])
  })

  it('unknown key → carrier.notFound; no query account → carrier.serviceUnsupported before any call', async () => {
    const { emu, connector } = await setup()
    expect(await failure(connector.track('1111111111111111'))).toMatchObject({ code: ErrorCode.carrierNotFound })
    const before = emu.requests.length
    const noQuery = createArasConnector({ environment: 'live', origin: emu.origin, credentials: CREDS })
    expect(await failure(noQuery.track('1111111111111111'))).toMatchObject({ code: ErrorCode.carrierServiceUnsupported })
    expect(emu.requests).toHaveLength(before)
  })

  it.each(['fault', 'json'] as const)('wrong query credentials (%s) → carrier.auth, not retried', async (mode) => {
    const { emu, connector, code } = await setup({ queryAuthFailure: mode }, { query: { ...QUERY, password: 'x' } })
    const before = emu.requests.length
    expect(await failure(connector.track(code))).toMatchObject({ code: ErrorCode.carrierAuth, retryable: false })
    expect(emu.requests.length - before).toBe(1)
  })

  it('snapshotMany: one QueryType 39 call for a list of codes', async () => {
    const { emu, connector, code } = await setup()
    const other = (await connector.createShipment(sampleArasRequest({ orderNumber: 'SIP-2' }), { idempotencyKey: 'order-2' })).carrierShipmentId
    emu.advance(code, '6')
    emu.advance(other, '2')
    const before = emu.requests.length
    const map = await connector.snapshotMany([code, other, '1234567890123456'])
    expect('trackMany' in connector).toBe(false) // not a BatchTracker: the poller must not read snapshots as timelines
    expect(emu.requests.length - before).toBe(1)
    expect([...map.entries()].map(([k, v]) => [k, v.status])).toEqual([
      [code, 'delivered'],
      [other, 'in_transit'],
    ])
  })
})

describe('findOrder (GetOrderWithIntegrationCode)', () => {
  it('wrong credentials: a soap:Server fault → carrier.auth; in "empty" mode simply nothing', async () => {
    const { emu, code } = await setup()
    const wrong = createArasConnector({ environment: 'live', origin: emu.origin, credentials: { ...CREDS, password: 'x' } })
    expect(await failure(wrong.findOrder(code))).toMatchObject({ code: ErrorCode.carrierAuth, retryable: false })
    await emu.close()
    const quiet = await setup({ lookupAuthFailure: 'empty' })
    const wrong2 = createArasConnector({ environment: 'live', origin: quiet.emu.origin, credentials: { ...CREDS, password: 'x' } })
    expect(await wrong2.findOrder(quiet.code)).toBeNull()
  })

  it('the echoed password never reaches the exchange log', async () => {
    const seen: string[] = []
    const { emu, code } = await setup()
    const c = createArasConnector({ environment: 'live', origin: emu.origin, credentials: CREDS, onExchange: (e) => seen.push(e.request, e.response ?? '') })
    expect(await c.findOrder(code)).toMatchObject({ IntegrationCode: code, PieceCount: '1' })
    expect(seen.join('')).not.toContain('nd2580')
    expect(seen.join('')).toContain('<Password>[redacted]</Password>')
  })
})
