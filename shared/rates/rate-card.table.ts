import { PACKAGE_LIMITS } from '../domain/limits'
import { AppError, ErrorCode } from '../errors'
import { formatScaled, parseScaled, scaledToNumber, type Scaled } from './decimal-text'
import { DISTANCE_BANDS, parseDistanceBand, type DistanceBand } from './distance-band'
import type { ExcludedDistrict, RateBand, RateCard } from './rate-card'

/**
 * The rate-card sheet layout shared by CSV and XLSX: a header row with these names (any order),
 * then ONE ROW PER CARD × WEIGHT BAND [× DISTANCE BAND]. The card columns repeat on every row of a
 * card and must agree; a card is identified by carrier_id + service_code + contract.
 *
 * | column             | meaning                                                   | example        |
 * |--------------------|-----------------------------------------------------------|----------------|
 * | carrier_id         | connector id                                              | comtohome      |
 * | service_code       | service / provider code                                   | provider:1     |
 * | name               | shown to the packer                                       | Yurtiçi Kargo  |
 * | contract           | platform (pazaryeri, + commission) or own (kendi)         | platform       |
 * | commission_pct     | platform commission %, empty = 10                         | 10             |
 * | transit_days       | whole days                                                | 2              |
 * | supports_cod       | evet/hayır (yes/no, true/false, 1/0)                      | evet           |
 * | cod_fee_try        | COD fee in TL, empty = 0                                  | 25,00          |
 * | fuel_pct           | fuel surcharge %, empty = 0                               | 5,5            |
 * | max_chargeable_kg  | largest chargeable desi/kg served                         | 30             |
 * | max_desi           | optional volumetric limit                                 | 100            |
 * | max_weight_kg      | optional actual-weight limit                              | 30             |
 * | extra_kg_try       | TL per desi/kg above the last band                        | 4,50           |
 * | excluded_districts | optional "İl/İlçe\|İl" list not served                    | Hakkari\|İstanbul/Adalar |
 * | up_to_kg           | the band's upper desi/kg (inclusive)                      | 5              |
 * | distance_band      | empty = any distance; sehir_ici, yakin, kisa, orta, uzun  | yakin          |
 * | price_try          | price in TL for this band (and distance)                  | 89,90          |
 *
 * Decimals take a comma or a dot ("12,50", "1.234,56", "12.5"); "1.234" is refused as ambiguous.
 * Lines whose first cell starts with # and empty lines are skipped. A band given only with distance
 * rows gets the highest of them as its any-distance price, so an unknown distance never under-quotes.
 */
export const RATE_CARD_COLUMNS = [
  'carrier_id',
  'service_code',
  'name',
  'contract',
  'commission_pct',
  'transit_days',
  'supports_cod',
  'cod_fee_try',
  'fuel_pct',
  'max_chargeable_kg',
  'max_desi',
  'max_weight_kg',
  'extra_kg_try',
  'excluded_districts',
  'up_to_kg',
  'distance_band',
  'price_try',
] as const
export type RateCardColumn = (typeof RATE_CARD_COLUMNS)[number]

const OPTIONAL_COLUMNS: ReadonlySet<RateCardColumn> = new Set([
  'commission_pct',
  'cod_fee_try',
  'fuel_pct',
  'max_desi',
  'max_weight_kg',
  'excluded_districts',
  'distance_band',
])
const DEFAULT_COMMISSION_BP = 1000 // as RateCardSchema's default (config.schema.ts)
const MAX_ERRORS = 100

export type TableCell = string | number | boolean | null | undefined
/** One sheet row and where it came from (CSV physical line or XLSX row number), for error messages. */
export type TableRow = Readonly<{ line: number; cells: readonly TableCell[] }>
export type RateCardTableError = Readonly<{ line: number; column: string | null; tr: string; en: string }>

type CardFields = Omit<RateCard, 'bands'>
type Parsed = { card: CardFields; upToKg: number; distanceBand: DistanceBand | null; priceKurus: number }
type Problem = { tr: string; en: string }
type Field<T> = { ok: true; value: T } | { ok: false; problem: Problem }

const text = (c: TableCell): string => (c === null || c === undefined ? '' : String(c)).trim()
const isEmpty = (c: TableCell): boolean => text(c) === ''
const problem = (tr: string, en: string): Field<never> => ({ ok: false, problem: { tr, en } })
const num = (c: TableCell, decimals: number): Scaled => (typeof c === 'number' ? parseScaled(c, decimals) : parseScaled(text(c), decimals))

function required(c: TableCell): Field<string> {
  return isEmpty(c) ? problem('boş olamaz', 'must not be empty') : { ok: true, value: text(c) }
}
function contract(c: TableCell): Field<RateCard['contract']> {
  const v = text(c).toLocaleLowerCase('tr-TR')
  if (v === 'platform' || v === 'pazaryeri') return { ok: true, value: 'platform' }
  if (v === 'own' || v === 'kendi') return { ok: true, value: 'own' }
  return problem(`"${text(c)}" değil: platform ya da own`, `"${text(c)}" is not platform or own`)
}
function bool(c: TableCell): Field<boolean> {
  if (typeof c === 'boolean') return { ok: true, value: c }
  const v = text(c).toLocaleLowerCase('tr-TR')
  if (['evet', 'e', 'yes', 'y', 'true', '1', 'var'].includes(v)) return { ok: true, value: true }
  if (['hayır', 'hayir', 'h', 'no', 'n', 'false', '0', 'yok'].includes(v)) return { ok: true, value: false }
  return problem(`"${text(c)}" evet/hayır değil`, `"${text(c)}" is not yes/no`)
}
function positiveKg(c: TableCell): Field<number> {
  const r = num(c, 3)
  if (!r.ok) return r
  if (r.value <= 0) return problem('sıfırdan büyük olmalı', 'must be above zero')
  // No card serves more than the largest parcel (shared/domain/limits.ts): 9000 desi, 1000 kg.
  const max = PACKAGE_LIMITS.maxDesi
  if (r.value / 1000 > max) return problem(`en çok ${max} olabilir (hiçbir kargo daha büyüğünü almaz)`, `must be ≤ ${max} (no carrier takes a larger parcel)`)
  return { ok: true, value: r.value / 1000 }
}
function excluded(c: TableCell): Field<ExcludedDistrict[]> {
  const out: ExcludedDistrict[] = []
  for (const entry of text(c)
    .split('|')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const parts = entry.split('/').map((p) => p.trim())
    if (parts.length > 2 || !parts[0] || parts[1] === '') return problem(`"${entry}" İl ya da İl/İlçe değil`, `"${entry}" is not Il or Il/Ilce`)
    out.push(parts[1] ? { city: parts[0], district: parts[1] } : { city: parts[0] })
  }
  return { ok: true, value: out }
}

/** Reads a table (header first) into rate cards; all or nothing: any bad cell throws input.invalid listing every error. */
export function rateCardsFromTable(rows: readonly TableRow[], source = 'tablo/table'): RateCard[] {
  const errors: RateCardTableError[] = []
  const fail = (line: number, column: string | null, p: Problem): void => void (errors.length < MAX_ERRORS && errors.push({ line, column, ...p }))
  const data = rows.filter((r) => r.cells.some((c) => !isEmpty(c)) && !text(r.cells[0]).startsWith('#'))
  const header = data[0]
  if (!header) throw importError(source, [{ line: 1, column: null, tr: 'başlık satırı yok', en: 'no header row' }])
  const index = new Map<RateCardColumn, number>()
  header.cells.forEach((c, i) => {
    const name = text(c)
      .replace(/^\uFEFF/, '')
      .toLowerCase() as RateCardColumn
    if (!name) return
    if (!RATE_CARD_COLUMNS.includes(name)) fail(header.line, text(c), { tr: 'bilinmeyen sütun', en: 'unknown column' })
    else if (index.has(name)) fail(header.line, name, { tr: 'sütun iki kez var', en: 'duplicate column' })
    else index.set(name, i)
  })
  for (const col of RATE_CARD_COLUMNS)
    if (!OPTIONAL_COLUMNS.has(col) && !index.has(col)) fail(header.line, col, { tr: 'zorunlu sütun eksik', en: 'required column missing' })
  if (errors.length) throw importError(source, errors)

  type BandAcc = { base?: number; dist: Map<DistanceBand, number>; lines: Map<string, number> }
  const cards = new Map<string, { card: CardFields; line: number; bands: Map<number, BandAcc> }>()
  for (const row of data.slice(1)) {
    if (row.cells.slice(header.cells.length).some((c) => !isEmpty(c))) {
      fail(row.line, null, {
        tr: `başlıktan fazla hücre (${row.cells.length} > ${header.cells.length}): ondalık virgüllü sayıyı tırnağa alın ya da ; ile ayırın`,
        en: `more cells than the header (${row.cells.length} > ${header.cells.length}): quote decimal-comma numbers or use ; as the delimiter`,
      })
      continue
    }
    const parsed = parseRow(row, index, (col, p) => fail(row.line, col, p))
    if (!parsed) continue
    const key = `${parsed.card.carrierId}\u0000${parsed.card.serviceCode}\u0000${parsed.card.contract}`
    const known = cards.get(key)
    if (known) {
      const col = differingColumn(known.card, parsed.card)
      if (col) {
        fail(row.line, col, { tr: `aynı kartın satır ${known.line} değerinden farklı`, en: `differs from line ${known.line} of the same card` })
        continue
      }
    } else cards.set(key, { card: parsed.card, line: row.line, bands: new Map() })
    const entry = cards.get(key)!
    const band: BandAcc = entry.bands.get(parsed.upToKg) ?? { dist: new Map(), lines: new Map() }
    entry.bands.set(parsed.upToKg, band)
    const slot = parsed.distanceBand ?? ''
    const seen = band.lines.get(slot)
    if (seen !== undefined) {
      fail(row.line, 'up_to_kg', {
        tr: `bu bant${slot ? ` (${slot})` : ''} satır ${seen} içinde zaten var`,
        en: `band${slot ? ` (${slot})` : ''} already given on line ${seen}`,
      })
      continue
    }
    band.lines.set(slot, row.line)
    if (parsed.distanceBand) band.dist.set(parsed.distanceBand, parsed.priceKurus)
    else band.base = parsed.priceKurus
  }
  if (errors.length) throw importError(source, errors)

  return [...cards.values()].map(({ card, bands }) => ({
    ...card,
    bands: [...bands.entries()]
      .sort(([a], [b]) => a - b)
      .map(([upToKg, b]): RateBand => {
        const dist = DISTANCE_BANDS.filter((d) => b.dist.has(d)).map((d) => [d, b.dist.get(d)!] as const)
        const priceKurus = b.base ?? Math.max(...dist.map(([, p]) => p))
        return dist.length ? { upToKg, priceKurus, distancePricesKurus: Object.fromEntries(dist) } : { upToKg, priceKurus }
      }),
  }))
}

function parseRow(row: TableRow, index: ReadonlyMap<RateCardColumn, number>, fail: (col: RateCardColumn, p: Problem) => void): Parsed | null {
  const cell = (col: RateCardColumn): TableCell => {
    const i = index.get(col)
    return i === undefined ? undefined : row.cells[i]
  }
  let ok = true
  function get<T>(col: RateCardColumn, read: (c: TableCell) => Field<T> | Scaled, fallback?: T): T | undefined {
    const c = cell(col)
    if (isEmpty(c) && OPTIONAL_COLUMNS.has(col)) return fallback
    const r = read(c) as Field<T>
    if (r.ok) return r.value
    ok = false
    fail(col, r.problem)
    return undefined
  }
  const dist = get('distance_band', (c) => {
    const d = parseDistanceBand(text(c))
    return d
      ? { ok: true, value: d }
      : problem(`"${text(c)}" mesafe bandı değil (${DISTANCE_BANDS.join(', ')})`, `"${text(c)}" is not a distance band (${DISTANCE_BANDS.join(', ')})`)
  })
  const card = {
    carrierId: get('carrier_id', required),
    serviceCode: get('service_code', required),
    name: get('name', required),
    contract: get('contract', contract),
    commissionBp: get('commission_pct', (c) => num(c, 2), DEFAULT_COMMISSION_BP),
    transitDays: get('transit_days', (c) => num(c, 0)),
    supportsCod: get('supports_cod', bool),
    codFeeKurus: get('cod_fee_try', (c) => num(c, 2), 0),
    fuelSurchargeBp: get('fuel_pct', (c) => num(c, 2), 0),
    maxChargeableKg: get('max_chargeable_kg', positiveKg),
    extraKgKurus: get('extra_kg_try', (c) => num(c, 2)),
    maxDesi: get('max_desi', positiveKg),
    maxWeightKg: get('max_weight_kg', positiveKg),
    excludedDistricts: get('excluded_districts', excluded),
  }
  const upToKg = get('up_to_kg', positiveKg)
  const priceKurus = get('price_try', (c) => num(c, 2))
  if (!ok) return null
  const clean = Object.fromEntries(Object.entries(card).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as unknown as CardFields
  return { card: clean, upToKg: upToKg!, distanceBand: dist ?? null, priceKurus: priceKurus! }
}

const FIELD_COLUMNS: readonly (readonly [keyof CardFields, RateCardColumn])[] = [
  ['name', 'name'],
  ['commissionBp', 'commission_pct'],
  ['transitDays', 'transit_days'],
  ['supportsCod', 'supports_cod'],
  ['codFeeKurus', 'cod_fee_try'],
  ['fuelSurchargeBp', 'fuel_pct'],
  ['maxChargeableKg', 'max_chargeable_kg'],
  ['maxDesi', 'max_desi'],
  ['maxWeightKg', 'max_weight_kg'],
  ['extraKgKurus', 'extra_kg_try'],
  ['excludedDistricts', 'excluded_districts'],
]

function differingColumn(a: CardFields, b: CardFields): RateCardColumn | null {
  for (const [field, col] of FIELD_COLUMNS) if (JSON.stringify(a[field]) !== JSON.stringify(b[field])) return col
  return null
}

function importError(source: string, errors: readonly RateCardTableError[]): AppError {
  const first = errors[0]!
  const at = (lineWord: string, e: RateCardTableError): string => `${lineWord} ${e.line}${e.column ? `, ${e.column}` : ''}`
  const more = errors.length >= MAX_ERRORS ? `${MAX_ERRORS}+` : String(errors.length)
  return new AppError(
    ErrorCode.inputInvalid,
    `Fiyat kartları içe aktarılamadı (${source}), hiçbiri kaydedilmedi: ${more} hata; ilki ${at('satır', first)}: ${first.tr} / ` +
      `Rate cards not imported (${source}), none saved: ${more} error(s); first at ${at('line', first)}: ${first.en}`,
    { retryable: false, meta: { source, errors } },
  )
}

/** Options for writing the layout: CSV writes text with a decimal comma (Turkish Excel) or dot; XLSX writes numbers. */
export type TableWriteOptions = Readonly<{ decimalSeparator?: ',' | '.'; typed?: boolean }>

/** Writes cards in the documented layout (header first): per band an any-distance row, then its distance rows. */
export function rateCardsToTable(cards: readonly RateCard[], opts: TableWriteOptions = {}): TableCell[][] {
  const sep = opts.decimalSeparator ?? ','
  const money = (k: number): TableCell => (opts.typed ? scaledToNumber(k, 2) : formatScaled(k, 2, sep, true))
  const dec = (v: number, d: number): TableCell => (opts.typed ? scaledToNumber(v, d) : formatScaled(v, d, sep))
  const kg = (v: number | undefined): TableCell => (v === undefined ? '' : dec(Math.round(v * 1000), 3))
  const out: TableCell[][] = [[...RATE_CARD_COLUMNS]]
  for (const c of cards) {
    const excludedText = (c.excludedDistricts ?? []).map((x) => (x.district ? `${x.city}/${x.district}` : x.city)).join('|')
    const head = [
      c.carrierId,
      c.serviceCode,
      c.name,
      c.contract,
      dec(c.commissionBp, 2),
      dec(c.transitDays, 0),
      c.supportsCod ? 'evet' : 'hayır',
      money(c.codFeeKurus),
      dec(c.fuelSurchargeBp, 2),
      kg(c.maxChargeableKg),
      kg(c.maxDesi),
      kg(c.maxWeightKg),
      money(c.extraKgKurus),
      excludedText,
    ]
    for (const b of c.bands) {
      out.push([...head, kg(b.upToKg), '', money(b.priceKurus)])
      for (const d of DISTANCE_BANDS) {
        const p = b.distancePricesKurus?.[d]
        if (p !== undefined) out.push([...head, kg(b.upToKg), d, money(p)])
      }
    }
  }
  return out
}
