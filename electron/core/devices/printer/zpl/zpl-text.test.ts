import { describe, expect, it } from 'vitest'
import { fitHeight, fitLine, textWidthDots, wrapFit, wrapText } from './zpl-text'

describe('zpl-text', () => {
  it('estimates wider for capitals than for lower case', () => {
    expect(textWidthDots('ABCDEF', 40)).toBeGreaterThan(textWidthDots('abcdef', 40))
    expect(textWidthDots('abc', 80)).toBe(2 * textWidthDots('abc', 40))
  })

  it('fitLine keeps text that fits and cuts the rest with "..."', () => {
    expect(fitLine('  Kısa   metin ', 30, 800)).toBe('Kısa metin')
    const cut = fitLine('Çok uzun bir adres satırı '.repeat(10), 30, 400)
    expect(cut.endsWith('...')).toBe(true)
    expect(textWidthDots(cut, 30)).toBeLessThanOrEqual(400)
  })

  it('wrapText breaks at spaces, respects maxLines and width', () => {
    const text = 'Bostanlı Mahallesi Cemal Gürsel Caddesi No: 412 Daire: 7 Güneş Apartmanı'
    const lines = wrapText(text, 40, 500, 5)
    expect(lines.join(' ')).toBe(text)
    for (const l of lines) expect(textWidthDots(l, 40)).toBeLessThanOrEqual(500)
    const two = wrapText(text, 40, 500, 2)
    expect(two).toHaveLength(2)
    expect(two[1]?.endsWith('...')).toBe(true)
  })

  it('wrapText hard-breaks a word longer than the line', () => {
    const lines = wrapText('A'.repeat(60), 40, 300, 4)
    expect(lines.length).toBeGreaterThan(1)
    for (const l of lines) expect(textWidthDots(l, 40)).toBeLessThanOrEqual(300)
  })

  it('fitHeight shrinks an identifier until it fits, down to the minimum', () => {
    const h = fitHeight('TY-SIP-20261125-0000048172', 40, 15, 300)
    expect(h).toBeLessThan(40)
    expect(textWidthDots('TY-SIP-20261125-0000048172', h)).toBeLessThanOrEqual(300)
    expect(fitHeight('X'.repeat(200), 40, 15, 300)).toBe(15)
  })

  it('wrapFit prefers a smaller font over cutting text', () => {
    const text = 'Muhammed Mustafa Kemalettin Abdurrahmanoğlu'
    const r = wrapFit(text, 60, 40, 700, 2)
    expect(r.lines.join(' ')).toBe(text)
    expect(r.heightDots).toBeLessThanOrEqual(60)
  })
})
