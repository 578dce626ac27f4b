import { describe, expect, it } from 'vitest'
import { layoutProfiles, typeAsLayout } from '../../../shared/scan/keyboard-layout'
import { GS1_SELF_TEST, SCANNER_SELF_TEST_CODE } from '../../../shared/scan/scanner-self-test'
import { initialSelfTest, judgeLayoutScan, onLayoutSaved, onSelfTestScan, proposedLayout } from './self-test'

const trQ = typeAsLayout(SCANNER_SELF_TEST_CODE, layoutProfiles['tr-q'])

describe('judgeLayoutScan', () => {
  it.each([
    { name: 'right as sent, nothing saved', received: SCANNER_SELF_TEST_CODE, configured: null, verdict: { kind: 'ok' } },
    { name: 'right as sent, US saved', received: SCANNER_SELF_TEST_CODE, configured: 'us', verdict: { kind: 'ok' } },
    {
      name: 'right as sent but a repair is saved',
      received: SCANNER_SELF_TEST_CODE,
      configured: 'tr-q',
      verdict: { kind: 'propose', layout: 'us', reason: 'repairWrong', configured: 'tr-q' },
    },
    {
      name: 'Turkish-Q desk, nothing saved',
      received: trQ,
      configured: null,
      verdict: { kind: 'propose', layout: 'tr-q', reason: 'mismatch', configured: null },
    },
    { name: 'Turkish-Q desk, UK saved', received: trQ, configured: 'gb', verdict: { kind: 'propose', layout: 'tr-q', reason: 'mismatch', configured: 'gb' } },
    { name: 'Turkish-Q desk, Turkish-Q saved', received: trQ, configured: 'tr-q', verdict: { kind: 'alreadySet', layout: 'tr-q' } },
    { name: 'Caps Lock on', received: SCANNER_SELF_TEST_CODE.toLowerCase(), configured: null, verdict: { kind: 'unrecognised', firstDifferenceAt: 0 } },
  ] as const)('$name', ({ received, configured, verdict }) => {
    expect(judgeLayoutScan(received, configured)).toEqual(verdict)
  })
})

describe('the two-step self-test', () => {
  const gs1 = `${GS1_SELF_TEST.head}\x1d${GS1_SELF_TEST.tail}`

  it('mismatch → proposal (F3) → saved → GS1 step → done', () => {
    let s = onSelfTestScan(initialSelfTest, trQ, null)
    expect(s.step).toBe('layout')
    expect(proposedLayout(s)).toBe('tr-q')
    s = onLayoutSaved(s, 'tr-q')
    expect(s).toMatchObject({ step: 'gs1', layout: { kind: 'saved', layout: 'tr-q' } })
    expect(proposedLayout(s)).toBeNull()
    // A browser field never receives GS (Ctrl+]): the separator is dropped.
    s = onSelfTestScan(s, `${GS1_SELF_TEST.head}${GS1_SELF_TEST.tail}`, 'tr-q')
    expect(s).toMatchObject({ step: 'done', gs1: { status: 'ok', aimPrefix: false, fnc1: { kind: 'dropped' } } })
  })

  it('a right layout goes straight to GS1; an unreadable GS1 scan stays on step 2', () => {
    let s = onSelfTestScan(initialSelfTest, SCANNER_SELF_TEST_CODE, null)
    expect(s).toMatchObject({ step: 'gs1', layout: { kind: 'ok' } })
    s = onSelfTestScan(s, 'KJ1001', null)
    expect(s).toMatchObject({ step: 'gs1', gs1: { status: 'unrecognised' }, received: 'KJ1001' })
    s = onSelfTestScan(s, `]C1${gs1}`, null)
    expect(s).toMatchObject({ step: 'done', gs1: { status: 'ok', aimPrefix: true, fnc1: { kind: 'gs' } } })
  })

  it('an unrecognised layout scan stays on step 1 with what was read', () => {
    const s = onSelfTestScan(initialSelfTest, 'hello', null)
    expect(s).toMatchObject({ step: 'layout', layout: { kind: 'unrecognised', firstDifferenceAt: 0 }, received: 'hello' })
    expect(proposedLayout(s)).toBeNull()
  })
})
