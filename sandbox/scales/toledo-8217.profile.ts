import type { EmulatedPan } from './emulated-pan'
import type { ScaleEmulatorProfile } from './serial-scale.emulator'
import { displayDigits, type DisplayUnit } from './profile-units'

/**
 * Toledo 8217 / Dialog 06 (docs/reference/hardware.md §2.3): single-character commands without terminator.
 * `W` → STX weight [N] CR, or STX `?` status CR while moving or out of range; `Z` zero, `T` tare,
 * `C` clear tare (no reply [unverified]); `E` → STX `E` CR then echoes every byte until `F`
 * (how Odoo's `Ehello` probe reads [unverified]). Other bytes are ignored [unverified].
 */
export type Toledo8217ProfileOptions = Readonly<{
  unit?: Extract<DisplayUnit, 'kg' | 'lb'>
  decimals?: number
  /** Status bit 6 is "always 1" in the DIVA manual (default true). */
  bit6?: boolean
}>

const STX = '\x02'
const CR = '\r'

export function toledo8217Profile(options: Toledo8217ProfileOptions = {}): ScaleEmulatorProfile {
  const unit = options.unit ?? 'kg'
  const decimals = options.decimals ?? (unit === 'kg' ? 3 : 2)
  const base = (options.bit6 ?? true) ? 0x40 : 0
  let echoing = false

  const status = (bits: number) => `${STX}?${String.fromCharCode(base | bits)}${CR}`
  const frame = (pan: EmulatedPan): string => {
    if (pan.kind === 'overload') return status(0b10)
    if (pan.kind === 'underload') return status(0b100)
    if (!pan.stable) return status(0b1)
    if (pan.grams < 0) return status(0b100) // under zero: the format has no sign
    return `${STX}${displayDigits(pan.grams, unit, decimals, 6)}${pan.tareGrams > 0 ? 'N' : ''}${CR}`
  }
  return {
    name: 'toledo-8217',
    mode: 'request',
    frame,
    takeCommands: (inbox) => ({ commands: [...inbox], rest: '' }),
    answer(command, scale) {
      if (echoing) {
        if (command === 'F') echoing = false
        return command === 'F' ? null : command
      }
      switch (command) {
        case 'W':
          return frame(scale.pan())
        case 'Z':
          scale.zero()
          return null
        case 'T':
          scale.tare()
          return null
        case 'C':
          scale.clearTare()
          return null
        case 'E':
          echoing = true
          return `${STX}E${CR}`
        default:
          return null
      }
    },
  }
}
