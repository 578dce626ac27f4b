import { describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { hidPosScanReports } from '../../../../sandbox/scanners/hid-pos-reports'
import { createHidPosAssembler, parseHidPosReport, splitReportId, type HidPosScan } from './hid-pos-scanner.parser'

/**
 * Recorded from a Honeywell Voyager 1602g in HID POS mode through hidapi (report ID first): the
 * answer to the REVINF. menu command, six reports with AIM `]X0`, then a one-report `]Z6` ACK
 * (HenkVanAsselt/python_hon_usbhid:README.md).
 */
const z = (n: number) => Array<number>(n).fill(0)
const RECORDED = [
  [
    2, 56, 93, 88, 48, 80, 114, 111, 100, 117, 99, 116, 32, 78, 97, 109, 101, 58, 32, 86, 111, 121, 97, 103, 101, 114, 32, 49, 54, 48, 50, 103, 13, 10, 66, 111,
    111, 116, 32, 82, 101, 118, 105, 115, 105, 111, 110, 58, 32, 58, 32, 56, 57, 57, 50, 13, 10, 83, 111, 102, 116, 63, 0, 1,
  ],
  [
    2, 56, 93, 88, 48, 119, 97, 114, 101, 32, 80, 97, 114, 116, 32, 78, 117, 109, 98, 101, 114, 58, 32, 67, 87, 48, 48, 48, 48, 56, 50, 66, 66, 65, 13, 10, 83,
    111, 102, 116, 119, 97, 114, 101, 32, 82, 101, 118, 105, 115, 105, 111, 110, 58, 32, 36, 80, 114, 111, 106, 101, 63, 0, 1,
  ],
  [
    2, 56, 93, 88, 48, 99, 116, 82, 101, 118, 105, 115, 105, 111, 110, 58, 32, 49, 54, 51, 52, 53, 32, 13, 10, 83, 101, 114, 105, 97, 108, 32, 78, 117, 109, 98,
    101, 114, 58, 32, 49, 53, 50, 51, 50, 66, 49, 70, 48, 67, 13, 10, 83, 117, 112, 112, 111, 114, 116, 101, 100, 63, 0, 1,
  ],
  [
    2, 56, 93, 88, 48, 32, 73, 70, 58, 32, 66, 108, 117, 101, 116, 111, 111, 116, 104, 13, 10, 80, 67, 66, 32, 65, 115, 115, 101, 109, 98, 108, 121, 32, 73, 68,
    58, 32, 48, 48, 48, 48, 48, 48, 13, 10, 69, 110, 103, 105, 110, 101, 32, 70, 105, 114, 109, 119, 97, 114, 101, 63, 0, 1,
  ],
  [
    2, 56, 93, 88, 48, 32, 84, 121, 112, 101, 58, 32, 78, 47, 65, 32, 32, 32, 82, 101, 118, 105, 115, 105, 111, 110, 58, 32, 78, 47, 65, 32, 32, 32, 83, 101,
    114, 105, 97, 108, 32, 78, 117, 109, 98, 101, 114, 58, 32, 78, 47, 65, 32, 32, 32, 67, 104, 101, 99, 107, 115, 63, 0, 1,
  ],
  [2, 9, 93, 88, 48, 117, 109, 58, 32, 78, 47, 65, 13, 10, ...z(47), 63, 0, 0],
  [2, 8, 93, 90, 54, 82, 69, 86, 73, 78, 70, 6, 46, ...z(48), 54, 0, 0],
].map((r) => Uint8Array.from(r))

const REVINF =
  'Product Name: Voyager 1602g\r\nBoot Revision: : 8992\r\nSoftware Part Number: CW000082BBA\r\n' +
  'Software Revision: $ProjectRevision: 16345 \r\nSerial Number: 15232B1F0C\r\nSupported IF: Bluetooth\r\n' +
  'PCB Assembly ID: 000000\r\nEngine Firmware Type: N/A   Revision: N/A   Serial Number: N/A   Checksum: N/A\r\n'

function feed(reports: Uint8Array[]): { scans: HidPosScan[]; dropped: AppError[] } {
  const assembler = createHidPosAssembler()
  const scans: HidPosScan[] = []
  const dropped: AppError[] = []
  for (const buffer of reports) {
    const { reportId, payload } = splitReportId(buffer)
    expect(reportId).toBe(2)
    const step = assembler.push(parseHidPosReport(payload))
    if (step.scan) scans.push(step.scan)
    if (step.dropped) dropped.push(step.dropped)
  }
  return { scans, dropped }
}

describe('HID POS scanner reports', () => {
  it('recorded: the recorded reports are 64 bytes each', () => {
    expect(RECORDED.every((r) => r.length === 64)).toBe(true)
  })

  it('recorded: parses one full report', () => {
    const report = parseHidPosReport(splitReportId(RECORDED[0]!).payload)
    expect(report).toMatchObject({ aim: ']X0', codeId: 0x3f, more: true })
    expect(Buffer.from(report.data).toString('latin1')).toBe('Product Name: Voyager 1602g\r\nBoot Revision: : 8992\r\nSoft')
  })

  it('recorded: reassembles a six-report message and the next one-report message', () => {
    const { scans, dropped } = feed(RECORDED)
    expect(dropped).toEqual([])
    expect(scans).toEqual([
      { text: REVINF, aim: ']X0', codeId: 0x3f },
      { text: 'REVINF\x06.', aim: ']Z6', codeId: 0x36 },
    ])
  })

  it.each([
    { name: 'EAN-13 in one report', data: '6291041500213', aim: ']E0' },
    { name: 'GS1 DataMatrix with GS', data: '0108691234567890\x1d10ABC\x1d21X', aim: ']d2' },
    { name: 'exactly 56 bytes', data: 'A'.repeat(56), aim: ']C0' },
    { name: 'a 300-byte QR code over six reports', data: `https://kargojet.com.tr/t/${'x'.repeat(274)}`, aim: ']Q1' },
    { name: 'UTF-8 text', data: 'Çanta ğüşiöç İ', aim: ']Q1' },
  ])('generated: $name', ({ data, aim }) => {
    const reports = hidPosScanReports(data, { aim })
    expect(reports.length).toBe(Math.max(1, Math.ceil(Buffer.byteLength(data) / 56)))
    expect(feed(reports).scans).toEqual([{ text: data, aim, codeId: 0x6a }])
  })

  it('no AIM identifier (zeros) is an empty AIM', () => {
    expect(feed(hidPosScanReports('TR1', { aim: '' })).scans).toEqual([{ text: 'TR1', aim: '', codeId: 0x6a }])
  })

  it('a scan cut short by the next one is reported and the next one is kept', () => {
    const first = hidPosScanReports('X'.repeat(100), { aim: ']Q1' })[0]!
    const second = hidPosScanReports('6291041500213', { aim: ']E0' })
    const { scans, dropped } = feed([first, ...second])
    expect(scans.map((s) => s.text)).toEqual(['6291041500213'])
    expect(dropped.map((e) => [e.code, e.meta.reason])).toEqual([[ErrorCode.scannerFrameInvalid, 'incomplete']])
  })

  it('an endless scan is refused once, and the assembler recovers', () => {
    const assembler = createHidPosAssembler(100)
    const steps = hidPosScanReports('Y'.repeat(300)).map((r) => assembler.push(parseHidPosReport(splitReportId(r).payload)))
    expect(steps.filter((s) => s.dropped).map((s) => s.dropped?.meta.reason)).toEqual(['tooLong'])
    expect(steps.some((s) => s.scan)).toBe(false)
    const next = hidPosScanReports('OK').map((r) => assembler.push(parseHidPosReport(splitReportId(r).payload)))
    expect(next.at(-1)?.scan?.text).toBe('OK')
  })

  it.each([
    { name: 'short report', payload: Uint8Array.from([3, 93, 67, 48, 65, 66, 67]), reason: 'short report (7 bytes)' },
    { name: 'length beyond the data area', payload: splitReportId(Uint8Array.from([2, 57, 93, 67, 48, ...z(59)])).payload, reason: 'length 57 > 56' },
    { name: 'garbage AIM', payload: splitReportId(Uint8Array.from([2, 1, 0xff, 1, 2, 65, ...z(58)])).payload, reason: 'bad AIM identifier "ÿ\\u0001\\u0002"' },
  ])('refuses a $name', ({ payload, reason }) => {
    try {
      parseHidPosReport(payload)
      expect.unreachable()
    } catch (err) {
      expect(err).toBeInstanceOf(AppError)
      expect((err as AppError).code).toBe(ErrorCode.scannerFrameInvalid)
      expect((err as AppError).meta.reason).toBe(reason)
    }
  })
})
