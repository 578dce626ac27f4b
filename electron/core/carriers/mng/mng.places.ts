import { trNameKey } from '../../../../shared/domain/address'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { MngOp, type MngClient } from './mng.client'
import { placesSchema, type MngPlace } from './mng.schemas'

/** CBS codes and names of one il/ilçe pair as MNG's createOrder and calculate want them (§3). */
export type MngPlaceCodes = Readonly<{ cityCode: number; cityName: string; districtCode: number; districtName: string }>

// Some lists append the plate to the city name ("İSTANBUL 34"): HT strips a trailing number before matching.
const cityKey = (name: string) => trNameKey(name.replace(/\s+\d+$/, ''))

function codeOf(p: MngPlace, what: string): number {
  const n = Number(p.code)
  if (!Number.isInteger(n)) {
    throw new AppError(ErrorCode.carrierBadResponse, `MNG Kargo ${what} list has a non-numeric code "${p.code}" for ${p.name}`, {
      retryable: false,
      meta: { code: p.code, name: p.name },
    })
  }
  return n
}

/**
 * Resolves an il/ilçe pair to MNG's CBS codes with GET cbsinfoapi/getcities and getdistricts/{code}
 * (§3: "city/district need CBS codes; names matched after Turkish upper-casing"). Matching is
 * trNameKey equality, no guessing; "Merkez" is the ilçe named like its il (renamed centres). Lists
 * are cached for the connector's life; a failed or empty answer is never cached.
 */
type Keyed = MngPlace & Readonly<{ key: string }>

export class MngPlaces {
  private cities: readonly Keyed[] | null = null
  private readonly districts = new Map<string, readonly Keyed[]>()

  constructor(private readonly client: MngClient) {}

  async resolve(city: string, district: string, signal?: AbortSignal): Promise<MngPlaceCodes> {
    const cities = await this.cityList(signal)
    const wanted = cityKey(city)
    const c = wanted === '' ? undefined : cities.find((x) => x.key === wanted)
    if (!c) throw unresolved(`MNG Kargo has no il named "${city}" in its CBS list`, { field: 'city', city })
    const list = await this.districtList(c.code, signal)
    const key = trNameKey(district)
    const d = key === '' ? undefined : (list.find((x) => x.key === key) ?? (key === 'merkez' ? list.find((x) => x.key === wanted) : undefined))
    if (!d) throw unresolved(`MNG Kargo has no ilçe named "${district}" in ${c.name}`, { field: 'district', city, district })
    return { cityCode: codeOf(c, 'city'), cityName: c.name.replace(/\s+\d+$/, ''), districtCode: codeOf(d, 'district'), districtName: d.name }
  }

  private async cityList(signal?: AbortSignal): Promise<readonly Keyed[]> {
    if (this.cities) return this.cities
    const list = (await this.client.call(MngOp.getCities, { schema: placesSchema, signal })).map((p) => ({ ...p, key: cityKey(p.name) }))
    if (list.length > 0) this.cities = list
    return list
  }

  private async districtList(cityCode: string, signal?: AbortSignal): Promise<readonly Keyed[]> {
    const cached = this.districts.get(cityCode)
    if (cached) return cached
    // Keyed like cities (trailing number dropped) so "Merkez" can find the ilçe named like its il.
    const list = (await this.client.call(MngOp.getDistricts, { param: cityCode, schema: placesSchema, signal })).map((p) => ({ ...p, key: cityKey(p.name) }))
    if (list.length > 0) this.districts.set(cityCode, list)
    return list
  }
}

function unresolved(message: string, meta: Record<string, unknown>): AppError {
  return new AppError(ErrorCode.carrierAddressUnresolved, message, { retryable: false, meta })
}
