import { describe, expect, it } from 'vitest'
import { assembleKeyStrokes, classifyKeyTimes, isPrintableKey } from './scan-timing'

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
  const k = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    ...mods,
  })
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

describe('assembleKeyStrokes', () => {
  const at = (key: string, timeMs: number, mods: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean; code: string }> = {}) => ({
    key,
    timeMs,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    ...mods,
  })

  it('submits on Enter/Tab with the timing verdict, ignores an unterminated tail', () => {
    const strokes = [at('A', 0), at('B', 5), at('C', 10), at('Enter', 12), at('1', 500), at('Tab', 700), at('Z', 900)]
    expect(assembleKeyStrokes(strokes)).toEqual([
      { code: 'ABC', source: 'scanner' },
      { code: '1', source: 'keyboard' },
    ])
  })

  it('turns the Ctrl+] chord into GS by physical key, and drops other chords', () => {
    const strokes = [
      at('1', 0),
      at('0', 5),
      at('A', 10),
      at('ü', 15, { ctrlKey: true, code: 'BracketRight' }),
      at('c', 20, { ctrlKey: true, code: 'KeyC' }),
      at('2', 25),
      at('Enter', 30),
    ]
    expect(assembleKeyStrokes(strokes)).toEqual([{ code: '10A\x1d2', source: 'scanner' }])
  })

  it('applies Backspace', () => {
    expect(assembleKeyStrokes([at('A', 0), at('X', 200), at('Backspace', 400), at('B', 600), at('Enter', 800)])).toEqual([{ code: 'AB', source: 'keyboard' }])
  })
})
