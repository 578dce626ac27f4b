import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../shared/errors'
import { hashedReference } from './carrier-keys'

describe('hashedReference', () => {
  it('prefix + base-36 of SHA-256(key), the asked length, the same for the same key', () => {
    const a = hashedReference('order-42/attempt', 'KJ', 18, 'a test shipment')
    expect(a).toMatch(/^KJ[0-9A-Z]{16}$/)
    expect(hashedReference('order-42/attempt', 'KJ', 18, 'a test shipment')).toBe(a)
    expect(hashedReference('order-43/attempt', 'KJ', 18, 'a test shipment')).not.toBe(a)
    // A shorter reference is the tail of the same digits.
    expect(hashedReference('order-42/attempt', 'KJT', 16, 'a test shipment')).toBe(`KJT${a.slice(-13)}`)
  })

  it.each(['', '  '])('refuses the empty key %j with input.invalid on idempotencyKey, naming what it numbers', (key) => {
    expect(() => hashedReference(key, 'KJ', 18, 'a test shipment')).toThrow(
      expect.objectContaining({
        code: ErrorCode.inputInvalid,
        message: 'an idempotency key is needed to number a test shipment',
        meta: { field: 'idempotencyKey' },
      }),
    )
  })
})
