import { DESI_DIVISOR_DOMESTIC } from '../../shared/desi'
import type { ComToHomeProvider, PriceTable } from './comtohome.config'

/** One validated package in the units of seed 001: kg and cm. */
export type PackageKgCm = Readonly<{ weight: number; length: number; width: number; height: number; quantity: number }>

/** What seed 001 returns in data.detail.packages: desi, weight (kg) and quantity totals. */
export type PackageTotals = Readonly<{ desi: number; weight: number; quantity: number; chargeableKg: number }>

function round2(n: number): number {
  return Math.round((n + Number.EPSILON) * 100) / 100
}

/**
 * Desi = L×W×H/3000 per package (docs/reference/carriers.md §11), chargeable = max(kg, desi) per package, both
 * multiplied by the package quantity and summed. The seed sample shows desi with 2 decimals (1.13).
 */
export function packageTotals(packages: readonly PackageKgCm[]): PackageTotals {
  let desi = 0
  let weight = 0
  let quantity = 0
  let chargeableKg = 0
  for (const p of packages) {
    const one = (p.length * p.width * p.height) / DESI_DIVISOR_DOMESTIC
    desi += one * p.quantity
    weight += p.weight * p.quantity
    chargeableKg += Math.max(one, p.weight) * p.quantity
    quantity += p.quantity
  }
  return { desi: round2(desi), weight: round2(weight), quantity, chargeableKg: round2(chargeableKg) }
}

/** Price in lira: the band row for ceil(chargeable kg), per-kg over the last row, times the provider factor. */
export function priceLira(table: PriceTable, provider: ComToHomeProvider, chargeableKg: number): number {
  const band = Math.max(1, Math.ceil(chargeableKg - 1e-9))
  const row = table.rows.find((r) => band <= r.maxKg)
  const last = table.rows[table.rows.length - 1]
  const base = row ? row.priceLira : (last?.priceLira ?? 0) + (band - (last?.maxKg ?? 0)) * table.perExtraKgLira
  return round2((base * provider.priceFactorPct) / 100)
}
