import { AppError, ErrorCode } from '../../../../shared/errors'

/**
 * HID POS barcode scanner reports (usage page 0x8C, usage 0x02), docs/reference/hardware.md §5.2. Pure.
 *
 * Input report 2, offsets counted after the report ID (as WebHID gives them):
 *   0 = number of data bytes in this report, 1–3 = AIM symbology identifier, 4… = data,
 *   60 = Honeywell code ID, 62 = non-zero when more reports of the same scan follow.
 * Sources: NielsLeenheer/WebHidBarcodeScanner:src/main.js, and the reports recorded from a Honeywell
 * Voyager 1602g in HenkVanAsselt/python_hon_usbhid:README.md (64 bytes through hidapi, report ID
 * first, 56 data bytes per full report). Other vendors may place the code ID and the flag
 * elsewhere [unverified], so the offsets are options.
 */

export const HID_POS_SCANNER_USAGE_PAGE = 0x8c
export const HID_POS_SCANNER_USAGE = 0x02
/** Input report carrying scanned data. */
export const HID_POS_SCAN_REPORT_ID = 0x02

export type HidPosReportLayout = Readonly<{ dataOffset: number; codeIdOffset: number | null; moreOffset: number }>

export const honeywellReportLayout: HidPosReportLayout = { dataOffset: 4, codeIdOffset: 60, moreOffset: 62 }

export type HidPosReport = Readonly<{
  /** AIM identifier, e.g. `]E0`; empty when the scanner sends zeros there. */
  aim: string
  data: Uint8Array
  /** Vendor code ID (Honeywell: `d` EAN-13, `j` Code 128, `I` GS1-128 …), or null. */
  codeId: number | null
  more: boolean
}>

function invalid(why: string, payload: Uint8Array): AppError {
  const hex = Buffer.from(payload).toString('hex')
  return new AppError(ErrorCode.scannerFrameInvalid, `HID POS scanner report not understood (${why}): ${hex}`, { meta: { reason: why, hex } })
}

/**
 * node-hid (hidapi) puts the report ID in front of the data for devices with numbered reports.
 * Returns the ID and the rest.
 */
export function splitReportId(buffer: Uint8Array): { reportId: number; payload: Uint8Array } {
  return { reportId: buffer[0] ?? -1, payload: buffer.subarray(1) }
}

/** Parses one scan report (payload after the report ID). Throws `scanner.frameInvalid`. */
export function parseHidPosReport(payload: Uint8Array, layout: HidPosReportLayout = honeywellReportLayout): HidPosReport {
  if (payload.length <= layout.moreOffset) throw invalid(`short report (${payload.length} bytes)`, payload)
  const length = payload[0]!
  // Data may not run into the vendor bytes at the end of the report.
  const room = (layout.codeIdOffset ?? layout.moreOffset) - layout.dataOffset
  if (length > room) throw invalid(`length ${length} > ${room}`, payload)
  const aimBytes = payload.subarray(1, 4)
  const aim = aimBytes.every((b) => b === 0) ? '' : String.fromCharCode(...aimBytes)
  if (aim && !/^\][\x21-\x7e]{2}$/.test(aim)) throw invalid(`bad AIM identifier ${JSON.stringify(aim)}`, payload)
  return {
    aim,
    data: payload.slice(layout.dataOffset, layout.dataOffset + length),
    codeId: layout.codeIdOffset === null ? null : payload[layout.codeIdOffset]!,
    more: payload[layout.moreOffset] !== 0,
  }
}

export type HidPosScan = Readonly<{ text: string; aim: string; codeId: number | null }>

const utf8 = new TextDecoder('utf-8', { fatal: true })

function decode(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes)
  } catch {
    // Not UTF-8: scanners default to a single-byte code page; latin1 keeps every byte visible.
    return Buffer.from(bytes).toString('latin1')
  }
}

/** What one report gives: the finished scan (or null), and an error for an unfinished scan it displaced. */
export type AssemblerStep = Readonly<{ scan: HidPosScan | null; dropped: AppError | null }>

/** Joins the reports of one scan (long 2D codes span several) into its text. */
export type HidPosAssembler = Readonly<{
  push(report: HidPosReport): AssemblerStep
  reset(): void
}>

export function createHidPosAssembler(maxLength = 8192): HidPosAssembler {
  let parts: Uint8Array[] = []
  let aim: string | null = null
  let size = 0
  let overflow = false

  const reset = () => {
    parts = []
    aim = null
    size = 0
    overflow = false
  }

  return {
    reset,
    push(report) {
      let dropped: AppError | null = null
      if (aim !== null && report.aim !== aim) {
        // The last report of the previous scan never came: report it, and start over with this one.
        dropped = new AppError(ErrorCode.scannerFrameInvalid, `HID POS scan ${aim} cut short by a ${report.aim || 'new'} scan`, {
          meta: { reason: 'incomplete', aim, bytes: size },
        })
        reset()
      }
      aim = report.aim
      if (!overflow) {
        parts.push(report.data)
        size += report.data.length
      }
      if (size > maxLength && !overflow) {
        overflow = true
        parts = [] // nothing of it will be used
        dropped = new AppError(ErrorCode.scannerFrameInvalid, `HID POS scan longer than ${maxLength} bytes`, { meta: { reason: 'tooLong', aim } })
      }
      if (report.more) return { scan: null, dropped }
      if (overflow) {
        reset()
        return { scan: null, dropped }
      }
      const bytes = new Uint8Array(size)
      let at = 0
      for (const p of parts) {
        bytes.set(p, at)
        at += p.length
      }
      reset()
      return { scan: { text: decode(bytes), aim: report.aim, codeId: report.codeId }, dropped }
    },
  }
}
