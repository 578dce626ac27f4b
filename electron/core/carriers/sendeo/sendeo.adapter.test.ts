import { describe, expect, it } from 'vitest'
import { failure } from '../../../../tests/support/app-error'
import { sendeoTestConnector, useSendeoEmulator } from '../../../../tests/support/sendeo-rig'
import { HttpFault } from '../../../../sandbox/common/http-emulator'
import { SAMPLE_SENDEO_SETTINGS, sampleSendeoRequest } from '../../../../sandbox/sendeo/sendeo.fixtures'
import { currentStatusId, startSendeoEmulator } from '../../../../sandbox/sendeo/sendeo.emulator'
import { ErrorCode } from '../../../../shared/errors'
import type { ShipmentRequest } from '../carrier.port'
import type { CarrierExchange } from '../http/carrier-http'
import type { SendeoConnectorOptions } from './sendeo.adapter'

const rig = useSendeoEmulator()
const connector = rig.connector
const request = (over: Parameters<typeof sampleSendeoRequest>[0] = {}) => sampleSendeoRequest(over) as ShipmentRequest
const zplText = (b: Uint8Array | null) => Buffer.from(b ?? new Uint8Array()).toString('utf8')

describe('create + label', () => {
  it('one parcel: SETDELIVERY with our reference, ZPL label (type 2), Sendeo tracking number', async () => {
    const exchanges: CarrierExchange[] = []
    const c = connector({ onExchange: (e) => exchanges.push(e) })
    const created = await c.createShipment(request(), { idempotencyKey: 'c-1' })
    const ref = c.referenceNoFor('c-1')
    const stored = rig.emu.shipments.filter((s) => s.referenceNo === ref)
    expect(stored).toHaveLength(1)
    expect(stored[0]?.body).toMatchObject({ ReferenceNo: ref, barcodeLabelType: 2, ReceiverCityId: 6, ReceiverDistrictId: 222813, ReceiverGSM: '5327654321' })
    expect(created).toMatchObject({
      carrierShipmentId: ref,
      trackingNumber: stored[0]?.trackingNumber,
      barcode: stored[0]?.barcodeNumbers[0],
      labelFormat: 'zpl',
      costKurus: null,
    })
    expect(created.trackingUrl).toContain(`musref=${ref}`)
    expect(zplText(created.label).match(/\^XA/g)).toHaveLength(1)
    // lookupBeforeCreate asked GETBARCODE first; password and token never reach the support log.
    expect(exchanges.map((e) => e.operation)).toEqual(['LoginAES', 'GETBARCODE', 'SETDELIVERY'])
    const log = JSON.stringify(exchanges)
    expect(log).not.toContain(SAMPLE_SENDEO_SETTINGS.password)
    expect(exchanges[0]?.request).toContain('"sifre":"[redacted]"')
    expect(exchanges[0]?.response).toContain('"Token":"[redacted]"')
  })

  it('three parcels: barcodeLabelType 3, one ZPL per parcel in order', async () => {
    const pkg = request().packages[0]!
    const created = await connector().createShipment(request({ packages: [0, 1, 2].map((index) => ({ ...pkg, index })) }), { idempotencyKey: 'c-3' })
    const d = rig.emu.shipments.at(-1)!
    expect(d.body).toMatchObject({ barcodeLabelType: 3 })
    const zpl = zplText(created.label)
    expect(zpl.match(/\^XA/g)).toHaveLength(3)
    expect(zpl.indexOf(d.barcodeNumbers[0]!)).toBeLessThan(zpl.indexOf(d.barcodeNumbers[2]!))
  })

  it('the same idempotency key later reuses the delivery (GETBARCODE), it does not buy again', async () => {
    const a = await connector().createShipment(request(), { idempotencyKey: 'c-again' })
    const b = await connector().createShipment(request(), { idempotencyKey: 'c-again' })
    expect(b.trackingNumber).toBe(a.trackingNumber)
    expect(rig.emu.shipments.filter((s) => s.referenceNo === a.carrierShipmentId)).toHaveLength(1)
  })

  it('a cancelled delivery under the key is not reused: carrier.duplicateReference', async () => {
    const c = connector()
    const a = await c.createShipment(request(), { idempotencyKey: 'c-void' })
    await c.cancelShipment(a.carrierShipmentId)
    expect(await failure(c.createShipment(request(), { idempotencyKey: 'c-void' }))).toMatchObject({
      code: ErrorCode.carrierDuplicateReference,
      retryable: false,
    })
  })

  it('a place missing from Sendeo’s table stops before any call', async () => {
    const before = rig.emu.requests.length
    const err = await failure(
      connector().createShipment(request({ recipient: { ...request().recipient, city: 'İzmir', district: 'Ödemiş' } }), { idempotencyKey: 'c-place' }),
    )
    expect(err).toMatchObject({ code: ErrorCode.carrierAddressUnresolved, retryable: false, meta: { party: 'recipient', district: 'Ödemiş' } })
    expect(rig.emu.requests.length).toBe(before)
  })

  it('no offline plan: Sendeo issues the barcode its branches scan (carrier-capabilities.ts)', () => {
    expect('planOfflineLabel' in connector()).toBe(false)
  })

  it('reprintLabel: GETBARCODE by reference; unknown → carrier.notFound; a tracking number is refused', async () => {
    const c = connector()
    const a = await c.createShipment(request(), { idempotencyKey: 'c-reprint' })
    expect(zplText(await c.reprintLabel(a.carrierShipmentId))).toBe(zplText(a.label))
    expect(await failure(c.reprintLabel('KJNOSUCHREFERENCE1'))).toMatchObject({ code: ErrorCode.carrierNotFound })
    expect(await failure(c.reprintLabel(a.trackingNumber))).toMatchObject({ code: ErrorCode.inputInvalid })
  })
})

describe('GETBARCODE answering "Internal Server Error" for unknown references (undocumented; emulator option)', () => {
  it('the first look reads it as none; after a lost answer the delivery is found; after a refused create nothing is bought blind', async () => {
    const e = await startSendeoEmulator({ unknownReferenceAnswer: 'serverError', trackCacheMs: 0 })
    try {
      const c = sendeoTestConnector(e.origin)
      await c.createShipment(request(), { idempotencyKey: 'srv-1' })
      e.faults.queue([null, HttpFault.dropAfterCommit]) // the look passes, the create's answer is lost
      const lost = await c.createShipment(request(), { idempotencyKey: 'srv-2' })
      expect(e.shipments.filter((s) => s.referenceNo === lost.carrierShipmentId)).toHaveLength(1)
      e.faults.queue([null, HttpFault.http503]) // the create is refused before it runs: later looks cannot tell "none" from "down"
      expect(await failure(c.createShipment(request(), { idempotencyKey: 'srv-3' }))).toMatchObject({ code: ErrorCode.carrierUnavailable, retryable: true })
      expect(e.shipments.filter((s) => s.referenceNo === c.referenceNoFor('srv-3'))).toHaveLength(0)
    } finally {
      await e.close()
    }
  })
})

describe('documented SETDELIVERY errors through the connector', () => {
  it.each([
    [
      '205 receiver city id',
      { placeIds: (p: { city: string }) => (p.city === 'Ankara' ? { cityId: 99, districtId: 222813 } : { cityId: 34, districtId: 3398015 }) },
      {},
      ErrorCode.carrierAddressUnresolved,
      205,
    ],
    [
      '206 receiver district id',
      { placeIds: (p: { city: string }) => (p.city === 'Ankara' ? { cityId: 6, districtId: 1 } : { cityId: 34, districtId: 3398015 }) },
      {},
      ErrorCode.carrierAddressUnresolved,
      206,
    ],
    ['207 receiver phone', {}, { recipient: { ...request().recipient, phone: null } }, ErrorCode.carrierValidation, 207],
    ['201 receiver name', {}, { recipient: { ...request().recipient, name: '' } }, ErrorCode.carrierValidation, 201],
    ['301 sender (DeliveryType 3)', { deliveryType: 3 as const }, { sender: { ...request().sender, name: ' ' } }, ErrorCode.carrierValidation, 301],
    ['307 sender phone (DeliveryType 3)', { deliveryType: 3 as const }, { sender: { ...request().sender, phone: null } }, ErrorCode.carrierValidation, 307],
    [
      '306 sender district (DeliveryType 3)',
      { deliveryType: 3 as const, senderPlaceIds: { cityId: 34, districtId: 222813 } },
      {},
      ErrorCode.carrierAddressUnresolved,
      306,
    ],
  ] as const)('%s', async (_name, opts, over, code, sendeoCode) => {
    const before = rig.emu.shipments.length
    const err = await failure(
      connector(opts as Partial<SendeoConnectorOptions>).createShipment(request(over as Partial<ShipmentRequest>), { idempotencyKey: `err-${sendeoCode}` }),
    )
    expect(err).toMatchObject({ code, retryable: false, meta: { sendeoCode } })
    expect(rig.emu.shipments.length).toBe(before)
  })
})

describe('cancel', () => {
  it('in 101 → 139 İptal İş Emri; a repeat (703 on a cancelled one) resolves too', async () => {
    const c = connector()
    const a = await c.createShipment(request(), { idempotencyKey: 'x-1' })
    await c.cancelShipment(a.trackingNumber)
    const d = rig.emu.shipments.find((s) => s.referenceNo === a.carrierShipmentId)!
    expect(currentStatusId(d)).toBe(139)
    await c.cancelShipment(a.carrierShipmentId)
    expect((await c.track(a.carrierShipmentId)).at(-1)).toMatchObject({ rawCode: '139', status: 'cancelled' })
  })

  it('after pickup → 703 carrier.notCancellable; unknown → 702 carrier.notFound', async () => {
    const c = connector()
    const a = await c.createShipment(request(), { idempotencyKey: 'x-2' })
    rig.emu.advance(a.carrierShipmentId, 138)
    expect(await failure(c.cancelShipment(a.carrierShipmentId))).toMatchObject({
      code: ErrorCode.carrierNotCancellable,
      retryable: false,
      meta: { sendeoCode: 703 },
    })
    expect(await failure(c.cancelShipment('KJNOSUCHREFERENCE1'))).toMatchObject({ code: ErrorCode.carrierNotFound, meta: { sendeoCode: 702 } })
  })
})

describe('track', () => {
  it('walks the chain: created → picked up → in transit → out for delivery → delivered, oldest first in UTC', async () => {
    const c = connector()
    const a = await c.createShipment(request(), { idempotencyKey: 't-1' })
    rig.emu.advance(a.carrierShipmentId, 111)
    const events = await c.track(a.trackingNumber)
    expect(events.map((e) => e.rawCode)).toEqual(['101', '138', '102', '103', '105', '106', '107', '109', '111'])
    expect(events.map((e) => e.status)).toEqual([
      'created',
      'picked_up',
      'created',
      'in_transit',
      'in_transit',
      'in_transit',
      'in_transit',
      'out_for_delivery',
      'delivered',
    ])
    expect(events.every((e) => e.at.endsWith('Z'))).toBe(true)
    expect(await c.track(a.carrierShipmentId)).toEqual(events) // by ReferenceNo too
  })

  it('unknown number → carrier.notFound', async () => {
    expect(await failure(connector().track('9100000099999'))).toMatchObject({ code: ErrorCode.carrierNotFound })
  })
})

describe('auth', () => {
  it('a wrong password → carrier.auth at once, never retried (Sendeo blocks after many)', async () => {
    const before = rig.emu.requests.length
    expect(await failure(connector({ password: 'wrong' }).track('9100000000001'))).toMatchObject({ code: ErrorCode.carrierAuth, retryable: false })
    expect(rig.emu.requests.slice(before).map((r) => r.operation)).toEqual(['LoginAES'])
  })

  it('an expired token → one new login, then the call succeeds', async () => {
    const c = connector()
    const a = await c.createShipment(request(), { idempotencyKey: 'auth-1' })
    rig.emu.expireTokens()
    const before = rig.emu.requests.length
    await c.track(a.trackingNumber)
    expect(rig.emu.requests.slice(before).map((r) => [r.operation, r.status])).toEqual([
      ['TRACKDELIVERY', 401],
      ['LoginAES', 200],
      ['TRACKDELIVERY', 200],
    ])
  })

  it('5xx and 429 are retried, honouring Retry-After', async () => {
    rig.emu.faults.queue([HttpFault.http500, HttpFault.http429, HttpFault.http503])
    const delays: number[] = []
    const created = await connector({ retry: { maxAttempts: 5, sleep: async (ms) => void delays.push(ms) } }).createShipment(request(), {
      idempotencyKey: 'auth-retry',
    })
    expect(created.label).not.toBeNull()
    expect(delays).toHaveLength(3)
    expect(delays.filter((ms) => ms >= 1000)).toHaveLength(1) // the 429's Retry-After: 1 is a floor for its delay
  })
})
