import { LayoutProfileId, layoutProfiles, repairScan, typeAsLayout, type LayoutProfile } from './keyboard-layout'

/**
 * Scanner self-test: the desk shows these barcodes, the packer scans them, and the app
 * learns the keyboard layout the OS applies and how the scanner sends FNC1 and AIM prefixes. Pure.
 *
 * Why this content: every physical key whose meaning differs between US and Turkish-Q, Turkish-F
 * or UK is pressed at least once. The plain character is used where the plain level differs
 * (` = [ ] \ ; ' , . / and the i key, plus '-' in "KJ-TEST"); on the digit row only the Shift level
 * differs, so the shifted characters @ # $ ^ & * ( ) are used. The letters K J T E S and i tell
 * Turkish-F (which moves every letter) apart. `#` is the Turkish dead circumflex, so it is followed
 * by `$`, which never composes. 26 characters fit a Code 128 at 2 dots/module on a 100 mm label at
 * 203 dpi (rendered through `fieldData` of zpl-escape.ts with zebrash and decoded back by zbarimg
 * on this machine); `^` in it needs that `^FH` escaping.
 */
export const SCANNER_SELF_TEST_CODE = "KJ-TEST`=[]\\;',./i@#$^&*()"

export type SelfTestResult =
  | Readonly<{ status: 'ok' }>
  /** The scan matches what `profile` types for a US-layout scanner: repair with it, or set the scanner's keyboard country. */
  | Readonly<{ status: 'layoutMismatch'; profile: LayoutProfile }>
  /** No known layout explains it (another layout, Caps Lock, a prefix/suffix, a wrong barcode). */
  | Readonly<{ status: 'unrecognised'; firstDifferenceAt: number }>

/** The layout profile that turns `expected` into `received`, or null when they are equal or no known layout explains the difference. */
export function detectLayoutMismatch(expected: string, received: string): LayoutProfile | null {
  if (received === expected) return null
  for (const profile of Object.values(layoutProfiles)) {
    if (profile.id === LayoutProfileId.us) continue
    // The second test accepts a desk whose dead key is not dead (XKB may type '^' at once).
    if (typeAsLayout(expected, profile) === received || repairScan(received, profile) === expected) return profile
  }
  return null
}

export function checkScannerSelfTest(received: string, expected: string = SCANNER_SELF_TEST_CODE): SelfTestResult {
  if (received === expected) return { status: 'ok' }
  const profile = detectLayoutMismatch(expected, received)
  if (profile) return { status: 'layoutMismatch', profile }
  let i = 0
  while (i < expected.length && expected[i] === received[i]) i++
  return { status: 'unrecognised', firstDifferenceAt: i }
}

/** Parts of the GS1 self-test symbol: GS1-128 `(01)08691234567890(10)ABC123<FNC1>(21)4711`. */
const GS1_HEAD = '01' + '08691234567890' + '10' + 'ABC123'
const GS1_TAIL = '21' + '4711'

/** What to encode in the GS1-128 self-test (FNC1 in first position, one FNC1 separator after the batch). */
export const GS1_SELF_TEST = { head: GS1_HEAD, tail: GS1_TAIL, hri: '(01)08691234567890(10)ABC123(21)4711' } as const

export type Gs1SelfTestResult =
  | Readonly<{
      status: 'ok'
      /** The scanner sends AIM symbology identifiers (`]C1`), so GS1 is recognised without guessing. */
      aimPrefix: boolean
      /** How the FNC1 separator arrives: ASCII GS, a substitute string to configure, or not at all. */
      fnc1: Readonly<{ kind: 'gs' }> | Readonly<{ kind: 'substitute'; text: string }> | Readonly<{ kind: 'dropped' }>
    }>
  | Readonly<{ status: 'unrecognised' }>

/**
 * Reads the GS1 self-test scan, after repairing it with the layout found by the first self-test.
 * A dropped FNC1 means variable-length fields run together: the desk must then not rely on AIs
 * after a batch or serial (configure a substitute character on the scanner instead).
 */
export function checkGs1SelfTest(received: string, layout: LayoutProfile | null = null): Gs1SelfTestResult {
  let text = layout ? repairScan(received, layout) : received
  const aimPrefix = text.startsWith(']C1')
  if (aimPrefix) text = text.slice(3)
  // Some scanners also send the leading (implied) FNC1 as GS when AIM identifiers are off.
  else if (text.startsWith('\x1d')) text = text.slice(1)
  if (!text.startsWith(GS1_HEAD) || !text.endsWith(GS1_TAIL) || text.length < GS1_HEAD.length + GS1_TAIL.length) {
    return { status: 'unrecognised' }
  }
  const separator = text.slice(GS1_HEAD.length, text.length - GS1_TAIL.length)
  if (separator === '') return { status: 'ok', aimPrefix, fnc1: { kind: 'dropped' } }
  if (separator === '\x1d') return { status: 'ok', aimPrefix, fnc1: { kind: 'gs' } }
  return { status: 'ok', aimPrefix, fnc1: { kind: 'substitute', text: separator } }
}
