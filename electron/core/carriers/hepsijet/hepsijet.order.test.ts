import { describe, expect, it } from 'vitest'
import { SAMPLE_HEPSIJET_SETTINGS, sampleHepsiJetRequest } from '../../../../sandbox/hepsijet/hepsijet.fixtures'
import { ErrorCode } from '../../../../shared/errors'
import { parcel } from '../../../../tests/support/parcel'
import type { ShipmentRequest } from '../carrier.port'
import { buildDeliveryOrder, checkBarcodePrefix, customerDeliveryNoFor, isCustomerDeliveryNo, mahalleOf, parcelDesi, splitName, trDate } from './hepsijet.order'

const settings = { ...SAMPLE_HEPSIJET_SETTINGS, productCode: 'HX_STD' }
const request = (over: Partial<ShipmentRequest> = {}): ShipmentRequest => sampleHepsiJetRequest(over)
const NOW = Date.UTC(2025, 2, 14, 22, 30) // 01:30 on 15 March in Turkey

describe('customerDeliveryNoFor', () => {
  it('is 16 characters, starts with the prefix, and is the same for the same key', () => {
    const a = customerDeliveryNoFor('order-42/attempt', 'KJT')
    expect(a).toMatch(/^KJT[0-9A-Z]{13}$/)
    expect(customerDeliveryNoFor('order-42/attempt', 'KJT')).toBe(a)
    expect(isCustomerDeliveryNo(a)).toBe(true)
  })

  it('differs between keys (10 000 keys, no collision) and keeps 8 characters after the longest prefix', () => {
    const seen = new Set(Array.from({ length: 10_000 }, (_, i) => customerDeliveryNoFor(`key-${i}`, 'KJT')))
    expect(seen.size).toBe(10_000)
    expect(customerDeliveryNoFor('k', 'ABCDEFGH')).toMatch(/^ABCDEFGH[0-9A-Z]{8}$/)
  })

  it.each(['', 'ABCDEFGHI', 'Hpsjet_Frmsi', 'KJ T', 'İST'])('refuses prefix %j', (prefix) => {
    expect(() => checkBarcodePrefix(prefix)).toThrow(expect.objectContaining({ code: ErrorCode.inputInvalid }))
  })

  it('refuses an empty key', () => {
    expect(() => customerDeliveryNoFor('  ', 'KJT')).toThrow(expect.objectContaining({ code: ErrorCode.inputInvalid }))
  })

  it.each([
    ['HJT1234567890123', true],
    ['3561217255F59', true],
    ['KJT12345', false],
    ['KJT12345678901234', false],
    ['KJT 123456789', false],
  ])('isCustomerDeliveryNo(%j) → %s', (value, expected) => {
    expect(isCustomerDeliveryNo(value)).toBe(expected)
  })
})

describe('address and name pieces', () => {
  it.each([
    ['Hürriyet Mah. 1662. Sk. No:5', 'Hürriyet'],
    ['Caferağa Mahallesi Moda Cad. No:1', 'Caferağa'],
    ['Atatürk Cad. Yeni Bosna Mah. No:3', 'Yeni Bosna'],
    ['Kızılay Mh. Gazi Mustafa Kemal Blv.', 'Kızılay'],
    ['Cemal Gürsel Cad. No:42 D:3', null],
    ['Mahmutbey Yolu No:4', null],
  ])('mahalleOf(%j) → %j', (address, expected) => {
    expect(mahalleOf(address)).toBe(expected)
  })

  it.each([
    ['Mehmet Polat', 'Mehmet', 'Polat'],
    ['  Ayşe   Nur  Yılmaz ', 'Ayşe Nur', 'Yılmaz'],
    ['Cher', 'Cher', '.'],
  ])('splitName(%j) → %j %j', (name, firstName, lastName) => {
    expect(splitName(name)).toEqual({ firstName, lastName })
  })
})

describe('parcelDesi and dates', () => {
  it('per parcel ceil(max(kg, desi)), at least 1 (carriers.md §11)', () => {
    expect(parcelDesi({ packages: [parcel(400, 300, 200, 3200), parcel(100, 100, 100, 200), parcel(300, 200, 100, 7200)] })).toEqual([8, 1, 8])
    expect(() => parcelDesi({ packages: [] })).toThrow(expect.objectContaining({ code: ErrorCode.inputInvalid }))
    expect(() => parcelDesi({ packages: [parcel(100, -1, 100, 100)] })).toThrow(expect.objectContaining({ code: ErrorCode.inputInvalid }))
  })

  it('deliveryDateOriginal is the Turkish calendar day', () => {
    expect(trDate(NOW)).toBe('2025-03-15')
  })
})

describe('buildDeliveryOrder', () => {
  it('fills the §6 body: strings for counts as HJ-DOCS samples, per-delivery address id, email only when known', () => {
    const b = buildDeliveryOrder(request({ recipient: { ...request().recipient, email: null } }), 'KJT0000000000001', settings, NOW)
    expect(b.delivery).toMatchObject({ totalParcels: '1', desi: '8', deliveryDateOriginal: '2025-03-15', deliverySlotOriginal: '0', deliveryType: 'RETAIL' })
    expect(b.delivery.receiver).not.toHaveProperty('email')
    expect(b.delivery.recipientAddress).toEqual({
      companyAddressId: 'AKJT0000000000001',
      country: { name: 'Türkiye' },
      city: { name: 'İzmir' },
      town: { name: 'Ödemiş' },
      district: { name: 'Hürriyet' },
      addressLine1: 'Hürriyet Mah. 1662. Sk. No:5 D:2',
    })
    expect(b.delivery.deliveryContent).toEqual([{ sku: 'SIP-2001', description: 'Sipariş SIP-2001', quantity: 1 }])
  })

  it('the sender travels by its HepsiJET address id; missing names are left out, not refused', () => {
    const b = buildDeliveryOrder(
      request({ sender: { name: 'Depo', address: '', district: '', city: '', postalCode: null, phone: null } }),
      'KJT0000000000001',
      settings,
      NOW,
    )
    expect(b.delivery.senderAddress).toEqual({ companyAddressId: 'KJT-DEPO-1', country: { name: 'Türkiye' } })
  })

  it('the same receiver gets the same companyCustomerId on every shipment', () => {
    const a = buildDeliveryOrder(request(), 'KJT0000000000001', settings, NOW).delivery.receiver.companyCustomerId
    const b = buildDeliveryOrder(request({ orderNumber: 'X' }), 'KJT0000000000002', settings, NOW).delivery.receiver.companyCustomerId
    expect(a).toBe(b)
    expect(a).toMatch(/^KJ[0-9A-F]{14}$/)
  })

  it.each([
    ['', true],
    ['hx_std', true],
    ['standard', true],
    ['HX_ND', false],
    ['GO', false],
  ])('serviceCode %j accepted: %s', (serviceCode, ok) => {
    const build = () => buildDeliveryOrder(request({ serviceCode }), 'KJT0000000000001', settings, NOW)
    if (ok) expect(build().delivery.product.productCode).toBe('HX_STD')
    else expect(build).toThrow(expect.objectContaining({ code: ErrorCode.carrierServiceUnsupported }))
  })
})
