import { describe, expect, it } from 'vitest'
import { code128Modules } from './code128-width'

// Expected values counted by hand and matched against the bar extent zebrash draws at ^BY1.
describe('code128Modules (auto mode)', () => {
  const cases: ReadonlyArray<[string, number]> = [
    ['TR1234567890', 123], // B: T R, CODE C, 5 pairs
    ['123456', 68], // C: 3 pairs
    ['12345', 79], // C: 2 pairs, CODE B, 5
    ['ABC', 68],
    ['A123456B', 112], // 6 digits in the middle go to C
    ['A1234B', 101], // 4 digits in the middle stay in B
    ['KJ-2026-004817', 167],
    ['7330001234567890123456789012ABCDEFG', 277],
  ]
  it.each(cases)('%s → %i modules', (data, modules) => {
    expect(code128Modules(data)).toBe(modules)
  })
})
