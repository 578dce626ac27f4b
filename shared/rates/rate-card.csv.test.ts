import { describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../errors'
import type { RateCard } from './rate-card'
import { parseCsv, rateCardsFromCsv, rateCardsToCsv } from './rate-card.csv'
import { RATE_CARD_COLUMNS } from './rate-card.table'

const CARDS: readonly RateCard[] = [
  {
    carrierId: 'comtohome',
    serviceCode: 'provider:1',
    name: 'Yurtiçi; "Kargo"',
    contract: 'platform',
    commissionBp: 1000,
    transitDays: 2,
    supportsCod: true,
    codFeeKurus: 2550,
    fuelSurchargeBp: 550,
    maxChargeableKg: 50,
    extraKgKurus: 450,
    maxDesi: 100,
    maxWeightKg: 30.5,
    excludedDistricts: [{ city: 'Hakkari' }, { city: 'İstanbul', district: 'Adalar' }],
    bands: [
      { upToKg: 0.5, priceKurus: 7990 },
      { upToKg: 1, priceKurus: 8990, distancePricesKurus: { sehir_ici: 6990, yakin: 7990, uzun: 9990 } },
      { upToKg: 50, priceKurus: 123456 },
    ],
  },
  {
    carrierId: 'yurtici',
    serviceCode: 'std',
    name: 'Yurtiçi kendi',
    contract: 'own',
    commissionBp: 0,
    transitDays: 1,
    supportsCod: false,
    codFeeKurus: 0,
    fuelSurchargeBp: 0,
    maxChargeableKg: 30,
    extraKgKurus: 0,
    bands: [{ upToKg: 30, priceKurus: 5000 }],
  },
]

const HEADER = RATE_CARD_COLUMNS.join(';')
const row = (over: Partial<Record<(typeof RATE_CARD_COLUMNS)[number], string>> = {}): string => {
  const base: Record<string, string> = {
    carrier_id: 'aras',
    service_code: 'std',
    name: 'Aras',
    contract: 'own',
    commission_pct: '',
    transit_days: '2',
    supports_cod: 'evet',
    cod_fee_try: '22,50',
    fuel_pct: '',
    max_chargeable_kg: '30',
    max_desi: '',
    max_weight_kg: '',
    extra_kg_try: '4,80',
    excluded_districts: '',
    up_to_kg: '1',
    distance_band: '',
    price_try: '84,00',
  }
  return RATE_CARD_COLUMNS.map((c) => over[c] ?? base[c]).join(';')
}
const csv = (...lines: string[]): string => [HEADER, ...lines].join('\n')

function importError(text: string): AppError {
  try {
    rateCardsFromCsv(text, 'test.csv')
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('imported without an error')
}

describe('rate cards CSV', () => {
  it.each([[';' as const], [',' as const], ['\t' as const]])('round-trips every field with delimiter %j', (delimiter) => {
    expect(rateCardsFromCsv(rateCardsToCsv(CARDS, { delimiter }))).toEqual(CARDS)
  })

  it('writes the documented layout: one row per card × band × distance band, decimal commas with ;', () => {
    const lines = rateCardsToCsv(CARDS)
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toBe(HEADER)
    expect(lines).toHaveLength(1 + 3 + 3 + 1)
    expect(lines[1]).toBe('comtohome;provider:1;"Yurtiçi; ""Kargo""";platform;10;2;evet;25,50;5,5;50;100;30,5;4,50;Hakkari|İstanbul/Adalar;0,5;;79,90')
    expect(lines[3]).toMatch(/;1;sehir_ici;69,90$/)
  })

  it('imports a hand-written sheet: Turkish decimals, defaults, distance-only bands take their highest price', () => {
    const [card] = rateCardsFromCsv(
      csv(
        '# a comment line',
        row({ up_to_kg: '5', price_try: '1.234,50', contract: 'platform' }),
        '',
        row({ up_to_kg: '1', distance_band: 'Şehir içi', price_try: '60', contract: 'Pazaryeri' }),
        row({ up_to_kg: '1', distance_band: 'UZUN', price_try: '₺95,5', contract: 'platform' }),
      ),
    )
    expect(card).toEqual({
      carrierId: 'aras',
      serviceCode: 'std',
      name: 'Aras',
      contract: 'platform',
      commissionBp: 1000,
      transitDays: 2,
      supportsCod: true,
      codFeeKurus: 2250,
      fuelSurchargeBp: 0,
      maxChargeableKg: 30,
      extraKgKurus: 480,
      bands: [
        { upToKg: 1, priceKurus: 9550, distancePricesKurus: { sehir_ici: 6000, uzun: 9550 } },
        { upToKg: 5, priceKurus: 123450 },
      ],
    })
  })

  it.each<[string, string, number, string | null, RegExp]>([
    ['a comma-decimal price', row({ price_try: 'seksen' }), 2, 'price_try', /sayı değil: "seksen" \/ .*not a number/],
    ['an ambiguous thousands dot', row({ price_try: '1.500' }), 2, 'price_try', /belirsiz sayı/],
    ['three decimals of lira', row({ price_try: '12,505' }), 2, 'price_try', /en çok 2 ondalık/],
    ['a negative fee', row({ cod_fee_try: '-1' }), 2, 'cod_fee_try', /negatif/],
    ['an unknown contract', row({ contract: 'bayi' }), 2, 'contract', /platform ya da own/],
    ['a yes/no typo', row({ supports_cod: 'belki' }), 2, 'supports_cod', /evet\/hayır değil/],
    ['a zero band', row({ up_to_kg: '0' }), 2, 'up_to_kg', /sıfırdan büyük/],
    ['an unknown distance band', row({ distance_band: 'komşu' }), 2, 'distance_band', /mesafe bandı değil/],
    ['a broken exclusion', row({ excluded_districts: 'İstanbul/Adalar/Büyükada' }), 2, 'excluded_districts', /İl ya da İl\/İlçe değil/],
    ['a missing name', row({ name: ' ' }), 2, 'name', /boş olamaz/],
    ['a fractional transit time', row({ transit_days: '1,5' }), 2, 'transit_days', /en çok 0 ondalık/],
    ['a band beyond the largest parcel', row({ up_to_kg: '250000' }), 2, 'up_to_kg', /en çok 9000 olabilir .* must be ≤ 9000/],
    ['a desi limit beyond the largest parcel', row({ max_desi: '9000,5' }), 2, 'max_desi', /must be ≤ 9000/],
    ['an overflowing weight', row({ max_weight_kg: '1e308' }), 2, 'max_weight_kg', /sayı değil/],
    ['a weight too long for a safe integer', row({ max_chargeable_kg: '9'.repeat(30) }), 2, 'max_chargeable_kg', /çok büyük/],
  ])('refuses %s with its line and column', (_name, bad, line, column, problem) => {
    const e = importError(csv(row({ up_to_kg: '10' }), bad))
    expect(e.code).toBe(ErrorCode.inputInvalid)
    expect(e.retryable).toBe(false)
    expect(e.meta.errors).toEqual([expect.objectContaining({ line: line + 1, column })])
    expect(e.message).toMatch(problem)
    expect(e.message).toMatch(
      new RegExp(`satır ${line + 1}, ${column}.* / Rate cards not imported \\(test.csv\\), none saved: 1 error\\(s\\); first at line ${line + 1}, ${column}`),
    )
  })

  it('refuses a row that contradicts its card, a repeated band, and reports every bad row at once', () => {
    const e = importError(csv(row(), row({ up_to_kg: '2', transit_days: '3' }), row(), row({ up_to_kg: '3', price_try: 'x' })))
    expect(e.meta.errors).toEqual([
      expect.objectContaining({ line: 3, column: 'transit_days', tr: 'aynı kartın satır 2 değerinden farklı' }),
      expect.objectContaining({ line: 4, column: 'up_to_kg', en: 'band already given on line 2' }),
      expect.objectContaining({ line: 5, column: 'price_try' }),
    ])
  })

  it.each<[string, string, string | null, RegExp]>([
    ['an empty file', '\n\n', null, /başlık satırı yok/],
    ['a missing required column', `${HEADER.replace(';price_try', '')}\n${row()}`, 'price_try', /zorunlu sütun eksik/],
    ['an unknown column', `${HEADER};prce_try\n${row()}`, 'prce_try', /bilinmeyen sütun/],
    ['a repeated column', `${HEADER};name\n${row()}`, 'name', /sütun iki kez/],
  ])('refuses %s in the header', (_name, text, column, problem) => {
    const e = importError(text)
    expect((e.meta.errors as { column: string | null }[])[0]?.column ?? null).toBe(column)
    expect(e.message).toMatch(problem)
  })

  it('tells a comma-delimited file with unquoted decimal commas apart from a good one', () => {
    const text = `${RATE_CARD_COLUMNS.join(',')}\naras,std,Aras,own,,2,evet,22,50,,30,,,4,80,,1,,84,00`
    expect(importError(text).message).toMatch(/başlıktan fazla hücre .* ; ile ayırın/)
    const quoted = `${RATE_CARD_COLUMNS.join(',')}\naras,std,Aras,own,,2,evet,"22,50",,30,,,"4,80",,1,,"84,00"`
    expect(rateCardsFromCsv(quoted)[0]?.bands).toEqual([{ upToKg: 1, priceKurus: 8400 }])
  })

  it('counts physical lines across quoted newlines and CRLF, and refuses an unclosed quote', () => {
    const { rows } = parseCsv('a;b\r\n"x\ny";2\r\n3;4\r\n')
    expect(rows.map((r) => [r.line, ...r.cells])).toEqual([
      [1, 'a', 'b'],
      [2, 'x\ny', '2'],
      [4, '3', '4'],
    ])
    expect(() => parseCsv('a;b\n"open;2\n')).toThrow(/satır 2 içinde kapanmayan tırnak/)
  })
})
