/**
 * The largest parcel the desk accepts, as data: input beyond these is refused where it enters (the
 * CLI's order files and flags, the desk's box entry, rate-card import), before any price is asked
 * or any label is bought. A number that overflows (1e308, Infinity) is refused the same way.
 *
 * Source. None of the carrier references in the repository (docs/carriers.md; the public API
 * documents of Yurtiçi, Aras, MNG, Sürat, PTT, HepsiJET, Sendeo, Kolay Gelsin; the ComToHome
 * consignment API, seed 001) states a largest weight or size per parcel: seed 001 types
 * `packages.weight`, `length`, `width`, `height` as plain Float (kg, cm), and Yurtiçi/Aras take
 * Double(9,3). So these are chosen, generously, as a professional ceiling that no parcel service
 * carries beyond (domestic freight-parcel services stop far below: desi price tables run to 50 and
 * price the rest per extra unit, docs/reference/carriers.md §11):
 * - 1000 kg actual weight per package,
 * - 300 cm per side,
 * - and so at most 300 × 300 × 300 / 3000 = 9000 desi per package.
 * A shipment has at most 99 packages (the CLI's order file).
 */
export const PACKAGE_LIMITS = {
  maxWeightKg: 1000,
  maxWeightGrams: 1_000_000,
  maxSideCm: 300,
  maxSideMm: 3000,
  /** 300 × 300 × 300 / 3000: the desi of the largest box the sides allow. */
  maxDesi: 9000,
  maxPackages: 99,
} as const

export type LimitCheck = { ok: true; value: number } | { ok: false; message: string }

/**
 * A user-typed quantity that must be a finite number above zero and at most `max`:
 * `"--weight-kg must be a finite number ≤ 1000, got 1e308"`.
 */
export function checkBounded(value: number, max: number, name: string, unit = ''): LimitCheck {
  const u = unit ? ` ${unit}` : ''
  if (!Number.isFinite(value)) return { ok: false, message: `${name} must be a finite number ≤ ${max}${u}, got ${value}` }
  if (value <= 0) return { ok: false, message: `${name} must be greater than 0, got ${value}` }
  if (value > max) return { ok: false, message: `${name} must be a finite number ≤ ${max}${u} (the largest parcel any carrier takes), got ${value}` }
  return { ok: true, value }
}
