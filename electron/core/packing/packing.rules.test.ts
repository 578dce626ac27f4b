import { describe, expect, it } from 'vitest'
import type { Order } from '../../../shared/domain/order'
import { ErrorCode } from '../../../shared/errors'
import { checkWeight, matchItem } from './packing.rules'

const order = (packed: [number, number]): Order => ({
  id: 'o1',
  orderNumber: 'S-1',
  barcode: 'S1',
  marketplace: null,
  status: 'open',
  recipient: { name: 'A', address: 'x', district: 'Şişli', city: 'İstanbul', postalCode: null, phone: null },
  codAmountKurus: null,
  mandatedCarrierId: null,
  createdAt: '',
  updatedAt: '',
  lines: [
    { id: 'l1', sku: 'kupa-01', gtin: '8690000000012', name: 'Kupa', quantity: 2, packedQuantity: packed[0], unitWeightGrams: 300 },
    { id: 'l2', sku: 'CAY-02', gtin: null, name: 'Çay', quantity: 1, packedQuantity: packed[1], unitWeightGrams: 500 },
  ],
})

describe('matchItem', () => {
  it.each([
    ['8690000000012', 'l1'],
    ['KUPA-01', 'l1'],
    ['cay-02', 'l2'],
  ])('%s → %s', (code, line) => {
    expect(matchItem(order([0, 0]), code).id).toBe(line)
  })

  it.each([
    ['8690000000013', ErrorCode.scanMalformed],
    ['8690000000029', ErrorCode.itemNotInOrder],
    ['XYZ', ErrorCode.itemNotInOrder],
  ])('refuses %s with %s', (code, errCode) => {
    expect(() => matchItem(order([0, 0]), code)).toThrow(expect.objectContaining({ code: errCode }))
  })

  it('refuses a line that is already complete', () => {
    expect(() => matchItem(order([2, 0]), '8690000000012')).toThrow(expect.objectContaining({ code: ErrorCode.itemOverQuantity }))
  })
})

describe('checkWeight', () => {
  const tol = { absGrams: 100, pct: 10 }
  it.each([
    [1000, 1100, true],
    [1000, 1101, false],
    [3000, 3300, true],
    [3000, 2650, false],
    [200, 120, true],
  ])('expected %s measured %s ok=%s', (expected, measured, ok) => {
    expect(checkWeight(expected, measured, tol) === null).toBe(ok)
  })
})
