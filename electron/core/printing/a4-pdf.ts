type Mupdf = typeof import('mupdf')

/** A4 in PDF points. */
export const A4 = { w: 595, h: 842 } as const

const IDENTITY: [number, number, number, number, number, number] = [1, 0, 0, 1, 0, 0]
const BLACK: [number, number, number] = [0, 0, 0]

/** One page being drawn: text in Helvetica (bold or not) and filled rectangles, in points from the top-left corner. */
export type PdfPage = Readonly<{
  text(s: string, x: number, y: number, size: number, bold?: boolean): void
  rects(rects: Iterable<readonly [x0: number, y0: number, x1: number, y1: number]>): void
}>

/**
 * An A4 PDF of `pages` pages (MuPDF, Helvetica with the Turkish letters embedded), each drawn by `draw`.
 * The manifest and the command sheet share it.
 */
export async function a4Pdf(pages: number, draw: (page: PdfPage, index: number) => void): Promise<Uint8Array> {
  const mupdf: Mupdf = await import('mupdf')
  const buffer = new mupdf.Buffer()
  const writer = new mupdf.DocumentWriter(buffer, 'pdf', '')
  const font = new mupdf.Font('Helvetica')
  const bold = new mupdf.Font('Helvetica-Bold')
  for (let p = 0; p < pages; p++) {
    const dev = writer.beginPage([0, 0, A4.w, A4.h])
    draw(
      {
        text: (s, x, y, size, isBold = false) => {
          const text = new mupdf.Text()
          // MuPDF device space: origin top-left, y down; the text matrix flips glyphs upright.
          text.showString(isBold ? bold : font, [size, 0, 0, -size, x, y], s)
          dev.fillText(text, IDENTITY, mupdf.ColorSpace.DeviceRGB, BLACK, 1)
        },
        rects: (rects) => {
          const path = new mupdf.Path()
          for (const [x0, y0, x1, y1] of rects) path.rect(x0, y0, x1, y1)
          dev.fillPath(path, false, IDENTITY, mupdf.ColorSpace.DeviceRGB, BLACK, 1)
        },
      },
      p,
    )
    dev.close()
    writer.endPage()
  }
  writer.close()
  return buffer.asUint8Array().slice()
}
