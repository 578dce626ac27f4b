import { describe, expect, it } from 'vitest'
import { createCasFramer, decodeCasLamp, parseCasFrame } from './cas.parser'
import { expectWholeAtEveryCut, itRejectsEach, latin1 as b } from '../../../../tests/support/scale-frames'

const lamp = (byte: number) => decodeCasLamp(byte)

// Lines from docs/reference/hardware.md §2.5: CAS 22-byte (raw ID and lamp bytes), Kern, AND 18-byte, pawnshop/TScale samples.
const valid: ReadonlyArray<[string, string, object]> = [
  [
    'CAS 22-byte stable',
    'ST,GS,\x01\x44,+001.234 kg\r\n',
    { kind: 'weight', stable: true, net: false, value: 1.234, unit: 'kg', grams: 1234, deviceId: 1, lamp: lamp(0x44) },
  ],
  [
    'CAS 22-byte unstable, lamp 0x04 (non-printable)',
    'US,GS,\x01\x04,+001.250 kg\r\n',
    { kind: 'weight', stable: false, net: false, value: 1.25, unit: 'kg', grams: 1250, deviceId: 1, lamp: lamp(0x04) },
  ],
  [
    'CAS 22-byte net negative',
    'ST,NT,\x02\x42,-000.015 kg\r\n',
    { kind: 'weight', stable: true, net: true, value: -0.015, unit: 'kg', grams: -15, deviceId: 2, lamp: lamp(0x42) },
  ],
  [
    'CAS 22-byte tons',
    'ST,GS,\x01\x44,+001.500  t\r\n',
    { kind: 'weight', stable: true, net: false, value: 1.5, unit: 't', grams: 1_500_000, deviceId: 1, lamp: lamp(0x44) },
  ],
  ['Kern stable kg', 'ST,GS,+0123.4567  kg\r\n', { kind: 'weight', stable: true, net: false, value: 123.4567, unit: 'kg', grams: 123_457 }],
  ['Kern unstable lb', 'US,GS,+01234.56  lb\r\n', { kind: 'weight', stable: false, net: false, value: 1234.56, unit: 'lb', grams: 559_987 }],
  ['Kern net', 'ST,NT,+0001.0000  kg\r\n', { kind: 'weight', stable: true, net: true, value: 1, unit: 'kg', grams: 1000 }],
  ['AND 18-byte', 'ST,GS,+001.234kg\r\n', { kind: 'weight', stable: true, net: false, value: 1.234, unit: 'kg', grams: 1234 }],
  ['blank sign, grams (TScale sample)', 'ST,GS,   245.6 g\r\n', { kind: 'weight', stable: true, net: false, value: 245.6, unit: 'g', grams: 246 }],
  ['upper-case unit', 'ST,GS,+001.234 KG\r\n', { kind: 'weight', stable: true, net: false, value: 1.234, unit: 'kg', grams: 1234 }],
  ['garbage glued in front', '\xff\x00#ST,GS,+001.234kg\r\n', { kind: 'weight', stable: true, net: false, value: 1.234, unit: 'kg', grams: 1234 }],
  ['Kern tare line', 'ST,TR,+0000.2500  kg\r\n', { kind: 'tare', grams: 250 }],
  ['Kern overload', 'OL,GS,+             \r\n', { kind: 'overload' }],
  ['Kern OL minus = underload', 'OL,GS,-             \r\n', { kind: 'underload' }],
  ['CAS 22-byte overload', 'OL,GS,\x01\x04,+        kg\r\n', { kind: 'overload' }],
]

const invalid: ReadonlyArray<[string, string, RegExp]> = [
  ['no header', '+001.234 kg\r\n', /no ST\/US\/OL header/],
  ['counting mode', 'QT,GS,+00012 pcs\r\n', /counting mode/],
  ['weight not a number', 'ST,GS,+00A.234 kg\r\n', /not a number/],
  ['no unit', 'ST,GS,+001.234\r\n', /no unit/],
  ['unknown unit', 'ST,GS,+001.234 zz\r\n', /unknown unit zz/],
  ['torn line', 'ST,GS,+00\r\n', /no unit/],
]

describe('parseCasFrame', () => {
  it.each(valid)('%s', (_name, text, expected) => {
    expect(parseCasFrame(b(text))).toEqual(expected)
  })

  it('decodes every lamp bit', () => {
    expect(lamp(0x5f)).toEqual({ stable: true, hold: true, printer: true, gross: true, tare: true, zero: true })
  })

  it('a blank unit is read with the configured default unit', () => {
    expect(parseCasFrame(b('ST,GS,+001.234\r\n'), { defaultUnit: 'kg' })).toMatchObject({ grams: 1234 })
  })

  itRejectsEach(invalid, (text) => parseCasFrame(b(text)))
})

describe('createCasFramer', () => {
  it.each([
    ['CAS 22-byte', 'ST,GS,\x01\x04,+001.234 kg\r\n'],
    ['Kern', 'ST,GS,+0123.4567  kg\r\n'],
  ])('%s split at every byte boundary comes out whole', (_name, text) => {
    const line = b(text)
    expectWholeAtEveryCut(createCasFramer, line)
  })

  it('a garbage run without CR LF longer than 64 bytes is dropped with the line it swallowed', () => {
    const framer = createCasFramer()
    const frames = framer.push(b(`${'#'.repeat(70)}ST,GS,+001.000kg\r\nST,GS,+002.000kg\r\n`))
    expect(frames.map((f) => parseCasFrame(f))).toEqual([{ kind: 'weight', stable: true, net: false, value: 2, unit: 'kg', grams: 2000 }])
  })
})
