/**
 * A Code 128 encoder (ISO/IEC 15417) for barcodes the desk draws itself, on screen: the scanner
 * self-test symbols. Pure: data in, bar/space module widths out; the renderer draws them as SVG.
 * Printed labels do not use it (the Zebra encodes ^BC itself).
 *
 * Subsets: C for runs of digits (pairs), B for printable ASCII, A for control characters. With
 * `gs1: true` the symbol starts with FNC1 (GS1-128) and every ASCII GS (0x1D) in the data is
 * encoded as FNC1, the GS1 separator after a variable-length field.
 */

/** Bar/space widths of symbol values 0…105 (each adds to 11 modules), then the stop pattern (13). */
const PATTERNS = [
  '212222',
  '222122',
  '222221',
  '121223',
  '121322',
  '131222',
  '122213',
  '122312',
  '132212',
  '221213',
  '221312',
  '231212',
  '112232',
  '122132',
  '122231',
  '113222',
  '123122',
  '123221',
  '223211',
  '221132',
  '221231',
  '213212',
  '223112',
  '312131',
  '311222',
  '321122',
  '321221',
  '312212',
  '322112',
  '322211',
  '212123',
  '212321',
  '232121',
  '111323',
  '131123',
  '131321',
  '112313',
  '132113',
  '132311',
  '211313',
  '231113',
  '231311',
  '112133',
  '112331',
  '132131',
  '113123',
  '113321',
  '133121',
  '313121',
  '211331',
  '231131',
  '213113',
  '213311',
  '213131',
  '311123',
  '311321',
  '331121',
  '312113',
  '312311',
  '332111',
  '314111',
  '221411',
  '431111',
  '111224',
  '111422',
  '121124',
  '121421',
  '141122',
  '141221',
  '112214',
  '112412',
  '122114',
  '122411',
  '142112',
  '142211',
  '241211',
  '221114',
  '413111',
  '241112',
  '134111',
  '111242',
  '121142',
  '121241',
  '114212',
  '124112',
  '124211',
  '411212',
  '421112',
  '421211',
  '212141',
  '214121',
  '412121',
  '111143',
  '111341',
  '131141',
  '114113',
  '114311',
  '411113',
  '411311',
  '113141',
  '114131',
  '311141',
  '411131',
  '211412',
  '211214',
  '211232',
  '2331112',
] as const

const CODE_C = 99
const CODE_B = 100
const CODE_A = 101
const FNC1 = 102
const START = { A: 103, B: 104, C: 105 } as const
const STOP = 106
const GS = '\x1d'

type Subset = 'A' | 'B' | 'C'

export type Code128Options = Readonly<{
  /** GS1-128: FNC1 first, and ASCII GS in the data becomes the FNC1 separator. */
  gs1?: boolean
}>

export type Code128Symbol = Readonly<{
  /** Symbol values: start, data, check character, stop. */
  values: readonly number[]
  /** Alternating bar and space widths in modules, starting with a bar (no quiet zone). */
  widths: readonly number[]
  /** Total width in modules, without the 10-module quiet zone on each side. */
  modules: number
}>

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9'
}

function digitRun(data: string, from: number): number {
  let n = 0
  while (isDigit(data[from + n])) n++
  return n
}

/** Subset A or B for the character at `i`: A only for control characters (B has no codes below 32). */
function letterSubset(data: string, i: number, gs1: boolean): 'A' | 'B' {
  for (let j = i; j < data.length; j++) {
    const code = data.charCodeAt(j)
    if (code < 32 && !(gs1 && data[j] === GS)) return 'A'
    if (code >= 96) return 'B' // lowercase and `{|}~` exist only in B
  }
  return 'B'
}

function valueIn(subset: 'A' | 'B', ch: string): number {
  const code = ch.charCodeAt(0)
  if (subset === 'B') return code - 32
  return code < 32 ? code + 64 : code - 32
}

/** Symbol values of `data` (start, data and check character; no stop). Throws on characters outside ASCII. */
export function code128Values(data: string, options: Code128Options = {}): number[] {
  const gs1 = options.gs1 ?? false
  for (const ch of data) {
    if (ch.charCodeAt(0) > 127 || ch.length > 1) throw new RangeError(`Code 128 cannot encode ${JSON.stringify(ch)}`)
  }
  if (data.length === 0 && !gs1) throw new RangeError('Code 128 needs at least one character')
  const isFnc1 = (i: number) => gs1 && data[i] === GS
  const values: number[] = []
  const lead = digitRun(data, 0)
  // Start in C for 4+ digits, or for an even pair count that fills the data up to its end or an FNC1.
  const startC = lead >= 4 || (lead >= 2 && lead % 2 === 0 && (lead === data.length || isFnc1(lead)))
  let subset: Subset = startC ? 'C' : letterSubset(data, 0, gs1)
  values.push(START[subset])
  if (gs1) values.push(FNC1)
  let i = 0
  while (i < data.length) {
    if (isFnc1(i)) {
      values.push(FNC1)
      i++
      continue
    }
    const run = digitRun(data, i)
    if (subset === 'C') {
      if (run >= 2) {
        values.push(Number(data.slice(i, i + 2)))
        i += 2
        continue
      }
      subset = letterSubset(data, i, gs1)
      values.push(subset === 'A' ? CODE_A : CODE_B)
      continue
    }
    // Switching to C pays off for 4+ digits at the end (or before FNC1) and 6+ in the middle.
    const atEnd = i + run === data.length || isFnc1(i + run)
    if (run >= 6 || (atEnd && run >= 4)) {
      if (run % 2 === 1) values.push(valueIn(subset, data[i++] as string)) // the odd digit stays here
      subset = 'C'
      values.push(CODE_C)
      continue
    }
    const ch = data[i] as string
    const code = ch.charCodeAt(0)
    const needs: 'A' | 'B' | null = code < 32 ? 'A' : code >= 96 ? 'B' : null
    if (needs && needs !== subset) {
      subset = needs
      values.push(needs === 'A' ? CODE_A : CODE_B)
    }
    values.push(valueIn(subset, ch))
    i++
  }
  // Check character: start value plus each value times its position, modulo 103.
  const check = values.reduce((sum, v, pos) => sum + v * Math.max(pos, 1), 0) % 103
  values.push(check)
  return values
}

/** The whole symbol: values, module widths and total width. */
export function encodeCode128(data: string, options: Code128Options = {}): Code128Symbol {
  const values = [...code128Values(data, options), STOP]
  const widths = values.flatMap((v) => [...(PATTERNS[v] as string)].map(Number))
  return { values, widths, modules: widths.reduce((a, b) => a + b, 0) }
}

/** Bars as [x, width] in modules (spaces left out), for drawing. */
export function code128Bars(symbol: Code128Symbol): Array<readonly [number, number]> {
  const bars: Array<readonly [number, number]> = []
  let x = 0
  symbol.widths.forEach((w, i) => {
    if (i % 2 === 0) bars.push([x, w])
    x += w
  })
  return bars
}
