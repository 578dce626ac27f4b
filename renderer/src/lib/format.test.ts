import { describe, expect, it } from 'vitest'
import { diffPercent, formatAuditDetail, formatBoxDims, formatKg, splitBilingual } from './format'

describe('format', () => {
  it.each([
    { grams: 1234, lang: 'tr' as const, want: '1,234 kg' },
    { grams: 1234, lang: 'en' as const, want: '1.234 kg' },
    { grams: 0, lang: 'tr' as const, want: '0,000 kg' },
  ])('formatKg($grams, $lang) = $want', ({ grams, lang, want }) => {
    expect(formatKg(grams, lang)).toBe(want)
  })

  it('box dimensions in cm', () => {
    expect(formatBoxDims({ lengthMm: 300, widthMm: 200, heightMm: 155 }, 'tr')).toBe('30 × 20 × 15,5 cm')
  })

  it.each([
    { e: 1000, m: 1300, want: 30 },
    { e: 1000, m: 900, want: -10 },
    { e: null, m: 900, want: null },
    { e: 0, m: 900, want: null },
  ])('diffPercent($e, $m) = $want', ({ e, m, want }) => {
    expect(diffPercent(e, m)).toBe(want)
  })

  it.each([
    { text: 'Etiket yazdırıldı / Label printed', lang: 'tr' as const, want: ['Etiket yazdırıldı', 'Label printed'] },
    { text: 'Etiket yazdırıldı / Label printed', lang: 'en' as const, want: ['Label printed', 'Etiket yazdırıldı'] },
    { text: '✓ Seramik kupa', lang: 'en' as const, want: ['✓ Seramik kupa', null] },
  ])('splitBilingual($text, $lang)', ({ text, lang, want }) => {
    expect(splitBilingual(text, lang)).toEqual(want)
  })

  it.each([
    { detail: '{"reason":"yeniden yazdırma / reprint"}', want: 'yeniden yazdırma / reprint' },
    { detail: '{"problem":"packing.weightOutOfTolerance","meta":{"x":1},"reason":"Ek dolgu"}', want: 'packing.weightOutOfTolerance · Ek dolgu' },
    { detail: '{"count":3,"box":"K1"}', want: 'count: 3, box: K1' },
    { detail: 'düz metin', want: 'düz metin' },
    { detail: '[1,2]', want: '[1,2]' },
  ])('formatAuditDetail($detail)', ({ detail, want }) => {
    expect(formatAuditDetail(detail)).toBe(want)
  })

  it('formatAuditDetail names error codes through the translator', () => {
    expect(formatAuditDetail('{"problem":"packing.weightOutOfTolerance","reason":"Ek dolgu"}', (c) => `<${c}>`)).toBe(
      '<packing.weightOutOfTolerance> · Ek dolgu',
    )
  })
})
