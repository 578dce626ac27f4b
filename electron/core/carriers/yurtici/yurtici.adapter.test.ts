import { describe, expect, it } from 'vitest'
import { failure } from '../../../../tests/support/app-error'
import { closedAfterEach } from '../../../../tests/support/emulator-rig'
import { startYurticiEmulator, YurticiFault, type YurticiEmulatorOptions } from '../../../../sandbox/yurtici/yurtici.emulator'
import { sampleShipmentRequest } from '../../../../sandbox/yurtici/yurtici.fixtures'
import { TrackingStatus } from '../../../../shared/domain/shipment'
import { ErrorCode } from '../../../../shared/errors'
import type { ShipmentRequest } from '../carrier.port'
import type { RetryOptions } from '../../net/retry'
import { YurticiConnector, type YurticiConnectorOptions } from './yurtici.adapter'
import { createShipments } from './yurtici.client'
import type { CarrierExchange } from '../http/carrier-http'
import { planYurticiLabel } from './yurtici.offline'

const shipment = (over: Partial<ShipmentRequest> = {}): ShipmentRequest => sampleShipmentRequest(over)
const USERS = [
  { username: 'YKTEST', password: 'YK', senderCustId: 1 },
  { username: 'AOUSER', password: 'ao', senderCustId: 2, paymentType: 'AO' as const },
  { username: 'CODUSER', password: 'cod', senderCustId: 3, paymentType: 'COD' as const },
]
const ACCOUNTS = {
  senderPays: { username: 'YKTEST', password: 'YK' },
  receiverPays: { username: 'AOUSER', password: 'ao' },
  codCash: { username: 'CODUSER', password: 'cod' },
}

const startEmulator = closedAfterEach(startYurticiEmulator)

async function setup(emulator: YurticiEmulatorOptions = {}, retry: RetryOptions = {}, over: Partial<YurticiConnectorOptions> = {}) {
  // validateSchema: the emulator refuses any body protocols/yurtici/ refuses, as a contract test should.
  const emu = await startEmulator({ users: USERS, validateSchema: true, ...emulator })
  const connector = new YurticiConnector({ url: emu.url, accounts: ACCOUNTS, timeoutMs: 500, retry: { baseDelayMs: 1, maxDelayMs: 2, ...retry }, ...over })
  return { emu, connector }
}

describe('createShipment', () => {
  it('sends our cargoKey/invoiceKey and returns the shipment the desk labels itself (no label from Yurtiçi)', async () => {
    const { emu, connector } = await setup()
    const plan = planYurticiLabel(shipment(), 'kj-1')
    const created = await connector.createShipment(shipment(), { idempotencyKey: 'kj-1' })
    expect(created).toEqual({
      carrierShipmentId: plan.cargoKeys[0],
      trackingNumber: plan.cargoKeys[0],
      barcode: plan.cargoKeys[0],
      trackingUrl: null,
      labelFormat: null,
      label: null,
      costKurus: null,
    })
    expect(created.barcode).toMatch(/^KJ[0-9A-Z]{16}01$/)
    expect(emu.shipments).toHaveLength(1)
    expect(emu.shipments[0]).toMatchObject({
      cargoKey: plan.cargoKeys[0],
      invoiceKey: plan.invoiceKey,
      username: 'YKTEST',
      order: { receiverPhone1: '5359876543', specialField1: '3$SIP-1001#', desi: '1.667', kg: '0.85' },
    })
  })

  it('multi-parcel: one row per box, same invoiceKey, the first box is the barcode', async () => {
    const { emu, connector } = await setup()
    const two = shipment({ packages: [...shipment().packages, { index: 1, boxCode: null, lengthMm: 300, widthMm: 300, heightMm: 300, weightGrams: 4000 }] })
    const created = await connector.createShipment(two, { idempotencyKey: 'kj-two' })
    expect(emu.shipments.map((s) => s.cargoKey)).toEqual(planYurticiLabel(two, 'kj-two').cargoKeys)
    expect(new Set(emu.shipments.map((s) => s.invoiceKey)).size).toBe(1)
    expect(created.barcode).toBe(emu.shipments[0]?.cargoKey)
  })

  it('uses the WS user of the payment type: AO for receiver-pays, the COD user for COD', async () => {
    const { emu, connector } = await setup()
    await connector.createShipment(shipment({ serviceCode: 'AO' }), { idempotencyKey: 'ao' })
    await connector.createShipment(shipment({ codAmountKurus: 13452 }), { idempotencyKey: 'cod' })
    expect(emu.shipments.map((s) => [s.username, s.order.ttCollectionType, s.order.ttInvoiceAmount])).toEqual([
      ['AOUSER', undefined, undefined],
      ['CODUSER', '0', '134.52'],
    ])
  })

  it('refuses a payment type without a configured WS user, before any request', async () => {
    const { emu, connector } = await setup()
    const err = await failure(connector.createShipment(shipment({ codAmountKurus: 100, serviceCode: 'codCard' }), { idempotencyKey: 'card' }))
    expect(err).toMatchObject({ code: ErrorCode.carrierServiceUnsupported, retryable: false, meta: { paymentType: 'codCard' } })
    expect(emu.requests).toHaveLength(0)
  })

  it('a lost answer: the retry meets 60020, confirms with queryShipment and returns the same shipment', async () => {
    const { emu, connector } = await setup()
    emu.queueFaults([YurticiFault.dropAfterCommit])
    const created = await connector.createShipment(shipment(), { idempotencyKey: 'lost' })
    expect(emu.shipments).toHaveLength(1)
    expect(created.carrierShipmentId).toBe(emu.shipments[0]?.cargoKey)
    expect(emu.requests.map((r) => [r.operation, r.fault])).toEqual([
      ['createShipment', 'dropAfterCommit'],
      ['createShipment', null],
      ['queryShipment', null],
    ])
  })

  it('60020 for a shipment the branch already issued: the same tracking number (cargoKey) as the first call, the URL from the docId', async () => {
    const { emu, connector } = await setup({ firstDocId: 100000000777 })
    const first = await connector.createShipment(shipment(), { idempotencyKey: 'issued' })
    emu.advance(emu.shipments[0]?.cargoKey ?? '', 'IND')
    const again = await connector.createShipment(shipment(), { idempotencyKey: 'issued' })
    expect(again).toMatchObject({
      carrierShipmentId: emu.shipments[0]?.cargoKey,
      barcode: emu.shipments[0]?.cargoKey,
      trackingNumber: first.trackingNumber,
      trackingUrl: expect.stringContaining('DocId=100000000777'),
    })
    expect(again.trackingNumber).toBe(emu.shipments[0]?.cargoKey)
    expect(emu.shipments).toHaveLength(1)
  })

  it('60020 for a cancelled shipment or another invoiceKey is a duplicate reference, never "ours"', async () => {
    const { emu, connector } = await setup()
    await connector.createShipment(shipment(), { idempotencyKey: 'gone' })
    await connector.cancelShipment(emu.shipments[0]?.cargoKey ?? '')
    expect(await failure(connector.createShipment(shipment(), { idempotencyKey: 'gone' }))).toMatchObject({
      code: ErrorCode.carrierDuplicateReference,
      retryable: false,
      meta: { operationStatus: 'CNL' },
    })

    const plan = planYurticiLabel(shipment(), 'clash')
    const squatter = {
      cargoKey: plan.cargoKeys[0],
      invoiceKey: 'SOMEONE-ELSE',
      receiverCustName: 'Ali Veli',
      receiverAddress: 'Başka Sokak No:5',
      receiverPhone1: '5321112233',
      taxOfficeId: 0,
      cargoCount: 1,
      ttDocumentId: 0,
      dcSelectedCredit: 0,
      dcCreditRule: 0,
    }
    await createShipments(ACCOUNTS.senderPays, [squatter], { url: emu.url })
    expect(await failure(connector.createShipment(shipment(), { idempotencyKey: 'clash' }))).toMatchObject({
      code: ErrorCode.carrierDuplicateReference,
      retryable: false,
      meta: { invoiceKey: 'SOMEONE-ELSE' },
    })
  })

  it('a row refusal is not retried and says which field', async () => {
    const { emu, connector } = await setup()
    // We do not pre-check e-mail syntax, so a bad one reaches the carrier (82515).
    const err = await failure(connector.createShipment(shipment({ recipient: { ...shipment().recipient, email: 'elif@' } }), { idempotencyKey: 'mail' }))
    expect(err).toMatchObject({ code: ErrorCode.carrierValidation, retryable: false, meta: { errCode: 82515, field: 'emailAddress', storedCargoKeys: [] } })
    expect(emu.requests).toHaveLength(1)
  })

  it('bad input costs no request', async () => {
    const { emu, connector } = await setup()
    expect(await failure(connector.createShipment(shipment({ recipient: { ...shipment().recipient, phone: '123' } }), { idempotencyKey: 'p' }))).toMatchObject({
      code: ErrorCode.inputInvalid,
    })
    expect(await failure(connector.createShipment(shipment({ packages: [] }), { idempotencyKey: 'p' }))).toMatchObject({ code: ErrorCode.inputInvalid })
    expect(emu.requests).toHaveLength(0)
  })

  it('a burst of 5xx is retried with growing backoff, then succeeds once', async () => {
    const waits: number[] = []
    const { emu, connector } = await setup(
      {},
      { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 10_000, random: () => 0.999, sleep: async (ms) => void waits.push(ms) },
    )
    emu.queueFaults([YurticiFault.http503, YurticiFault.http500, YurticiFault.http503])
    await connector.createShipment(shipment(), { idempotencyKey: 'burst' })
    expect(waits).toEqual([99, 199, 399])
    expect(emu.requests.map((r) => r.status)).toEqual([503, 500, 503, 200])
    expect(emu.shipments).toHaveLength(1)
  })

  it('gives up after maxAttempts with the last retryable error, nothing created', async () => {
    const { emu, connector } = await setup({}, { maxAttempts: 3 })
    emu.setFault(YurticiFault.http503)
    expect(await failure(connector.createShipment(shipment(), { idempotencyKey: 'down' }))).toMatchObject({
      code: ErrorCode.carrierUnavailable,
      retryable: true,
    })
    expect(emu.requests).toHaveLength(3)
    expect(emu.shipments).toHaveLength(0)
  })
})

describe('cancel', () => {
  it('NOP → cancelled (every parcel); again → already cancelled; unknown → not found; all resolve cancelShipment', async () => {
    const { emu, connector } = await setup()
    const two = shipment({ packages: [...shipment().packages, { ...shipment().packages[0]!, index: 1 }] })
    const created = await connector.createShipment(two, { idempotencyKey: 'c1' })
    expect(await connector.cancel(created.carrierShipmentId)).toMatchObject({ outcome: 'cancelled', cargoKeys: emu.shipments.map((s) => s.cargoKey) })
    expect(emu.shipments.map((s) => s.status)).toEqual(['CNL', 'CNL'])
    expect((await connector.cancel(created.carrierShipmentId)).outcome).toBe('alreadyCancelled')
    expect((await connector.cancel('KJ0000000000000000' + '01')).outcome).toBe('notFound')
    await expect(connector.cancelShipment(created.carrierShipmentId)).resolves.toBeUndefined()
    await expect(connector.cancelShipment('SOMEONE-ELSES-KEY')).resolves.toBeUndefined()
  })

  it('after IND the cancel becomes a return request: cancelShipment throws carrier.returnRequested, the status stays IND', async () => {
    const { emu, connector } = await setup()
    const created = await connector.createShipment(shipment(), { idempotencyKey: 'ind' })
    emu.advance(created.carrierShipmentId, 'IND')
    const err = await failure(connector.cancelShipment(created.carrierShipmentId))
    expect(err).toMatchObject({ code: ErrorCode.carrierReturnRequested, retryable: false, meta: { message: 'İade isteği alınmıştır' } })
    expect(emu.shipments[0]).toMatchObject({ status: 'IND', rejectStatus: '0' })
    expect((await connector.status(created.carrierShipmentId)).status).toBe(TrackingStatus.returnInTransit)
  })

  it('a delivered shipment cannot be cancelled; a docId is refused as a key', async () => {
    const { emu, connector } = await setup()
    const created = await connector.createShipment(shipment(), { idempotencyKey: 'dlv' })
    emu.advance(created.carrierShipmentId, 'DLV')
    expect(await failure(connector.cancelShipment(created.carrierShipmentId))).toMatchObject({
      code: ErrorCode.carrierNotCancellable,
      meta: { operationStatus: 'DLV' },
    })
    expect(await failure(connector.cancelShipment('100000000001'))).toMatchObject({ code: ErrorCode.inputInvalid })
  })

  it('finds the shipment under the WS user that created it', async () => {
    const { emu, connector } = await setup()
    const created = await connector.createShipment(shipment({ serviceCode: 'AO' }), { idempotencyKey: 'ao-cancel' })
    expect((await connector.cancel(created.carrierShipmentId)).outcome).toBe('cancelled')
    expect(emu.requests.map((r) => [r.operation, r.username])).toEqual([
      ['createShipment', 'AOUSER'],
      ['queryShipment', 'YKTEST'],
      ['queryShipment', 'AOUSER'],
      ['cancelShipment', 'AOUSER'],
    ])
  })
})

describe('track and status', () => {
  it('follows NOP → ISR → IND → DLV with raw codes kept and the docId once issued', async () => {
    const { emu, connector } = await setup({ firstDocId: 100000000123 })
    const { carrierShipmentId: key } = await connector.createShipment(shipment(), { idempotencyKey: 't1' })
    const seen: Array<[string | null, string]> = []
    for (const to of [null, 'ISR', 'IND', 'DLV'] as const) {
      if (to) emu.advance(key, to)
      const s = await connector.status(key)
      seen.push([s.status, s.operationStatus])
    }
    expect(seen).toEqual([
      [TrackingStatus.created, 'NOP'],
      [TrackingStatus.pickedUp, 'ISR'],
      [TrackingStatus.inTransit, 'IND'],
      [TrackingStatus.delivered, 'DLV'],
    ])
    const s = await connector.status(key)
    expect(s).toMatchObject({
      docId: '100000000123',
      trackingUrl: 'http://selfservis.yurticikargo.com/reports/SSWDocumentDetail.aspx?DocId=100000000123',
      paymentType: 'senderPays',
    })
    const timeline = await connector.track(key)
    expect(timeline.map((e) => e.rawCode)).toEqual(['eventId=YK reasonId=OK', 'eventId=IN reasonId=OK', 'operationStatus=DLV', 'returnStatus=1'])
    expect(timeline.find((e) => e.rawCode === 'eventId=IN reasonId=OK')).toMatchObject({
      rawText: 'Kargo İndirildi',
      location: 'KADIKÖY, İSTANBUL',
      status: TrackingStatus.inTransit,
    })
  })

  it.each<[{ rejectStatus?: string; rejectReason?: string; returnStatus?: string }, TrackingStatus]>([
    [{ rejectStatus: '0', rejectReason: 'Alıcı adreste bulunamadı' }, TrackingStatus.returnInTransit],
    [{ rejectStatus: '4' }, TrackingStatus.inTransit],
    [{ rejectStatus: '10' }, TrackingStatus.returnedToSender],
    [{ rejectStatus: '9', returnStatus: '3' }, TrackingStatus.returnedToSender],
  ])('return path %j → %s', async (patch, expected) => {
    const { emu, connector } = await setup()
    const { carrierShipmentId: key } = await connector.createShipment(shipment(), { idempotencyKey: 'ret' })
    emu.advance(key, 'IND')
    emu.setReturn(key, patch)
    const s = await connector.status(key)
    expect(s.status).toBe(expected)
    if (patch.rejectReason) expect(s.timeline.find((e) => e.status === TrackingStatus.failedAttempt)?.rawText).toBe(patch.rejectReason)
  })

  it('an unknown key is input.notFound after asking every WS user', async () => {
    const { emu, connector } = await setup()
    expect(await failure(connector.track('NOPE'))).toMatchObject({ code: ErrorCode.notFound, retryable: false })
    expect(emu.requests.map((r) => r.username)).toEqual(['YKTEST', 'AOUSER', 'CODUSER'])
  })
})

describe('saveReturnShipmentCode', () => {
  it('stores the code under the configured field with YYYYMMDD dates; bad input costs no request', async () => {
    const { emu, connector } = await setup({}, {}, { returnCodeFieldName: '53' })
    await connector.saveReturnShipmentCode({ returnCode: 'RMA-42', startDate: '2025-03-01', endDate: '2025-03-31', maxCount: 2 })
    expect(emu.returnCodes).toEqual([{ fieldName: '53', returnCode: 'RMA-42', startDate: '20250301', endDate: '20250331', maxCount: 2, senderCustId: 1 }])
    for (const bad of [
      { returnCode: ' ', startDate: '2025-03-01', endDate: '2025-03-31' },
      { returnCode: 'R', startDate: '01.03.2025', endDate: '2025-03-31' },
      { returnCode: 'R', startDate: '2025-03-02', endDate: '2025-03-01' },
      { returnCode: 'R', startDate: '2025-03-01', endDate: '2025-03-31', maxCount: 0 },
    ]) {
      expect(await failure(connector.saveReturnShipmentCode(bad))).toMatchObject({ code: ErrorCode.inputInvalid })
    }
    expect(emu.requests).toHaveLength(1)
  })

  it('a field name the account does not have → the carrier refusal', async () => {
    const { connector } = await setup({ returnCodeFieldNames: ['53'] })
    expect(await failure(connector.saveReturnShipmentCode({ returnCode: 'R', startDate: '2025-03-01', endDate: '2025-03-02' }))).toMatchObject({
      code: ErrorCode.carrierValidation,
      meta: { errCode: 82517 },
    })
  })
})

it('keeps every exchange for support without the password', async () => {
  const log: CarrierExchange[] = []
  const { connector } = await setup({}, {}, { onExchange: (x) => log.push(x) })
  await connector.createShipment(shipment(), { idempotencyKey: 'log' })
  expect(log).toHaveLength(1)
  expect(log[0]?.request).toContain('<wsPassword>[redacted]</wsPassword>')
  expect(log[0]?.response).toContain('createShipmentResponse')
  expect(JSON.stringify(log)).not.toContain('>YK<')
})
