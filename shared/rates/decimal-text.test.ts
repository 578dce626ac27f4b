import { describe, expect, it } from 'vitest'
import { formatScaled, parseScaled } from './decimal-text'

describe('parseScaled (money in kuruş: 2 decimals)', () => {
  it.each<[string | number, number]>([
    ['12,50', 1250],
    ['12,5', 1250],
    ['12.50', 1250],
    ['12', 1200],
    ['0,99', 99],
    ['1.234,56', 123456],
    ['1.234.567', 123456700],
    ['1,234.56', 123456],
    ['₺89,90', 8990],
    ['89,90 TL', 8990],
    ['1 234,50', 123450],
    ['12,500', 1250],
    [12.5, 1250],
    [89.99, 8999],
    [0.1 + 0.2, 30],
  ])('%s → %s', (cell, value) => {
    expect(parseScaled(cell, 2)).toEqual({ ok: true, value })
  })

  it.each<[string | number, RegExp]>([
    ['1.234', /belirsiz sayı.*ambiguous number/],
    ['12,345', /en çok 2 ondalık/],
    ['-5', /negatif/],
    [-5, /negatif/],
    ['on iki', /sayı değil/],
    ['12,3,4', /sayı değil/],
    ['', /boş/],
    [Number.NaN, /sayı değil/],
  ])('refuses %s', (cell, problem) => {
    const r = parseScaled(cell, 2)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(`${r.problem.tr} ${r.problem.en}`).toMatch(problem)
  })

  it('reads percentages as basis points and kg with 3 decimals', () => {
    expect(parseScaled('%5,5', 2)).toEqual({ ok: true, value: 550 })
    expect(parseScaled('0,25', 3)).toEqual({ ok: true, value: 250 })
  })
})

describe('formatScaled', () => {
  it.each<[number, number, ',' | '.', boolean, string]>([
    [1250, 2, ',', false, '12,5'],
    [1250, 2, ',', true, '12,50'],
    [1200, 2, ',', false, '12'],
    [5, 2, '.', true, '0.05'],
    [250, 3, ',', false, '0,25'],
  ])('%s /10^%s → %s', (v, d, sep, keep, out) => {
    expect(formatScaled(v, d, sep, keep)).toBe(out)
  })
})
