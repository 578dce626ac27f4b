import { describe, expect, it } from 'vitest'
import { code128Bars, code128Values, encodeCode128 } from './code128'

describe('code128Values', () => {
  // Values written out by hand from the ISO/IEC 15417 value table; the last one is the check character.
  it.each([
    { data: 'PJJ123C', gs1: false, values: [104, 48, 42, 42, 17, 18, 19, 35, 55] },
    { data: '1234', gs1: false, values: [105, 12, 34, 82] },
    { data: '123', gs1: false, values: [104, 17, 18, 19, 8] },
    { data: 'AB123456cd', gs1: false, values: [104, 33, 34, 99, 12, 34, 56, 100, 67, 68, 20] },
    { data: 'X12345', gs1: false, values: [104, 56, 17, 99, 23, 45, 87] },
    { data: '\x01A', gs1: false, values: [103, 65, 33, 28] },
    { data: '12\x1d34', gs1: true, values: [105, 102, 12, 102, 34, 55] },
    { data: '', gs1: true, values: [104, 102, 0] },
  ])('$data (gs1 $gs1)', ({ data, gs1, values }) => {
    expect(code128Values(data, { gs1 })).toEqual(values)
  })

  it('refuses what Code 128 cannot carry', () => {
    expect(() => code128Values('Ğ')).toThrow(RangeError)
    expect(() => code128Values('')).toThrow(RangeError)
  })
})

describe('encodeCode128', () => {
  it('adds up to 11 modules a symbol character and 13 for the stop', () => {
    const sym = encodeCode128('PJJ123C')
    expect(sym.modules).toBe(9 * 11 + 13)
    expect(sym.widths.length).toBe(9 * 6 + 7)
    const bars = code128Bars(sym)
    expect(bars[0]).toEqual([0, 2]) // start B begins with a 2-module bar
    expect(bars.at(-1)).toEqual([sym.modules - 2, 2]) // the stop ends with a 2-module bar
  })
})
