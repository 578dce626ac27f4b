import { AppError, ErrorCode } from '../errors'
import { gs1CheckDigit } from '../gs1'
import { matchAi, type Gs1AiSpec, type Gs1Component } from './gs1-ai'

/**
 * GS1 element strings (the data of GS1-128, GS1 DataMatrix, GS1 QR, GS1 DataBar) split into AIs.
 * FNC1 separates variable-length fields; a scanner sends it as ASCII GS (0x1D) or, where a keyboard
 * wedge cannot type GS, a substitute configured on the scanner (docs/reference/hardware.md §5.1). Pure.
 */

export const GS = '\x1d'

export type Gs1Element = Readonly<{ ai: string; value: string; title: string }>

export type ParseGs1Options = Readonly<{
  /** What the scanner sends for FNC1 (default ASCII GS). May be several characters, e.g. `<GS>`. */
  fnc1?: string
}>

// GS1 General Specifications figure 7.11-1 (CSET 82) and 7.11-2 (CSET 39).
const CHARSETS = {
  N: /^\d*$/,
  X: /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/,
  Y: /^[#\-/0-9A-Z]*$/,
} as const

function malformed(reason: string, data: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError(ErrorCode.scanMalformed, `GS1 barkodu okunamadı: ${reason} / Malformed GS1 barcode: ${reason}`, {
    meta: { reason, data: data.replaceAll(GS, '<GS>'), ...extra },
  })
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** YYMMDD with a real month; day 00 ("end of month") only where the AI allows it. */
function isValidDate(v: string, dayZeroAllowed: boolean): boolean {
  const month = Number(v.slice(2, 4))
  const day = Number(v.slice(4, 6))
  if (month < 1 || month > 12) return false
  if (day === 0) return dayZeroAllowed
  return day <= DAYS_IN_MONTH[month - 1]!
}

function checkComponent(c: Gs1Component, part: string): string | null {
  if (!CHARSETS[c.charset].test(part)) return `invalid character for ${c.charset}`
  if (c.check === 'csum' && gs1CheckDigit(part.slice(0, -1)) !== Number(part.at(-1))) return 'check digit'
  if ((c.check === 'yymmd0' || c.check === 'yymmdd') && !isValidDate(part, c.check === 'yymmd0')) return 'invalid date'
  return null
}

/** Validates one AI's value against its components; returns why it is wrong, or null. */
function checkValue(spec: Gs1AiSpec, value: string): string | null {
  if (value.length < spec.minLength) return `too short (${value.length} < ${spec.minLength})`
  if (value.length > spec.maxLength) return `too long (${value.length} > ${spec.maxLength})`
  let pos = 0
  for (const c of spec.components) {
    const left = value.length - pos
    if (left === 0 && c.optional) break
    const take = c.minLength === c.maxLength ? c.maxLength : Math.min(left, c.maxLength)
    if (left < c.minLength || take > left) return 'too short'
    const why = checkComponent(c, value.slice(pos, pos + take))
    if (why) return why
    pos += take
  }
  return pos === value.length ? null : 'too long'
}

/**
 * Splits a GS1 element string (without AIM identifier) into elements, in order. A leading FNC1 is
 * skipped; predefined-length AIs end by length, the others at FNC1 or the end. Throws `scan.malformed`
 * for an unknown AI, a bad length or character, a wrong check digit or a repeated AI with another value.
 */
export function parseGs1ElementString(data: string, options: ParseGs1Options = {}): Gs1Element[] {
  const fnc1 = options.fnc1 || GS
  const elements: Gs1Element[] = []
  const seen = new Map<string, string>()
  let pos = 0
  while (pos < data.length) {
    if (data.startsWith(fnc1, pos)) {
      pos += fnc1.length
      continue
    }
    const spec = matchAi(data, pos)
    if (!spec) throw malformed(`unknown AI at ${pos}`, data, { position: pos })
    const start = pos + spec.ai.length
    let end: number
    if (spec.predefinedLength) {
      end = start + spec.maxLength
      if (end > data.length) throw malformed(`AI ${spec.ai} too short`, data, { ai: spec.ai })
    } else {
      const sep = data.indexOf(fnc1, start)
      end = sep < 0 ? data.length : sep
    }
    const value = data.slice(start, end)
    const why = value.includes(fnc1) ? 'separator inside a fixed-length field' : checkValue(spec, value)
    if (why) throw malformed(`AI ${spec.ai} ${why}`, data, { ai: spec.ai, value })
    const before = seen.get(spec.ai)
    if (before !== undefined && before !== value) throw malformed(`AI ${spec.ai} repeated with another value`, data, { ai: spec.ai })
    if (before === undefined) elements.push({ ai: spec.ai, value, title: spec.title })
    seen.set(spec.ai, value)
    pos = end
  }
  if (elements.length === 0) throw malformed('no element', data)
  return elements
}

/** `(01)08691234567890(10)ABC`: the human-readable interpretation printed under the barcode. */
export function formatGs1Hri(elements: readonly Gs1Element[]): string {
  return elements.map((e) => `(${e.ai})${e.value}`).join('')
}

/**
 * Parses the bracketed form (`(00)000123456000012343`), as carriers print it and as it may be
 * stored as a shipment barcode. Returns null when `text` is not in that form.
 */
export function parseGs1Hri(text: string): Gs1Element[] | null {
  if (!/^(\(\d{2,4}\)[^()]+)+$/.test(text)) return null
  const data = [...text.matchAll(/\((\d{2,4})\)([^()]+)/g)].map((m) => m[1]! + m[2]!).join(GS)
  return parseGs1ElementString(data)
}

export function gs1Record(elements: readonly Gs1Element[]): Readonly<Record<string, string>> {
  return Object.fromEntries(elements.map((e) => [e.ai, e.value]))
}
