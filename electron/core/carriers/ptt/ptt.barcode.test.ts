import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../../shared/errors'
import {
  allocateParcelBarcodes,
  barcodeOfBody,
  createMemoryPttBarcodeAllocator,
  isValidPttBarcode,
  parcelKey,
  parsePttRange,
  pttBarcode,
  pttCheckDigit,
  type PttBarcodeAllocator,
} from './ptt.barcode'
import { thrown } from '../../../../tests/support/app-error'

describe('check digit: weights 1,3,1,3… from the left, (10 − sum mod 10) mod 10 (carriers.md §4)', () => {
  // The rule is EAN-13's, so published EAN-13 numbers are independent vectors.
  it.each([
    ['400638133393', '1'],
    ['978030640615', '7'],
    ['590123412345', '7'],
    ['123456789012', '8'],
    ['871125300120', '2'],
    ['000000000000', '0'],
    // 2·1 + 7·3 + 4·1 + 1·3 = 30 → 0
    ['274000000001', '0'],
    // 2·1 + 7·3 + 4·1 + 9·3 = 54 → 6
    ['274000000009', '6'],
    ['999999999999', '4'],
  ])('%s → %s', (body, digit) => {
    expect(pttCheckDigit(body)).toBe(digit)
    expect(pttBarcode(body)).toBe(body + digit)
    expect(isValidPttBarcode(body + digit)).toBe(true)
    expect(isValidPttBarcode(body + String((Number(digit) + 1) % 10))).toBe(false)
  })

  it.each([['27400000001'], ['2740000000011'], ['27400000000A'], [''], [' 274000000001']])('refuses the body %j', (body) => {
    expect(thrown(() => pttCheckDigit(body))).toMatchObject({ code: ErrorCode.inputInvalid })
  })

  it.each([['274000000001'], ['27400000000100'], ['274000000001X'], ['']])('%j is not a barcode', (code) => {
    expect(isValidPttBarcode(code)).toBe(false)
  })
})

describe('range', () => {
  it.each([
    [{ first: '274000000001', last: '274000000010' }, 274000000001, 10],
    [{ first: '2740000000010', last: '274000000010' }, 274000000001, 10],
    [{ first: '274 000 000 001', last: '274-000-000-001' }, 274000000001, 1],
  ])('%j', (range, firstBody, size) => {
    expect(parsePttRange(range)).toMatchObject({ firstBody, size })
  })

  it.each([
    [{ first: '2740000000011', last: '274000000010' }, 'barcodeRange.first', /check digit/],
    [{ first: '27400000001', last: '274000000010' }, 'barcodeRange.first', /12 digits/],
    [{ first: '274000000010', last: '274000000001' }, 'barcodeRange.last', /before it starts/],
  ])('refuses %j', (range, field, message) => {
    const err = thrown(() => parsePttRange(range))
    expect(err).toMatchObject({ code: ErrorCode.inputInvalid, meta: { field } })
    expect(err.message).toMatch(message)
  })
})

describe('in-memory allocator', () => {
  it('one barcode per key, the same again for the same key, in range order', () => {
    const a = createMemoryPttBarcodeAllocator({ first: '274000000001', last: '274000000003' })
    expect(a.next('order-1')).toBe('2740000000010')
    expect(a.next('order-2')).toBe(barcodeOfBody(274000000002))
    expect(a.next('order-1')).toBe('2740000000010')
    expect(a.remaining()).toBe(1)
    expect([...a.allocated.keys()]).toEqual(['order-1', 'order-2'])
  })

  it('refuses a new key once the range is spent, still answers known keys, and burns nothing', () => {
    const a = createMemoryPttBarcodeAllocator({ first: '274000000001', last: '274000000001' })
    const first = a.next('k1')
    const err = thrown(() => a.next('k2'))
    expect(err).toMatchObject({ code: ErrorCode.carrierServiceUnsupported, retryable: false, meta: { reason: 'barcodeRangeExhausted' } })
    expect(err.message).toMatch(/used up/)
    expect(a.next('k1')).toBe(first)
    expect(a.allocated.size).toBe(1)
  })

  it('continues from startAt (after a restart) and refuses a start outside the range or an empty key', () => {
    expect(createMemoryPttBarcodeAllocator({ first: '274000000001', last: '274000000009' }, { startAt: '274000000009' }).next('x')).toBe('2740000000096')
    expect(thrown(() => createMemoryPttBarcodeAllocator({ first: '274000000001', last: '274000000009' }, { startAt: '274000000020' }))).toMatchObject({
      meta: { field: 'startAt' },
    })
    expect(thrown(() => createMemoryPttBarcodeAllocator({ first: '274000000001', last: '274000000009' }).next(' '))).toMatchObject({
      meta: { field: 'idempotencyKey' },
    })
  })

  it('parcels: the shipment key for parcel 1, key#n for the others', () => {
    const a = createMemoryPttBarcodeAllocator({ first: '274000000001', last: '274000000100' })
    expect(parcelKey('k', 0)).toBe('k')
    expect(parcelKey('k', 2)).toBe('k#3')
    const three = allocateParcelBarcodes(a, 'k', 3)
    expect(three).toHaveLength(3)
    expect(allocateParcelBarcodes(a, 'k', 2)).toEqual(three.slice(0, 2))
  })

  it('a broken allocator never reaches PTT', () => {
    const bad: PttBarcodeAllocator = { next: () => '2740000000011' }
    expect(thrown(() => allocateParcelBarcodes(bad, 'k', 1))).toMatchObject({ code: ErrorCode.internal })
    const same: PttBarcodeAllocator = { next: () => '2740000000010' }
    expect(thrown(() => allocateParcelBarcodes(same, 'k', 2))).toMatchObject({ code: ErrorCode.internal })
  })
})
