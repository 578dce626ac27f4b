import { describe, expect, it } from 'vitest'
import { commandInputs } from '../contract/commands'
import { desiFromCm } from '../desi'
import { PACKAGE_LIMITS, checkBounded } from './limits'

describe('parcel limits', () => {
  it('are consistent: the largest desi is what the largest sides give', () => {
    const side = PACKAGE_LIMITS.maxSideCm
    expect(desiFromCm(side, side, side)).toBe(PACKAGE_LIMITS.maxDesi)
    expect(PACKAGE_LIMITS.maxSideMm).toBe(side * 10)
    expect(PACKAGE_LIMITS.maxWeightGrams).toBe(PACKAGE_LIMITS.maxWeightKg * 1000)
  })

  it.each([
    [1e308, /must be a finite number ≤ 1000 kg/],
    [Infinity, /must be a finite number ≤ 1000 kg, got Infinity/],
    [NaN, /must be a finite number ≤ 1000 kg, got NaN/],
    [1000.001, /≤ 1000 kg .*got 1000.001/],
    [0, /greater than 0/],
    [-5, /greater than 0/],
  ])('checkBounded refuses %s', (value, message) => {
    const r = checkBounded(value, PACKAGE_LIMITS.maxWeightKg, 'weight', 'kg')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toMatch(message)
  })

  it('checkBounded takes the limit itself', () => {
    expect(checkBounded(1000, PACKAGE_LIMITS.maxWeightKg, 'weight')).toEqual({ ok: true, value: 1000 })
  })

  it.each([
    [{ lengthMm: 1e308, widthMm: 100, heightMm: 100 }, false],
    [{ lengthMm: 3001, widthMm: 100, heightMm: 100 }, false],
    [{ lengthMm: 100, widthMm: Infinity, heightMm: 100 }, false],
    [{ lengthMm: 3000, widthMm: 3000, heightMm: 3000 }, true],
  ])("the desk's box entry (packing.setDimensions) %j → %s", (input, ok) => {
    expect(commandInputs['packing.setDimensions'].safeParse(input).success).toBe(ok)
  })
})
