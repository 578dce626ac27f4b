import { trFold } from '../../shared/domain/address'

/**
 * A small il/ilçe + postal code table standing in for ComToHome's address database, and the three
 * address_resolver_type modes of seed 001:
 *   0 NONE: match state (il) and city (ilçe) against the table; error when not found. We fold Turkish
 *     case and diacritics ("ISTANBUL", "sisli" match); the seed shows such correction only under type 2,
 *     but a lookup that failed on case alone would make type 0 useless.
 *   1 RESOLVE_FROM_POSTAL_CODE: only postal_code is used; state and city are ignored.
 *   2 RESOLVE_FROM_POSTAL_CODE_IF_NOT_FOUND: names first, postal code when the names do not match.
 * Postal codes include every one in the seed samples (34381, 06690, 35540, 34710).
 */
type Province = Readonly<{ name: string; plate: string; districts: Readonly<Record<string, readonly string[]>> }>

export const PROVINCES: readonly Province[] = [
  {
    name: 'İstanbul',
    plate: '34',
    districts: {
      Şişli: ['34381', '34360', '34394'],
      Kadıköy: ['34710', '34714', '34718'],
      Beşiktaş: ['34353', '34349'],
      Üsküdar: ['34662', '34672'],
      Bakırköy: ['34142', '34158'],
      Fatih: ['34122', '34134'],
      Ataşehir: ['34750', '34758'],
      Esenyurt: ['34510'],
    },
  },
  {
    name: 'Ankara',
    plate: '06',
    districts: {
      Çankaya: ['06690', '06420', '06550'],
      Keçiören: ['06280'],
      Yenimahalle: ['06170'],
      Etimesgut: ['06790'],
      Altındağ: ['06050'],
    },
  },
  {
    name: 'İzmir',
    plate: '35',
    districts: { Karşıyaka: ['35540', '35560'], Konak: ['35250', '35210'], Bornova: ['35040', '35030'], Buca: ['35390'] },
  },
  { name: 'Bursa', plate: '16', districts: { Osmangazi: ['16040'], Nilüfer: ['16110', '16140'], Yıldırım: ['16200'] } },
  { name: 'Antalya', plate: '07', districts: { Muratpaşa: ['07100', '07160'], Konyaaltı: ['07070'], Alanya: ['07400'] } },
  { name: 'Adana', plate: '01', districts: { Seyhan: ['01010', '01120'], Çukurova: ['01170'] } },
  { name: 'Konya', plate: '42', districts: { Selçuklu: ['42050', '42060'], Meram: ['42090'], Karatay: ['42030'] } },
  { name: 'Gaziantep', plate: '27', districts: { Şahinbey: ['27010'], Şehitkamil: ['27060'] } },
  { name: 'Kocaeli', plate: '41', districts: { İzmit: ['41040'], Gebze: ['41400'] } },
  { name: 'Mersin', plate: '33', districts: { Yenişehir: ['33110'], Mezitli: ['33200'] } },
  { name: 'Kayseri', plate: '38', districts: { Melikgazi: ['38030'], Kocasinan: ['38090'] } },
  { name: 'Eskişehir', plate: '26', districts: { Tepebaşı: ['26130'], Odunpazarı: ['26010'] } },
  { name: 'Diyarbakır', plate: '21', districts: { Bağlar: ['21050'], Kayapınar: ['21070'] } },
  { name: 'Samsun', plate: '55', districts: { İlkadım: ['55060'], Atakum: ['55200'] } },
  { name: 'Trabzon', plate: '61', districts: { Ortahisar: ['61030'], Akçaabat: ['61300'] } },
  { name: 'Muğla', plate: '48', districts: { Bodrum: ['48400'], Menteşe: ['48000'], Fethiye: ['48300'] } },
  { name: 'Denizli', plate: '20', districts: { Pamukkale: ['20160'], Merkezefendi: ['20010'] } },
  { name: 'Sakarya', plate: '54', districts: { Adapazarı: ['54100'], Serdivan: ['54050'] } },
  { name: 'Tekirdağ', plate: '59', districts: { Çorlu: ['59850'], Süleymanpaşa: ['59100'] } },
  { name: 'Erzurum', plate: '25', districts: { Yakutiye: ['25100'], Palandöken: ['25070'] } },
]

export type ResolvedPlace = Readonly<{ state: string; city: string; postalCode: string | null }>

export const AddressResolverType = { none: 0, fromPostalCode: 1, fromPostalCodeIfNotFound: 2 } as const
export type AddressResolverType = (typeof AddressResolverType)[keyof typeof AddressResolverType]

/** A failure on one of the party's fields; `field` is the last path segment (state, city, postal_code). */
export type AddressProblem = Readonly<{ field: 'state' | 'city' | 'postal_code'; message: string }>

export type AddressResult = Readonly<{ ok: true; place: ResolvedPlace }> | Readonly<{ ok: false; problems: readonly AddressProblem[] }>

// Messages for resolution failures are ours: seed 001 says only that an error is returned.
export const AddressMessage = {
  stateNotFound: (v: string) => `İl bulunamadı: [${v}]`,
  cityNotFound: (city: string, state: string) => `İlçe bulunamadı: [${city}] (${state})`,
  postalCodeNotFound: (v: string) => `Posta kodundan adres çözümlenemedi: [${v}]`,
  postalCodeMissing: 'Posta kodundan adres çözümlemesi için posta kodu gereklidir.',
} as const

const byPostalCode = new Map<string, ResolvedPlace>()
for (const p of PROVINCES) {
  for (const [district, codes] of Object.entries(p.districts)) {
    for (const code of codes) byPostalCode.set(code, { state: p.name, city: district, postalCode: code })
  }
}

function byNames(state: string, city: string, postalCode: string | null): AddressResult {
  const province = PROVINCES.find((p) => trFold(p.name) === trFold(state))
  if (!province) return { ok: false, problems: [{ field: 'state', message: AddressMessage.stateNotFound(state) }] }
  const district = Object.keys(province.districts).find((d) => trFold(d) === trFold(city))
  if (!district) return { ok: false, problems: [{ field: 'city', message: AddressMessage.cityNotFound(city, province.name) }] }
  return { ok: true, place: { state: province.name, city: district, postalCode } }
}

function fromPostalCode(postalCode: string | null): AddressResult {
  if (postalCode === null || postalCode.trim() === '') {
    return { ok: false, problems: [{ field: 'postal_code', message: AddressMessage.postalCodeMissing }] }
  }
  const place = byPostalCode.get(postalCode.trim())
  if (!place) return { ok: false, problems: [{ field: 'postal_code', message: AddressMessage.postalCodeNotFound(postalCode) }] }
  return { ok: true, place }
}

/** Resolves one party's il/ilçe by the seed's address_resolver_type. */
export function resolveAddress(type: AddressResolverType, input: Readonly<{ state: string; city: string; postalCode: string | null }>): AddressResult {
  if (type === AddressResolverType.fromPostalCode) return fromPostalCode(input.postalCode)
  const named = byNames(input.state, input.city, input.postalCode)
  if (named.ok || type === AddressResolverType.none) return named
  // Type 2: names failed, fall back to the postal code; with no postal code the name problem is the answer.
  if (input.postalCode === null || input.postalCode.trim() === '') return named
  const coded = fromPostalCode(input.postalCode)
  return coded.ok ? coded : { ok: false, problems: [...named.problems, ...coded.problems] }
}
