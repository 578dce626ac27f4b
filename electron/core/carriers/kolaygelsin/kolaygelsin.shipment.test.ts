import { describe, expect, it } from 'vitest'
import { sampleKolayGelsinRequest } from '../../../../sandbox/kolaygelsin/kolaygelsin.fixtures'
import { ErrorCode } from '../../../../shared/errors'
import type { ShipmentRequest } from '../carrier.port'
import { buildIntegrationShipment, buildSaveRecipient, kgCustomerSpecificCodeFor, kgKeyKind, kgParcelBarcode, splitName } from './kolaygelsin.shipment'
import { thrown } from '../../../../tests/support/app-error'

const request = (over: Parameters<typeof sampleKolayGelsinRequest>[0] = {}) => sampleKolayGelsinRequest(over) as ShipmentRequest
const settings = { packageType: 2, payingParty: 1, saveOutOfCoverage: false } as const
const account = { customerId: 20, addressId: 28 }

describe('keys', () => {
  it('CustomerSpecificCode is deterministic, 18 characters; parcel barcodes add two digits; kinds are told apart', () => {
    const code = kgCustomerSpecificCodeFor('order-9')
    expect(code).toBe(kgCustomerSpecificCodeFor('order-9'))
    expect(code).toMatch(/^KJ[0-9A-Z]{16}$/)
    expect(kgParcelBarcode(code, 0)).toBe(`${code}01`)
    expect(kgParcelBarcode(code, 11)).toBe(`${code}12`)
    expect([kgKeyKind('9442'), kgKeyKind(code), kgKeyKind(`${code}01`), kgKeyKind('Shp1')]).toEqual(['shipmentId', 'code', 'barcode', 'code'])
  })

  it.each([
    ['', 'KJ'],
    ['k', '1A'],
    ['k', 'kj'],
    ['k', 'ABCDEFG'],
  ])('refuses key "%s" / prefix "%s"', (key, prefix) => {
    expect(thrown(() => kgCustomerSpecificCodeFor(key, prefix)).code).toBe(ErrorCode.inputInvalid)
  })

  it.each([
    ['Ayşe Nur Demir', { name: 'Ayşe Nur', surname: 'Demir' }],
    ['  Cem   Yılmaz ', { name: 'Cem', surname: 'Yılmaz' }],
    ['Tarkan', { name: 'Tarkan', surname: '-' }],
  ])('splitName(%s)', (full, parts) => expect(splitName(full)).toEqual(parts))
})

describe('bodies', () => {
  it('SaveRecipient: individual, plate code, 10-digit GSM', () => {
    expect(buildSaveRecipient(request().recipient, 34, settings)).toEqual({
      RecipientType: 1,
      RecipientName: 'Mehmet',
      RecipientSurname: 'Akman',
      Email: 'mehmet@example.com',
      Gsm: '5321112233',
      OnlyDeliverToRecipient: false,
      SaveOutOfCoverage: false,
      Address: {
        AddressTypeId: 1,
        AddressText: 'Koşuyolu Mh. Mehmet Akman Sk. No:1 D:1 Kadıköy İstanbul',
        PostalCode: '34718',
        CityId: 34,
        TownName: 'Kadıköy',
      },
    })
  })

  it('SaveIntegrationShipment: account ids, RecipientId, one item per parcel in whole cm/kg (rounded up: the schema says integer) with our barcodes', () => {
    const pkg = request().packages[0]!
    const body = buildIntegrationShipment(request({ packages: [pkg, { ...pkg, index: 1, weightGrams: 455 }] }), 'KJCODE', 45, account, settings)
    expect(body).toEqual({
      SenderCustomer: { CustomerId: 20, Address: { AddressId: 28 } },
      Recipient: { RecipientId: 45 },
      PackageType: 2,
      PayingParty: 1,
      OnlyDeliverToRecipient: false,
      CustomerSpecificCode: 'KJCODE',
      ShipmentItemList: [
        {
          Width: 20,
          Length: 30,
          Height: 15,
          Weight: 2,
          ContentText: 'Sipariş SIP-4001',
          HasCommercialValue: false,
          CustomerBarcode: 'KJCODE01',
          CustomerTrackingId: 'KJCODE01',
        },
        {
          Width: 20,
          Length: 30,
          Height: 15,
          Weight: 1,
          ContentText: 'Sipariş SIP-4001',
          HasCommercialValue: false,
          CustomerBarcode: 'KJCODE02',
          CustomerTrackingId: 'KJCODE02',
        },
      ],
    })
  })

  it('COD as SenderInvoiceAmount in lira; SAMEDAY service → ProductCodeList; brand when set', () => {
    const body = buildIntegrationShipment(request({ codAmountKurus: 12_345, serviceCode: 'sameday' }), 'K', 1, account, {
      ...settings,
      senderBrand: 'KargoJet',
    })
    expect(body).toMatchObject({ SenderInvoiceAmount: 123.45, ProductCodeList: ['SAMEDAY'], SenderBrand: 'KargoJet' })
    expect(buildIntegrationShipment(request(), 'K', 1, account, settings)).not.toHaveProperty('SenderInvoiceAmount')
  })

  it('refuses no parcels, 100 parcels and fractional kuruş', () => {
    const pkg = request().packages[0]!
    expect(thrown(() => buildIntegrationShipment(request({ packages: [] }), 'K', 1, account, settings)).meta.field).toBe('packages')
    expect(
      thrown(() => buildIntegrationShipment(request({ packages: Array.from({ length: 100 }, (_, index) => ({ ...pkg, index })) }), 'K', 1, account, settings))
        .meta.field,
    ).toBe('packages')
    expect(thrown(() => buildIntegrationShipment(request({ codAmountKurus: 1.5 }), 'K', 1, account, settings)).meta.field).toBe('codAmountKurus')
  })
})
