import { describe, expect, it } from 'vitest'
import { failure } from '../../../../tests/support/app-error'
import { useSendeoEmulator } from '../../../../tests/support/sendeo-rig'
import { returnOf } from '../../../../tests/support/return-request'
import { HttpFault } from '../../../../sandbox/common/http-emulator'
import { sampleSendeoRequest } from '../../../../sandbox/sendeo/sendeo.fixtures'
import { ErrorCode } from '../../../../shared/errors'
import type { ReturnRequest, ShipmentRequest } from '../carrier.port'
import { returnAsDelivery, sendeoReferenceNoFor, sendeoReturnReferenceNoFor } from './sendeo.delivery'

/** The sample order coming back: the customer (Ayşe Demir, Yenimahalle) sends, the warehouse (Sancaktepe) receives. */
const returnRequest = (over: Partial<ReturnRequest> = {}): ReturnRequest =>
  returnOf(sampleSendeoRequest() as ShipmentRequest, { carrierShipmentId: 'KJ0000000000000001', trackingNumber: '9100000000001' }, over)

const rig = useSendeoEmulator()
const connector = rig.connector
const stored = (ref: string) => rig.emu.shipments.filter((s) => s.referenceNo === ref)

describe('returnAsDelivery and the return reference (pure)', () => {
  it('the customer sends, the warehouse receives, nothing is collected', () => {
    const d = returnAsDelivery(returnRequest())
    expect(d).toMatchObject({
      sender: { name: 'Ayşe Demir' },
      recipient: { name: 'KargoJet Depo' },
      codAmountKurus: null,
      description: 'İade: sipariş SIP-3001',
    })
  })

  it('the reference is 18 characters, stable per key and never the outbound one', () => {
    const ref = sendeoReturnReferenceNoFor('k-1')
    expect(ref).toMatch(/^KJ[0-9A-Z]{16}$/)
    expect(sendeoReturnReferenceNoFor('k-1')).toBe(ref)
    expect(sendeoReferenceNoFor('k-1')).not.toBe(ref)
    expect(() => sendeoReturnReferenceNoFor(' ')).toThrow(expect.objectContaining({ code: ErrorCode.inputInvalid, meta: { field: 'idempotencyKey' } }))
  })

  const base = returnRequest()
  it.each([
    ['sender.name', { sender: { ...base.sender, name: '' } }],
    ['sender.address', { sender: { ...base.sender, address: ' ' } }],
    ['sender.city', { sender: { ...base.sender, city: '' } }],
    ['sender.district', { sender: { ...base.sender, district: '' } }],
    ['sender.phone', { sender: { ...base.sender, phone: null } }],
    ['sender.phone', { sender: { ...base.sender, phone: '12345' } }],
  ])('refuses a customer without %s (Sendeo 301-307 for type 2) with input.invalid', (field, over) => {
    expect(() => returnAsDelivery(returnRequest(over))).toThrow(expect.objectContaining({ code: ErrorCode.inputInvalid, meta: { field } }))
  })
})

describe('createReturn against the emulator', () => {
  it('SETDELIVERY with DeliveryType 2, the customer as Sender and the warehouse as Receiver; ZPL label as createShipment', async () => {
    const c = connector()
    const r = await c.createReturn(returnRequest(), { idempotencyKey: 'ret-1' })
    const ref = sendeoReturnReferenceNoFor('ret-1')
    const [d] = stored(ref)
    expect(stored(ref)).toHaveLength(1)
    expect(d).toMatchObject({
      deliveryType: 2,
      sender: { name: 'Ayşe Demir', cityId: 6, districtId: 222813, phone: '5327654321' },
      receiver: { name: 'KargoJet Depo', cityId: 34, districtId: 3398015 },
      collectionType: 0,
    })
    expect(d?.body).toMatchObject({
      DeliveryType: 2,
      ReferenceNo: ref,
      SenderGSM: '5327654321',
      barcodeLabelType: 2,
      CollectionType: 0,
      customerReferenceType: 'SIP-3001',
    })
    expect(r).toEqual({
      kind: 'shipment',
      returnCode: d?.barcodeNumbers[0],
      carrierShipmentId: ref,
      trackingNumber: d?.trackingNumber,
      barcode: d?.barcodeNumbers[0],
      labelFormat: 'zpl',
      label: expect.any(Uint8Array),
      validUntil: null,
    })
    const zpl = Buffer.from(r.label ?? new Uint8Array()).toString('utf8')
    expect(zpl.match(/\^XA/g)).toHaveLength(1)
    expect(zpl).toContain(`^FD${d?.barcodeNumbers[0]}^FS`)
  })

  it('configured warehouse ids (senderPlaceIds) are the Receiver of a return', async () => {
    const r = await connector({ senderPlaceIds: { cityId: 26, districtId: 174171 } }).createReturn(returnRequest(), { idempotencyKey: 'ret-ids' })
    expect(stored(r.carrierShipmentId as string)[0]).toMatchObject({ receiver: { cityId: 26, districtId: 174171 }, sender: { cityId: 6, districtId: 222813 } })
  })

  it('a return and an outbound delivery made under the same idempotency key stay two deliveries', async () => {
    const c = connector()
    const out = await c.createShipment(sampleSendeoRequest() as ShipmentRequest, { idempotencyKey: 'shared-key' })
    const back = await c.createReturn(returnRequest(), { idempotencyKey: 'shared-key' })
    expect(back.carrierShipmentId).not.toBe(out.carrierShipmentId)
    expect(back.trackingNumber).not.toBe(out.trackingNumber)
    expect([...stored(out.carrierShipmentId), ...stored(back.carrierShipmentId as string)].map((d) => d.deliveryType)).toEqual([1, 2])
  })

  it('exactly once: the SETDELIVERY answer lost after commit, then the same key again → one return in the emulator', async () => {
    const c = connector()
    const before = rig.emu.requests.length
    rig.emu.faults.queue([null, null, HttpFault.dropAfterCommit]) // LoginAES, the look before buying, then the create
    const first = await c.createReturn(returnRequest(), { idempotencyKey: 'ret-once' })
    const creates = rig.emu.requests.slice(before).filter((q) => q.operation === 'SETDELIVERY')
    expect(creates.map((q) => q.fault)).toEqual([HttpFault.dropAfterCommit])
    const again = await c.createReturn(returnRequest(), { idempotencyKey: 'ret-once' })
    expect(again).toEqual(first)
    expect(stored(sendeoReturnReferenceNoFor('ret-once'))).toHaveLength(1)
  })

  it('bad input (empty customer address, no customer phone, empty key) → input.invalid, nothing sent, not even a login', async () => {
    const c = connector()
    const before = rig.emu.requests.length
    const base = returnRequest()
    for (const [request, key] of [
      [returnRequest({ sender: { ...base.sender, address: '' } }), 'bad-1'],
      [returnRequest({ sender: { ...base.sender, phone: '' } }), 'bad-2'],
      [returnRequest(), ''],
    ] as const) {
      expect(await failure(c.createReturn(request, { idempotencyKey: key }))).toMatchObject({ code: ErrorCode.inputInvalid, retryable: false })
    }
    const err = await failure(c.createReturn(returnRequest({ sender: { ...base.sender, city: 'İzmir', district: 'Ödemiş' } }), { idempotencyKey: 'bad-place' }))
    expect(err).toMatchObject({ code: ErrorCode.carrierAddressUnresolved, meta: { party: 'sender' } })
    expect(rig.emu.requests.length).toBe(before)
  })
})
