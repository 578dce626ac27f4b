import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../shared/errors'
import { pdfToZpl } from '../../electron/core/devices/printer/zpl/pdf-to-zpl'
import { makeCarrierPdf } from '../support/carrier-pdf'
import { countRenderedLabels, decodeBarcodes } from '../support/zpl-render'
import { LABEL_COMBOS, LABEL_DOCS_DIR, labelScratchFolder, writeLabelPng } from '../support/label-png'

/**
 * A carrier PDF (vector Code 128 bars, made with MuPDF) → pdfToZpl → ^GF ZPL → zebrash PNG →
 * zbarimg gives the same value back, at both dpis and both stock sizes, ASCII hex and Z64.
 */
const scratch = labelScratchFolder('pdf-zpl-')

async function decode(zpl: string, dpi: 203 | 300, size: '100x150' | '100x100', file: string): Promise<string[]> {
  const path = join(file.startsWith('docs:') ? LABEL_DOCS_DIR : scratch(), file.replace(/^docs:/, ''))
  await writeLabelPng(zpl, dpi, size, path)
  return decodeBarcodes(path)
}

describe.each(LABEL_COMBOS)('carrier PDF → ZPL on %s stock at %i dpi', (size, dpi) => {
  it('ASCII hex ^GFA: the barcode scans back', async () => {
    const pdf = await makeCarrierPdf([{ barcode: 'YK7100042317TR', lines: ['Alici: Gulsen Caglayan', 'Karsiyaka / IZMIR'] }])
    const { zpl, pages } = await pdfToZpl(pdf, { dpi, size, comment: 'YK7100042317TR' })
    expect(pages).toBe(1)
    expect(zpl).toMatch(/^\^XA\n\^PW\d+\n\^LL\d+/)
    expect(zpl).toContain('^GFA,')
    expect(zpl).toContain('^FXYK7100042317TR^FS')
    expect(await decode(zpl, dpi, size, `docs:carrier-pdf-${size}-${dpi}dpi.png`)).toEqual(['YK7100042317TR'])
  })
})

describe('pdfToZpl', () => {
  it.each([
    ['100x150', 203],
    ['100x100', 300],
  ] as const)('Z64 ^GFA on %s at %i dpi: the barcode scans back from the compressed graphic', async (size, dpi) => {
    const pdf = await makeCarrierPdf([{ barcode: 'ARAS-55501234' }])
    const hex = await pdfToZpl(pdf, { dpi, size })
    const z64 = await pdfToZpl(pdf, { dpi, size, encoding: 'z64' })
    expect(z64.zpl).toMatch(/\^GFA,\d+,\d+,\d+,:Z64:[A-Za-z0-9+/=]+:[0-9A-F]{4}\^FS/)
    expect(z64.zpl.length).toBeLessThan(hex.zpl.length / 4)
    expect(await decode(z64.zpl, dpi, size, `z64-${size}-${dpi}.png`)).toEqual(['ARAS-55501234'])
  })

  it('one ^XA…^XZ per page with pages: all, each page its own barcode', async () => {
    const pdf = await makeCarrierPdf([{ barcode: 'MNG-0001-1' }, { barcode: 'MNG-0001-2' }, { barcode: 'MNG-0001-3' }])
    const all = await pdfToZpl(pdf, { dpi: 203, size: '100x150', pages: 'all' })
    expect(all).toMatchObject({ pages: 3, pageCount: 3 })
    expect(await countRenderedLabels(all.zpl, { widthMm: 100, heightMm: 150, dpmm: 8 })).toBe(3)
    const formats = all.zpl.split(/(?<=\^XZ\n)/).filter((f) => f.trim())
    const decoded: string[][] = []
    for (const [i, f] of formats.entries()) decoded.push(await decode(f, 203, '100x150', `page-${i}.png`))
    expect(decoded).toEqual([['MNG-0001-1'], ['MNG-0001-2'], ['MNG-0001-3']])
    const first = await pdfToZpl(pdf, { dpi: 203, size: '100x150' })
    expect(first).toMatchObject({ pages: 1, pageCount: 3 })
  })

  it('a landscape A6 page is turned onto portrait stock and still scans', async () => {
    const pdf = await makeCarrierPdf([{ barcode: 'SRT123456789', landscape: true, lines: ['Landscape A6 label'] }])
    const { zpl } = await pdfToZpl(pdf, { dpi: 203, size: '100x150' })
    // Turned: the graphic is taller than wide (bytes per row × 8 < rows).
    const m = /\^GFA,(\d+),\d+,(\d+),/.exec(zpl)!
    const [total, perRow] = [Number(m[1]), Number(m[2])]
    expect(total / perRow).toBeGreaterThan(perRow * 8)
    expect(await decode(zpl, 203, '100x150', 'docs:carrier-pdf-landscape-100x150-203dpi.png')).toEqual(['SRT123456789'])
  })

  const broken: ReadonlyArray<[string, Uint8Array, RegExp]> = [
    ['not a PDF at all', Buffer.from('<html>502 Bad Gateway</html>'), /no %PDF- header/],
    ['a truncated PDF', Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'), /cannot be read/],
    ['an empty file', new Uint8Array(0), /no %PDF- header/],
  ]
  it.each(broken)('%s → label.pdfInvalid, not retryable', async (_name, bytes, message) => {
    const err = await pdfToZpl(bytes, { dpi: 203, size: '100x150' }).then(
      () => null,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe(ErrorCode.labelPdfInvalid)
    expect((err as AppError).retryable).toBe(false)
    expect((err as AppError).message).toMatch(message)
  })

  it('the threshold decides what turns black: the decode depends on the conversion, not on luck', async () => {
    const pdf = await makeCarrierPdf([{ barcode: 'HALF-123' }])
    const { zpl } = await pdfToZpl(pdf, { dpi: 203, size: '100x150', threshold: 1 })
    // threshold 1: only pure black becomes a dot; the bars are pure black, so they survive…
    expect(await decode(zpl, 203, '100x150', 'threshold.png')).toEqual(['HALF-123'])
    const blank = await pdfToZpl(pdf, { dpi: 203, size: '100x150', threshold: 0 })
    // …and threshold 0 makes nothing black: no barcode, proving the decode above is not a given.
    expect(await decode(blank.zpl, 203, '100x150', 'blank.png')).toEqual([])
  })
})
