import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ShippingLabelInput } from '../../shared/label'
import { buildShippingLabel, labelGeometry } from '../../electron/core/devices/printer/zpl/shipping-label.zpl'
import labelFixture from '../fixtures/label-input.json'
import { decodeBarcodes, renderZplToPng } from '../support/zpl-render'
import { LABEL_COMBOS, LABEL_DOCS_DIR, labelScratchFolder, writeLabelPng } from '../support/label-png'

/**
 * Renders every template (2 sizes × 2 dpi) through zebrash, keeps the PNGs in docs/labels/ for
 * people to look at, and reads the Code 128 back with zbarimg.
 */
const input = ShippingLabelInput.parse(labelFixture)
const date = new Date('2026-11-25T09:00:00Z')
const scratch = labelScratchFolder('labels-')

describe.each(LABEL_COMBOS)('shipping label %s at %i dpi', (size, dpi) => {
  it('renders at the label size and its barcode scans as input.barcode', async () => {
    const path = join(LABEL_DOCS_DIR, `${size}-${dpi}dpi.png`)
    const png = await writeLabelPng(buildShippingLabel(input, { dpi, size, date }), dpi, size, path)
    // PNG header: width and height in pixels = dots.
    const geo = labelGeometry(dpi, size)
    expect(png.readUInt32BE(16)).toBe(geo.widthDots)
    expect(png.readUInt32BE(20)).toBe(geo.heightDots)
    expect(await decodeBarcodes(path)).toEqual([input.barcode])
  })

  it('a long barcode still fits and scans', async () => {
    const long = { ...input, barcode: '7330001234567890123456789012ABCDEFG', codAmountKurus: null }
    const path = join(scratch(), `long-${size}-${dpi}.png`)
    await writeLabelPng(buildShippingLabel(long, { dpi, size, date }), dpi, size, path)
    expect(await decodeBarcodes(path)).toEqual([long.barcode])
  })
})

describe('decodeBarcodes', () => {
  it('returns [] for an image without a barcode (zbarimg exit 4)', async () => {
    const png = await renderZplToPng('^XA^FO20,20^A0N,40,40^FDsadece yazı^FS^XZ', { widthMm: 50, heightMm: 20, dpmm: 8 })
    const path = join(scratch(), 'no-barcode.png')
    await writeFile(path, png)
    expect(await decodeBarcodes(path)).toEqual([])
  })

  it('reads data with ^ ~ _ back literally: escaping holds in barcodes too', async () => {
    const tricky = { ...input, barcode: 'A^XZ~HS_B' }
    const png = await renderZplToPng(buildShippingLabel(tricky, { dpi: 203, size: '100x100', date }), { widthMm: 100, heightMm: 100, dpmm: 8 })
    const path = join(scratch(), 'tricky.png')
    await writeFile(path, png)
    expect(await decodeBarcodes(path)).toEqual(['A^XZ~HS_B'])
  })
})
