import { AppError, ErrorCode } from '../../../../../shared/errors'
import { msg, type NoticeRef } from '../../../../../shared/i18n/notice-codes'
import type { PrinterStatus } from '../printer.port'

/**
 * Parser for the Zebra `~HS` host status reply: three strings, each `STX … ETX CR LF`
 * (docs/reference/hardware.md §3.2; Zebra ZPL guide, ~HS):
 *   1: aaa,b,c,dddd,eee,f,g,h,iii,j,k,l
 *   2: mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www
 *   3: xxxx,y
 */

const STX = 0x02
const ETX = 0x03

/** Every field of the three strings; the PrinterStatus subset is what the desk acts on. */
export type HostStatus = PrinterStatus &
  Readonly<{
    /** String 1 `aaa`: communication settings bitfield (3-digit decimal). */
    communicationSettings: number
    /** String 1 `g`: communications diagnostic mode. */
    commDiagnosticMode: boolean
    /** String 2 `mmm`: function settings bitfield (m7 continuous media, m0 thermal transfer). */
    functionSettings: number
    /** String 2 `q`: thermal-transfer mode. */
    thermalTransferMode: boolean
    /** String 2 `r`: 0 rewind, 1 peel-off, 2 tear-off, 3 cutter, 4 applicator, 5 delayed cut. */
    printMode: number
    /** String 2 `s`: print width mode. */
    printWidthMode: number
    /** String 2 `t`: a label is waiting to be taken (peel-off mode). */
    labelWaiting: boolean
    /** String 2 `v`: format while printing (always 1 per the guide). */
    formatWhilePrinting: boolean
    /** String 2 `www`: number of graphic images stored in memory. */
    graphicImagesStored: number
    /** String 3 `xxxx`: password. */
    password: string
    /** String 3 `y`: static RAM installed. */
    staticRamInstalled: boolean
  }>

/** True once three ETX bytes arrived: the whole ~HS reply is in (docs/reference/hardware.md §7 item 7). */
export function isCompleteHostStatus(reply: Uint8Array): boolean {
  let count = 0
  for (const byte of reply) if (byte === ETX && ++count === 3) return true
  return false
}

function invalid(message: string, reply: string): AppError {
  return new AppError(ErrorCode.printerStatusInvalid, msg('printer.statusUnreadable', { query: '~HS', detail: message }), {
    retryable: true,
    meta: { reply: reply.slice(0, 200) },
  })
}

function toText(reply: string | Uint8Array): string {
  // ~HS is plain ASCII; latin1 keeps every byte as one char so garbage stays visible in meta.
  return typeof reply === 'string' ? reply : Buffer.from(reply.buffer, reply.byteOffset, reply.byteLength).toString('latin1')
}

/** Splits out the STX…ETX frames; bytes before an STX (leftovers, line noise) are skipped. */
function frames(text: string): string[] {
  const out: string[] = []
  let start = -1
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    // A second STX before ETX restarts the frame: resynchronise on the newest start byte.
    if (code === STX) start = i + 1
    else if (code === ETX && start >= 0) {
      out.push(text.slice(start, i))
      start = -1
    }
  }
  return out
}

type FieldReader = Readonly<{ number(i: number): number; flag(i: number): boolean; raw(i: number): string }>

function fields(frame: string, expected: number, which: string, reply: string): FieldReader {
  const parts = frame.split(',')
  if (parts.length !== expected) throw invalid(`string ${which} has ${parts.length} fields, expected ${expected}`, reply)
  const raw = (i: number): string => parts[i] ?? ''
  return {
    raw,
    number(i) {
      const v = raw(i)
      // Widths are fixed in the guide (dddd, uuuuuuuu…) but we only insist on digits: firmware pads differently.
      if (!/^\d+$/.test(v)) throw invalid(`string ${which} field ${i + 1} "${v}" is not a number`, reply)
      return Number(v)
    },
    flag(i) {
      const v = raw(i)
      if (v !== '0' && v !== '1') throw invalid(`string ${which} field ${i + 1} "${v}" is not 0 or 1`, reply)
      return v === '1'
    },
  }
}

/** Parses a full ~HS reply; anything malformed is `printer.statusInvalid` (never a guessed status). */
export function parseHostStatus(reply: string | Uint8Array): HostStatus {
  const text = toText(reply)
  const found = frames(text)
  if (found.length < 3) throw invalid(`expected 3 STX…ETX strings, got ${found.length}`, text)
  const [f1, f2, f3] = found as [string, string, string]

  const s1 = fields(f1, 12, '1', text)
  const s2 = fields(f2, 11, '2', text)
  const s3 = fields(f3, 2, '3', text)

  const paperOut = s1.flag(1)
  const paused = s1.flag(2)
  const bufferFull = s1.flag(5)
  const corruptRam = s1.flag(9)
  const underTemperature = s1.flag(10)
  const overTemperature = s1.flag(11)
  const headOpen = s2.flag(2)
  const ribbonOut = s2.flag(3)
  const password = s3.raw(0)
  if (!/^\d{1,4}$/.test(password)) throw invalid(`string 3 password "${password}" is not numeric`, text)
  s1.number(8) // iii: unused, but a non-number there means we are not reading a ~HS reply

  return {
    ready: !(paperOut || paused || headOpen || ribbonOut || bufferFull || underTemperature || overTemperature || corruptRam),
    paperOut,
    paused,
    headOpen,
    ribbonOut,
    bufferFull,
    underTemperature,
    overTemperature,
    corruptRam,
    labelLengthDots: s1.number(3),
    formatsInBuffer: s1.number(4),
    labelsRemaining: s2.number(8),
    partialFormat: s1.flag(7),
    communicationSettings: s1.number(0),
    commDiagnosticMode: s1.flag(6),
    functionSettings: s2.number(0),
    thermalTransferMode: s2.flag(4),
    printMode: s2.number(5),
    printWidthMode: s2.number(6),
    labelWaiting: s2.flag(7),
    formatWhilePrinting: s2.flag(9),
    graphicImagesStored: s2.number(10),
    password,
    staticRamInstalled: s3.flag(1),
  }
}

type Problem = Readonly<{ when: (s: PrinterStatus) => boolean; code: ErrorCode; message: NoticeRef }>

/**
 * Most actionable first: with the head open the media sensor may also read "out", and the operator
 * has to close the head before anything else helps.
 */
const PROBLEMS: readonly Problem[] = [
  { when: (s) => s.headOpen, code: ErrorCode.printerHeadOpen, message: msg('printer.headOpen') },
  { when: (s) => s.paperOut, code: ErrorCode.printerPaperOut, message: msg('printer.paperOut') },
  { when: (s) => s.ribbonOut, code: ErrorCode.printerRibbonOut, message: msg('printer.ribbonOut') },
  { when: (s) => s.paused, code: ErrorCode.printerPaused, message: msg('printer.paused') },
  { when: (s) => s.bufferFull, code: ErrorCode.printerNotReady, message: msg('printer.bufferFull') },
  { when: (s) => s.overTemperature, code: ErrorCode.printerNotReady, message: msg('printer.overTemperature') },
  { when: (s) => s.underTemperature, code: ErrorCode.printerNotReady, message: msg('printer.underTemperature') },
  { when: (s) => s.corruptRam, code: ErrorCode.printerNotReady, message: msg('printer.corruptRam') },
]

/** The operator-facing problem a status shows, or null when the printer is ready. */
export function statusProblem(status: PrinterStatus): AppError | null {
  const problem = PROBLEMS.find((p) => p.when(status))
  if (!problem) {
    return status.ready ? null : new AppError(ErrorCode.printerNotReady, msg('printer.notReady'), { retryable: true, meta: { status } })
  }
  // Every one of these clears after the operator acts (load labels, close the head), then Retry.
  return new AppError(problem.code, problem.message, { retryable: true, meta: { status } })
}
