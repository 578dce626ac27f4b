/** Grams per display unit for the emulator profiles (sandbox keeps its own copy: it never imports core). */
export const gramsPerDisplayUnit = { g: 1, kg: 1000, lb: 453.59237, t: 1_000_000 } as const

export type DisplayUnit = keyof typeof gramsPerDisplayUnit

/** |grams| in `unit` with `decimals` places, zero-padded to `width` characters (no sign). */
export function displayDigits(grams: number, unit: DisplayUnit, decimals: number, width: number): string {
  return (Math.abs(grams) / gramsPerDisplayUnit[unit]).toFixed(decimals).padStart(width, '0')
}
