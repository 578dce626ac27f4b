import type { EmulatedPan } from './emulated-pan'
import type { ScaleEmulatorProfile } from './serial-scale.emulator'
import { gramsPerDisplayUnit, type DisplayUnit } from './profile-units'

/**
 * Mettler Toledo Standard Continuous Output (docs/reference/hardware.md §2.4): STX, SWA, SWB, SWC, 6 digits
 * weight, 6 digits tare, CR, [checksum], about 7 frames a second.
 */
export type ToledoContinuousProfileOptions = Readonly<{
  /** Append the checksum byte (two's complement of the 7-bit sum, STX and CR included). Default true. */
  checksum?: boolean
  /** Send a wrong checksum (fault injection). */
  corruptChecksum?: boolean
  unit?: Extract<DisplayUnit, 'g' | 'kg' | 'lb'>
  /** Digits after the decimal point, 0–5 (default 3 for kg, 2 for lb, 0 for g). */
  decimals?: number
  /** SWB bit 6: powered up and not zeroed. */
  notZeroed?: boolean
  intervalMs?: number
}>

const STX = '\x02'
const CR = '\r'

function checksum(text: string): number {
  let sum = 0
  for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i)
  return -sum & 0x7f
}

export function toledoContinuousProfile(options: ToledoContinuousProfileOptions = {}): ScaleEmulatorProfile {
  const unit = options.unit ?? 'kg'
  const decimals = options.decimals ?? (unit === 'kg' ? 3 : unit === 'lb' ? 2 : 0)
  // SWA: bits 0–2 decimal code (2 + decimals, read as a number), bits 3–4 = (1,0) for increment x1, bit 5 = 1.
  const swa = 0x20 | 0x08 | (2 + decimals)
  const swc = 0x20 | (unit === 'g' ? 0x01 : 0)
  const digits = (grams: number) => String(Math.min(999_999, Math.round((Math.abs(grams) / gramsPerDisplayUnit[unit]) * 10 ** decimals))).padStart(6, '0')

  const frame = (pan: EmulatedPan): string => {
    const weight = pan.kind === 'weight' ? pan.grams : 0
    const tare = pan.kind === 'weight' ? pan.tareGrams : 0
    let swb = 0x20 | (unit === 'kg' ? 0x10 : 0)
    if (tare > 0) swb |= 0x01
    if (weight < 0 || pan.kind === 'underload') swb |= 0x02
    if (pan.kind !== 'weight') swb |= 0x04
    if (pan.kind === 'weight' && !pan.stable) swb |= 0x08
    if (options.notZeroed) swb |= 0x40
    const body = `${STX}${String.fromCharCode(swa, swb, swc)}${digits(weight)}${digits(tare)}${CR}`
    if (!(options.checksum ?? true)) return body
    const sum = checksum(body)
    return body + String.fromCharCode(options.corruptChecksum ? (sum + 1) & 0x7f : sum)
  }
  return { name: 'toledo-continuous', mode: 'continuous', intervalMs: options.intervalMs ?? 143, frame }
}
