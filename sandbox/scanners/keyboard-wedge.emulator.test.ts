import { describe, expect, it } from 'vitest'
import { layoutProfiles } from '../../shared/scan/keyboard-layout'
import { normalizeScan } from '../../shared/scan/normalize-scan'
import { assembleKeyStrokes, classifyKeyTimes } from '../../shared/scan/scan-timing'
import { humanKeyStrokes, pastedScan, scannerKeyStrokes } from './keyboard-wedge.emulator'

const GS1 = '0108691234567890' + '10ABC\x1d21X'

describe('keyboard-wedge emulator through the desk rules', () => {
  it.each([5, 15, 30])('a scanner at %i ms/key is a scanner', (interKeyMs) => {
    expect(assembleKeyStrokes(scannerKeyStrokes('KJ-2024-000123', { interKeyMs, jitterMs: 0 }))).toEqual([{ code: 'KJ-2024-000123', source: 'scanner' }])
  })

  it.each([
    { minMs: 80, maxMs: 120 },
    { minMs: 150, maxMs: 300 },
  ])('a person at $minMs–$maxMs ms/key is typing', (pace) => {
    expect(assembleKeyStrokes(humanKeyStrokes('KJ-2024-000123', pace))).toEqual([{ code: 'KJ-2024-000123', source: 'keyboard' }])
  })

  it('Tab suffix and prefix keys', () => {
    const strokes = scannerKeyStrokes('6291041500213', { suffix: 'Tab', prefixKeys: ['F8'] })
    expect(strokes[0]?.key).toBe('F8')
    expect(assembleKeyStrokes(strokes)).toEqual([{ code: '6291041500213', source: 'scanner' }])
  })

  it('no suffix: nothing is submitted (the scanner must send Enter or Tab)', () => {
    expect(assembleKeyStrokes(scannerKeyStrokes('6291041500213', { suffix: null }))).toEqual([])
  })

  it('Turkish-Q corruption arrives as the desk sees it and is repaired by normalizeScan', () => {
    const [scan] = assembleKeyStrokes(scannerKeyStrokes('KJ.2024/7', { layout: layoutProfiles['tr-q'] }))
    expect(scan).toEqual({ code: 'KJç2024.7', source: 'scanner' })
    expect(normalizeScan(scan!.code, { layout: layoutProfiles['tr-q'] }).code).toBe('KJ.2024/7')
  })

  it.each([
    { gs: { kind: 'ctrlBracket' } as const, fnc1: undefined, gs1: { '01': '08691234567890', '10': 'ABC', '21': 'X' } },
    { gs: { kind: 'substitute', text: '|' } as const, fnc1: '|', gs1: { '01': '08691234567890', '10': 'ABC', '21': 'X' } },
  ])('GS1 with FNC1 as $gs.kind', ({ gs, fnc1, gs1 }) => {
    const [scan] = assembleKeyStrokes(scannerKeyStrokes(GS1, { gs }))
    expect(normalizeScan(scan!.code, { fnc1 }).gs1).toEqual(gs1)
  })

  it('GS1 with FNC1 dropped runs the batch into the serial', () => {
    const [scan] = assembleKeyStrokes(scannerKeyStrokes(GS1, { gs: { kind: 'drop' } }))
    expect(normalizeScan(scan!.code).code).toBe('0108691234567890' + '10ABC21X')
  })

  it('paste-mode delivery has no key times: typed, not scanned', () => {
    const { pastedText, strokes } = pastedScan('6291041500213')
    expect(strokes.map((s) => s.key)).toEqual(['Enter'])
    expect(classifyKeyTimes([], pastedText.length)).toBe('keyboard')
  })
})
