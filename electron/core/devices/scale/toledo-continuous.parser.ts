import { createDelimitedFramer, frameInvalid, type Framer } from './byte-framer'
import { gramsOf } from './scale-units'

/**
 * Mettler Toledo "Standard Continuous Output" (pure). Facts: docs/reference/hardware.md §2.4.
 * Frame: STX, SWA, SWB, SWC, 6 digits displayed weight, 6 digits tare, CR, [checksum]. The digit
 * fields carry neither sign nor decimal point: SWA says where the point is, SWB gives the sign.
 */

const STX = 0x02
const CR = 0x0d

export type ToledoContinuousOptions = Readonly<{
  /** The checksum byte after CR is a setup option on the indicator; with it, frames are 18 bytes. */
  checksum: boolean
}>

export type ToledoContinuousFrame = Readonly<{
  /** `weight` in range; `overload`/`underload` when SWB says out of range (sign tells which). */
  kind: 'weight' | 'overload' | 'underload'
  /** Displayed weight in integer grams, negative when SWB says so (meaningless when out of range). */
  grams: number
  tareGrams: number
  unit: 'g' | 'kg' | 'lb'
  /** SWB bit 3. */
  motion: boolean
  /** SWB bit 0: net (tared) rather than gross. */
  net: boolean
  /** SWB bit 6: powered up and not zeroed yet, so the weight cannot be trusted. */
  notZeroed: boolean
  /** SWC bit 3: the operator pressed print. */
  printRequest: boolean
}>

/** 7-bit sum of every byte before the checksum (STX and CR included), two's complement (§2.4). */
export function toledoChecksum(bytes: ArrayLike<number>, length = bytes.length): number {
  let sum = 0
  for (let i = 0; i < length; i++) sum += bytes[i] ?? 0
  return -sum & 0x7f
}

/**
 * SWA bits 0–2 (read bit0, bit1, bit2) place the decimal point; as a number they give the power of
 * ten: 000 = XXXX00 (×100), 100 = XXXXX0 (×10), 010 = XXXXXX, 110 = XXXXX.X … 111 = X.XXXXX.
 */
function decimalPower(swa: number): number {
  return 2 - (swa & 0b111)
}

function digits(frame: Uint8Array, from: number, label: string, lenient: boolean): number {
  const text = String.fromCharCode(...frame.subarray(from, from + 6))
  // Some clones blank leading zeros [unverified]; a field of only spaces is not a number.
  if (/^ *\d+$/.test(text)) return Number(text)
  if (lenient) return 0
  throw frameInvalid('Toledo continuous', frame, `${label} is not 6 digits`)
}

/** Parses one frame as cut by `createToledoContinuousFramer` (STX … CR [checksum]). */
export function parseToledoContinuousFrame(frame: Uint8Array, options: ToledoContinuousOptions): ToledoContinuousFrame {
  const length = options.checksum ? 18 : 17
  if (frame.length !== length) throw frameInvalid('Toledo continuous', frame, `expected ${length} bytes, got ${frame.length}`)
  if (frame[0] !== STX || frame[16] !== CR) throw frameInvalid('Toledo continuous', frame, 'no STX … CR')
  // A 7E1 line read as 8 bits carries the parity in bit 7; the checksum is 7-bit either way.
  if (options.checksum && ((frame[17] ?? 0) & 0x7f) !== toledoChecksum(frame, 17)) {
    throw frameInvalid('Toledo continuous', frame, 'bad checksum')
  }
  // The constant bits (SWA bit 5 = 1, bit 6 = 0 …) are not checked: clones differ (§2.4).
  const [swa = 0, swb = 0, swc = 0] = [frame[1], frame[2], frame[3]]
  const outOfRange = (swb & 0b100) !== 0
  const negative = (swb & 0b10) !== 0
  const unit = swc & 0b1 ? 'g' : swb & 0b1_0000 ? 'kg' : 'lb'
  const scale = 10 ** decimalPower(swa)
  const toGrams = (raw: number) => gramsOf(raw * scale, unit)
  const weightRaw = digits(frame, 4, 'weight', outOfRange)
  const tareRaw = digits(frame, 10, 'tare', outOfRange)
  return {
    kind: outOfRange ? (negative ? 'underload' : 'overload') : 'weight',
    grams: toGrams(negative ? -weightRaw : weightRaw),
    tareGrams: toGrams(tareRaw),
    unit,
    motion: (swb & 0b1000) !== 0,
    net: (swb & 0b1) !== 0,
    notZeroed: (swb & 0b100_0000) !== 0,
    printRequest: (swc & 0b1000) !== 0,
  }
}

/** STX-started, CR-ended frames, plus the checksum byte when enabled; resynchronises on STX. */
export function createToledoContinuousFramer(options: ToledoContinuousOptions): Framer<Uint8Array> {
  return createDelimitedFramer({ start: STX, end: [CR], trailerBytes: options.checksum ? 1 : 0, maxFrameBytes: 18 })
}
