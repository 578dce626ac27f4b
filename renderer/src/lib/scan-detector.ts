/**
 * Tells a keyboard-wedge scanner from a person typing (hardware.md §5.1, onScan.js defaults):
 * a scanner "types" a whole code at a few ms per character and ends with Enter or Tab.
 * Pure, so it is table-tested without a DOM.
 */
export type ScanSource = 'scanner' | 'keyboard'

export type ScanTiming = Readonly<{
  /** Average time between characters at or under which the burst is a scanner (onScan.js: 30, scannerDetection: 40). */
  maxAvgMsPerChar: number
  /** Shorter bursts count as typing, whatever their speed (digit + Enter box picks stay "keyboard"). */
  minScanLength: number
}>

export const defaultScanTiming: ScanTiming = { maxAvgMsPerChar: 35, minScanLength: 3 }

/** Keys that end a scan; scanners are configured with an Enter or Tab suffix. */
export function isTerminatorKey(key: string): boolean {
  return key === 'Enter' || key === 'Tab'
}

/** A key that adds one character to the code (not a shortcut chord). AltGr (Ctrl+Alt) still types on TR-Q. */
export function isPrintableKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  if (e.key.length !== 1 || e.metaKey) return false
  return !(e.ctrlKey && !e.altKey)
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
