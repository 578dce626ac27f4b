import { createDelimitedFramer, frameInvalid, latin1, type Framer } from './byte-framer'
import { gramsOf, type WeightUnit } from './scale-units'

/**
 * Toledo 8217 / "Checkout Dialog 06" request/response (pure). Facts: docs/reference/hardware.md §2.3.
 * The host sends `W` (no terminator); the scale answers STX, the weight digits (optionally `N`),
 * CR, or STX `?` <status> CR when it has no weight to give (in motion, out of range). The reply
 * carries no unit: it is whatever the scale is set to, so the unit is a per-model setting.
 */

const STX = 0x02
const CR = 0x0d

export type Toledo8217Status = Readonly<{
  motion: boolean
  overCapacity: boolean
  underZero: boolean
  outsideZeroCapture: boolean
  centerOfZero: boolean
  net: boolean
  /** Bit 6: "always 1" in the DIVA manual, "bad command from host" in Odoo's newer code; kept raw. */
  bit6: boolean
}>

export type Toledo8217Frame =
  | Readonly<{ kind: 'weight'; value: number; grams: number; net: boolean }>
  | Readonly<{ kind: 'status'; code: number; status: Toledo8217Status }>
  /** STX `E` CR: the scale acknowledged the `E` (echo) probe. */
  | Readonly<{ kind: 'echo' }>

export type Toledo8217Options = Readonly<{ unit?: WeightUnit }>

export function decodeToledo8217Status(code: number): Toledo8217Status {
  // Bit 7 is even parity on a 7E1 line (§2.3); it says nothing about the scale.
  const bit = (n: number) => (code & (1 << n)) !== 0
  return {
    motion: bit(0),
    overCapacity: bit(1),
    underZero: bit(2),
    outsideZeroCapture: bit(3),
    centerOfZero: bit(4),
    net: bit(5),
    bit6: bit(6),
  }
}

// Odoo's weight pattern is `\x02\s*([0-9.]+)N?\r`; we also require it to be one number.
const weightPattern = /^\s*(\d+(?:\.\d*)?|\.\d+)(N?)$/

/** Parses one reply as cut by `createToledo8217Framer` (STX … CR). */
export function parseToledo8217Frame(frame: Uint8Array, options: Toledo8217Options = {}): Toledo8217Frame {
  if (frame[0] !== STX || frame[frame.length - 1] !== CR) throw frameInvalid('Toledo 8217', frame, 'no STX … CR')
  const body = latin1(frame.subarray(1, -1))
  if (body.length === 2 && body[0] === '?') {
    const code = body.charCodeAt(1) & 0x7f
    return { kind: 'status', code, status: decodeToledo8217Status(code) }
  }
  if (body === 'E') return { kind: 'echo' }
  const match = weightPattern.exec(body)
  if (!match) throw frameInvalid('Toledo 8217', frame, 'not a weight or status reply')
  const value = Number(match[1])
  return { kind: 'weight', value, grams: gramsOf(value, options.unit ?? 'kg'), net: match[2] === 'N' }
}

/** STX-started, CR-ended replies; bytes before STX are dropped. Replies are short (< 16 bytes). */
export function createToledo8217Framer(): Framer<Uint8Array> {
  return createDelimitedFramer({ start: STX, end: [CR], maxFrameBytes: 16 })
}
