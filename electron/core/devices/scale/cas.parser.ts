import { createDelimitedFramer, frameInvalid, latin1, type Framer } from './byte-framer'
import { gramsOf, isWeightUnit, type WeightUnit } from './scale-units'

/**
 * CAS and the Chinese-indicator "ST,GS" family, incl. Kern KXS/KXG-TM (pure). Facts: docs/reference/hardware.md §2.5.
 * Continuous CR LF lines starting `ST|US|OL` `,` `GS|NT|TR` `,`. Two layouts share the header:
 * - CAS 22-byte: header, device-ID byte, lamp-status byte, `,`, 8-byte weight, space, unit, CR LF.
 *   The ID and lamp bytes are raw binary, which is why lines are framed byte-wise.
 * - Kern / AND / plain: header, signed weight, blanks, unit (`ST,GS,+0123.4567  kg`).
 * ST = stable, US = unstable, OL = overload (`OL,GS,-` is read as underload).
 */

export type CasLamp = Readonly<{ stable: boolean; hold: boolean; printer: boolean; gross: boolean; tare: boolean; zero: boolean }>

export type CasFrame =
  | Readonly<{
      kind: 'weight'
      stable: boolean
      net: boolean
      value: number
      unit: WeightUnit
      grams: number
      /** Only in the CAS 22-byte layout. */
      deviceId?: number
      lamp?: CasLamp
    }>
  /** `ST,TR,…` (Kern): the stored tare, not a weight on the pan. */
  | Readonly<{ kind: 'tare'; grams: number }>
  | Readonly<{ kind: 'overload' }>
  | Readonly<{ kind: 'underload' }>

export type CasOptions = Readonly<{
  /** Unit when a line has none (some indicators leave the unit field blank) [unverified]. Default: such lines are invalid. */
  defaultUnit?: WeightUnit
}>

const CR = 0x0d
const LF = 0x0a

export function decodeCasLamp(byte: number): CasLamp {
  const bit = (n: number) => (byte & (1 << n)) !== 0
  return { stable: bit(6), hold: bit(4), printer: bit(3), gross: bit(2), tare: bit(1), zero: bit(0) }
}

const headerPattern = /(ST|US|OL|QT),(GS|NT|TR),/g
// Sign (`+`, `-` or blank), a decimal with the point anywhere, blanks, an optional unit.
const weightPattern = /^([+-]?)\s*(\d+(?:\.\d*)?|\.\d+)\s*([A-Za-z]{1,3})?$/

function unitOf(text: string | undefined, frame: Uint8Array, options: CasOptions): WeightUnit {
  if (text === undefined) {
    if (options.defaultUnit) return options.defaultUnit
    throw frameInvalid('CAS', frame, 'no unit')
  }
  const unit = text.toLowerCase()
  if (!isWeightUnit(unit)) throw frameInvalid('CAS', frame, `unknown unit ${text}`)
  return unit
}

/** Parses one CR LF line. Garbage in front of the header (line noise) is skipped. */
export function parseCasFrame(frame: Uint8Array, options: CasOptions = {}): CasFrame {
  const text = latin1(frame).replace(/\r\n$/, '')
  // Resynchronise on the last header in the line: noise before it cannot be a frame.
  const headers = [...text.matchAll(headerPattern)]
  const header = headers[headers.length - 1]
  if (!header) throw frameInvalid('CAS', frame, 'no ST/US/OL header')
  const [, state, mode] = header
  let rest = text.slice((header.index ?? 0) + header[0].length)
  let deviceId: number | undefined
  let lamp: CasLamp | undefined
  if (rest.length >= 3 && rest[2] === ',') {
    // CAS 22-byte layout: two raw bytes then a comma, where Kern has its signed weight.
    deviceId = rest.charCodeAt(0)
    lamp = decodeCasLamp(rest.charCodeAt(1))
    rest = rest.slice(3)
  }
  if (state === 'QT') throw frameInvalid('CAS', frame, 'counting mode, not a weight')
  if (state === 'OL') return rest.trim().startsWith('-') ? { kind: 'underload' } : { kind: 'overload' }

  const match = weightPattern.exec(rest.trim())
  if (!match) throw frameInvalid('CAS', frame, 'weight is not a number')
  const unit = unitOf(match[3], frame, options)
  const value = Number(match[2]) * (match[1] === '-' ? -1 : 1)
  const grams = gramsOf(value, unit)
  if (mode === 'TR') return { kind: 'tare', grams }
  return {
    kind: 'weight',
    stable: state === 'ST',
    net: mode === 'NT',
    value,
    unit,
    grams,
    ...(deviceId === undefined ? {} : { deviceId, lamp }),
  }
}

/** CR LF lines, binary-safe; a run longer than 64 bytes is dropped up to the next CR LF. */
export function createCasFramer(): Framer<Uint8Array> {
  return createDelimitedFramer({ end: [CR, LF], maxFrameBytes: 64 })
}
