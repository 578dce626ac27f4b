/**
 * HID POS scanner report generator (docs/reference/hardware.md "What emulators we need" D, §5.2): the input
 * reports a Honeywell-style scanner in HID POS mode sends for one scan, as node-hid delivers them
 * (report ID first, 64 bytes). Layout: report ID 2; then length, 3-byte AIM identifier, up to 56
 * data bytes, vendor code ID at 60, a reserved byte, and the "more reports follow" flag at 62
 * (offsets after the report ID), as recorded in HenkVanAsselt/python_hon_usbhid:README.md.
 */
export type HidPosReportOptions = Readonly<{
  /** AIM identifier, e.g. `]E0` (default `]C0`); '' sends three zero bytes. */
  aim?: string
  /** Honeywell code ID byte (default `j`, Code 128). */
  codeId?: number
  /** Data bytes per report (default 56, the most a 64-byte report holds). */
  chunk?: number
  /** Byte 61 (after the report ID 62), reserved; the recorded reports carry 0. */
  reserved?: number
}>

const REPORT_BYTES = 64

export function hidPosScanReports(data: string | Uint8Array, options: HidPosReportOptions = {}): Uint8Array[] {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  const aim = options.aim ?? ']C0'
  const chunk = options.chunk ?? 56
  const reports: Uint8Array[] = []
  for (let i = 0; i === 0 || i < bytes.length; i += chunk) {
    const part = bytes.subarray(i, i + chunk)
    const r = new Uint8Array(REPORT_BYTES)
    r[0] = 0x02
    r[1] = part.length
    for (let k = 0; k < 3; k++) r[2 + k] = aim.charCodeAt(k) || 0
    r.set(part, 5)
    r[61] = options.codeId ?? 0x6a
    r[62] = options.reserved ?? 0
    r[63] = i + chunk < bytes.length ? 1 : 0
    reports.push(r)
  }
  return reports
}
