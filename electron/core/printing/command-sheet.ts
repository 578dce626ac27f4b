import { CommandCode } from '../packing/packing.rules'
import { COMMAND_CODES } from '../packing/scan-classifier'
import { code128Bars, code128Width } from './code128.encoder'

type Mupdf = typeof import('mupdf')

/** What each desk command does, in Turkish and English, as the printed sheet names it. */
const COMMAND_NAMES: Readonly<Record<string, readonly [tr: string, en: string]>> = {
  [CommandCode.cancel]: ['Siparişi iptal et', 'Cancel the open order'],
  [CommandCode.retry]: ['Tekrar dene', 'Retry'],
  [CommandCode.reprint]: ['Etiketi tekrar bas', 'Reprint the label'],
  KJIADE: ['İade aç', 'Open a return'],
  KJRETURN: ['İade aç (İngilizce kod)', 'Open a return (English code)'],
}

export type DeskCommand = Readonly<{ code: string; tr: string; en: string }>

/** Every command barcode the desk reads (the scan classifier's list), with its names. */
export function deskCommands(): readonly DeskCommand[] {
  return [...COMMAND_CODES].map((code) => {
    const [tr, en] = COMMAND_NAMES[code] ?? [code, code]
    return { code, tr, en }
  })
}

const A4 = { w: 595, h: 842 }
const MARGIN = 48
const ROW_H = 118
const MODULE = 1.5 // points per module: 0.53 mm, inside what a desk scanner reads from paper
const BAR_H = 54
const QUIET = 10 // modules of white each side
const IDENTITY: [number, number, number, number, number, number] = [1, 0, 0, 1, 0, 0]

/**
 * The printable command sheet: an A4 PDF (MuPDF, as the manifest) with one Code 128 barcode per desk
 * command, its code in plain text under it and its Turkish and English name, to keep at the desk.
 */
export async function commandSheetPdf(commands: readonly DeskCommand[] = deskCommands()): Promise<Uint8Array> {
  const mupdf: Mupdf = await import('mupdf')
  const buffer = new mupdf.Buffer()
  const writer = new mupdf.DocumentWriter(buffer, 'pdf', '')
  const font = new mupdf.Font('Helvetica')
  const bold = new mupdf.Font('Helvetica-Bold')
  const perPage = Math.floor((A4.h - 2 * MARGIN - 40) / ROW_H)
  const pages = Math.max(1, Math.ceil(commands.length / perPage))
  for (let p = 0; p < pages; p++) {
    const dev = writer.beginPage([0, 0, A4.w, A4.h])
    const draw = (s: string, x: number, y: number, size: number, f = font) => {
      const text = new mupdf.Text()
      // MuPDF device space: origin top-left, y down; the text matrix flips glyphs upright.
      text.showString(f, [size, 0, 0, -size, x, y], s)
      dev.fillText(text, IDENTITY, mupdf.ColorSpace.DeviceRGB, [0, 0, 0], 1)
    }
    let y = MARGIN + 16
    draw('Masa komutları / Desk commands', MARGIN, y, 16, bold)
    draw(`KargoJet Station · Sayfa / Page ${p + 1}/${pages}`, MARGIN, y + 16, 9)
    y += 40
    for (const c of commands.slice(p * perPage, (p + 1) * perPage)) {
      const x0 = MARGIN + QUIET * MODULE
      const path = new mupdf.Path()
      for (const [offset, width] of code128Bars(c.code)) path.rect(x0 + offset * MODULE, y, x0 + (offset + width) * MODULE, y + BAR_H)
      dev.fillPath(path, false, IDENTITY, mupdf.ColorSpace.DeviceRGB, [0, 0, 0], 1)
      draw(c.code, x0, y + BAR_H + 14, 11, bold)
      const textX = x0 + (code128Width(c.code) + QUIET) * MODULE + 12
      draw(c.tr, Math.max(textX, 330), y + 20, 13, bold)
      draw(c.en, Math.max(textX, 330), y + 38, 11)
      y += ROW_H
    }
    dev.close()
    writer.endPage()
  }
  writer.close()
  return buffer.asUint8Array().slice()
}
