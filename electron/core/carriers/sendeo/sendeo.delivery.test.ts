import { describe, expect, it } from 'vitest'
import { sampleSendeoRequest } from '../../../../sandbox/sendeo/sendeo.fixtures'
import { ErrorCode } from '../../../../shared/errors'
import type { ShipmentRequest } from '../carrier.port'
import { buildSetDelivery, isSendeoTrackingNumber, sendeoReferenceNoFor } from './sendeo.delivery'
import { builtinSendeoPlaceIds } from './sendeo.places'
import { thrown } from '../../../../tests/support/app-error'

const places = { sender: { cityId: 34, districtId: 3398015 }, receiver: { cityId: 6, districtId: 222813 } }
const settings = { deliveryType: 1, codCollectionType: 1, barcodeLabelType: 2 } as const
const request = (over: Partial<ShipmentRequest> = {}) => sampleSendeoRequest(over) as ShipmentRequest

describe('ReferenceNo from the idempotency key', () => {
  it('is deterministic, 18 capitals/digits, prefixed, never a tracking number', () => {
    const a = sendeoReferenceNoFor('order-1/attempt')
    expect(a).toBe(sendeoReferenceNoFor('order-1/attempt'))
    expect(a).toMatch(/^KJ[0-9A-Z]{16}$/)
    expect(sendeoReferenceNoFor('order-2/attempt')).not.toBe(a)
    expect(sendeoReferenceNoFor('x', 'AB1')).toMatch(/^AB1[0-9A-Z]{15}$/)
    expect(isSendeoTrackingNumber(a)).toBe(false)
    expect(isSendeoTrackingNumber('9124356789047')).toBe(true)
  })

  it.each([
    ['', 'KJ', 'idempotencyKey'],
    ['k', 'kj', 'referencePrefix'],
    ['k', 'TOOLONG7', 'referencePrefix'],
    ['k', 'K-J', 'referencePrefix'],
  ])('refuses key "%s" / prefix "%s"', (key, prefix, field) => {
    expect(thrown(() => sendeoReferenceNoFor(key, prefix))).toMatchObject({ code: ErrorCode.inputInvalid, meta: { field } })
  })
})

describe('buildSetDelivery', () => {
  it('maps the order in the casing of Sendeo’s DeliveryType 1 sample', () => {
    expect(buildSetDelivery(request(), 'KJREF', places, settings)).toEqual({
      DeliveryType: 1,
      ReferenceNo: 'KJREF',
      Description: 'Sipariş SIP-3001',
      Sender: 'KargoJet Depo',
      SenderAuthority: '',
      SenderAddress: 'Emek Mh. Çengel Sk. No:4 Sancaktepe / İstanbul',
      SenderCityId: 34,
      SenderDistrictId: 3398015,
      senderPhone: '2165550123',
      SenderGSM: '',
      SenderEmail: '',
      Receiver: 'Ayşe Demir',
      ReceiverAuthority: '',
      ReceiverAddress: 'Kışlalı Cd. Kuşak Sitesi 4-1 Yenimahalle / Ankara',
      ReceiverCityId: 6,
      ReceiverDistrictId: 222813,
      receiverPhone: '',
      ReceiverGSM: '5327654321',
      ReceiverEmail: 'ayse@example.com',
      PaymentType: 1,
      CollectionType: 0,
      CollectionPrice: 0,
      ServiceType: 1,
      barcodeLabelType: 2,
      customerReferenceType: 'SIP-3001',
      // 40×30×20 cm = 8 desi, 3.2 kg → Weigth 4 (ceil), DeciWeight 8.
      products: [{ Count: 1, ProductCode: '', Description: '', Deci: 8, Weigth: 4, DeciWeight: 8, Price: 0 }],
    })
  })

  it('COD: CollectionType and lira price, spread over the parcels so no product price is zero (410)', () => {
    const pkg = request().packages[0]!
    const body = buildSetDelivery(request({ codAmountKurus: 25_001, packages: [pkg, { ...pkg, index: 1 }] }), 'R', places, {
      ...settings,
      codCollectionType: 2,
      barcodeLabelType: 3,
    })
    expect(body).toMatchObject({ CollectionType: 2, CollectionPrice: 250.01, barcodeLabelType: 3 })
    expect((body.products as { Price: number }[]).map((p) => p.Price)).toEqual([125.01, 125])
  })

  it('refuses what Sendeo would refuse or we cannot send, before any call', () => {
    expect(thrown(() => buildSetDelivery(request({ codAmountKurus: 500_001 }), 'R', places, settings))).toMatchObject({
      code: ErrorCode.carrierValidation,
      meta: { field: 'codAmountKurus' },
    })
    expect(thrown(() => buildSetDelivery(request({ codAmountKurus: 12.5 }), 'R', places, settings))).toMatchObject({ code: ErrorCode.inputInvalid })
    expect(thrown(() => buildSetDelivery(request({ packages: [] }), 'R', places, settings))).toMatchObject({
      code: ErrorCode.inputInvalid,
      meta: { field: 'packages' },
    })
    const heavy = { ...request().packages[0]!, weightGrams: 100_500 }
    expect(thrown(() => buildSetDelivery(request({ packages: [heavy] }), 'R', places, settings))).toMatchObject({
      code: ErrorCode.carrierValidation,
      meta: { parcel: 1, kg: 101 },
    })
  })

  it('a recipient without a usable phone goes out empty (Sendeo answers 207)', () => {
    const body = buildSetDelivery(request({ recipient: { ...request().recipient, phone: '123' } }), 'R', places, settings)
    expect([body.receiverPhone, body.ReceiverGSM]).toEqual(['', ''])
  })
})

describe('built-in place table', () => {
  it('matches with Turkish folding and knows nothing else', () => {
    expect(builtinSendeoPlaceIds({ city: 'ISTANBUL', district: 'kadikoy' })).toEqual({ cityId: 34, districtId: 34245 })
    expect(builtinSendeoPlaceIds({ city: 'İzmir', district: 'Ödemiş' })).toBeNull()
  })
})
