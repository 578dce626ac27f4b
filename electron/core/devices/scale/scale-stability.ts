import type { ScaleReading } from './scale.port'

/**
 * The rule that decides when a weight is taken (pure). docs/reference/hardware.md §2.7: prefer the device's own
 * stable flag, and accept a weight only when it is flagged stable and differs from the last accepted
 * value. On top of the flag we ask for a short run of agreeing readings, because a parcel still
 * rocking on the pan can produce a single "stable" frame.
 */
export type StabilityRule = Readonly<{
  /** How many consecutive agreeing readings make a weight (N). */
  sampleCount: number
  /** Every reading in the run must be within ± this of the newest one. */
  toleranceGrams: number
  /** The run must span at least this long (T), newest minus oldest reading time. */
  minStableMs: number
  /** A reading older than this is stale: never current, never settles. */
  staleAfterMs: number
}>

export const defaultStabilityRule: StabilityRule = {
  sampleCount: 3,
  toleranceGrams: 5,
  minStableMs: 300,
  staleAfterMs: 1000,
}

export type StableWeight = Readonly<{ grams: number; at: number }>

export type StabilityVerdict =
  | Readonly<{ stable: true; grams: number; at: number }>
  | Readonly<{ stable: false; reason: 'noReadings' | 'stale' | 'overload' | 'underload' | 'moving' | 'settling' }>

export function isStale(reading: ScaleReading, now: number, rule: StabilityRule = defaultStabilityRule): boolean {
  return now - reading.at > rule.staleAfterMs
}

function agrees(reading: ScaleReading, newest: ScaleReading, rule: StabilityRule): boolean {
  return reading.stable && (reading.condition ?? 'ok') === 'ok' && Math.abs(reading.grams - newest.grams) <= rule.toleranceGrams
}

/**
 * Applies the rule to readings in arrival order (oldest first). Only the tail matters; callers
 * may keep a short history. The taken weight is the newest reading, i.e. what the display shows.
 */
export function evaluateStability(readings: readonly ScaleReading[], now: number, rule: StabilityRule = defaultStabilityRule): StabilityVerdict {
  const newest = readings[readings.length - 1]
  if (!newest) return { stable: false, reason: 'noReadings' }
  if (isStale(newest, now, rule)) return { stable: false, reason: 'stale' }
  if (newest.condition === 'overload' || newest.condition === 'underload') return { stable: false, reason: newest.condition }
  if (!newest.stable) return { stable: false, reason: 'moving' }

  let count = 0
  let oldestAt = newest.at
  for (let i = readings.length - 1; i >= 0; i--) {
    const reading = readings[i]
    if (!reading || !agrees(reading, newest, rule)) break
    count++
    oldestAt = reading.at
  }
  if (count < rule.sampleCount || newest.at - oldestAt < rule.minStableMs) return { stable: false, reason: 'settling' }
  return { stable: true, grams: newest.grams, at: newest.at }
}

/**
 * Remembers the last taken weight so the same parcel is not taken twice (§2.7: "differs from
 * the last accepted value"). After a settle, a new settle needs the weight to move by more than
 * the tolerance first (the parcel was lifted, swapped, or the pan went back near zero).
 */
export type SettleState = Readonly<{ lastSettledGrams: number | null; armed: boolean }>

export const initialSettleState: SettleState = { lastSettledGrams: null, armed: true }

export type SettleStep = Readonly<{ state: SettleState; settled: StableWeight | null }>

/**
 * Feeds one new reading (already appended to `readings`). Settles are only emitted for a
 * positive load above the tolerance: an empty pan or a negative reading re-arms but is not a parcel.
 */
export function stepSettle(state: SettleState, readings: readonly ScaleReading[], now: number, rule: StabilityRule = defaultStabilityRule): SettleStep {
  const newest = readings[readings.length - 1]
  let armed = state.armed
  if (!armed && newest && !isStale(newest, now, rule) && (newest.condition ?? 'ok') === 'ok') {
    if (state.lastSettledGrams === null || Math.abs(newest.grams - state.lastSettledGrams) > rule.toleranceGrams) armed = true
  }
  if (!armed) return { state: armed === state.armed ? state : { ...state, armed }, settled: null }

  const verdict = evaluateStability(readings, now, rule)
  if (!verdict.stable || verdict.grams <= rule.toleranceGrams) return { state: { ...state, armed }, settled: null }
  return { state: { lastSettledGrams: verdict.grams, armed: false }, settled: { grams: verdict.grams, at: verdict.at } }
}
