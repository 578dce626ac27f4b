/**
 * Test helper: a carrier-style PDF label made with MuPDF, its Code 128 drawn as filled rectangles
 * (vector bars, as carrier PDFs have them), so pdf-to-zpl is tested against a PDF our renderer did
 * not produce. Code 128 subset B with its mod-103 check character (ISO/IEC 15417).
 */

/** Bar/space widths of every Code 128 symbol value 0–106 (106 is the stop pattern, 7 elements). */
const PATTERNS = (
  '212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 122132 122231 113222 ' +
  '123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 321221 312212 322112 322211 212123 212321 ' +
  '232121 111323 131123 131321 112313 132113 132311 211313 231113 231311 112133 112331 132131 113123 113321 133121 ' +
  '313121 211331 231131 213113 213311 213131 311123 311321 331121 312113 312311 332111 314111 221411 431111 111224 ' +
  '111422 121124 121421 141122 141221 112214 112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 ' +
  '111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 214121 412121 111143 111341 131141 114113 ' +
  '114311 411113 411311 113141 114131 311141 411131 211412 211214 211232 2331112'
).split(' ')

const START_B = 104
const STOP = 106

/** Module widths, bar first, of `data` as Code 128 subset B (printable ASCII only). */
export function code128Widths(data: string): number[] {
  const values = [START_B]
  for (const ch of data) {
    const code = ch.charCodeAt(0)
    if (code < 32 || code > 126) throw new Error(`code128Widths: "${ch}" is not in subset B`)
    values.push(code - 32)
  }
  const check = values.reduce((sum, v, i) => sum + v * Math.max(1, i), 0) % 103
  values.push(check, STOP)
  return values.flatMap((v) => [...(PATTERNS[v] as string)].map(Number))
}

export type CarrierPdfPage = Readonly<{ barcode: string; lines?: readonly string[]; landscape?: boolean }>

/** A PDF with one page per entry: a 4×6 in label (or A6 landscape) with text, frame and barcode. */
export async function makeCarrierPdf(pages: readonly CarrierPdfPage[]): Promise<Uint8Array> {
  const mupdf = await import('mupdf')
  const doc = new mupdf.PDFDocument()
  const font = doc.addSimpleFont(new mupdf.Font('Helvetica'))
  const resources = doc.addObject({ Font: { F1: font } })
  for (const page of pages) {
    // Points: 4×6 in portrait, or A6 (148×105 mm) landscape to exercise the quarter turn.
    const [w, h] = page.landscape ? [419.5, 297.6] : [288, 432]
    const ops: string[] = ['0 g', `1.5 w 8 8 ${w - 16} ${h - 16} re S`]
    const text = (x: number, y: number, size: number, s: string) => ops.push(`BT /F1 ${size} Tf ${x} ${y} Td (${s.replace(/[()\\]/g, '\\$&')}) Tj ET`)
    text(20, h - 40, 20, 'DEMO KARGO')
    ;(page.lines ?? []).forEach((line, i) => text(20, h - 70 - i * 16, 11, line))
    const widths = code128Widths(page.barcode)
    const modules = widths.reduce((a, b) => a + b, 0)
    const module = Math.min(1.4, (w - 40) / (modules + 20))
    let x = (w - modules * module) / 2
    const barBottom = 60
    const barHeight = Math.min(90, h / 4)
    widths.forEach((width, i) => {
      if (i % 2 === 0) ops.push(`${x.toFixed(3)} ${barBottom} ${(width * module).toFixed(3)} ${barHeight} re f`)
      x += width * module
    })
    text((w - page.barcode.length * 7) / 2, 40, 12, page.barcode)
    doc.insertPage(-1, doc.addPage([0, 0, w, h], 0, resources, ops.join('\n')))
  }
  return doc.saveToBuffer('compress').asUint8Array().slice()
}
