/**
 * Weight units scales report, with their size in grams (pure). The desk works in integer grams
 * everywhere, so every parser converts with `gramsOf`.
 */
export const GramsPerUnit = {
  mg: 0.001,
  g: 1,
  kg: 1000,
  /** Metric ton (CAS ` t`, HID unit 8). */
  t: 1_000_000,
  /** Metric carat (HID unit 4). */
  ct: 0.2,
  /** Grain (HID unit 6). */
  gr: 0.06479891,
  /** Pennyweight (HID unit 7). */
  dwt: 1.55517384,
  /** Troy ounce (HID unit 10). */
  ozt: 31.1034768,
  oz: 28.349523125,
  lb: 453.59237,
  /**
   * Tael (HID unit 5). The tael differs by country (37.5 g Taiwan, 50 g mainland China); the
   * Hong Kong value is used here [unverified: the HID POS tables do not say which].
   */
  tael: 37.799364167,
  /** "Avoir ton" (HID unit 9), read as the US short ton of 2000 lb [unverified: could be the long ton]. */
  ton: 907_184.74,
} as const

export type WeightUnit = keyof typeof GramsPerUnit

export function isWeightUnit(unit: string): unit is WeightUnit {
  return Object.hasOwn(GramsPerUnit, unit)
}

/** Converts a displayed value to integer grams, rounding half away from zero (and never -0). */
export function gramsOf(value: number, unit: WeightUnit): number {
  const exact = value * GramsPerUnit[unit]
  // The nudge undoes binary float error on decimal halves (1.2345 kg * 1000 = 1234.4999…).
  const rounded = Math.sign(exact) * Math.round(Math.abs(exact) + 1e-9)
  return rounded === 0 ? 0 : rounded
}
