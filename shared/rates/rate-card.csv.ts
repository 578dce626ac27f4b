import { AppError, ErrorCode } from '../errors'
import type { RateCard } from './rate-card'
import { rateCardsFromTable, rateCardsToTable, type TableRow } from './rate-card.table'

export type CsvDelimiter = ';' | ',' | '\t'

/**
 * Splits CSV text (RFC 4180 quoting, CRLF or LF, optional BOM) into rows that remember the physical
 * line they start on. The delimiter is the first of ; , TAB found outside quotes in the header line
 * (the first line that is not empty or a # comment),
 * unless given: Turkish Excel writes ";" because "," is its decimal mark.
 */
export function parseCsv(input: string, delimiter?: CsvDelimiter): { delimiter: CsvDelimiter; rows: TableRow[] } {
  const textIn = input.replace(/^\uFEFF/, '')
  const sep = delimiter ?? detectDelimiter(textIn)
  const rows: TableRow[] = []
  let cells: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let rowLine = 1
  let quoteLine = 0
  for (let i = 0; i < textIn.length; i++) {
    const ch = textIn[i]!
    if (quoted) {
      if (ch === '"') {
        if (textIn[i + 1] === '"') ((field += '"'), i++)
        else quoted = false
      } else {
        if (ch === '\n') line++
        field += ch
      }
      continue
    }
    if (ch === '"' && field.trim() === '') ((quoted = true), (field = ''), (quoteLine = line))
    else if (ch === sep) (cells.push(field), (field = ''))
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && textIn[i + 1] === '\n') i++
      cells.push(field)
      rows.push({ line: rowLine, cells })
      cells = []
      field = ''
      rowLine = ++line
    } else field += ch
  }
  if (quoted) {
    throw new AppError(
      ErrorCode.inputInvalid,
      `CSV okunamadı: satır ${quoteLine} içinde kapanmayan tırnak / CSV unreadable: unclosed quote on line ${quoteLine}`,
      {
        retryable: false,
        meta: { errors: [{ line: quoteLine, column: null, tr: 'kapanmayan tırnak', en: 'unclosed quote' }] },
      },
    )
  }
  if (field !== '' || cells.length) rows.push({ line: rowLine, cells: [...cells, field] })
  return { delimiter: sep, rows }
}

function detectDelimiter(text: string): CsvDelimiter {
  // The header is the first line that is neither empty nor a # comment (comments may hold any punctuation).
  const header = text.split(/\r?\n/).find((l) => l.trim() !== '' && !l.trimStart().startsWith('#')) ?? ''
  let quoted = false
  for (const ch of header) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) return ch
  }
  return ';'
}

/** Writes rows as CSV with CRLF (what Excel writes), quoting cells that need it. */
export function formatCsv(rows: readonly (readonly unknown[])[], delimiter: CsvDelimiter = ';'): string {
  const cell = (v: unknown): string => {
    const s = v === null || v === undefined ? '' : String(v)
    return s.includes('"') || s.includes(delimiter) || /[\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s
  }
  return rows.map((r) => r.map(cell).join(delimiter)).join('\r\n') + '\r\n'
}

/**
 * Rate cards as CSV in the layout of rate-card.table.ts. Default ";" with decimal commas (opens as
 * numbers in Turkish Excel); "," writes decimal dots so the file stays unambiguous.
 */
export function rateCardsToCsv(cards: readonly RateCard[], opts: Readonly<{ delimiter?: CsvDelimiter }> = {}): string {
  const delimiter = opts.delimiter ?? ';'
  return '\uFEFF' + formatCsv(rateCardsToTable(cards, { decimalSeparator: delimiter === ',' ? '.' : ',' }), delimiter)
}

/** Reads rate cards from CSV; all or nothing (AppError input.invalid with meta.errors: line, column, tr, en). */
export function rateCardsFromCsv(text: string, source = 'CSV'): RateCard[] {
  return rateCardsFromTable(parseCsv(text).rows, source)
}
