import { fillTemplate } from '../../../shared/i18n/notice-text'
import { PRINTED } from '../../../shared/i18n/printed'
import { EXCEPTIONS_COMMAND_CODE } from '../../../shared/contract/exceptions'
import { CommandCode } from '../packing/packing.rules'
import { COMMAND_CODES } from '../packing/scan-classifier'
import { A4, a4Pdf } from './a4-pdf'
import { code128Bars, code128Width } from './code128.encoder'

/** What each desk command does, in Turkish and English, as the printed sheet names it. */
const NAMES = PRINTED.commandSheet.commands
const COMMAND_NAMES: Readonly<Record<string, readonly [tr: string, en: string]>> = {
  [CommandCode.cancel]: NAMES.cancel,
  [CommandCode.retry]: NAMES.retry,
  [CommandCode.reprint]: NAMES.reprint,
  [CommandCode.nextParcel]: NAMES.nextParcel,
  KJIADE: NAMES.openReturn,
  KJRETURN: NAMES.openReturnEnglish,
  [EXCEPTIONS_COMMAND_CODE]: NAMES.openExceptions,
}

export type DeskCommand = Readonly<{ code: string; tr: string; en: string }>

/** Every command barcode the desk reads (the scan classifier's list), with its names. */
export function deskCommands(): readonly DeskCommand[] {
  return [...COMMAND_CODES].map((code) => {
    const [tr, en] = COMMAND_NAMES[code] ?? [code, code]
    return { code, tr, en }
  })
}

const MARGIN = 48
const ROW_H = 118
const MODULE = 1.5 // points per module: 0.53 mm, inside what a desk scanner reads from paper
const BAR_H = 54
const QUIET = 10 // modules of white each side

/**
 * The printable command sheet: an A4 PDF (MuPDF, as the manifest) with one Code 128 barcode per desk
 * command, its code in plain text under it and its Turkish and English name, to keep at the desk.
 */
export async function commandSheetPdf(commands: readonly DeskCommand[] = deskCommands()): Promise<Uint8Array> {
  const perPage = Math.floor((A4.h - 2 * MARGIN - 40) / ROW_H)
  const pages = Math.max(1, Math.ceil(commands.length / perPage))
  return a4Pdf(pages, (page, p) => {
    let y = MARGIN + 16
    page.text(PRINTED.commandSheet.title, MARGIN, y, 16, true)
    page.text(fillTemplate(PRINTED.commandSheet.page, { page: p + 1, pages }), MARGIN, y + 16, 9)
    y += 40
    for (const c of commands.slice(p * perPage, (p + 1) * perPage)) {
      const x0 = MARGIN + QUIET * MODULE
      const top = y
      page.rects([...code128Bars(c.code)].map(([offset, width]) => [x0 + offset * MODULE, top, x0 + (offset + width) * MODULE, top + BAR_H] as const))
      page.text(c.code, x0, y + BAR_H + 14, 11, true)
      const textX = x0 + (code128Width(c.code) + QUIET) * MODULE + 12
      page.text(c.tr, Math.max(textX, 330), y + 20, 13, true)
      page.text(c.en, Math.max(textX, 330), y + 38, 11)
      y += ROW_H
    }
  })
}
