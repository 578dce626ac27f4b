import { typeAsLayout, type LayoutProfile } from '../../shared/scan/keyboard-layout'
import type { KeyStroke } from '../../shared/scan/scan-timing'

/**
 * A keyboard-wedge scanner and a person at the same keyboard, as streams of key strokes
 * (docs/reference/hardware.md "What emulators we need" D): scanner bursts at 5–30 ms per key with an Enter or Tab
 * suffix, human typing at 80–300 ms, optional prefix keys, the US→Turkish-Q layout corruption,
 * GS1 FNC1 delivered as Ctrl+] / a substitute / dropped, and paste-mode delivery.
 * Deterministic: jitter comes from a seeded generator.
 */
export type WedgeOptions = Readonly<{
  /** Time of the first key. */
  startMs?: number
  /** Mean gap between keys; scanners 5–30 ms (default 8). */
  interKeyMs?: number
  /** ± jitter around the mean. */
  jitterMs?: number
  /** Keys sent before the data (scanner prefix), e.g. ['F8']. */
  prefixKeys?: readonly string[]
  /** Key after the data; null for a scanner configured without suffix. */
  suffix?: 'Enter' | 'Tab' | null
  /** The OS layout the keys land in (corruption mode); null = same as the scanner's (US). */
  layout?: LayoutProfile | null
  /** How GS (FNC1) inside the data reaches the OS: a Ctrl+] chord, a substitute character, or not at all. */
  gs?: Readonly<{ kind: 'ctrlBracket' }> | Readonly<{ kind: 'substitute'; text: string }> | Readonly<{ kind: 'drop' }>
  seed?: number
}>

/** A small linear congruential generator (Numerical Recipes constants), so runs repeat exactly. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 0x1_0000_0000
  }
}

const stroke = (key: string, timeMs: number, extra: Partial<KeyStroke> = {}): KeyStroke => ({
  key,
  timeMs,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...extra,
})

/**
 * The key strokes of one scan. Layout corruption is applied per character with `typeAsLayout`
 * (a Turkish dead circumflex is delivered already composed, as the browser's `key` shows it).
 */
export function scannerKeyStrokes(code: string, options: WedgeOptions = {}): KeyStroke[] {
  const rand = random(options.seed ?? 1)
  const mean = options.interKeyMs ?? 8
  const jitter = options.jitterMs ?? 2
  let t = options.startMs ?? 0
  const next = () => (t += Math.max(1, mean + (rand() * 2 - 1) * jitter))
  const out: KeyStroke[] = []
  for (const key of options.prefixKeys ?? []) (out.push(stroke(key, t)), next())
  const gs = options.gs ?? { kind: 'ctrlBracket' }
  for (const part of code.split('\x1d').flatMap((p, i) => (i === 0 ? [p] : ['\x1d', p]))) {
    if (part === '\x1d') {
      if (gs.kind === 'ctrlBracket') (out.push(stroke(']', t, { ctrlKey: true, code: 'BracketRight' })), next())
      else if (gs.kind === 'substitute') for (const ch of typed(gs.text, options)) (out.push(stroke(ch, t)), next())
      continue
    }
    for (const ch of typed(part, options)) (out.push(stroke(ch, t)), next())
  }
  const suffix = options.suffix === undefined ? 'Enter' : options.suffix
  if (suffix) out.push(stroke(suffix, t))
  return out
}

function typed(text: string, options: WedgeOptions): string[] {
  return [...(options.layout ? typeAsLayout(text, options.layout) : text)]
}

/** A person typing `text` and pressing Enter, 80–300 ms between keys. */
export function humanKeyStrokes(text: string, options: Readonly<{ startMs?: number; seed?: number; minMs?: number; maxMs?: number }> = {}): KeyStroke[] {
  const rand = random(options.seed ?? 7)
  const [min, max] = [options.minMs ?? 80, options.maxMs ?? 300]
  let t = options.startMs ?? 0
  const out = [...text].map((ch) => {
    const s = stroke(ch, t)
    t += min + rand() * (max - min)
    return s
  })
  out.push(stroke('Enter', t))
  return out
}

/** Paste-mode delivery: the text lands in the field at once (no key strokes), then the suffix key. */
export function pastedScan(code: string, atMs = 0): Readonly<{ pastedText: string; strokes: KeyStroke[] }> {
  return { pastedText: code, strokes: [stroke('Enter', atMs)] }
}
