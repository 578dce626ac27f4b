import { describe, expect, it } from 'vitest'
import { sampleShipmentRequest } from '../../../../sandbox/yurtici/yurtici.fixtures'
import type { ShipmentRequest } from '../carrier.port'
import { planYurticiLabel } from './yurtici.offline'
import { buildShippingOrders, codDocumentId, desiOf, orderNumberField, paymentTypeFor, YurticiPaymentType } from './yurtici.orders'
import { inputError } from '../../../../tests/support/app-error'

const shipment = (over: Partial<ShipmentRequest> = {}): ShipmentRequest => sampleShipmentRequest(over)

describe('paymentTypeFor (one WS user per payment type, carriers.md §1)', () => {
  it.each([
    ['GO', null, YurticiPaymentType.senderPays],
    ['', null, YurticiPaymentType.senderPays],
    ['standard', 0, YurticiPaymentType.senderPays],
    ['senderPays', null, YurticiPaymentType.senderPays],
    ['AO', null, YurticiPaymentType.receiverPays],
    ['receiverPays', null, YurticiPaymentType.receiverPays],
    ['GO', 13452, YurticiPaymentType.codCash],
    ['codCash', 100, YurticiPaymentType.codCash],
    ['codCard', 100, YurticiPaymentType.codCard],
  ])('service %j with COD %j → %s', (serviceCode, codAmountKurus, expected) => {
    expect(paymentTypeFor({ serviceCode, codAmountKurus, referenceNo: 'R' })).toBe(expected)
  })

  it.each([
    ['express', null, /GO, AO, codCash or codCard/],
    ['codCard', null, /needs a COD amount/],
    ['codCash', 0, /needs a COD amount/],
    ['AO', 500, /separate Yurtiçi contracts/],
  ])('refuses service %j with COD %j', (serviceCode, codAmountKurus, message) => {
    expect(inputError(() => paymentTypeFor({ serviceCode, codAmountKurus, referenceNo: 'R' })).message).toMatch(message)
  })
})

describe('buildShippingOrders', () => {
  const plan = planYurticiLabel(shipment(), 'kj-1')

  it('maps one parcel: keys, receiver (whitespace folded), phone to 10 digits, desi/kg, order number, required zeros', () => {
    expect(buildShippingOrders(shipment(), plan, YurticiPaymentType.senderPays)).toEqual([
      {
        cargoKey: plan.cargoKeys[0],
        invoiceKey: plan.invoiceKey,
        receiverCustName: 'Elif Kaya',
        receiverAddress: 'Cemal Gürsel Cad. No:42 D:3',
        cityName: 'İstanbul',
        townName: 'Kadıköy',
        receiverPhone1: '5359876543',
        emailAddress: 'elif@example.com',
        taxOfficeId: 0,
        desi: 1.667,
        kg: 0.85,
        cargoCount: 1,
        specialField1: '3$SIP-1001#',
        ttInvoiceAmount: undefined,
        ttDocumentId: 0,
        ttCollectionType: undefined,
        ttDocumentSaveType: undefined,
        dcSelectedCredit: 0,
        dcCreditRule: 0,
        description: undefined,
      },
    ])
  })

  it('multi-parcel: a row per box with its own cargoKey and the shared invoiceKey', () => {
    const two = shipment({ packages: [...shipment().packages, { index: 1, boxCode: null, lengthMm: 400, widthMm: 300, heightMm: 300, weightGrams: 5200 }] })
    const p = planYurticiLabel(two, 'kj-2')
    const rows = buildShippingOrders(two, p, YurticiPaymentType.senderPays)
    expect(rows.map((r) => [r.cargoKey, r.invoiceKey, r.desi, r.kg])).toEqual([
      [p.cargoKeys[0], p.invoiceKey, 1.667, 0.85],
      [p.cargoKeys[1], p.invoiceKey, 12, 5.2],
    ])
  })

  it('COD cash and card: amount in lira with a dot, a stable 12-digit document id, enums as the doc says', () => {
    const [cash] = buildShippingOrders(shipment({ codAmountKurus: 13452 }), plan, YurticiPaymentType.codCash)
    expect(cash).toMatchObject({
      ttInvoiceAmount: 134.52,
      ttDocumentId: codDocumentId('kj-1'),
      ttCollectionType: '0',
      ttDocumentSaveType: '0',
      dcSelectedCredit: 0,
      dcCreditRule: 0,
    })
    expect(String(cash?.ttDocumentId)).toMatch(/^\d{12}$/)
    const [card] = buildShippingOrders(shipment({ codAmountKurus: 5000, serviceCode: 'codCard' }), plan, YurticiPaymentType.codCard, {
      card: { installments: 3, creditRule: 0 },
    })
    expect(card).toMatchObject({ ttInvoiceAmount: 50, ttCollectionType: '1', dcSelectedCredit: 3, dcCreditRule: 0 })
  })

  it('leaves desi/kg out when the WS user may not send them', () => {
    const [row] = buildShippingOrders(shipment(), plan, YurticiPaymentType.senderPays, { sendMeasurements: false })
    expect(row?.desi).toBeUndefined()
    expect(row?.kg).toBeUndefined()
  })

  it.each([
    ['a 3-letter name', { recipient: { ...shipment().recipient, name: 'Ece' } }, 'recipient.name'],
    ['a name of initials', { recipient: { ...shipment().recipient, name: 'A. B. 12' } }, 'recipient.name'],
    ['a 9-character address', { recipient: { ...shipment().recipient, address: 'Cad. No:1' } }, 'recipient.address'],
    ['a 501-character address', { recipient: { ...shipment().recipient, address: 'a'.repeat(501) } }, 'recipient.address'],
    ['no phone', { recipient: { ...shipment().recipient, phone: null } }, 'recipient.phone'],
    ['a foreign phone', { recipient: { ...shipment().recipient, phone: '+49 30 1234567' } }, 'recipient.phone'],
    ['an empty ilçe', { recipient: { ...shipment().recipient, district: ' ' } }, 'recipient.district'],
    ['a 41-character il', { recipient: { ...shipment().recipient, city: 'x'.repeat(41) } }, 'recipient.city'],
    ['a parcel without height', { packages: [{ index: 0, boxCode: null, lengthMm: 100, widthMm: 100, heightMm: 0, weightGrams: 100 }] }, 'packages.0'],
    ['a parcel of NaN grams', { packages: [{ index: 0, boxCode: null, lengthMm: 100, widthMm: 100, heightMm: 100, weightGrams: Number.NaN }] }, 'packages.0'],
  ] as Array<[string, Partial<ShipmentRequest>, string]>)('refuses %s before any request', (_n, over, field) => {
    expect(inputError(() => buildShippingOrders(shipment(over), plan, YurticiPaymentType.senderPays)).meta.field).toBe(field)
  })
})

describe('small mappings', () => {
  it.each([
    ['SIP-1001', '3$SIP-1001#'],
    ['A#1$2', '3$A12#'],
    ['$#', undefined],
  ])('orderNumberField(%j) → %j', (input, expected) => {
    expect(orderNumberField(input)).toBe(expected)
  })

  it.each([
    [{ lengthMm: 250, widthMm: 200, heightMm: 100 }, 1.667],
    [{ lengthMm: 300, widthMm: 300, heightMm: 300 }, 9],
    [{ lengthMm: 10, widthMm: 10, heightMm: 10 }, 0.001],
  ])('desiOf(%j) = %d (L×W×H cm / 3000)', (p, expected) => {
    expect(desiOf(p)).toBe(expected)
  })

  it('codDocumentId is deterministic, 12 digits, different per key', () => {
    expect(codDocumentId('a')).toBe(codDocumentId('a'))
    expect(codDocumentId('a')).not.toBe(codDocumentId('b'))
    for (const k of ['a', 'b', 'kj-x', '']) expect(String(codDocumentId(k))).toMatch(/^[1-9]\d{11}$/)
  })
})
