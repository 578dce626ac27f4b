import { describe, expect, it } from 'vitest'
import { classifyKeyTimes, isPrintableKey } from './scan-detector'

const burst = (n: number, stepMs: number) => Array.from({ length: n }, (_, i) => 1000 + i * stepMs)

describe('classifyKeyTimes', () => {
  it.each([
    { name: '13-digit EAN at 5 ms/char', times: burst(13, 5), len: 13, want: 'scanner' },
    { name: 'at the 35 ms limit', times: burst(8, 35), len: 8, want: 'scanner' },
    { name: 'just over the limit', times: burst(8, 36), len: 8, want: 'keyboard' },
    { name: 'human typing at 150 ms/char', times: burst(8, 150), len: 8, want: 'keyboard' },
    { name: 'fast but too short (box digit)', times: burst(2, 5), len: 2, want: 'keyboard' },
    { name: 'pasted: fewer key times than chars', times: burst(1, 0), len: 12, want: 'keyboard' },
    { name: 'no key times at all (fill)', times: [], len: 12, want: 'keyboard' },
  ])('$name → $want', ({ times, len, want }) => {
    expect(classifyKeyTimes(times, len)).toBe(want)
  })
})

describe('isPrintableKey', () => {
  const k = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods })
  it.each([
    { e: k('a'), want: true },
    { e: k('ş'), want: true },
    { e: k('@', { ctrlKey: true, altKey: true }), want: true },
    { e: k('c', { ctrlKey: true }), want: false },
    { e: k('Enter'), want: false },
    { e: k('F2'), want: false },
  ])('$e.key ctrl=$e.ctrlKey alt=$e.altKey → $want', ({ e, want }) => {
    expect(isPrintableKey(e)).toBe(want)
  })
})
