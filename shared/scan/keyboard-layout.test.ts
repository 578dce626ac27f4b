import { describe, expect, it } from 'vitest'
import { layoutProfiles, repairScan, typeAsLayout, usCharForKey } from './keyboard-layout'

// Written by hand per ASCII character from the Windows KBDTUQ / KBDTUF / KBDUK key tables (keymanapp
// imports cited in keyboard-layout.ts), independently of the key-ordered strings in the module.
// Columns: what a US-layout scanner sends, what Turkish-Q, Turkish-F and UK type for it.
// '#' is the Turkish dead circumflex: alone (Enter follows) it comes out as '^'.
const ROWS: ReadonlyArray<readonly [string, string, string, string]> = [
  [' ', ' ', ' ', ' '],
  ['!', '!', '!', '!'],
  ['"', 'İ', 'Ş', '@'],
  ['#', '^', '^', '£'],
  ['$', '+', '$', '$'],
  ['%', '%', '%', '%'],
  ['&', '/', "'", '&'],
  ["'", 'i', 'ş', "'"],
  ['(', ')', ')', '('],
  [')', '=', '=', ')'],
  ['*', '(', '(', '*'],
  ['+', '_', '_', '+'],
  [',', 'ö', 'b', ','],
  ['-', '*', '/', '-'],
  ['.', 'ç', '.', '.'],
  ['/', '.', ',', '/'],
  ...[...'0123456789'].map((d) => [d, d, d, d] as const),
  [':', 'Ş', 'Y', ':'],
  [';', 'ş', 'y', ';'],
  ['<', 'Ö', 'B', '<'],
  ['=', '-', '-', '='],
  ['>', 'Ç', ':', '>'],
  ['?', ':', ';', '?'],
  ['@', "'", '"', '"'],
  ...letters('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'UÇVEĞAÜTNKMLSZHPFIİORCGÖDJ'),
  ['[', 'ğ', 'q', '['],
  ['\\', ',', 'x', '#'],
  [']', 'ü', 'w', ']'],
  ['^', '&', '&', '^'],
  ['_', '?', '?', '_'],
  ['`', '"', '+', '`'],
  ...letters('abcdefghijklmnopqrstuvwxyz', 'abcdefghıjklmnopqrstuvwxyz', 'uçveğaütnkmlszhpfıiorcgödj'),
  ['{', 'Ğ', 'Q', '{'],
  ['|', ';', 'X', '~'],
  ['}', 'Ü', 'W', '}'],
  ['~', 'é', '*', '¬'],
]

function letters(us: string, trQ: string, trF: string): Array<readonly [string, string, string, string]> {
  return [...us].map((c, i) => [c, [...trQ][i]!, [...trF][i]!, c] as const)
}

const PRINTABLE_ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i))

describe('layout tables', () => {
  it('the test table covers every printable ASCII character once', () => {
    expect(ROWS.map((r) => r[0])).toEqual(PRINTABLE_ASCII)
  })

  const cases = ROWS.flatMap(([us, trQ, trF, gb]) => [
    { id: 'tr-q' as const, us, typed: trQ },
    { id: 'tr-f' as const, us, typed: trF },
    { id: 'gb' as const, us, typed: gb },
  ])

  it.each(cases)('$id: US $us is typed as $typed and repaired back', ({ id, us, typed }) => {
    const profile = layoutProfiles[id]
    expect(typeAsLayout(us, profile)).toBe(typed)
    expect(repairScan(typed, profile)).toBe(us)
  })

  it.each(['tr-q', 'tr-f', 'gb'] as const)('%s: all printable ASCII in one string survives the round trip', (id) => {
    const all = PRINTABLE_ASCII.join('')
    expect(repairScan(typeAsLayout(all, layoutProfiles[id]), layoutProfiles[id])).toBe(all)
  })

  it('US is the identity', () => {
    const all = PRINTABLE_ASCII.join('')
    expect(typeAsLayout(all, layoutProfiles.us)).toBe(all)
    expect(repairScan(all, layoutProfiles.us)).toBe(all)
  })
})

describe('Turkish-Q corruption (hardware.md §5.1)', () => {
  const trQ = layoutProfiles['tr-q']

  it.each([
    { us: 'https://www.kargojet.com.tr/t?id=TR-1', typed: 'httpsŞ..wwwçkargojetçcomçtr.t:ıd-TR*1' },
    { us: 'SKU-İ', typed: 'SKU*İ' }, // not ASCII: passes through
    { us: '0100869\x1d21AB', typed: '0100869\x1d21AB' }, // GS is not a key of the table
    { us: '#a#e#I#o#u', typed: 'âêÎôû' }, // dead circumflex composes with the next vowel
    { us: '#i', typed: 'î' }, // US i types ı, which composes too
    { us: '#1', typed: '^1' }, // not composable: both come out
    { us: '##', typed: '^^' },
  ])('$us → $typed', ({ us, typed }) => {
    expect(typeAsLayout(us, trQ)).toBe(typed)
  })

  it.each([
    { typed: 'httpsŞ..wwwçkargojetçcomçtr.t:ıd-TR*1', us: 'https://www.kargojet.com.tr/t?id=TR-1' },
    { typed: 'âêÎôû', us: '#a#e#I#o#u' },
    { typed: '^1', us: '#1' },
    // Known losses of the dead key, documented in repairScan: the space after '#' is eaten.
    { typed: typeAsLayout('# 1', trQ), us: '#1' },
  ])('repairs $typed → $us', ({ typed, us }) => {
    expect(repairScan(typed, trQ)).toBe(us)
  })

  it('Turkish-F composes the dead circumflex with its own letters (US f types a)', () => {
    expect(typeAsLayout('#f', layoutProfiles['tr-f'])).toBe('â')
    expect(repairScan('â', layoutProfiles['tr-f'])).toBe('#f')
  })
})

describe('usCharForKey (physical key decoding)', () => {
  it.each([
    { code: 'Period', shift: false, want: '.' },
    { code: 'Slash', shift: true, want: '?' },
    { code: 'Digit3', shift: true, want: '#' },
    { code: 'KeyI', shift: false, want: 'i' },
    { code: 'Quote', shift: true, want: '"' },
    { code: 'Space', shift: false, want: ' ' },
    { code: 'IntlBackslash', shift: false, want: null },
    { code: 'Enter', shift: false, want: null },
  ])('$code shift=$shift → $want', ({ code, shift, want }) => {
    expect(usCharForKey(code, shift)).toBe(want)
  })
})
