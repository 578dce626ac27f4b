/**
 * Desi and chargeable weight (docs/reference/carriers.md §11): desi = L×W×H (cm) / 3000 per package,
 * chargeable = max(kg, desi) per package, summed over the shipment.
 * Lengths in millimetres and weight in grams, as stored; results in kg/desi as decimals.
 */
export const DESI_DIVISOR_DOMESTIC = 3000

export type PackageMeasure = Readonly<{
  lengthMm: number
  widthMm: number
  heightMm: number
  weightGrams: number
}>

/** Rounds to 3 decimals (Double(9,3) is what Yurtiçi/Aras accept). */
export function round3(value: number): number {
  return Math.round((value + Number.EPSILON) * 1000) / 1000
}

export function desiFromCm(lengthCm: number, widthCm: number, heightCm: number, divisor = DESI_DIVISOR_DOMESTIC): number {
  return round3((lengthCm * widthCm * heightCm) / divisor)
}

export function packageDesi(p: PackageMeasure, divisor = DESI_DIVISOR_DOMESTIC): number {
  return desiFromCm(p.lengthMm / 10, p.widthMm / 10, p.heightMm / 10, divisor)
}

export function packageChargeableKg(p: PackageMeasure, divisor = DESI_DIVISOR_DOMESTIC): number {
  return round3(Math.max(p.weightGrams / 1000, packageDesi(p, divisor)))
}

export type ShipmentMeasure = Readonly<{ desi: number; weightKg: number; chargeableKg: number }>

/** Sums per-package desi, weight and chargeable weight (max is taken per package, then summed). */
export function shipmentMeasure(packages: readonly PackageMeasure[], divisor = DESI_DIVISOR_DOMESTIC): ShipmentMeasure {
  let desi = 0
  let weightKg = 0
  let chargeableKg = 0
  for (const p of packages) {
    desi += packageDesi(p, divisor)
    weightKg += p.weightGrams / 1000
    chargeableKg += packageChargeableKg(p, divisor)
  }
  return { desi: round3(desi), weightKg: round3(weightKg), chargeableKg: round3(chargeableKg) }
}

/** The integer band a carrier prices by: ceil of chargeable weight, at least 1. */
export function priceBand(chargeableKg: number): number {
  return Math.max(1, Math.ceil(round3(chargeableKg)))
}
