import ExcelJS from 'exceljs'
import { AppError, ErrorCode } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'
import type { RateCard } from '../../../shared/rates'
import { RATE_CARD_COLUMNS, rateCardsFromTable, rateCardsToTable, type TableCell, type TableRow } from '../../../shared/rates/rate-card.table'

/** The worksheet name we write; on import the first worksheet is read, whatever its name. */
export const RATE_CARD_SHEET = 'Fiyat kartları'

/**
 * Rate cards as an XLSX workbook in the CSV layout (shared/rates/rate-card.table.ts): same header,
 * one row per card × band [× distance band]; numbers as number cells (TL, %, kg) so Excel sums them.
 */
export async function rateCardsToXlsx(cards: readonly RateCard[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(RATE_CARD_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.addRows(rateCardsToTable(cards, { typed: true }))
  ws.getRow(1).font = { bold: true }
  RATE_CARD_COLUMNS.forEach((name, i) => {
    ws.getColumn(i + 1).width = Math.max(10, name.length + 2)
    if (name.endsWith('_try')) ws.getColumn(i + 1).numFmt = '#,##0.00'
  })
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer)
}

/** One cell as the table reader takes it: numbers stay numbers, text as typed (Turkish decimals too). */
function cellValue(v: ExcelJS.CellValue): TableCell {
  if (v === null || v === undefined || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v
  if (v instanceof Date) return v.toISOString() // a date where a number belongs: the reader reports it
  if ('richText' in v) return v.richText.map((r) => r.text).join('')
  if ('hyperlink' in v) return v.text
  if ('error' in v) return v.error
  if ('result' in v) return v.result === undefined ? `=${v.formula ?? ''}` : cellValue(v.result as ExcelJS.CellValue)
  return `=${(v as { formula?: string }).formula ?? ''}` // a formula Excel never calculated: no value to read
}

/**
 * Reads rate cards from the first worksheet of an XLSX file; all or nothing. Errors name the sheet
 * row number and the column, as a person sees them in Excel.
 */
export async function rateCardsFromXlsx(data: Buffer | Uint8Array | ArrayBuffer, source = 'XLSX'): Promise<RateCard[]> {
  const wb = new ExcelJS.Workbook()
  try {
    // exceljs declares its own Buffer (an ArrayBuffer); a Node Buffer is what it really reads.
    const bytes = data instanceof ArrayBuffer ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength)
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0])
  } catch (e) {
    throw new AppError(ErrorCode.inputInvalid, msg('rates.xlsxUnreadable', { source }), {
      retryable: false,
      cause: e,
      meta: { source, detail: e instanceof Error ? e.message : String(e) },
    })
  }
  const ws = wb.worksheets[0]
  if (!ws) throw new AppError(ErrorCode.inputInvalid, msg('rates.xlsxNoSheet', { source }), { retryable: false, meta: { source } })
  const rows: TableRow[] = []
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: TableCell[] = []
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellValue(row.getCell(c).value))
    rows.push({ line, cells })
  })
  return rateCardsFromTable(rows, `${source}: ${ws.name}`)
}
