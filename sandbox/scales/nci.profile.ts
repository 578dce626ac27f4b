import type { EmulatedPan } from './emulated-pan'
import type { ScaleEmulatorProfile } from './serial-scale.emulator'
import { displayDigits, type DisplayUnit } from './profile-units'

/**
 * NCI / SCP-12 (docs/reference/hardware.md §2.6, chris-rudmin/serial-nci-scale): commands end with CR.
 * `W` → LF, sign + 6-char weight, 2-char unit, CR, 2 status bytes, ETX; `S` → LF, 2 status bytes,
 * CR, ETX; `Z` zeroes; anything else → LF `?` CR. Status bytes have bits 4–5 set.
 */
export type NciProfileOptions = Readonly<{
  unit?: Extract<DisplayUnit, 'kg' | 'lb'>
  decimals?: number
  /** Bit 0 of status byte 1 set while moving (serial-nci-scale) or while stable (Brecknell DS-1000). */
  motionBit?: 'setWhenMoving' | 'setWhenStable'
  /** What `Z` answers: a status reply, or nothing (serial-nci-scale reads none) [unverified]. */
  zeroReply?: 'status' | 'none'
  /** Status byte 2 bit 3: the scale reports a calibration error. */
  calibrationError?: boolean
}>

const LF = '\n'
const CR = '\r'
const ETX = '\x03'

export function nciProfile(options: NciProfileOptions = {}): ScaleEmulatorProfile {
  const unit = options.unit ?? 'kg'
  const decimals = options.decimals ?? (unit === 'kg' ? 3 : 2)

  const statusBytes = (pan: EmulatedPan) => {
    const moving = pan.kind === 'weight' && !pan.stable
    const motionBit = (options.motionBit ?? 'setWhenMoving') === 'setWhenMoving' ? moving : !moving
    const first = 0x30 | (motionBit ? 0b1 : 0) | (pan.kind === 'weight' && pan.grams === 0 ? 0b10 : 0)
    const second = 0x30 | (pan.kind === 'underload' ? 0b1 : 0) | (pan.kind === 'overload' ? 0b10 : 0) | (options.calibrationError ? 0b1000 : 0)
    return String.fromCharCode(first, second)
  }
  const frame = (pan: EmulatedPan): string => {
    // Out of range the weight field holds no number [unverified: dashes are our choice].
    const weight = pan.kind === 'weight' ? `${pan.grams < 0 ? '-' : ' '}${displayDigits(pan.grams, unit, decimals, 6)}` : ' ------'
    return `${LF}${weight}${unit}${CR}${statusBytes(pan)}${ETX}`
  }
  return {
    name: 'nci',
    mode: 'request',
    frame,
    takeCommands(inbox) {
      const parts = inbox.split(CR)
      const rest = parts.pop() ?? ''
      // LF between commands is ignored; an empty command (a lone CR) is ignored too [unverified].
      return { commands: parts.map((p) => p.replace(/\n/g, '')).filter((p) => p.length > 0), rest }
    },
    answer(command, scale) {
      switch (command) {
        case 'W':
          return frame(scale.pan())
        case 'S':
          return `${LF}${statusBytes(scale.pan())}${CR}${ETX}`
        case 'Z':
          scale.zero()
          return options.zeroReply === 'none' ? null : `${LF}${statusBytes(scale.pan())}${CR}${ETX}`
        default:
          return `${LF}?${CR}`
      }
    },
  }
}
