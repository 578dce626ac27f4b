import type { EmulatedPan } from './emulated-pan'
import type { ScaleEmulatorProfile } from './serial-scale.emulator'
import { displayDigits, type DisplayUnit } from './profile-units'

/**
 * Yaohua XK3190-A12(E) continuous output (docs/reference/hardware.md §2.5): `W`, `G`/`N`, 7-byte weight with its
 * point (leading `-` when negative), `kg`, XOR checksum of the first 11 bytes as two ASCII-hex
 * characters (0x30 + n, or 0x37 + n above 9), CR LF. Overload: 9 spaces + `OL`; under: `LO`.
 */
export type A12eProfileOptions = Readonly<{
  unit?: Extract<DisplayUnit, 'kg' | 'lb'>
  decimals?: number
  /** Send a wrong checksum (fault injection). */
  corruptChecksum?: boolean
  intervalMs?: number
}>

function checksumText(payload: string): string {
  let x = 0
  for (let i = 0; i < payload.length; i++) x ^= payload.charCodeAt(i)
  const nibble = (n: number) => String.fromCharCode(n <= 9 ? 0x30 + n : 0x37 + n)
  return nibble(x >> 4) + nibble(x & 0xf)
}

export function a12eProfile(options: A12eProfileOptions = {}): ScaleEmulatorProfile {
  const unit = options.unit ?? 'kg'
  const decimals = options.decimals ?? 3
  const frame = (pan: EmulatedPan): string => {
    let payload: string
    if (pan.kind === 'overload') payload = `${' '.repeat(9)}OL`
    else if (pan.kind === 'underload') payload = `${' '.repeat(9)}LO`
    else {
      const weight = pan.grams < 0 ? `-${displayDigits(pan.grams, unit, decimals, 6)}` : displayDigits(pan.grams, unit, decimals, 7)
      payload = `W${pan.tareGrams > 0 ? 'N' : 'G'}${weight}${unit}`
    }
    const sum = options.corruptChecksum ? '00' : checksumText(payload)
    return `${payload}${sum}\r\n`
  }
  return { name: 'a12e', mode: 'continuous', intervalMs: options.intervalMs ?? 100, frame }
}
