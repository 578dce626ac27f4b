import type { EmulatedPan } from './emulated-pan'
import type { ScaleEmulatorProfile } from './serial-scale.emulator'
import { displayDigits, type DisplayUnit } from './profile-units'

/**
 * The "ST,GS" continuous family (docs/reference/hardware.md §2.5), three layouts:
 * - `cas22`: `ST,GS,` device-ID byte, lamp byte, `,`, 8-byte signed weight, space, 2-byte unit, CR LF
 *   (22 bytes; the ID and lamp bytes are raw binary)
 * - `kern`: `ST,GS,+0123.4567  kg` (Kern KXS/KXG-TM); overload `OL,GS,+` and blanks
 * - `and18`: `ST,GS,` 8-byte signed weight, 2-byte unit, CR LF (18 bytes)
 * US instead of ST while moving; NT instead of GS when tared.
 */
export type CasProfileOptions = Readonly<{
  variant?: 'cas22' | 'kern' | 'and18'
  unit?: Extract<DisplayUnit, 'kg' | 'g' | 'lb'>
  decimals?: number
  deviceId?: number
  intervalMs?: number
}>

export function casProfile(options: CasProfileOptions = {}): ScaleEmulatorProfile {
  const variant = options.variant ?? 'cas22'
  const unit = options.unit ?? 'kg'
  const decimals = options.decimals ?? (unit === 'g' ? 0 : unit === 'lb' ? 2 : 3)
  const unit2 = unit.padStart(2, ' ')

  const frame = (pan: EmulatedPan): string => {
    const over = pan.kind !== 'weight'
    const state = over ? 'OL' : pan.stable ? 'ST' : 'US'
    const mode = pan.kind === 'weight' && pan.tareGrams > 0 ? 'NT' : 'GS'
    const grams = pan.kind === 'weight' ? pan.grams : 0
    const sign = pan.kind === 'underload' || grams < 0 ? '-' : '+'
    const head = `${state},${mode},`
    if (variant === 'cas22') {
      const stable = pan.kind === 'weight' && pan.stable
      const lamp = (stable ? 0x40 : 0) | (mode === 'GS' ? 0x04 : 0x02) | (pan.kind === 'weight' && pan.grams === 0 ? 0x01 : 0)
      const weight = over ? `${sign}       ` : `${sign}${displayDigits(grams, unit, decimals, 7)}`
      return `${head}${String.fromCharCode(options.deviceId ?? 0x01, lamp)},${weight} ${unit2}\r\n`
    }
    if (variant === 'kern') {
      if (over) return `${head}${sign}${' '.repeat(13)}\r\n`
      return `${head}${sign}${displayDigits(grams, unit, decimals, 9)}  ${unit2}\r\n`
    }
    const weight = over ? `${sign}       ` : `${sign}${displayDigits(grams, unit, decimals, 7)}`
    return `${head}${weight}${unit2}\r\n`
  }
  return { name: `cas-${variant}`, mode: 'continuous', intervalMs: options.intervalMs ?? 100, frame }
}
