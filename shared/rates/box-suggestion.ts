import { DESI_DIVISOR_DOMESTIC, packageChargeableKg, packageDesi, priceBand } from '../desi'
import type { Box } from '../domain/box'
import type { OrderLine } from '../domain/order'
import { formatTry } from '../money'
import { selectCarrier, type QuoteContext, type QuoteOption, type SelectionRules } from './carrier-select'
import type { RateCard } from './rate-card'

/**
 * An item to pack: weight per unit in grams, and its dimensions in mm when known (order lines carry
 * `sizeMm` when the cloud's catalog has it); without them the fit cannot be checked and the
 * suggestion says so.
 */
export type BoxItem = Readonly<{
  name: string
  quantity: number
  weightGrams: number
  lengthMm?: number
  widthMm?: number
  heightMm?: number
}>

export type BoxSuggestOptions = Readonly<{
  /** The cards to price with (the desk's, after the marketplace and contract filters). */
  cards?: readonly RateCard[]
  /** COD, mandate and the two il of the shipment: priced exactly as the desk will quote it. */
  quote?: Omit<QuoteContext, 'chargeableKg' | 'desi' | 'weightKg'>
  rules?: SelectionRules
  /** Share of the box volume the items may fill (padding, irregular shapes); default 0.85. */
  fillFactor?: number
  divisor?: number
}>

export type BoxSuggestion = Readonly<{
  box: Box
  /** true fits, false does not, null unknown (an item has no dimensions). */
  fits: boolean | null
  /** Items' volume / box volume, over the items with dimensions; null when none has any. */
  fillRatio: number | null
  grossGrams: number
  desi: number
  chargeableKg: number
  band: number
  /** The carrier the rules would pick for this box, and its price. */
  chosen: QuoteOption | null
  priceKurus: number | null
  /** Turkish / English. */
  reason: string
}>

export const DEFAULT_FILL_FACTOR = 0.85

/** Items from order lines, with dimensions by SKU where the catalog has them. */
export function boxItemsFromLines(
  lines: readonly OrderLine[],
  dimsBySku: ReadonlyMap<string, Readonly<{ lengthMm: number; widthMm: number; heightMm: number }>> = new Map(),
): BoxItem[] {
  return lines.map((l) => ({ name: l.name, quantity: l.quantity, weightGrams: l.unitWeightGrams, ...(l.sizeMm ?? undefined), ...dimsBySku.get(l.sku) }))
}

const sortedDims = (a: number, b: number, c: number): number[] => [a, b, c].sort((x, y) => y - x)

/** The first item that cannot go in by any rotation (largest side against largest side, and so on). */
function itemTooBig(box: Box, items: readonly BoxItem[]): BoxItem | null {
  const inner = sortedDims(box.lengthMm, box.widthMm, box.heightMm)
  for (const it of items) {
    if (it.lengthMm === undefined || it.widthMm === undefined || it.heightMm === undefined || it.quantity <= 0) continue
    const d = sortedDims(it.lengthMm, it.widthMm, it.heightMm)
    if (d.some((v, i) => v > inner[i]!)) return it
  }
  return null
}

const pct = (r: number): string => `%${Math.round(r * 100)}` // Turkish writes the sign first
const pctEn = (r: number): string => `${Math.round(r * 100)}%`

/**
 * Ranks the catalog's boxes for these items (docs/carriers.md "Box suggestion"): boxes the items fit in first
 * (each item by rotation, total volume within the fill factor), then the cheapest price the selection
 * rules give for the box's chargeable weight (items + tare, desi L×W×H/3000, docs/reference/carriers.md §11), then the
 * lower band, then the smaller box. A sound check, not a 3-D packer: it may accept a set of long items
 * that would need a real arrangement, which is why the fill factor stays below 1.
 */
export function suggestBoxes(boxes: readonly Box[], items: readonly BoxItem[], opts: BoxSuggestOptions = {}): BoxSuggestion[] {
  const fill = opts.fillFactor ?? DEFAULT_FILL_FACTOR
  const divisor = opts.divisor ?? DESI_DIVISOR_DOMESTIC
  const present = items.filter((i) => i.quantity > 0)
  const itemGrams = present.reduce((n, i) => n + i.quantity * i.weightGrams, 0)
  const measured = present.filter((i) => i.lengthMm !== undefined && i.widthMm !== undefined && i.heightMm !== undefined)
  const allMeasured = measured.length === present.length
  const itemsVolume = measured.reduce((n, i) => n + i.quantity * i.lengthMm! * i.widthMm! * i.heightMm!, 0)
  const quote = opts.quote ?? { cod: false, mandatedCarrierId: null }

  const suggestions = boxes.map((box): BoxSuggestion => {
    const volume = box.lengthMm * box.widthMm * box.heightMm
    const fillRatio = measured.length && volume > 0 ? Math.round((itemsVolume / volume) * 1000) / 1000 : null
    const tooBig = itemTooBig(box, measured)
    const overFull = fillRatio !== null && fillRatio > fill
    const fits = tooBig || overFull ? false : allMeasured ? true : null
    const pkg = { lengthMm: box.lengthMm, widthMm: box.widthMm, heightMm: box.heightMm, weightGrams: itemGrams + box.tareGrams }
    const chargeableKg = packageChargeableKg(pkg, divisor)
    const desi = packageDesi(pkg, divisor)
    const band = priceBand(chargeableKg)
    const chosen = opts.cards ? selectCarrier(opts.cards, { ...quote, chargeableKg, desi, weightKg: pkg.weightGrams / 1000 }, opts.rules).chosen : null
    const priceKurus = chosen?.priceKurus ?? null
    const priced =
      chosen && priceKurus !== null
        ? [`${chosen.name} ${formatTry(priceKurus)}`, `${chosen.name} ${formatTry(priceKurus)}`]
        : opts.cards
          ? ['uygun taşıyıcı yok', 'no eligible carrier']
          : null
    const bandText = [`${band} desi/kg bandı`, `band ${band} desi/kg`]
    let reason: string
    if (tooBig) reason = `Sığmıyor: ${tooBig.name} kutudan büyük / does not fit: ${tooBig.name} is larger than the box`
    else if (overFull) reason = `Sığmıyor: doluluk ${pct(fillRatio!)} > ${pct(fill)} / does not fit: ${pctEn(fillRatio!)} full, over ${pctEn(fill)}`
    else {
      const head = fits
        ? [`Sığar (doluluk ${pct(fillRatio ?? 0)})`, `fits (${pctEn(fillRatio ?? 0)} full)`]
        : ['Ölçüsü bilinmeyen ürün var, sığma denetlenmedi', 'some items have no dimensions, fit not checked']
      reason = `${[head[0], bandText[0], priced?.[0]].filter(Boolean).join('; ')} / ${[head[1], bandText[1], priced?.[1]].filter(Boolean).join('; ')}`
    }
    return { box, fits, fillRatio, grossGrams: pkg.weightGrams, desi, chargeableKg, band, chosen, priceKurus, reason }
  })
  const fitRank = (s: BoxSuggestion): number => (s.fits === true ? 0 : s.fits === null ? 1 : 2)
  const vol = (b: Box): number => b.lengthMm * b.widthMm * b.heightMm
  return suggestions.sort(
    (a, b) =>
      fitRank(a) - fitRank(b) ||
      (a.priceKurus ?? Infinity) - (b.priceKurus ?? Infinity) ||
      a.band - b.band ||
      vol(a.box) - vol(b.box) ||
      a.box.code.localeCompare(b.box.code),
  )
}
