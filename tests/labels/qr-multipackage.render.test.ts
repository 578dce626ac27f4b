import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ShippingLabelInput } from '../../shared/label'
import { buildShippingLabel } from '../../electron/core/devices/printer/zpl/shipping-label.zpl'
import labelFixture from '../fixtures/label-input.json'
import { countRenderedLabels, decodeBarcodes } from '../support/zpl-render'
import { LABEL_COMBOS, LABEL_DOCS_DIR, labelScratchFolder, writeLabelPng } from '../support/label-png'

/**
 * The desk's label with a carrier QR (^BQN,2,m with `QA,`) beside the Code 128, and the three
 * labels of a three-parcel shipment (1/3, 2/3, 3/3): rendered with zebrash, decoded with zbarimg.
 */
const base = ShippingLabelInput.parse(labelFixture)
const date = new Date('2026-11-25T09:00:00Z')
const scratch = labelScratchFolder('labels-qr-')

async function renderAndDecode(zpl: string, size: '100x150' | '100x100', dpi: 203 | 300, path: string): Promise<string[]> {
  await writeLabelPng(zpl, dpi, size, path)
  return (await decodeBarcodes(path)).sort()
}

describe.each(LABEL_COMBOS)('label with a carrier QR, %s at %i dpi', (size, dpi) => {
  it('both the Code 128 and the QR scan', async () => {
    const qr = 'https://takip.example.com.tr/gonderi?no=TR1234567890&k=Y_K'
    const input = ShippingLabelInput.parse({ ...labelFixture, qr })
    const zpl = buildShippingLabel(input, { dpi, size, date })
    // `_` in the data travels as the ^FH escape _5F, like every other field.
    expect(zpl).toMatch(/\^BQN,2,\d+\^FH_\^FDQA,https:\/\/takip\.example\.com\.tr\/gonderi\?no=TR1234567890&k=Y_5FK\^FS/)
    const file = size === '100x150' && dpi === 203 ? join(LABEL_DOCS_DIR, '100x150-203dpi-qr.png') : join(scratch(), `qr-${size}-${dpi}.png`)
    expect(await renderAndDecode(zpl, size, dpi, file)).toEqual([input.barcode, qr].sort())
  })
})

describe('a three-parcel shipment', () => {
  const parcels = [1, 2, 3].map((i) => ShippingLabelInput.parse({ ...labelFixture, barcode: `TR1234567890${i}`, packageIndex: i, packageCount: 3 }))

  it('gives three labels, 1/3, 2/3 and 3/3, each scanning as its own parcel', async () => {
    const zpls = parcels.map((p) => buildShippingLabel(p, { dpi: 203, size: '100x150', date }))
    expect(zpls.map((z) => /KOLİ \/ PIECE\^FS\n\^FO\d+,\d+\^A0N,\d+,\d+\^FH_\^FD(\d+\/\d+)\^FS/.exec(z)?.[1])).toEqual(['1/3', '2/3', '3/3'])
    // Sent as one job they are three formats: the printer prints three labels.
    expect(await countRenderedLabels(zpls.join(''), { widthMm: 100, heightMm: 150, dpmm: 8 })).toBe(3)
    const decoded: string[][] = []
    for (const [i, zpl] of zpls.entries()) {
      decoded.push(
        await renderAndDecode(zpl, '100x150', 203, i === 1 ? join(LABEL_DOCS_DIR, '100x150-203dpi-parcel-2-of-3.png') : join(scratch(), `parcel-${i + 1}.png`)),
      )
    }
    expect(decoded).toEqual([['TR12345678901'], ['TR12345678902'], ['TR12345678903']])
  })

  it('refuses a parcel number beyond the count', () => {
    expect(ShippingLabelInput.safeParse({ ...labelFixture, packageIndex: 4, packageCount: 3 }).success).toBe(false)
  })
})

it('a label without a QR has no ^BQ (older inputs print as before)', () => {
  expect(buildShippingLabel(base, { dpi: 203, size: '100x150', date })).not.toContain('^BQ')
})
