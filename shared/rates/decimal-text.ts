/**
 * Numbers typed by people in Turkish spreadsheets: "12,50", "1.234,56", "12.5", "₺ 89,90", "%10".
 * Parsed exactly (no float arithmetic for money) into integer units with a fixed number of decimals.
 */

/** Why a cell is not a number, Turkish then English. */
export type DecimalProblem = Readonly<{ tr: string; en: string }>

export type Scaled = { ok: true; value: number } | { ok: false; problem: DecimalProblem }

const bad = (tr: string, en: string): Scaled => ({ ok: false, problem: { tr, en } })

/** Splits a decimal written Turkish or English style into integer and fraction digits, or says why not. */
function splitDecimal(raw: string): { int: string; frac: string } | DecimalProblem {
  const s = raw
    .trim()
    .replace(/^(₺|TL|TRY|%)\s*/i, '')
    .replace(/\s*(₺|TL|TRY|%)$/i, '')
    .replace(/[\s\u00a0\u202f]/g, '')
  if (s === '') return { tr: 'boş', en: 'empty' }
  if (s.startsWith('-')) return { tr: `negatif olamaz: "${raw}"`, en: `must not be negative: "${raw}"` }
  let m = /^(\d{1,3}(?:\.\d{3})+),(\d+)$/.exec(s) // 1.234,56
  if (m) return { int: m[1]!.replace(/\./g, ''), frac: m[2]! }
  m = /^(\d{1,3}(?:,\d{3})+)\.(\d+)$/.exec(s) // 1,234.56
  if (m) return { int: m[1]!.replace(/,/g, ''), frac: m[2]! }
  m = /^(\d+),(\d+)$/.exec(s) // 12,50
  if (m) return { int: m[1]!, frac: m[2]! }
  if (/^\d{1,3}\.\d{3}$/.test(s)) {
    // "1.234" is 1234 to a Turkish reader and 1.234 to an English one: refuse rather than guess by 1000×.
    return {
      tr: `belirsiz sayı "${raw}": 1234 için "1234", bir virgül iki yüz otuz dört için "1,234" yazın`,
      en: `ambiguous number "${raw}": write "1234" or "1,234" (decimal comma)`,
    }
  }
  m = /^(\d{1,3}(?:\.\d{3}){2,})$/.exec(s) // 1.234.567
  if (m) return { int: m[1]!.replace(/\./g, ''), frac: '' }
  m = /^(\d+)(?:\.(\d+))?$/.exec(s) // 12 or 12.5
  if (m) return { int: m[1]!, frac: m[2] ?? '' }
  return { tr: `sayı değil: "${raw}"`, en: `not a number: "${raw}"` }
}

/**
 * A non-negative decimal as an integer in units of 10^-decimals ("12,50" with 2 → 1250).
 * Numbers from spreadsheet cells are taken as they are (rounded to 6 places to drop float noise).
 */
export function parseScaled(cell: string | number, decimals: number): Scaled {
  let text: string
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return bad(`sayı değil: ${cell}`, `not a number: ${cell}`)
    if (cell < 0) return bad(`negatif olamaz: ${cell}`, `must not be negative: ${cell}`)
    text = String(Number(cell.toFixed(6)))
    if (/e/i.test(text)) return bad(`sayı değil: ${cell}`, `not a number: ${cell}`)
  } else text = cell
  const parts = typeof cell === 'number' ? { int: text.split('.')[0]!, frac: text.split('.')[1] ?? '' } : splitDecimal(text)
  if ('tr' in parts) return { ok: false, problem: parts }
  const frac = parts.frac.replace(/0+$/, '')
  if (frac.length > decimals) return bad(`en çok ${decimals} ondalık basamak: "${cell}"`, `at most ${decimals} decimal place(s): "${cell}"`)
  const value = Number(parts.int + frac.padEnd(decimals, '0'))
  if (!Number.isSafeInteger(value)) return bad(`çok büyük: "${cell}"`, `too large: "${cell}"`)
  return { ok: true, value }
}

/**
 * Writes an integer in units of 10^-decimals back as text: trailing zeros trimmed ("12,5", "10"),
 * or kept with keepZeros ("89,00" for money).
 */
export function formatScaled(value: number, decimals: number, decimalSeparator: ',' | '.' = ',', keepZeros = false): string {
  const sign = value < 0 ? '-' : ''
  const digits = String(Math.abs(value)).padStart(decimals + 1, '0')
  const int = digits.slice(0, digits.length - decimals)
  const allFrac = digits.slice(digits.length - decimals)
  const frac = keepZeros ? allFrac : allFrac.replace(/0+$/, '')
  return frac ? `${sign}${int}${decimalSeparator}${frac}` : `${sign}${int}`
}

/** As a plain number (for XLSX cells): 1250 with 2 decimals → 12.5. */
export function scaledToNumber(value: number, decimals: number): number {
  return Number(formatScaled(value, decimals, '.'))
}
