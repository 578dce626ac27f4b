import { getLayoutProfile, LayoutProfileId } from '../../../shared/scan/keyboard-layout'
import { checkGs1SelfTest, checkScannerSelfTest, type Gs1SelfTestResult } from '../../../shared/scan/scanner-self-test'

/**
 * The settings screen's scanner self-test as a small state machine (pure, tested). Step 1 reads
 * the layout barcode and says whether the desk's saved wedge layout is right; step 2 reads the
 * GS1-128 barcode (repaired with the layout in force) and reports AIM prefix and FNC1.
 */
export type LayoutVerdict =
  /** Arrived as sent and nothing is repaired: nothing to do. */
  | Readonly<{ kind: 'ok' }>
  /** The saved layout already explains the scan: wedge scans are being repaired. */
  | Readonly<{ kind: 'alreadySet'; layout: LayoutProfileId }>
  /** Save `layout`: the scan matches it ('mismatch'), or arrives right while a repair is saved ('repairWrong', propose US). */
  | Readonly<{ kind: 'propose'; layout: LayoutProfileId; reason: 'mismatch' | 'repairWrong'; configured: LayoutProfileId | null }>
  /** The supervisor accepted the proposal and it was saved. */
  | Readonly<{ kind: 'saved'; layout: LayoutProfileId }>
  /** No known layout explains it (Caps Lock, another barcode, a prefix or suffix). */
  | Readonly<{ kind: 'unrecognised'; firstDifferenceAt: number }>

export type SelfTestState = Readonly<{
  step: 'layout' | 'gs1' | 'done'
  layout: LayoutVerdict | null
  gs1: Gs1SelfTestResult | null
  /** The last text read, as typed (shown when it was not recognised). */
  received: string | null
}>

export const initialSelfTest: SelfTestState = { step: 'layout', layout: null, gs1: null, received: null }

export function judgeLayoutScan(received: string, configured: LayoutProfileId | null): LayoutVerdict {
  const r = checkScannerSelfTest(received)
  const repairing = configured !== null && configured !== LayoutProfileId.us
  if (r.status === 'ok') return repairing ? { kind: 'propose', layout: LayoutProfileId.us, reason: 'repairWrong', configured } : { kind: 'ok' }
  if (r.status === 'layoutMismatch') {
    return r.profile.id === configured
      ? { kind: 'alreadySet', layout: r.profile.id }
      : { kind: 'propose', layout: r.profile.id, reason: 'mismatch', configured }
  }
  return { kind: 'unrecognised', firstDifferenceAt: r.firstDifferenceAt }
}

/** A scan arrived in the self-test field; `configured` is the wedge layout saved now. */
export function onSelfTestScan(state: SelfTestState, received: string, configured: LayoutProfileId | null): SelfTestState {
  if (state.step === 'layout') {
    const layout = judgeLayoutScan(received, configured)
    const next = layout.kind === 'ok' || layout.kind === 'alreadySet' ? 'gs1' : 'layout'
    return { step: next, layout, gs1: null, received }
  }
  // Step 2 (or a repeat once done): the GS1 symbol, repaired with the layout in force.
  const gs1 = checkGs1SelfTest(received, configured ? getLayoutProfile(configured) : null)
  return { ...state, step: gs1.status === 'ok' ? 'done' : 'gs1', gs1, received }
}

/** The proposed layout was saved: go on to the GS1 test. */
export function onLayoutSaved(state: SelfTestState, layout: LayoutProfileId): SelfTestState {
  return { ...state, step: 'gs1', layout: { kind: 'saved', layout } }
}

/** The layout the test asks to save, if any (F3 "use this layout"). */
export function proposedLayout(state: SelfTestState): LayoutProfileId | null {
  return state.step === 'layout' && state.layout?.kind === 'propose' ? state.layout.layout : null
}
