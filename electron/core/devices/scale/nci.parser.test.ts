import { describe, expect, it } from 'vitest'
import { createNciFramer, decodeNciStatus, parseNciFrame } from './nci.parser'
import { expectWholeAtEveryCut, itRejectsEach, latin1 as b } from '../../../../tests/support/scale-frames'

const ok = decodeNciStatus(0x30, 0x30)

// Layouts from docs/reference/hardware.md §2.6 / serial-nci-scale: `<LF>pxxxxxxUU<CR>hh<ETX>`, `<LF>hh<CR><ETX>`, `<LF>?<CR>`.
const valid: ReadonlyArray<[string, string, object, object?]> = [
  ['stable kg', '\n 01.234kg\r00\x03', { kind: 'weight', value: 1.234, unit: 'kg', grams: 1234, status: ok }],
  ['stable lb', '\n 02.50lb\r00\x03', { kind: 'weight', value: 2.5, unit: 'lb', grams: 1134, status: ok }],
  ['in motion (bit 0 = moving)', '\n 01.234kg\r10\x03', { kind: 'weight', value: 1.234, unit: 'kg', grams: 1234, status: { ...ok, moving: true } }],
  [
    'in motion, Brecknell polarity (bit 0 clear = moving)',
    '\n 01.234kg\r00\x03',
    { kind: 'weight', value: 1.234, unit: 'kg', grams: 1234, status: { ...ok, moving: true } },
    { motionBit: 'setWhenStable' },
  ],
  ['stable, Brecknell polarity', '\n 01.234kg\r10\x03', { kind: 'weight', value: 1.234, unit: 'kg', grams: 1234, status: ok }, { motionBit: 'setWhenStable' }],
  ['at zero', '\n 00.000kg\r20\x03', { kind: 'weight', value: 0, unit: 'kg', grams: 0, status: { ...ok, atZero: true } }],
  ['negative', '\n-00.015kg\r00\x03', { kind: 'weight', value: -0.015, unit: 'kg', grams: -15, status: ok }],
  ['over capacity, no number', '\n ------kg\r02\x03', { kind: 'weight', value: null, unit: 'kg', grams: null, status: { ...ok, overCapacity: true } }],
  ['under capacity', '\n ------kg\r01\x03', { kind: 'weight', value: null, unit: 'kg', grams: null, status: { ...ok, underCapacity: true } }],
  ['status reply with RAM + calibration errors', '\n48\r\x03', { kind: 'status', status: { ...ok, ramError: true, calibrationError: true } }],
  ['status bytes with the parity bit set', '\n\xb0\xb0\r\x03', { kind: 'status', status: ok }],
  ['unknown command', '\n?\r', { kind: 'unknownCommand' }],
]

const invalid: ReadonlyArray<[string, string, RegExp]> = [
  ['no leading LF', ' 01.234kg\r00\x03', /no leading LF/],
  ['no ETX', '\n 01.234kg\r00\r', /no ETX/],
  ['status byte without bits 4–5', '\n 01.234kg\r\x01\x00\x03', /status byte out of range/],
  ['weight not a number while in range', '\n 0A.234kg\r00\x03', /not a number/],
  ['unknown unit', '\n 01.234zz\r00\x03', /unknown unit/],
  ['torn weight reply', '\n 01\r00\x03', /not a weight or status reply|unknown unit/],
]

describe('parseNciFrame', () => {
  it.each(valid)('%s', (_name, text, expected, options) => {
    expect(parseNciFrame(b(text), options)).toEqual(expected)
  })

  it('decodes every status bit', () => {
    expect(decodeNciStatus(0x3f, 0x3f)).toEqual({
      moving: true,
      atZero: true,
      ramError: true,
      eepromError: true,
      underCapacity: true,
      overCapacity: true,
      romError: true,
      calibrationError: true,
    })
  })

  itRejectsEach(invalid, (text) => parseNciFrame(b(text)))
})

describe('createNciFramer', () => {
  it.each([
    ['weight', '\n 01.234kg\r00\x03'],
    ['status', '\n00\r\x03'],
    ['unknown', '\n?\r'],
  ])('a %s reply split at every byte boundary comes out whole', (_n, text) => {
    const reply = b(text)
    expectWholeAtEveryCut(createNciFramer, reply)
  })

  it('drops bytes before LF, as serial-nci-scale does', () => {
    const framer = createNciFramer()
    const frames = framer.push(b('\xff\x00#junk\n 01.234kg\r00\x03\n?\r'))
    expect(frames.map((f) => parseNciFrame(f).kind)).toEqual(['weight', 'unknownCommand'])
  })
})
