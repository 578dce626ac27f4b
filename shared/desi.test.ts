import { describe, expect, it } from 'vitest'
import { desiFromCm, packageChargeableKg, priceBand, shipmentMeasure } from './desi'

describe('desi', () => {
  it.each([
    [30, 20, 10, 2],
    [25, 20, 10, 1.667],
    [100, 50, 60, 100],
    [10, 10, 10, 0.333],
  ])('%s×%s×%s cm → %s desi', (l, w, h, desi) => {
    expect(desiFromCm(l, w, h)).toBe(desi)
  })

  it('takes the chargeable weight per package, then sums', () => {
    const heavySmall = { lengthMm: 100, widthMm: 100, heightMm: 100, weightGrams: 5000 }
    const lightBig = { lengthMm: 600, widthMm: 400, heightMm: 400, weightGrams: 1000 }
    expect(packageChargeableKg(heavySmall)).toBe(5)
    expect(packageChargeableKg(lightBig)).toBe(32)
    const m = shipmentMeasure([heavySmall, lightBig])
    expect(m.chargeableKg).toBe(37)
    expect(m.weightKg).toBe(6)
    expect(m.desi).toBe(32.333)
  })

  it('prices by the integer band above, at least 1', () => {
    expect(priceBand(0.1)).toBe(1)
    expect(priceBand(2)).toBe(2)
    expect(priceBand(2.001)).toBe(3)
  })
})
