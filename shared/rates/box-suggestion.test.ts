import { describe, expect, it } from 'vitest'
import { DEFAULT_BOXES } from '../default-boxes'
import type { OrderLine } from '../domain/order'
import { boxItemsFromLines, suggestBoxes, type BoxItem } from './box-suggestion'
import type { RateCard } from './rate-card'
import { testRateCard } from './rate-card.test-support'

const CARD: RateCard = testRateCard({
  name: 'Yurtiçi',
  extraKgKurus: 500,
  bands: [
    { upToKg: 1, priceKurus: 5000 },
    { upToKg: 3, priceKurus: 7000 },
    { upToKg: 6, priceKurus: 9000 },
    { upToKg: 10, priceKurus: 12000 },
  ],
})
const book: BoxItem = { name: 'Kitap', quantity: 1, weightGrams: 300, lengthMm: 240, widthMm: 170, heightMm: 15 }
const mugs: BoxItem = { name: 'Kupa', quantity: 2, weightGrams: 400, lengthMm: 120, widthMm: 120, heightMm: 100 }
const heavy: BoxItem = { name: 'Dambıl', quantity: 1, weightGrams: 5000, lengthMm: 100, widthMm: 100, heightMm: 100 }

describe('suggestBoxes', () => {
  it.each<[string, BoxItem[], number | undefined, string[], (number | null)[]]>([
    ['a book goes in the envelope, band 1', [book], undefined, ['ZARF1', 'KOLI2', 'KOLI3', 'KOLI1'], [5000, 7000, 12000, 5000]],
    ['two mugs overfill the small box (96% > 85%)', [mugs], undefined, ['KOLI2', 'KOLI3', 'ZARF1', 'KOLI1'], [7000, 12000, 5000, 5000]],
    ['with a fill factor of 1 the small box takes them', [mugs], 1, ['KOLI1', 'KOLI2', 'KOLI3', 'ZARF1'], [5000, 7000, 12000, 5000]],
    ['heavy and small: same band in two boxes, the smaller first', [heavy], undefined, ['KOLI1', 'KOLI2', 'KOLI3', 'ZARF1'], [9000, 9000, 12000, 9000]],
  ])('%s', (_name, items, fillFactor, order, prices) => {
    const s = suggestBoxes(DEFAULT_BOXES, items, { cards: [CARD], fillFactor })
    expect(s.map((x) => x.box.code)).toEqual(order)
    expect(s.map((x) => x.priceKurus)).toEqual(prices)
  })

  it('says why each box fits or not, with band, carrier and price', () => {
    const [zarf, koli2, , koli1] = suggestBoxes(DEFAULT_BOXES, [book], { cards: [CARD] })
    expect(zarf).toMatchObject({ fits: true, fillRatio: 0.68, grossGrams: 330, band: 1 })
    expect(zarf?.reason).toBe('Sığar (doluluk %68); 1 desi/kg bandı; Yurtiçi 50,00 TL / fits (68% full); band 1 desi/kg; Yurtiçi 50,00 TL')
    expect(koli2?.chosen?.serviceCode).toBe('provider:1')
    expect(koli1).toMatchObject({ fits: false, reason: 'Sığmıyor: Kitap kutudan büyük / does not fit: Kitap is larger than the box' })
    const overfull = suggestBoxes(DEFAULT_BOXES, [mugs], { cards: [CARD] }).find((x) => x.box.code === 'KOLI1')
    expect(overfull?.reason).toBe('Sığmıyor: doluluk %96 > %85 / does not fit: 96% full, over 85%')
  })

  it('without item dimensions ranks by price only and says the fit was not checked', () => {
    const lines: OrderLine[] = [{ id: 'l1', sku: 'SKU1', gtin: null, name: 'Tişört', quantity: 2, packedQuantity: 0, unitWeightGrams: 250 }]
    const s = suggestBoxes(DEFAULT_BOXES, boxItemsFromLines(lines), { cards: [CARD] })
    expect(s.every((x) => x.fits === null && x.fillRatio === null)).toBe(true)
    expect(s[0]?.box.code).toBe('ZARF1')
    expect(s[0]?.reason).toMatch(/^Ölçüsü bilinmeyen ürün var, sığma denetlenmedi; .* \/ some items have no dimensions, fit not checked;/)
    const withDims = boxItemsFromLines(lines, new Map([['SKU1', { lengthMm: 280, widthMm: 190, heightMm: 30 }]]))
    expect(suggestBoxes(DEFAULT_BOXES, withDims, { cards: [CARD] })[0]?.box.code).toBe('KOLI2')
  })

  it('prices with the selection rules: no eligible carrier puts the box after priced ones', () => {
    const small = { ...CARD, maxDesi: 5 }
    const s = suggestBoxes(DEFAULT_BOXES, [mugs], { cards: [small] })
    const koli3 = s.find((x) => x.box.code === 'KOLI3')!
    expect(koli3).toMatchObject({ fits: true, chosen: null, priceKurus: null })
    expect(koli3.reason).toMatch(/uygun taşıyıcı yok \/ .*no eligible carrier/)
    expect(s.map((x) => x.box.code).slice(0, 2)).toEqual(['KOLI2', 'KOLI3'])
  })

  it('without cards ranks fitting boxes by band, then size', () => {
    expect(suggestBoxes(DEFAULT_BOXES, [book]).map((x) => [x.box.code, x.band, x.priceKurus])).toEqual([
      ['ZARF1', 1, null],
      ['KOLI2', 3, null],
      ['KOLI3', 8, null],
      ['KOLI1', 1, null],
    ])
  })
})
