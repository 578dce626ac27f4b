import { createDelimitedFramer, frameInvalid, latin1, type Framer } from './byte-framer'
import { gramsOf, isWeightUnit, type WeightUnit } from './scale-units'

/**
 * Yaohua XK3190-A12(E) default continuous output (pure). Facts: docs/reference/hardware.md §2.5.
 * 15 bytes: `W`, `G`/`N`, 7 bytes of weight with its decimal point (leading `-` when negative),
 * unit (`kg`), two ASCII-hex checksum characters, CR LF. The checksum is the XOR of the first 11
 * bytes, each nibble sent as 0x30 + n (n ≤ 9) or 0x37 + n. Overload: 9 spaces + `OL`; below −20d: `LO`.
 * The frame has no stable flag: stability is judged by the driver from repeated readings (§2.7).
 */

export type A12eFrame =
  Readonly<{ kind: 'weight'; net: boolean; value: number; unit: WeightUnit; grams: number }> | Readonly<{ kind: 'overload' }> | Readonly<{ kind: 'underload' }>

export type A12eOptions = Readonly<{
  /** Verify the XOR checksum (default true). Off only for clones that send something else [unverified]. */
  checksum?: boolean
}>

const FRAME_BYTES = 15
const CR = 0x0d
const LF = 0x0a

export function a12eChecksum(payload: ArrayLike<number>): number {
  let x = 0
  for (let i = 0; i < payload.length; i++) x ^= payload[i] ?? 0
  return x
}

/** Two characters, high nibble first: 0x30 + n for n ≤ 9, else 0x37 + n (`3D` for 0x3D). */
export function a12eChecksumText(value: number): string {
  const nibble = (n: number) => String.fromCharCode(n <= 9 ? 0x30 + n : 0x37 + n)
  return nibble((value >> 4) & 0xf) + nibble(value & 0xf)
}

/** Parses one frame as cut by `createA12eFramer`; garbage in front of the 15 bytes is ignored. */
export function parseA12eFrame(frame: Uint8Array, options: A12eOptions = {}): A12eFrame {
  if (frame.length < FRAME_BYTES || frame[frame.length - 2] !== CR || frame[frame.length - 1] !== LF) {
    throw frameInvalid('XK3190-A12E', frame, `expected ${FRAME_BYTES} bytes ending CR LF`)
  }
  // Fixed length: the frame is the last 15 bytes of the line, whatever noise came before.
  const bytes = frame.subarray(frame.length - FRAME_BYTES)
  const payload = bytes.subarray(0, 11)
  const text = latin1(payload)
  if (options.checksum ?? true) {
    const sent = latin1(bytes.subarray(11, 13)).toUpperCase()
    if (sent !== a12eChecksumText(a12eChecksum(payload))) throw frameInvalid('XK3190-A12E', bytes, 'bad checksum')
  }
  if (text.trim() === 'OL') return { kind: 'overload' }
  if (text.trim() === 'LO') return { kind: 'underload' }
  if (text[0] !== 'W' || (text[1] !== 'G' && text[1] !== 'N')) throw frameInvalid('XK3190-A12E', bytes, 'no WG/WN header')
  const weightText = text.slice(2, 9).trim()
  if (!/^-?\s*(\d+(\.\d*)?|\.\d+)$/.test(weightText)) throw frameInvalid('XK3190-A12E', bytes, 'weight is not a number')
  const unitText = text.slice(9, 11).trim().toLowerCase()
  if (!isWeightUnit(unitText)) throw frameInvalid('XK3190-A12E', bytes, `unknown unit ${unitText}`)
  const value = Number(weightText.replace(/\s/g, ''))
  return { kind: 'weight', net: text[1] === 'N', value, unit: unitText, grams: gramsOf(value, unitText) }
}

/** CR LF lines (all printable ASCII); runs longer than 48 bytes are dropped up to the next CR LF. */
export function createA12eFramer(): Framer<Uint8Array> {
  return createDelimitedFramer({ end: [CR, LF], maxFrameBytes: 48 })
}
