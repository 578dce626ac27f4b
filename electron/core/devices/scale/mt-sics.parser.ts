import { AppError, ErrorCode } from '../../../../shared/errors'

/**
 * Mettler Toledo MT-SICS reply parsing (pure). Facts: docs/reference/hardware.md §2.2.
 * Replies are ASCII lines `<command> <status> [<value> <unit>]` ended by CR LF; the value is
 * right-aligned with a pad width that differs between devices, so lines are split on whitespace,
 * never by column.
 */

/** Units a weight reply may carry, with their size in grams. */
export const MtSicsUnitGrams = {
  g: 1,
  kg: 1000,
  mg: 0.001,
  lb: 453.59237,
  oz: 28.349523125,
} as const

export type MtSicsUnit = keyof typeof MtSicsUnitGrams

/** Why a zero or tare command was refused (`Z I`, `Z +`, `Z -`, same for `T`). */
export type MtSicsRefusal = 'notExecutable' | 'upperLimit' | 'lowerLimit'

export type MtSicsFrame =
  /** `S S <v> <u>` (stable) or `S D <v> <u>` (dynamic, only from `SI`/`SIR`). */
  | Readonly<{ kind: 'weight'; stable: boolean; value: number; unit: MtSicsUnit; grams: number }>
  /** `S +`: weight above the weighing range. */
  | Readonly<{ kind: 'overload' }>
  /** `S -`: weight below the weighing range (pan removed, negative beyond zero range). */
  | Readonly<{ kind: 'underload' }>
  /** `S I`: busy, or `S` gave up waiting for stability (§7.8). */
  | Readonly<{ kind: 'notExecutable' }>
  /** `Z A`: zero done. The success reply is [unverified] in §2.2; failures are documented. */
  | Readonly<{ kind: 'zeroed' }>
  | Readonly<{ kind: 'zeroFailed'; reason: MtSicsRefusal }>
  /** `T S <v> <u>`: tare stored; `value` is the tare weight. */
  | Readonly<{ kind: 'tared'; value: number; unit: MtSicsUnit; grams: number }>
  | Readonly<{ kind: 'tareFailed'; reason: MtSicsRefusal }>
  /** `I0`..`I5` inquiry replies (also what `@` answers: `I4 A "<serial>"`). */
  | Readonly<{ kind: 'inquiry'; command: string; status: string; text: string }>
  /** Generic errors: ES syntax, ET transmission (parity/framing), EL logical. */
  | Readonly<{ kind: 'error'; code: 'ES' | 'ET' | 'EL' }>

const refusals: Readonly<Record<string, MtSicsRefusal>> = { I: 'notExecutable', '+': 'upperLimit', '-': 'lowerLimit' }

// A plain decimal: optional sign, digits with an optional fraction. No exponents, no commas.
const decimalPattern = /^[+-]?(\d+(\.\d*)?|\.\d+)$/

function invalid(line: string, why: string): AppError {
  return new AppError(ErrorCode.scaleFrameInvalid, `MT-SICS frame not understood (${why}): ${JSON.stringify(line)}`, {
    retryable: true,
    meta: { line },
  })
}

function isUnit(unit: string): unit is MtSicsUnit {
  return Object.hasOwn(MtSicsUnitGrams, unit)
}

/** Converts a displayed value to integer grams, rounding half away from zero (and never -0). */
export function toGrams(value: number, unit: MtSicsUnit): number {
  const exact = value * MtSicsUnitGrams[unit]
  // The nudge undoes binary float error on decimal halves (1.2345 kg * 1000 = 1234.4999…).
  const rounded = Math.sign(exact) * Math.round(Math.abs(exact) + 1e-9)
  return rounded === 0 ? 0 : rounded
}

function parseValue(line: string, valueText: string | undefined, unitText: string | undefined) {
  if (valueText === undefined || unitText === undefined) throw invalid(line, 'missing value or unit')
  if (!decimalPattern.test(valueText)) throw invalid(line, 'value is not a number')
  if (!isUnit(unitText)) throw invalid(line, `unknown unit ${unitText}`)
  const value = Number(valueText)
  return { value, unit: unitText, grams: toGrams(value, unitText) }
}

/** Parses one MT-SICS reply line (without CR LF). Anything unrecognised is `scale.frameInvalid`. */
export function parseMtSicsLine(line: string): MtSicsFrame {
  const tokens = line.trim().split(/\s+/)
  const [command = '', status, ...rest] = tokens
  if (tokens.length === 1 && (command === 'ES' || command === 'ET' || command === 'EL')) return { kind: 'error', code: command }

  if (command === 'S') {
    if ((status === 'S' || status === 'D') && rest.length === 2) {
      return { kind: 'weight', stable: status === 'S', ...parseValue(line, rest[0], rest[1]) }
    }
    if (rest.length === 0 && status === '+') return { kind: 'overload' }
    if (rest.length === 0 && status === '-') return { kind: 'underload' }
    if (rest.length === 0 && status === 'I') return { kind: 'notExecutable' }
    throw invalid(line, 'bad weight reply')
  }
  if (command === 'Z' && rest.length === 0 && status !== undefined) {
    if (status === 'A') return { kind: 'zeroed' }
    const reason = refusals[status]
    if (reason) return { kind: 'zeroFailed', reason }
  }
  if (command === 'T' && status !== undefined) {
    if (status === 'S' && rest.length === 2) return { kind: 'tared', ...parseValue(line, rest[0], rest[1]) }
    const reason = refusals[status]
    if (reason && rest.length === 0) return { kind: 'tareFailed', reason }
  }
  if (/^I\d$/.test(command) && status !== undefined) {
    // The text after the status is kept verbatim (quotes stripped) because serials may contain spaces.
    const text = line.trim().replace(/^\S+\s+\S+\s*/, '')
    return { kind: 'inquiry', command, status, text: text.replace(/^"(.*)"$/, '$1') }
  }
  throw invalid(line, 'unknown reply')
}

export type LineFramerOptions = {
  /** Longest line kept; longer runs are dropped up to the next LF. MT-SICS replies are < 80 chars. */
  maxLineLength?: number
}

/** Splits a serial byte stream into CR LF lines. Stateful; feed it every `data` chunk in order. */
export type LineFramer = {
  /** Returns the lines completed by this chunk (without CR LF, never empty). */
  push(chunk: Uint8Array | string): string[]
  /** Forgets any partial line (e.g. after reopening the port). */
  reset(): void
  /** Bytes thrown away so far (non-printables, torn lines, overlong runs); for diagnostics. */
  readonly discardedBytes: number
}

const CR = 0x0d
const LF = 0x0a

/**
 * Frames CR LF lines out of arbitrarily split chunks (docs/reference/hardware.md §7.7: `data` events split frames
 * anywhere). Resynchronisation rules:
 * - a non-printable byte (line noise, parity garbage, 0x00/0xFF) drops what was buffered before it,
 *   so binary garbage in front of a valid frame does not spoil the frame;
 * - a bare LF or a CR not followed by LF ends a torn line, which is dropped;
 * - a line longer than `maxLineLength` is dropped up to the next LF, so garbage without CR LF
 *   cannot grow memory.
 * Printable garbage without a terminator cannot be told apart from a frame; it reaches the parser
 * as part of the next line and is rejected there as `scale.frameInvalid`.
 */
export function createLineFramer(options: LineFramerOptions = {}): LineFramer {
  const maxLineLength = options.maxLineLength ?? 256
  let buffer = ''
  let sawCr = false
  let overflowing = false
  let discarded = 0

  const drop = () => {
    discarded += buffer.length + (sawCr ? 1 : 0)
    buffer = ''
    sawCr = false
  }

  return {
    push(chunk) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk
      const lines: string[] = []
      for (const byte of bytes) {
        if (byte === LF) {
          if (sawCr && !overflowing && buffer.length > 0) lines.push(buffer)
          else drop()
          buffer = ''
          sawCr = false
          overflowing = false
          continue
        }
        if (overflowing) {
          discarded++
          continue
        }
        if (byte === CR) {
          if (sawCr) drop()
          sawCr = true
          continue
        }
        if (byte < 0x20 || byte > 0x7e) {
          drop()
          discarded++
          continue
        }
        if (sawCr) drop()
        buffer += String.fromCharCode(byte)
        if (buffer.length > maxLineLength) {
          drop()
          overflowing = true
        }
      }
      return lines
    },
    reset() {
      buffer = ''
      sawCr = false
      overflowing = false
    },
    get discardedBytes() {
      return discarded
    },
  }
}
