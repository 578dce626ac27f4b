import { describe, expect, it } from 'vitest'
import { MAX_PIN_ATTEMPTS, PIN_LOCK_MS, PinAttempts } from './pin-attempts'
import { PIN_HASH_PATTERN, hashPin, verifyPin } from './pin-hash'

describe('badge PINs', () => {
  it('hashes with a fresh salt each time and verifies only the right PIN', async () => {
    const a = await hashPin('4821')
    const b = await hashPin('4821')
    expect(a).toMatch(PIN_HASH_PATTERN)
    expect(a).not.toBe(b)
    expect(a).not.toContain('4821')
    expect(await verifyPin('4821', a)).toBe(true)
    expect(await verifyPin('4822', a)).toBe(false)
    expect(await verifyPin('4821', 'plain-4821')).toBe(false)
  })

  it('locks a badge after the allowed wrong PINs, until the lock ends; a right PIN clears the count', () => {
    let now = 1_000_000
    const attempts = new PinAttempts(() => now)
    for (let left = MAX_PIN_ATTEMPTS - 1; left >= 0; left--) expect(attempts.wrong('S9001')).toBe(left)
    expect(attempts.lockedUntil('S9001')).toBe(now + PIN_LOCK_MS)
    expect(attempts.lockedUntil('M5001')).toBeNull()
    now += PIN_LOCK_MS
    expect(attempts.lockedUntil('S9001')).toBeNull()
    expect(attempts.wrong('S9001')).toBe(MAX_PIN_ATTEMPTS - 1)
    attempts.right('S9001')
    expect(attempts.wrong('S9001')).toBe(MAX_PIN_ATTEMPTS - 1)
  })
})
