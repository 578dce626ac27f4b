import { parseArgs, type ParseArgsConfig } from 'node:util'
import { readFile } from 'node:fs/promises'
import type { z } from 'zod'
import { AppError, ErrorCode } from '../../shared/errors'

type Options = NonNullable<ParseArgsConfig['options']>

/** Strict flag parsing; unknown flags and missing values become `input.invalid` (exit 2). */
export function parseFlags<O extends Options>(argv: readonly string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals })
  } catch (err) {
    throw new AppError(ErrorCode.inputInvalid, (err as Error).message)
  }
}

export function requireFlag(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new AppError(ErrorCode.inputInvalid, `missing required flag --${flag}`)
  return value
}

/**
 * The largest whole-number flag (ports, baud rates, milliseconds): 2^31 − 1, the longest timer Node
 * keeps; a larger timeout would silently become 1 ms (TimeoutOverflowWarning).
 */
export const MAX_WHOLE_FLAG = 2_147_483_647

/**
 * Parses a number flag; `input.invalid` when it is not a finite number, not positive when asked, or
 * above `max` (whole-number flags: MAX_WHOLE_FLAG unless told), so `1e308` never reaches a timer or a socket.
 */
export function numberFlag(value: string | undefined, flag: string, opts: { positive?: boolean; integer?: boolean; max?: number } = {}): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n)) throw new AppError(ErrorCode.inputInvalid, `--${flag} must be a number, got "${value}"`)
  if (opts.positive && n <= 0) throw new AppError(ErrorCode.inputInvalid, `--${flag} must be greater than 0, got ${value}`)
  if (opts.integer && !Number.isInteger(n)) throw new AppError(ErrorCode.inputInvalid, `--${flag} must be a whole number, got ${value}`)
  const max = opts.max ?? (opts.integer ? MAX_WHOLE_FLAG : undefined)
  if (max !== undefined && n > max) throw new AppError(ErrorCode.inputInvalid, `--${flag} must be a finite number ≤ ${max}, got ${value}`)
  return n
}

/** Reads and validates a JSON input file; every problem is `input.invalid` with the file and field named. */
export async function readJsonInput<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    throw new AppError(ErrorCode.inputInvalid, `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
  let raw: unknown
  try {
    // A file saved by Windows Notepad starts with a byte-order mark, which JSON.parse refuses.
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (err) {
    throw new AppError(ErrorCode.inputInvalid, `${path} is not valid JSON: ${(err as Error).message}`)
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) throw new AppError(ErrorCode.inputInvalid, `${path}: ${formatZodIssues(parsed.error)}`)
  return parsed.data
}

export function formatZodIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 8)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ')
}
