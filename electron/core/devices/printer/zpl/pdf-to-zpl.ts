import { AppError, ErrorCode } from '../../../../../shared/errors'
import { msg } from '../../../../../shared/i18n/notice-codes'
import { labelGeometry, type LabelDpi, type LabelSize } from './shipping-label.zpl'
import { graphicField, toMonochrome, type GraphicEncoding, type GraySource, type MonochromeOptions } from './zpl-graphic'

/**
 * A carrier's PDF label as ZPL, so a PDF-only carrier still prints on a Zebra: each page
 * is rasterized with MuPDF (WASM) at the printer's dpi, scaled to fit the label stock with its
 * aspect kept (turned a quarter when that fits better), made 1-bit and sent as one ^GF graphic in
 * its own ^XA…^XZ format.
 */
export type PdfToZplOptions = Readonly<
  {
    dpi: LabelDpi
    size: LabelSize
    /** 'first' (default): carrier labels are one page; 'all': one format per page. */
    pages?: 'first' | 'all'
    /** 'auto' (default) turns a landscape page onto portrait stock; 0 never turns. */
    rotate?: 'auto' | 0
    encoding?: GraphicEncoding
    /**
     * Written into each format as a ^FX comment (never printed). The print queue checks that a
     * label carries its shipment's barcode; a raster has no text, so pass the barcode here.
     */
    comment?: string
  } & MonochromeOptions
>

export type PdfToZplResult = Readonly<{ zpl: string; pages: number; pageCount: number }>

/** More pages than any label needs: a guard against a whole catalogue sent by mistake. */
const MAX_PAGES = 50

type Mupdf = typeof import('mupdf')

function invalid(detail: string, cause?: unknown): AppError {
  return new AppError(ErrorCode.labelPdfInvalid, msg('label.pdfUnreadable', { detail }), { meta: { detail }, cause })
}

/** Loaded on first use: the WASM module costs ~100 ms and most desks never see a PDF label. */
async function loadMupdf(): Promise<Mupdf> {
  const mupdf = await import('mupdf')
  // MuPDF reports repairs of broken files on the console; the AppError below is what the desk shows.
  mupdf.setLog({ error: () => undefined, warning: () => undefined })
  return mupdf
}

/** Turns a gray image a quarter clockwise. */
function rotateQuarter(src: GraySource): GraySource {
  const { width, height, stride, samples } = src
  const out = new Uint8Array(width * height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) out[x * height + (height - 1 - y)] = samples[y * stride + x] as number
  }
  return { width: height, height: width, stride: height, samples: out }
}

/** Keeps the part of the image inside `maxW`×`maxH` (MuPDF may round a pixel over the fitted size). */
function clip(src: GraySource, maxW: number, maxH: number): GraySource {
  return { ...src, width: Math.min(src.width, maxW), height: Math.min(src.height, maxH) }
}

function renderPage(mupdf: Mupdf, doc: InstanceType<Mupdf['Document']>, index: number, options: PdfToZplOptions, target: { w: number; h: number }): string {
  const page = doc.loadPage(index)
  const [x0, y0, x1, y1] = page.getBounds() as [number, number, number, number]
  const pageW = x1 - x0
  const pageH = y1 - y0
  if (!(pageW > 0 && pageH > 0)) throw invalid(`page ${index + 1} has no size`)
  const turn = (options.rotate ?? 'auto') === 'auto' && pageW > pageH !== target.w > target.h
  const [fitW, fitH] = turn ? [target.h, target.w] : [target.w, target.h]
  const scale = Math.min(fitW / pageW, fitH / pageH)
  const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceGray, false)
  try {
    let gray: GraySource = { width: pixmap.getWidth(), height: pixmap.getHeight(), stride: pixmap.getStride(), samples: pixmap.getPixels() }
    if (turn) gray = rotateQuarter(gray)
    gray = clip(gray, target.w, target.h)
    const bitmap = toMonochrome(gray, options)
    // Centred on the stock; ^FO places the graphic's top-left corner.
    const left = Math.floor((target.w - bitmap.widthDots) / 2)
    const top = Math.floor((target.h - bitmap.heightDots) / 2)
    const comment = options.comment ? `^FX${options.comment.replace(/[\^~]/g, ' ')}^FS\n` : ''
    return `^XA\n^PW${target.w}\n^LL${target.h}\n^LH0,0\n${comment}^FO${left},${top}${graphicField(bitmap, options.encoding)}^FS\n^XZ\n`
  } finally {
    pixmap.destroy()
    page.destroy()
  }
}

/**
 * Rasterizes a PDF label to ZPL. A file that is not a PDF, is damaged beyond repair, is encrypted
 * or has no pages is `label.pdfInvalid` (not retryable: the same bytes will fail again).
 */
export async function pdfToZpl(pdf: Uint8Array, options: PdfToZplOptions): Promise<PdfToZplResult> {
  // MuPDF repairs a lot; bytes without the PDF header are not a label, whatever it could salvage.
  const head = Buffer.from(pdf.subarray(0, 1024)).toString('latin1')
  if (!head.includes('%PDF-')) throw invalid('not a PDF file (no %PDF- header)')
  const geo = labelGeometry(options.dpi, options.size)
  const mupdf = await loadMupdf()
  let doc: InstanceType<Mupdf['Document']>
  try {
    doc = mupdf.Document.openDocument(pdf, 'application/pdf')
  } catch (err) {
    throw invalid((err as Error).message, err)
  }
  try {
    if (doc.needsPassword()) throw invalid('the PDF is password-protected')
    let pageCount: number
    try {
      pageCount = doc.countPages()
    } catch (err) {
      throw invalid((err as Error).message, err)
    }
    if (pageCount < 1) throw invalid('the PDF has no pages')
    const wanted = options.pages === 'all' ? pageCount : 1
    if (wanted > MAX_PAGES) throw invalid(`${pageCount} pages; a label PDF has at most ${MAX_PAGES}`)
    const formats: string[] = []
    for (let i = 0; i < wanted; i++) {
      try {
        formats.push(renderPage(mupdf, doc, i, options, { w: geo.widthDots, h: geo.heightDots }))
      } catch (err) {
        if (err instanceof AppError) throw err
        throw invalid(`page ${i + 1}: ${(err as Error).message}`, err)
      }
    }
    return { zpl: formats.join(''), pages: wanted, pageCount }
  } finally {
    doc.destroy()
  }
}
