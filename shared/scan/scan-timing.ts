/**
 * Tells a keyboard-wedge scanner from a person typing (docs/reference/hardware.md §5.1, onScan.js defaults):
 * a scanner "types" a whole code at a few ms per character and ends with Enter or Tab.
 * Pure and DOM-free (moved from renderer/src/lib/scan-detector.ts), so the renderer hook, the core
 * and the wedge emulator's tests share one rule.
 */
export type ScanSource = 'scanner' | 'keyboard'

export type ScanTiming = Readonly<{
  /** Average time between characters at or under which the burst is a scanner (onScan.js: 30, scannerDetection: 40). */
  maxAvgMsPerChar: number
  /** Shorter bursts count as typing, whatever their speed (digit + Enter box picks stay "keyboard"). */
  minScanLength: number
}>

export const defaultScanTiming: ScanTiming = { maxAvgMsPerChar: 35, minScanLength: 3 }

/** The parts of a DOM `KeyboardEvent` the rules read; a DOM event fits as it is. */
export type KeyLike = Readonly<{ key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; code?: string }>

/** Keys that end a scan; scanners are configured with an Enter or Tab suffix. */
export function isTerminatorKey(key: string): boolean {
  return key === 'Enter' || key === 'Tab'
}

/** A key that adds one character to the code (not a shortcut chord). AltGr (Ctrl+Alt) still types on TR-Q. */
export function isPrintableKey(e: Pick<KeyLike, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  if (e.key.length !== 1 || e.metaKey) return false
  return !(e.ctrlKey && !e.altKey)
}

/**
 * ASCII GS (GS1 FNC1) typed by a wedge as Ctrl+] ("control + ASCII" wedge mode, [unverified]: the
 * scanner manual decides). Read by physical key, so it works on any OS layout (on TR-Q that key is ü).
 */
export function isGsChord(e: KeyLike): boolean {
  return e.ctrlKey && !e.altKey && !e.metaKey && e.code === 'BracketRight'
}

/** Classifies the key times (ms, one per character, in order) of one submitted code. */
export function classifyKeyTimes(keyTimesMs: readonly number[], codeLength: number, timing: ScanTiming = defaultScanTiming): ScanSource {
  // Pasted or filled text has fewer key times than characters: that is not a scanner burst.
  if (codeLength < timing.minScanLength || keyTimesMs.length < codeLength || keyTimesMs.length < 2) return 'keyboard'
  const first = keyTimesMs[0] ?? 0
  const last = keyTimesMs[keyTimesMs.length - 1] ?? 0
  const avg = (last - first) / (keyTimesMs.length - 1)
  return avg <= timing.maxAvgMsPerChar ? 'scanner' : 'keyboard'
}

export type KeyStroke = KeyLike & Readonly<{ timeMs: number }>

export type SubmittedCode = Readonly<{ code: string; source: ScanSource }>

/**
 * Replays a stream of key strokes the way the desk's scan field takes them: printable keys (and
 * the GS chord) add a character, Backspace removes one, Enter/Tab submits the trimmed text and its
 * key times decide scanner or keyboard. Text left without a terminator is not submitted.
 */
export function assembleKeyStrokes(strokes: readonly KeyStroke[], timing: ScanTiming = defaultScanTiming): SubmittedCode[] {
  const out: SubmittedCode[] = []
  let text = ''
  let times: number[] = []
  for (const s of strokes) {
    if (isPrintableKey(s) || isGsChord(s)) {
      text += isGsChord(s) ? '\x1d' : s.key
      times.push(s.timeMs)
    } else if (s.key === 'Backspace') {
      // As the desk field does: key times are only reset when the field is emptied.
      text = text.slice(0, -1)
      if (text === '') times = []
    } else if (isTerminatorKey(s.key) && text !== '') {
      const code = text.trim()
      if (code) out.push({ code, source: classifyKeyTimes(times, code.length, timing) })
      text = ''
      times = []
    }
  }
  return out
}
