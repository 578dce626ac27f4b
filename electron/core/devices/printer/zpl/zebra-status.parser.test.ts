import { describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../../../../shared/errors'
import { isCompleteHostStatus, parseHostStatus, statusProblem, type HostStatus } from './zebra-status.parser'

const STX = '\x02'
const ETX = '\x03'
const frame = (s: string) => `${STX}${s}${ETX}\r\n`

/** The ready reply from docs/reference/hardware.md "What emulators … we need" B. */
const S1 = '030,0,0,1200,000,0,0,0,000,0,0,0'
const S2 = '001,0,0,0,1,2,6,0,00000000,1,000'
const S3 = '1234,0'
const READY = frame(S1) + frame(S2) + frame(S3)

/** Replaces field `index` (0-based) of a comma string. */
const withField = (s: string, index: number, value: string) =>
  s
    .split(',')
    .map((f, i) => (i === index ? value : f))
    .join(',')

const reply = (s1 = S1, s2 = S2, s3 = S3) => frame(s1) + frame(s2) + frame(s3)

describe('parseHostStatus', () => {
  it('reads the sample ready reply, every field', () => {
    expect(parseHostStatus(READY)).toEqual<HostStatus>({
      ready: true,
      paperOut: false,
      paused: false,
      headOpen: false,
      ribbonOut: false,
      bufferFull: false,
      underTemperature: false,
      overTemperature: false,
      corruptRam: false,
      labelLengthDots: 1200,
      formatsInBuffer: 0,
      labelsRemaining: 0,
      partialFormat: false,
      communicationSettings: 30,
      commDiagnosticMode: false,
      functionSettings: 1,
      thermalTransferMode: true,
      printMode: 2,
      printWidthMode: 6,
      labelWaiting: false,
      formatWhilePrinting: true,
      graphicImagesStored: 0,
      password: '1234',
      staticRamInstalled: false,
    })
  })

  const flags: ReadonlyArray<[string, string, keyof HostStatus, boolean]> = [
    ['paper out (string 1 b)', reply(withField(S1, 1, '1')), 'paperOut', false],
    ['paused (string 1 c)', reply(withField(S1, 2, '1')), 'paused', false],
    ['buffer full (string 1 f)', reply(withField(S1, 5, '1')), 'bufferFull', false],
    ['comm diagnostic mode (string 1 g)', reply(withField(S1, 6, '1')), 'commDiagnosticMode', true],
    ['partial format (string 1 h)', reply(withField(S1, 7, '1')), 'partialFormat', true],
    ['corrupt RAM (string 1 j)', reply(withField(S1, 9, '1')), 'corruptRam', false],
    ['under temperature (string 1 k)', reply(withField(S1, 10, '1')), 'underTemperature', false],
    ['over temperature (string 1 l)', reply(withField(S1, 11, '1')), 'overTemperature', false],
    ['head up (string 2 o)', reply(S1, withField(S2, 2, '1')), 'headOpen', false],
    ['ribbon out (string 2 p)', reply(S1, withField(S2, 3, '1')), 'ribbonOut', false],
    ['label waiting (string 2 t)', reply(S1, withField(S2, 7, '1')), 'labelWaiting', true],
    ['static RAM (string 3 y)', reply(S1, S2, '1234,1'), 'staticRamInstalled', true],
  ]
  it.each(flags)('%s', (_name, text, key, ready) => {
    const status = parseHostStatus(text)
    expect(status[key]).toBe(true)
    expect(status.ready).toBe(ready)
    // Only that one flag changed.
    const base = parseHostStatus(READY)
    const changed = (Object.keys(base) as (keyof HostStatus)[]).filter((k) => base[k] !== status[k])
    expect(changed.sort()).toEqual([key, ...(ready ? [] : ['ready'])].sort())
  })

  const numbers: ReadonlyArray<[string, string, Partial<HostStatus>]> = [
    ['label length and formats', reply(withField(withField(S1, 3, '0812'), 4, '007')), { labelLengthDots: 812, formatsInBuffer: 7 }],
    ['labels remaining', reply(S1, withField(S2, 8, '00000042')), { labelsRemaining: 42 }],
    ['print mode cutter, 3 graphics', reply(S1, withField(withField(S2, 5, '3'), 10, '003')), { printMode: 3, graphicImagesStored: 3 }],
    ['direct thermal', reply(S1, withField(withField(S2, 0, '000'), 4, '0')), { functionSettings: 0, thermalTransferMode: false }],
  ]
  it.each(numbers)('%s', (_name, text, expected) => {
    expect(parseHostStatus(text)).toMatchObject(expected)
  })

  it('accepts bytes as well as text', () => {
    expect(parseHostStatus(new TextEncoder().encode(READY)).ready).toBe(true)
  })

  it('skips noise before the first STX and a restarted frame', () => {
    expect(parseHostStatus(`\r\n\x00garbage${STX}030,0${READY}`).ready).toBe(true)
  })

  const malformed: ReadonlyArray<[string, string, RegExp]> = [
    ['empty', '', /expected 3 STX…ETX strings, got 0/],
    ['two strings only', frame(S1) + frame(S2), /got 2/],
    ['unterminated third string', frame(S1) + frame(S2) + `${STX}1234,0`, /got 2/],
    ['missing field in string 1', reply('030,0,0,1200,000,0,0,0,000,0,0'), /string 1 has 11 fields, expected 12/],
    ['extra field in string 2', reply(S1, `${S2},9`), /string 2 has 12 fields, expected 11/],
    ['flag that is not 0/1', reply(withField(S1, 1, '2')), /string 1 field 2 "2" is not 0 or 1/],
    ['letters in a number', reply(withField(S1, 3, '12O0')), /string 1 field 4 "12O0" is not a number/],
    ['strings out of order', reply(S2, S1, S3), /string 1 has 11 fields/],
    ['an ESC/POS byte instead', '\x12', /got 0/],
    ['password not numeric', reply(S1, S2, 'abcd,0'), /password "abcd"/],
  ]
  it.each(malformed)('%s → printer.statusInvalid', (_name, text, message) => {
    let caught: unknown
    try {
      parseHostStatus(text)
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(AppError)
    expect((caught as AppError).code).toBe(ErrorCode.printerStatusInvalid)
    expect((caught as AppError).message).toMatch(message)
  })
})

describe('isCompleteHostStatus', () => {
  const bytes = new TextEncoder().encode(READY)
  it('is false for every strict prefix that lacks the third ETX and true at it', () => {
    const thirdEtx = bytes.lastIndexOf(0x03)
    for (let n = 0; n <= bytes.length; n++) {
      expect(isCompleteHostStatus(bytes.subarray(0, n))).toBe(n > thirdEtx)
    }
  })
  it('does not need the CR LF between strings, and ignores bytes after the third', () => {
    const tight = `${STX}${S1}${ETX}${STX}${S2}${ETX}${STX}${S3}${ETX}`
    expect(isCompleteHostStatus(new TextEncoder().encode(tight))).toBe(true)
    expect(parseHostStatus(`${tight}\r\n${STX}030,1`).paperOut).toBe(false)
  })
})

describe('statusProblem', () => {
  const base = parseHostStatus(READY)
  const cases: ReadonlyArray<[string, Partial<HostStatus>, string | null, RegExp | null]> = [
    ['ready', {}, null, null],
    ['paper out', { paperOut: true, ready: false }, ErrorCode.printerPaperOut, /^Etiket bitti — rulo takın \/ Paper out/],
    ['head open', { headOpen: true, ready: false }, ErrorCode.printerHeadOpen, /^Yazıcı kapağı açık/],
    ['head open wins over paper out', { headOpen: true, paperOut: true, ready: false }, ErrorCode.printerHeadOpen, /kapağı kapatın/],
    ['paused', { paused: true, ready: false }, ErrorCode.printerPaused, /^Yazıcı duraklatıldı/],
    ['ribbon out', { ribbonOut: true, ready: false }, ErrorCode.printerRibbonOut, /^Ribon bitti/],
    ['buffer full', { bufferFull: true, ready: false }, ErrorCode.printerNotReady, /belleği dolu/],
    ['over temperature', { overTemperature: true, ready: false }, ErrorCode.printerNotReady, /çok sıcak/],
    ['under temperature', { underTemperature: true, ready: false }, ErrorCode.printerNotReady, /soğuk/],
    ['corrupt RAM', { corruptRam: true, ready: false }, ErrorCode.printerNotReady, /yeniden başlatın/],
  ]
  it.each(cases)('%s', (_name, patch, code, message) => {
    const problem = statusProblem({ ...base, ...patch })
    if (code === null) {
      expect(problem).toBeNull()
      return
    }
    expect(problem?.code).toBe(code)
    expect(problem?.message).toMatch(message as RegExp)
    expect(problem?.retryable).toBe(true)
  })
})
