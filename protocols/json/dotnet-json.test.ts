import { describe, expect, it } from 'vitest'
import { lowerKeys } from './dotnet-json'

describe('lowerKeys', () => {
  it('lower-cases the keys of nested objects and of objects in arrays, leaving values as they are', () => {
    expect(lowerKeys({ ReferenceNo: 'KJ-1', Products: [{ Count: 1, DeliveryType: 'A' }], Sender: { CityId: null } })).toEqual({
      referenceno: 'KJ-1',
      products: [{ count: 1, deliverytype: 'A' }],
      sender: { cityid: null },
    })
  })

  it('returns what is not an object or array unchanged', () => {
    expect([lowerKeys('Text'), lowerKeys(3), lowerKeys(null), lowerKeys(undefined)]).toEqual(['Text', 3, null, undefined])
  })
})
