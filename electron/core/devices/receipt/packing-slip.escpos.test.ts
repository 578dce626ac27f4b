import { describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { slipInput } from '../../../../tests/fixtures/packing-slip-input'
import { buildPackingSlip, toCodePageText, type PackingSlipInput } from './packing-slip.escpos'

const has = (haystack: Buffer, needle: number[] | Buffer) => haystack.includes(Buffer.from(needle))

describe('buildPackingSlip', () => {
  const slip = buildPackingSlip(slipInput)

  it('starts with ESC @ and selects PC857 (ESC t 13) before any text', () => {
    expect([...slip.subarray(0, 5)]).toEqual([0x1b, 0x40, 0x1b, 0x74, 13])
  })

  it('encodes Turkish letters as CP857 bytes and never switches code page behind our back', () => {
    // "İnce": İ = 0x98; "Ğülşen": Ğ = 0xA6, ü = 0x81, ş = 0x9F; "Çağlayan": Ç = 0x80, ğ = 0xA7; "Karşıyaka": ı = 0x8D.
    expect(has(slip, [0xa6, 0x81, 0x6c, 0x9f, 0x65, 0x6e])).toBe(true)
    expect(has(slip, [0x80, 0x61, 0xa7, 0x6c, 0x61, 0x79, 0x61, 0x6e, 0x20, 0x98, 0x6e, 0x63, 0x65])).toBe(true)
    expect(has(slip, Buffer.from('Kar\x9f\x8dyaka', 'latin1'))).toBe(true)
    const pageSwitches = [...slip.keys()].filter((i) => slip[i] === 0x1b && slip[i + 1] === 0x74).map((i) => slip[i + 2])
    expect(new Set(pageSwitches)).toEqual(new Set([13]))
    // No UTF-8 leaked through: 0xC4/0xC5 lead bytes would mean an unencoded Turkish letter.
    expect(slip.includes(Buffer.from('İ', 'utf8'))).toBe(false)
  })

  it('carries the tracking number as CODE128 (GS k 73, subset B) and ends with a full cut', () => {
    expect(has(slip, Buffer.concat([Buffer.from([0x1d, 0x6b, 73, 14]), Buffer.from('{BTR1234567890')]))).toBe(true)
    expect(has(slip, [0x1d, 0x56, 0x00])).toBe(true)
  })

  it('shows the COD amount in lira with "TL" (no ₺ glyph in CP857)', () => {
    expect(slip.toString('latin1')).toContain('KAPIDA \x99DEME: 134,52 TL')
    expect(buildPackingSlip({ ...slipInput, codAmountKurus: null }).toString('latin1')).not.toContain('DEME')
  })

  it('Windows-1254 (ESC t 48) when asked', () => {
    const win = buildPackingSlip(slipInput, { codePage: 'WPC1254_TURKISH' })
    expect([...win.subarray(2, 5)]).toEqual([0x1b, 0x74, 48])
    expect(has(win, [0xd0, 0xfc, 0x6c, 0xfe, 0x65, 0x6e])).toBe(true) // "Ğülşen"
  })

  const bad: ReadonlyArray<[string, Partial<PackingSlipInput>, string]> = [
    ['no items', { items: [] }, 'items'],
    ['a zero quantity', { items: [{ name: 'x', quantity: 0 }] }, 'items.0.quantity'],
    ['a Turkish letter in the barcode', { barcode: 'TRĞ1' }, 'barcode'],
    ['an empty order number', { orderNumber: ' ' }, 'orderNumber'],
  ]
  it.each(bad)('%s → input.invalid', (_name, patch, field) => {
    let caught: unknown
    try {
      buildPackingSlip({ ...slipInput, ...patch })
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(AppError)
    expect((caught as AppError).code).toBe(ErrorCode.inputInvalid)
    expect((caught as AppError).meta.field).toBe(field)
  })
})

describe('toCodePageText', () => {
  const cases: ReadonlyArray<[string, string]> = [
    ['Ğüşİıöç ÂÎÛ', 'Ğüşİıöç ÂÎÛ'],
    ['134,52 ₺', '134,52 TL'],
    ['“Özel” – not', '"Özel" - not'],
    ['Crème brûlée', 'Creme brûlée'],
    ['Ελλάδα', '??????'],
    ['tab\there', 'tab here'],
  ]
  it.each(cases)('%s → %s', (input, expected) => {
    expect(toCodePageText(input)).toBe(expected)
  })
})
