import { pdfFile } from '../common/minimal-pdf'

/**
 * A tiny but valid one-page PDF label, built by hand, as Sürat's KargoBarkodu returns a base64 PDF
 * (docs/reference/carriers.md §5, §13). Page 100×150 mm; a heading, the receiver line, the 14-digit barcode as
 * Interleaved 2 of 5 bars (ITF-14 is exactly 14 digits) and the digits in clear text. The real
 * label's layout is unpublished; what matters to the desk is that the PDF opens and rasterizes.
 */

const MM = 72 / 25.4
const PAGE_W = Math.round(100 * MM)
const PAGE_H = Math.round(150 * MM)

// ITF patterns, N = narrow, W = wide (ISO/IEC 16390).
const ITF: readonly string[] = ['NNWWN', 'WNNNW', 'NWNNW', 'WWNNN', 'NNWNW', 'WNWNN', 'NWWNN', 'NNNWW', 'WNNWN', 'NWNWN']

/** Bars of an ITF symbol as [x, width] in narrow-module units, from the left edge of the start pattern. */
export function itfBars(digits: string): Array<readonly [number, number]> {
  if (!/^\d*$/.test(digits)) throw new TypeError(`ITF encodes digits only, got "${digits}"`)
  const even = digits.length % 2 === 0 ? digits : `0${digits}`
  const wide = 3
  const bars: Array<readonly [number, number]> = []
  let x = 0
  const put = (isBar: boolean, w: number) => {
    if (isBar) bars.push([x, w])
    x += w
  }
  for (let i = 0; i < 4; i++) put(i % 2 === 0, 1) // start: bar space bar space, all narrow
  for (let i = 0; i < even.length; i += 2) {
    const a = ITF[Number(even[i])] ?? ''
    const b = ITF[Number(even[i + 1])] ?? ''
    for (let k = 0; k < 5; k++) {
      put(true, a[k] === 'W' ? wide : 1)
      put(false, b[k] === 'W' ? wide : 1)
    }
  }
  put(true, wide) // stop: wide bar, narrow space, narrow bar
  put(false, 1)
  put(true, 1)
  return bars
}

/** PDF literal string: ASCII only (Helvetica's standard encoding), ( ) \ escaped. */
function pdfText(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .replace(/[^\x20-\x7e]/g, '?')
  return `(${ascii.replace(/[\\()]/g, (c) => `\\${c}`)})`
}

export type LabelPdfInput = Readonly<{ barcode: string; receiver: string; cityLine: string; reference: string }>

export function buildLabelPdf(input: LabelPdfInput): Buffer {
  const module = 1.5
  const barsX = 30
  const barsY = 170
  const barsH = 90
  const bars = itfBars(input.barcode)
    .map(([x, w]) => `${(barsX + x * module).toFixed(2)} ${barsY} ${(w * module).toFixed(2)} ${barsH} re`)
    .join('\n')
  const content = [
    'BT /F1 18 Tf 20 385 Td (SURAT KARGO) Tj ET',
    `BT /F1 11 Tf 20 350 Td ${pdfText(`Alici: ${input.receiver}`)} Tj ET`,
    `BT /F1 11 Tf 20 333 Td ${pdfText(input.cityLine)} Tj ET`,
    `BT /F1 10 Tf 20 300 Td ${pdfText(`Siparis: ${input.reference}`)} Tj ET`,
    '0 g',
    bars,
    'f',
    `BT /F1 14 Tf 50 145 Td ${pdfText(input.barcode)} Tj ET`,
  ].join('\n')
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ]
  return pdfFile(objects)
}
