import { describe, expect, it } from 'vitest'
import { gs1CheckDigit, isValidGtin } from './gs1'

describe('GS1 check digits (hardware.md §5.3 vectors)', () => {
  it.each([
    ['629104150021', 3],
    ['730001100001', 7],
    ['890400021003', 7],
    ['00012345600001234', 3],
  ])('%s → %s', (body, digit) => {
    expect(gs1CheckDigit(body)).toBe(digit)
  })

  it('validates GTIN-13', () => {
    expect(isValidGtin('6291041500213')).toBe(true)
    expect(isValidGtin('6291041500214')).toBe(false)
    expect(isValidGtin('62910415002')).toBe(false)
    expect(() => gs1CheckDigit('12a')).toThrow(RangeError)
  })
})
