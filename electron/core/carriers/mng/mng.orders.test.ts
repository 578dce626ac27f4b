import { describe, expect, it } from 'vitest'
import { sampleMngRequest } from '../../../../sandbox/mng/mng.fixtures'
import { ErrorCode } from '../../../../shared/errors'
import type { ShipmentRequest } from '../carrier.port'
import { thrown } from '../../../../tests/support/app-error'
import { parcel } from '../../../../tests/support/parcel'
import {
  buildCalculateBody,
  buildCreateBarcodeBody,
  buildCreateOrderBody,
  desiOf,
  isMngReferenceId,
  kgOf,
  mngReferenceId,
  pieceBarcode,
  shipmentServiceTypeOf,
} from './mng.orders'

const request = (over: Partial<ShipmentRequest> = {}): ShipmentRequest => sampleMngRequest(over)
const place = { cityCode: 6, cityName: 'ANKARA', districtCode: 6007, districtName: 'ÇANKAYA' }

describe('mngReferenceId', () => {
  it('is deterministic, 20 upper-case ASCII characters, different per key', () => {
    const a = mngReferenceId('order-1/box')
    expect(a).toMatch(/^KJ[0-9A-Z]{18}$/)
    expect(isMngReferenceId(a)).toBe(true)
    expect(mngReferenceId('order-1/box')).toBe(a)
    expect(mngReferenceId('order-1/bo')).not.toBe(a)
    expect(mngReferenceId('Şişli-ğüö')).toMatch(/^[A-Z0-9]{20}$/) // no Turkish letters reach MNG
    expect(new Set(Array.from({ length: 2000 }, (_, i) => mngReferenceId(`k${i}`))).size).toBe(2000)
  })

  it('refuses an empty key', () => {
    expect(thrown(() => mngReferenceId('  '))).toMatchObject({ code: ErrorCode.inputInvalid })
  })
})

describe('desi and kg (integers, rounded up, at least 1; §11)', () => {
  it.each([
    [parcel(300, 200, 150, 1200), 3, 2],
    [parcel(300, 200, 151, 1000), 4, 1],
    [parcel(100, 100, 100, 1), 1, 1],
    [parcel(600, 400, 400, 25_001), 32, 26],
  ])('%o → desi %i, kg %i', (p, desi, kg) => {
    expect([desiOf(p), kgOf(p)]).toEqual([desi, kg])
  })
})

describe('shipmentServiceTypeOf', () => {
  it.each([
    ['', 1],
    ['1', 1],
    ['standart', 1],
    ['Standard', 1],
    ['7', 7],
  ])('%j → %i', (code, type) => expect(shipmentServiceTypeOf(code)).toBe(type))

  it.each([['EXPRESS'], ['0'], ['1.5'], ['-1']])('%j is refused', (code) => {
    expect(thrown(() => shipmentServiceTypeOf(code))).toMatchObject({ code: ErrorCode.inputInvalid, meta: { field: 'serviceCode' } })
  })
})

describe('bodies', () => {
  it('createOrder follows the §3 skeleton: barcode = referenceId, pieces REF_PARCAn, CBS codes, one-line name/address', () => {
    const ref = mngReferenceId('b1')
    const body = buildCreateOrderBody(
      request({ recipient: { ...request().recipient, name: ' Ayşe\n  Yıldız ', address: 'Atatürk Cad.\n No:15' }, description: 'Kitap' }),
      ref,
      place,
    )
    expect(body.order).toMatchObject({
      referenceId: ref,
      barcode: ref,
      isCOD: 0,
      codAmount: 0,
      content: 'Kitap',
      paymentType: 1,
      packagingType: 3,
      deliveryType: 1,
    })
    expect(body.orderPieceList).toEqual([{ barcode: pieceBarcode(ref, 1), desi: 3, kg: 2, content: 'Kitap' }])
    expect(body.recipient).toMatchObject({
      customerId: '',
      cityCode: 6,
      districtCode: 6007,
      fullName: 'Ayşe Yıldız',
      address: 'Atatürk Cad. No:15',
      mobilePhoneNumber: '5321112233',
    })
    expect(Object.keys(body.recipient)).toContain('bussinessPhoneNumber')
  })

  it('createbarcode repeats the COD and piece fields', () => {
    const ref = mngReferenceId('b2')
    expect(buildCreateBarcodeBody(request({ codAmountKurus: 9_999 }), ref)).toMatchObject({
      referenceId: ref,
      isCOD: 1,
      codAmount: 99.99,
      packagingType: 3,
      printReferenceBarcodeOnError: 0,
      orderPieceList: [{ barcode: `${ref}_PARCA1` }],
    })
  })

  it('calculate sends integers and the connector pickUpType unless the input names one', () => {
    const input = { city: 'Ankara', district: 'Çankaya', packages: request().packages }
    expect(buildCalculateBody(input, place, { paymentType: 2, packagingType: 3, deliveryType: 1 }, 1)).toEqual({
      shipmentServiceType: 1,
      packagingType: 3,
      paymentType: 2,
      pickUpType: 1,
      deliveryType: 1,
      cityCode: 6,
      districtCode: 6007,
      orderPieceList: [{ desi: 3, kg: 2 }],
    })
    expect(buildCalculateBody({ ...input, pickUpType: 2 }, place, { paymentType: 1, packagingType: 3, deliveryType: 1 }, 1).pickUpType).toBe(2)
  })

  it.each([
    [{ packages: [] }, 'packages'],
    [{ packages: [parcel(10, 10, 10.5, 100)] }, 'packages.0.heightMm'],
    [{ recipient: { ...request().recipient, phone: null } }, 'recipient.phone'],
    [{ recipient: { ...request().recipient, address: ' \n ' } }, 'recipient.address'],
    [{ recipient: { ...request().recipient, district: '' } }, 'recipient.city'],
    [{ codAmountKurus: 10.5 }, 'codAmountKurus'],
  ] as [Partial<ShipmentRequest>, string][])('bad input %# → input.invalid on %s', (over, field) => {
    expect(thrown(() => buildCreateOrderBody(request(over), mngReferenceId('x'), place))).toMatchObject({ code: ErrorCode.inputInvalid, meta: { field } })
  })
})
