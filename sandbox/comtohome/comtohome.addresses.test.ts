import { describe, expect, it } from 'vitest'
import { AddressMessage, PROVINCES, resolveAddress, type AddressResolverType } from './comtohome.addresses'

type In = { state: string; city: string; postalCode: string | null }
const place = (state: string, city: string, postalCode: string | null) => ({ ok: true, place: { state, city, postalCode } })
const problems = (...p: Array<[string, string]>) => ({ ok: false, problems: p.map(([field, message]) => ({ field, message })) })

const cases: Array<[string, AddressResolverType, In, unknown]> = [
  ['0 exact', 0, { state: 'İstanbul', city: 'Şişli', postalCode: '34381' }, place('İstanbul', 'Şişli', '34381')],
  ['0 lower-case ascii', 0, { state: 'istanbul', city: 'kadikoy', postalCode: null }, place('İstanbul', 'Kadıköy', null)],
  ['0 upper-case Turkish', 0, { state: 'İZMİR', city: 'KARŞIYAKA', postalCode: null }, place('İzmir', 'Karşıyaka', null)],
  ['0 upper-case ascii I', 0, { state: 'IZMIR', city: 'KARSIYAKA', postalCode: null }, place('İzmir', 'Karşıyaka', null)],
  ['0 unknown il', 0, { state: 'Gotham', city: 'Şişli', postalCode: '34381' }, problems(['state', AddressMessage.stateNotFound('Gotham')])],
  ['0 ilçe of another il', 0, { state: 'Ankara', city: 'Kadıköy', postalCode: '34710' }, problems(['city', AddressMessage.cityNotFound('Kadıköy', 'Ankara')])],
  ['1 postal code wins over names', 1, { state: 'herhangi', city: 'herhangi', postalCode: '34710' }, place('İstanbul', 'Kadıköy', '34710')],
  ['1 no postal code', 1, { state: 'İstanbul', city: 'Şişli', postalCode: null }, problems(['postal_code', AddressMessage.postalCodeMissing])],
  [
    '1 unknown postal code',
    1,
    { state: 'İstanbul', city: 'Şişli', postalCode: '99999' },
    problems(['postal_code', AddressMessage.postalCodeNotFound('99999')]),
  ],
  ['2 names match', 2, { state: 'ankara', city: 'cankaya', postalCode: '34710' }, place('Ankara', 'Çankaya', '34710')],
  ['2 names fail, postal code resolves', 2, { state: 'Ist.', city: 'Kdky', postalCode: '34710' }, place('İstanbul', 'Kadıköy', '34710')],
  ['2 names fail, no postal code', 2, { state: 'Ist.', city: 'Kdky', postalCode: null }, problems(['state', AddressMessage.stateNotFound('Ist.')])],
  [
    '2 both fail',
    2,
    { state: 'İstanbul', city: 'Kdky', postalCode: '00000' },
    problems(['city', AddressMessage.cityNotFound('Kdky', 'İstanbul')], ['postal_code', AddressMessage.postalCodeNotFound('00000')]),
  ],
]

describe('resolveAddress (seed 001 address_resolver_type)', () => {
  it.each(cases)('%s', (_name, type, input, expected) => {
    expect(resolveAddress(type, input)).toEqual(expected)
  })
})

describe('il/ilçe table', () => {
  it('has at least 15 il, including the seed samples', () => {
    expect(PROVINCES.length).toBeGreaterThanOrEqual(15)
    for (const code of ['34381', '06690', '35540', '34710']) expect(resolveAddress(1, { state: '', city: '', postalCode: code }).ok).toBe(true)
  })

  it('postal codes are unique and start with the il plate code', () => {
    const seen = new Set<string>()
    for (const p of PROVINCES) {
      for (const codes of Object.values(p.districts)) {
        for (const code of codes) {
          expect(code.startsWith(p.plate), `${code} in ${p.name}`).toBe(true)
          expect(seen.has(code), `duplicate ${code}`).toBe(false)
          seen.add(code)
        }
      }
    }
  })
})
