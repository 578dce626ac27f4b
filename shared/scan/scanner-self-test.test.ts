import { describe, expect, it } from 'vitest'
import { layoutProfiles, repairScan } from './keyboard-layout'
import { SCANNER_SELF_TEST_CODE, checkGs1SelfTest, checkScannerSelfTest, detectLayoutMismatch, GS1_SELF_TEST } from './scanner-self-test'

describe('scanner self-test', () => {
  it('is printable ASCII, Code 128 set B, short enough for a 100 mm label', () => {
    expect(SCANNER_SELF_TEST_CODE).toMatch(/^[\x20-\x7e]+$/)
    expect(SCANNER_SELF_TEST_CODE.length).toBeLessThanOrEqual(30)
  })

  // What each desk types for the self-test, written out by hand from the layout tables.
  it.each([
    { id: 'tr-q', received: 'KJ*TEST"-ğü,şiöç.ı\'^+&/()=' },
    { id: 'tr-f', received: 'MK/OĞİO+-qwxyşb.,n"^$&\'()=' },
    { id: 'gb', received: 'KJ-TEST`=[]#;\',./i"£$^&*()' },
  ] as const)('$id desk: detected, and the repair gives the code back', ({ id, received }) => {
    expect(checkScannerSelfTest(received)).toEqual({ status: 'layoutMismatch', profile: layoutProfiles[id] })
    expect(detectLayoutMismatch(SCANNER_SELF_TEST_CODE, received)?.id).toBe(id)
    expect(repairScan(received, layoutProfiles[id])).toBe(SCANNER_SELF_TEST_CODE)
  })

  it('a matching desk needs nothing', () => {
    expect(checkScannerSelfTest(SCANNER_SELF_TEST_CODE)).toEqual({ status: 'ok' })
    expect(detectLayoutMismatch(SCANNER_SELF_TEST_CODE, SCANNER_SELF_TEST_CODE)).toBeNull()
  })

  it('accepts a Turkish-Q desk whose circumflex is not a dead key (^ typed at once)', () => {
    // Same as the Windows output here, because '$' never composes; the repair path is what matches.
    expect(detectLayoutMismatch('a#e', 'a^-e')).toBeNull() // '-' is not what TR-Q types for 'e'
    expect(detectLayoutMismatch('x#a', 'x^a')?.id).toBe('tr-q')
  })

  it.each([
    { name: 'Caps Lock', received: SCANNER_SELF_TEST_CODE.toLowerCase(), at: 0 },
    { name: 'a suffix the desk did not strip', received: `${SCANNER_SELF_TEST_CODE}\t`, at: SCANNER_SELF_TEST_CODE.length },
    { name: 'another barcode', received: 'KJ-TESTX', at: 7 },
  ])('unrecognised: $name', ({ received, at }) => {
    expect(checkScannerSelfTest(received)).toEqual({ status: 'unrecognised', firstDifferenceAt: at })
  })
})

describe('GS1 self-test', () => {
  const data = (sep: string) => GS1_SELF_TEST.head + sep + GS1_SELF_TEST.tail

  it.each([
    { name: 'AIM + GS', received: `]C1${data('\x1d')}`, want: { status: 'ok', aimPrefix: true, fnc1: { kind: 'gs' } } },
    { name: 'GS only', received: data('\x1d'), want: { status: 'ok', aimPrefix: false, fnc1: { kind: 'gs' } } },
    { name: 'leading GS for the first FNC1', received: `\x1d${data('\x1d')}`, want: { status: 'ok', aimPrefix: false, fnc1: { kind: 'gs' } } },
    { name: 'substitute ~', received: `]C1${data('~')}`, want: { status: 'ok', aimPrefix: true, fnc1: { kind: 'substitute', text: '~' } } },
    { name: 'FNC1 dropped by the wedge', received: data(''), want: { status: 'ok', aimPrefix: false, fnc1: { kind: 'dropped' } } },
    { name: 'wrong barcode', received: '6291041500213', want: { status: 'unrecognised' } },
  ])('$name', ({ received, want }) => {
    expect(checkGs1SelfTest(received)).toEqual(want)
  })

  it('repairs the AIM prefix typed by a Turkish-Q desk first (] → ü)', () => {
    const received = `üC1${data('\x1d')}`
    expect(checkGs1SelfTest(received)).toEqual({ status: 'unrecognised' })
    expect(checkGs1SelfTest(received, layoutProfiles['tr-q'])).toEqual({ status: 'ok', aimPrefix: true, fnc1: { kind: 'gs' } })
  })
})
