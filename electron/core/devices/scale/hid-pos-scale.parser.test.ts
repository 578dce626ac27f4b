import { describe, expect, it } from 'vitest'
import { HidScaleUnitCode, parseHidScaleReport } from './hid-pos-scale.parser'
import { itRejectsEach } from '../../../../tests/support/scale-frames'

const r = (hex: string) => Uint8Array.from(hex.split(' ').map((h) => parseInt(h, 16)))

// docs/reference/hardware.md "What emulators and test vectors we need" A.1, plus every other status value.
const vectors: ReadonlyArray<[string, string, object]> = [
  ['1234 g stable', '03 04 02 00 d2 04', { kind: 'stable', unit: 'g', grams: 1234, raw: 1234, exponent: 0 }],
  ['12.3 oz stable', '03 04 0b ff 7b 00', { kind: 'stable', unit: 'oz', grams: 349, raw: 123, exponent: -1 }],
  ['1.25 kg', '03 04 03 fe 7d 00', { kind: 'stable', unit: 'kg', grams: 1250, raw: 125, exponent: -2 }],
  ['in motion (500 g)', '03 03 02 00 f4 01', { kind: 'inMotion', unit: 'g', grams: 500 }],
  ['zero', '03 02 02 00 00 00', { kind: 'zero', unit: 'g', grams: 0 }],
  ['negative (20 g under zero)', '03 05 02 00 14 00', { kind: 'negative', unit: 'g', grams: -20 }],
  ['negative sent as two’s complement', '03 05 02 00 ec ff', { kind: 'negative', unit: 'g', grams: -20 }],
  ['70 000 g via exponent +1', '03 04 02 01 58 1b', { kind: 'stable', unit: 'g', grams: 70_000, exponent: 1 }],
  ['over capacity', '03 06 02 00 ff ff', { kind: 'overload', statusCode: 6 }],
  ['needs calibration (7)', '03 07 02 00 00 00', { kind: 'needsCalibration', statusCode: 7 }],
  ['needs re-zeroing (8)', '03 08 02 00 00 00', { kind: 'needsRezero', statusCode: 8 }],
  ['fault (1)', '03 01 00 00 00 00', { kind: 'fault', statusCode: 1 }],
  ['unknown status value (9)', '03 09 02 00 10 00', { kind: 'unknownStatus', statusCode: 9 }],
  ['unknown status value (0) with a weight', '03 00 02 00 10 00', { kind: 'unknownStatus', statusCode: 0 }],
  ['lb, 2 decimals', '03 04 0c fe c8 00', { kind: 'stable', unit: 'lb', grams: 907 }],
  ['report ID 4 (scale status report)', '04 04 02 00 64 00', { kind: 'stable', reportId: 4, grams: 100 }],
  ['zero with an unknown unit code is still zero', '03 02 00 00 00 00', { kind: 'zero', unit: null, grams: 0 }],
  ['longer report (padding ignored)', '03 04 02 00 d2 04 00 00', { kind: 'stable', grams: 1234 }],
  ['all-zero payload is noise', '03 00 00 00 00 00', { kind: 'noise' }],
  ['all-zero report is noise', '00 00 00 00 00 00', { kind: 'noise' }],
]

const invalid: ReadonlyArray<[string, string, RegExp]> = [
  ['short report', '03 04 02 00 d2', /expected 6 bytes, got 5/],
  ['not a scale report ID', '02 04 02 00 d2 04', /report ID 2 is not a scale report/],
  ['weight with unknown unit code 0', '03 04 00 00 d2 04', /unknown unit code 0/],
  ['weight with unit code 13', '03 03 0d 00 d2 04', /unknown unit code 13/],
]

describe('parseHidScaleReport', () => {
  it.each(vectors)('%s', (_name, hex, expected) => {
    expect(parseHidScaleReport(r(hex))).toMatchObject(expected)
  })

  it.each(Object.entries(HidScaleUnitCode))('unit code %s (%s) converts 1 unit to integer grams', (code, unit) => {
    const grams = { mg: 0, g: 1, kg: 1000, ct: 0, tael: 38, gr: 0, dwt: 2, t: 1_000_000, ton: 907_185, ozt: 31, oz: 28, lb: 454 }[unit]
    expect(parseHidScaleReport(Uint8Array.of(3, 4, Number(code), 0, 1, 0))).toMatchObject({ kind: 'stable', unit, grams })
  })

  it('accepts node-hid Buffers and plain arrays', () => {
    expect(parseHidScaleReport(Buffer.from([3, 4, 2, 0, 0xd2, 0x04]))).toMatchObject({ grams: 1234 })
    expect(parseHidScaleReport([3, 4, 2, 0, 0xd2, 0x04])).toMatchObject({ grams: 1234 })
  })

  itRejectsEach(invalid, (hex) => parseHidScaleReport(r(hex)))
})
