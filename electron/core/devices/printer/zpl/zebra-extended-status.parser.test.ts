import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../../../shared/errors'
import { isCompleteExtendedStatus, parseExtendedStatus } from './zebra-extended-status.parser'

const hqes = (errors: string, warnings = '0 00000000 00000000') =>
  `\x02\r\n\r\n  PRINTER STATUS\r\n   ERRORS:         ${errors}\r\n   WARNINGS:       ${warnings}\r\n\x03\r\n`

describe('parseExtendedStatus (~HQES bitmasks, hardware.md §3.3)', () => {
  const cases: ReadonlyArray<[string, string, string, Record<string, boolean>]> = [
    ['no errors', '0 00000000 00000000', '0 00000000 00000000', { mediaOut: false, headOpen: false, paused: false }],
    ['media out', '1 00000000 00000001', '0 00000000 00000000', { mediaOut: true, headOpen: false }],
    ['head open', '1 00000000 00000004', '0 00000000 00000000', { headOpen: true, mediaOut: false }],
    ['paused', '1 00000000 00010000', '0 00000000 00000000', { paused: true }],
    ['media out + paused (ops note)', '1 00000000 00010001', '0 00000000 00000000', { mediaOut: true, paused: true }],
    ['ribbon out + cutter', '1 00000000 0000000A', '0 00000000 00000000', { ribbonOut: true, cutterFault: true }],
    ['head over temperature', '1 00000000 00000010', '0 00000000 00000000', { headOverTemperature: true }],
    ['paper near end warning', '0 00000000 00000000', '1 00000000 00000008', { paperNearEnd: true, mediaOut: false }],
    ['clean printhead warning', '0 00000000 00000000', '1 00000000 00000002', { cleanPrinthead: true }],
  ]
  it.each(cases)('%s', (_name, errors, warnings, expected) => {
    const text = hqes(errors, warnings)
    expect(isCompleteExtendedStatus(new TextEncoder().encode(text))).toBe(true)
    expect(parseExtendedStatus(text)).toMatchObject(expected)
  })

  it('is incomplete until the closing ETX', () => {
    const bytes = new TextEncoder().encode(hqes('1 00000000 00000001'))
    const etx = bytes.lastIndexOf(0x03)
    expect(isCompleteExtendedStatus(bytes.subarray(0, etx))).toBe(false)
    expect(isCompleteExtendedStatus(bytes.subarray(0, etx + 1))).toBe(true)
  })

  it('rejects a reply without the ERRORS line', () => {
    expect(() => parseExtendedStatus('\x02 PRINTER STATUS \x03')).toThrow(expect.objectContaining({ code: ErrorCode.printerStatusInvalid }))
  })
})
