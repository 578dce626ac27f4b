import { describe, expect, it } from 'vitest'
import { ShippingLabelInput } from '../../../../../shared/label'
import labelFixture from '../../../../../tests/fixtures/label-input.json'
import { code128Modules } from './code128-width'
import { buildShippingLabel, labelGeometry, type LabelDpi, type LabelSize } from './shipping-label.zpl'

const input = ShippingLabelInput.parse(labelFixture)
const date = new Date('2026-11-25T21:30:00Z') // already 26.11 in Istanbul (UTC+3)

const combos: ReadonlyArray<[LabelSize, LabelDpi, number, number]> = [
  ['100x150', 203, 800, 1200],
  ['100x150', 300, 1200, 1800],
  ['100x100', 203, 800, 800],
  ['100x100', 300, 1200, 1200],
]

/** All `^FOx,y` origins, with the command that follows each. */
function origins(zpl: string): Array<{ x: number; y: number; rest: string }> {
  return [...zpl.matchAll(/\^FO(\d+),(\d+)([^\n]*)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), rest: m[3] ?? '' }))
}

describe.each(combos)('buildShippingLabel %s at %i dpi', (size, dpi, width, height) => {
  const zpl = buildShippingLabel(input, { dpi, size, date })
  const bytes = Buffer.from(zpl, 'utf8')

  it('sets print width and label length from dpi × size', () => {
    expect(labelGeometry(dpi, size)).toMatchObject({ widthDots: width, heightDots: height })
    expect(zpl).toContain(`^PW${width}\n`)
    expect(zpl).toContain(`^LL${height}\n`)
  })

  it('is one format, ^CI28 before the first field', () => {
    expect(zpl.match(/\^XA/g)).toHaveLength(1)
    expect(zpl.match(/\^XZ/g)).toHaveLength(1)
    expect(zpl.indexOf('^CI28')).toBeGreaterThan(0)
    expect(zpl.indexOf('^CI28')).toBeLessThan(zpl.indexOf('^FD'))
  })

  it('carries the Turkish letters as UTF-8 bytes', () => {
    const turkish = 'Ğ ğ İ ı Ş ş Ö ö Ç ç Ü ü'
    const all = buildShippingLabel({ ...input, recipient: { ...input.recipient, address: turkish } }, { dpi, size, date })
    const allBytes = Buffer.from(all, 'utf8')
    for (const ch of turkish.replace(/ /g, '')) expect(allBytes.includes(Buffer.from(ch, 'utf8'))).toBe(true)
    expect(bytes.includes(Buffer.from([0xc4, 0x9e]))).toBe(true) // Ğ of "Ğülşen" (upper-cased name)
    expect(zpl).toContain('ĞÜLŞEN ÇAĞLAYAN İNCE')
    expect(zpl).toContain('KARŞIYAKA / İZMİR')
  })

  it('shows order, carrier, sender, recipient, piece, desi, weight and date', () => {
    for (const text of [
      'KJ-2026-004817',
      'YURTİÇİ KARGO',
      'GÖNDEREN / FROM',
      'Anadolu Çarşı E-Ticaret Ltd. Şti.',
      'ALICI / TO',
      'Posta Kodu: 35590',
      'Tel: 0532 123 45 67',
      '1/2',
      '3,5',
      '1,25 kg',
      '26.11.2026',
    ]) {
      expect(zpl).toContain(text)
    }
  })

  it('prints a black COD band with the amount in Turkish format', () => {
    expect(zpl).toMatch(/\^FR\^FH_\^FDKAPIDA ÖDEME 134,52 TL\^FS/)
    const band = /\^FO(\d+),(\d+)\^GB(\d+),(\d+),(\d+)\^FS\n\^FO\d+,\d+\^A0N,\d+,\d+\^FB\d+,1,0,C\^FR\^FH_\^FDKAPIDA/.exec(zpl)
    expect(band).not.toBeNull()
    expect(band?.[4]).toBe(band?.[5]) // thickness = height: a filled box
  })

  it('leaves the COD band out when the parcel is prepaid', () => {
    const prepaid = buildShippingLabel({ ...input, codAmountKurus: null }, { dpi, size, date })
    expect(prepaid).not.toContain('KAPIDA')
    expect(prepaid).not.toContain('^FR^FH_^FDKAPIDA')
  })

  it('Code 128 in auto mode with interpretation line, inside the label with quiet zones', () => {
    const m = /\^BY(\d+),3,(\d+)\^FO(\d+),(\d+)\^BCN,(\d+),Y,N,N,A\^FH_\^FDTR1234567890\^FS/.exec(zpl)
    expect(m).not.toBeNull()
    const [moduleDots, , x] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])]
    const symbolWidth = code128Modules('TR1234567890') * moduleDots
    expect(x).toBeGreaterThanOrEqual(10 * moduleDots)
    expect(x + symbolWidth + 10 * moduleDots).toBeLessThanOrEqual(width)
    expect(moduleDots).toBeGreaterThanOrEqual(dpi === 203 ? 2 : 3) // ≥0.25 mm for this short barcode
  })

  it('keeps every field origin on the label and text sizes scaled to dpi', () => {
    for (const o of origins(zpl)) {
      expect(o.x).toBeLessThan(width)
      expect(o.y).toBeLessThan(height)
    }
    const heights = [...zpl.matchAll(/\^A0N,(\d+),\1/g)].map((m) => Number(m[1]))
    const smallest = Math.min(...heights)
    expect(smallest / (dpi === 203 ? 8 : 12)).toBeGreaterThanOrEqual(2) // no text under 2 mm
  })

  it('scales a long barcode down instead of running off the label', () => {
    const long = '7330001234567890123456789012ABCDEFG'
    const z = buildShippingLabel({ ...input, barcode: long }, { dpi, size, date })
    const m = /\^BY(\d+),3,\d+\^FO(\d+),\d+\^BC/.exec(z)
    const moduleDots = Number(m?.[1])
    expect(Number(m?.[2]) + code128Modules(long) * moduleDots).toBeLessThanOrEqual(width - 10 * moduleDots)
  })
})

describe('buildShippingLabel across resolutions', () => {
  it('uses the same layout in millimetres at 203 and 300 dpi', () => {
    const low = origins(buildShippingLabel(input, { dpi: 203, size: '100x150', date }))
    const high = origins(buildShippingLabel(input, { dpi: 300, size: '100x150', date }))
    expect(high).toHaveLength(low.length)
    low.forEach((o, i) => {
      const h = high[i]
      expect(Math.abs((h?.y ?? 0) / 12 - o.y / 8)).toBeLessThan(2.5) // within 2.5 mm
    })
  })

  it('never cuts the order or tracking number: it shrinks them', () => {
    const long = { ...input, orderNumber: 'TY-SIP-20261125-0000048', trackingNumber: '7330001234567890123456789012' }
    const zpl = buildShippingLabel(long, { dpi: 203, size: '100x100', date })
    expect(zpl).toContain('^FDTY-SIP-20261125-0000048^FS')
    expect(zpl).toContain('^FD7330001234567890123456789012^FS')
  })
})
