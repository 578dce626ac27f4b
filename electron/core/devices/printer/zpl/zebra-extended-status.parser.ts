import { AppError, ErrorCode } from '../../../../../shared/errors'
import { msg } from '../../../../../shared/i18n/notice-codes'

/**
 * Parser for the `~HQES` extended status reply (docs/reference/hardware.md §3.3). The reply carries
 * `ERRORS: f gggggggg hhhhhhhh` and `WARNINGS: f gggggggg hhhhhhhh`; the last 8-hex-digit group
 * is a bitmask. Used to explain a printer that stays silent on ~HS (it does so while media-out or
 * head-open, per the current ~HS docs).
 */
export type ExtendedStatus = Readonly<{
  errorMask: number
  warningMask: number
  mediaOut: boolean
  ribbonOut: boolean
  headOpen: boolean
  cutterFault: boolean
  headOverTemperature: boolean
  motorOverTemperature: boolean
  badHeadElement: boolean
  headDetectionError: boolean
  /** Nibble 5 bit 1 on newer firmware (docs/reference/hardware.md §3.3). */
  paused: boolean
  needCalibration: boolean
  cleanPrinthead: boolean
  replacePrinthead: boolean
  paperNearEnd: boolean
}>

const ERROR_BIT = {
  mediaOut: 0x1,
  ribbonOut: 0x2,
  headOpen: 0x4,
  cutterFault: 0x8,
  headOverTemperature: 0x10,
  motorOverTemperature: 0x20,
  badHeadElement: 0x40,
  headDetectionError: 0x80,
  paused: 0x10000,
} as const

const WARNING_BIT = { needCalibration: 0x1, cleanPrinthead: 0x2, replacePrinthead: 0x4, paperNearEnd: 0x8 } as const

/** Complete once the ETX that closes the reply arrived after both groups. */
export function isCompleteExtendedStatus(reply: Uint8Array): boolean {
  const text = Buffer.from(reply.buffer, reply.byteOffset, reply.byteLength).toString('latin1')
  return /WARNINGS:[^\x03]*\x03/.test(text)
}

function group(text: string, name: 'ERRORS' | 'WARNINGS'): number {
  const m = new RegExp(`${name}:\\s+([01])\\s+([0-9A-Fa-f]{8})\\s+([0-9A-Fa-f]{8})`).exec(text)
  if (!m) {
    throw new AppError(ErrorCode.printerStatusInvalid, msg('printer.statusUnreadable', { query: '~HQES', detail: `no ${name} line` }), {
      retryable: true,
      meta: { reply: text.slice(0, 200) },
    })
  }
  return Number.parseInt(m[3] ?? '0', 16)
}

export function parseExtendedStatus(reply: string | Uint8Array): ExtendedStatus {
  const text = typeof reply === 'string' ? reply : Buffer.from(reply.buffer, reply.byteOffset, reply.byteLength).toString('latin1')
  const errorMask = group(text, 'ERRORS')
  const warningMask = group(text, 'WARNINGS')
  const has = (mask: number, bit: number): boolean => (mask & bit) !== 0
  return {
    errorMask,
    warningMask,
    mediaOut: has(errorMask, ERROR_BIT.mediaOut),
    ribbonOut: has(errorMask, ERROR_BIT.ribbonOut),
    headOpen: has(errorMask, ERROR_BIT.headOpen),
    cutterFault: has(errorMask, ERROR_BIT.cutterFault),
    headOverTemperature: has(errorMask, ERROR_BIT.headOverTemperature),
    motorOverTemperature: has(errorMask, ERROR_BIT.motorOverTemperature),
    badHeadElement: has(errorMask, ERROR_BIT.badHeadElement),
    headDetectionError: has(errorMask, ERROR_BIT.headDetectionError),
    paused: has(errorMask, ERROR_BIT.paused),
    needCalibration: has(warningMask, WARNING_BIT.needCalibration),
    cleanPrinthead: has(warningMask, WARNING_BIT.cleanPrinthead),
    replacePrinthead: has(warningMask, WARNING_BIT.replacePrinthead),
    paperNearEnd: has(warningMask, WARNING_BIT.paperNearEnd),
  }
}
