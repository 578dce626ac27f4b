import { createDelimitedFramer, frameInvalid, latin1, type Framer } from './byte-framer'
import { gramsOf, isWeightUnit, type WeightUnit } from './scale-units'

/**
 * NCI / SCP-12 / 3825 (Brecknell, Weigh-Tronix, Avery) request/response (pure). Facts:
 * docs/reference/hardware.md §2.6 and chris-rudmin/serial-nci-scale (which documents the byte layouts):
 * - `W<CR>` → LF, sign + weight, 2-char unit, CR, 2 status bytes, ETX (`\n  1.234kg\r00\x03`)
 * - `S<CR>` → LF, 2 status bytes, CR, ETX
 * - unknown command → LF `?` CR (no ETX)
 * Status byte 1: bit0 motion, bit1 at zero, bit2 RAM error, bit3 EEPROM error. Byte 2: bit0 under
 * capacity, bit1 over capacity, bit2 ROM error, bit3 calibration error. Bits 4–5 are always 1.
 */

export type NciStatus = Readonly<{
  moving: boolean
  atZero: boolean
  ramError: boolean
  eepromError: boolean
  underCapacity: boolean
  overCapacity: boolean
  romError: boolean
  calibrationError: boolean
}>

export type NciFrame =
  /** `grams` is null when the weight field is not a number (e.g. dashes while over capacity). */
  | Readonly<{ kind: 'weight'; value: number | null; unit: WeightUnit; grams: number | null; status: NciStatus }>
  | Readonly<{ kind: 'status'; status: NciStatus }>
  | Readonly<{ kind: 'unknownCommand' }>

export type NciOptions = Readonly<{
  /**
   * Motion bit polarity. serial-nci-scale and the CAS CI-100A read bit0 = 1 as "in motion"
   * (`setWhenMoving`, default); the Brecknell DS-1000 manual reads 0 = in motion (`setWhenStable`).
   * The sources conflict (§2.6), so it is a per-model setting.
   */
  motionBit?: 'setWhenMoving' | 'setWhenStable'
}>

const LF = 0x0a
const CR = 0x0d
const ETX = 0x03
const QUESTION = 0x3f

function statusByte(byte: number | undefined, frame: Uint8Array): number {
  // Bit 7 is parity on a 7E1 line; bits 4–5 always 1 makes every status byte '0'..'?'.
  const b = (byte ?? 0) & 0x7f
  if ((b & 0x70) !== 0x30) throw frameInvalid('NCI', frame, 'status byte out of range')
  return b
}

export function decodeNciStatus(first: number, second: number, options: NciOptions = {}): NciStatus {
  const motionSet = (first & 0b1) !== 0
  return {
    moving: options.motionBit === 'setWhenStable' ? !motionSet : motionSet,
    atZero: (first & 0b10) !== 0,
    ramError: (first & 0b100) !== 0,
    eepromError: (first & 0b1000) !== 0,
    underCapacity: (second & 0b1) !== 0,
    overCapacity: (second & 0b10) !== 0,
    romError: (second & 0b100) !== 0,
    calibrationError: (second & 0b1000) !== 0,
  }
}

/** Parses one reply as cut by `createNciFramer`. */
export function parseNciFrame(frame: Uint8Array, options: NciOptions = {}): NciFrame {
  if (frame[0] !== LF) throw frameInvalid('NCI', frame, 'no leading LF')
  if (frame.length === 3 && frame[1] === QUESTION && frame[2] === CR) return { kind: 'unknownCommand' }
  const last = frame.length - 1
  if (frame[last] !== ETX) throw frameInvalid('NCI', frame, 'no ETX')

  if (frame.length === 5 && frame[3] === CR) {
    // Status reply: LF h h CR ETX
    return { kind: 'status', status: decodeNciStatus(statusByte(frame[1], frame), statusByte(frame[2], frame), options) }
  }
  // Weight reply: LF <weight><unit> CR h h ETX
  const cr = last - 3
  if (frame[cr] !== CR || cr < 4) throw frameInvalid('NCI', frame, 'not a weight or status reply')
  const status = decodeNciStatus(statusByte(frame[cr + 1], frame), statusByte(frame[cr + 2], frame), options)
  const unitText = latin1(frame.subarray(cr - 2, cr))
    .trim()
    .toLowerCase()
  if (!isWeightUnit(unitText)) throw frameInvalid('NCI', frame, `unknown unit ${unitText}`)
  const weightText = latin1(frame.subarray(1, cr - 2)).replace(/\s/g, '')
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(weightText)) {
    const value = Number(weightText)
    return { kind: 'weight', value, unit: unitText, grams: gramsOf(value, unitText), status }
  }
  // Over/under capacity replies may carry no number [unverified: what the field holds then].
  if (status.overCapacity || status.underCapacity) return { kind: 'weight', value: null, unit: unitText, grams: null, status }
  throw frameInvalid('NCI', frame, 'weight is not a number')
}

/** LF-started, ETX-ended replies (or LF `?` CR); bytes before LF are dropped, as serial-nci-scale does. */
export function createNciFramer(): Framer<Uint8Array> {
  return createDelimitedFramer({
    start: LF,
    end: [ETX],
    isCompleteFrame: (f) => f.length === 3 && f[1] === QUESTION && f[2] === CR,
    maxFrameBytes: 32,
  })
}
