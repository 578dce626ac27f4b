import { describe, expect, it } from 'vitest'
import { createToledo8217Framer, decodeToledo8217Status, parseToledo8217Frame } from './toledo-8217.parser'
import { expectWholeAtEveryCut, itRejectsEach, latin1 as b } from '../../../../tests/support/scale-frames'

const status = (bits: number) => decodeToledo8217Status(bits)

// Replies as docs/reference/hardware.md §2.3 describes them (Odoo's regex `\x02\s*([0-9.]+)N?\r`, `?` + status).
const valid: ReadonlyArray<[string, string, object, object?]> = [
  ['weight kg', '\x0201.234\r', { kind: 'weight', value: 1.234, grams: 1234, net: false }],
  ['weight with leading blanks', '\x02  0.500\r', { kind: 'weight', value: 0.5, grams: 500, net: false }],
  ['net weight (N suffix)', '\x02002.000N\r', { kind: 'weight', value: 2, grams: 2000, net: true }],
  ['zero', '\x0200.000\r', { kind: 'weight', value: 0, grams: 0, net: false }],
  ['lb scale (unit is a setting)', '\x02012.34\r', { kind: 'weight', value: 12.34, grams: 5597, net: false }, { unit: 'lb' }],
  ['in motion (bit 0, bit 6 always 1)', '\x02?A\r', { kind: 'status', code: 0x41, status: { ...status(0x41), motion: true, bit6: true } }],
  ['over capacity (bit 1)', '\x02?B\r', { kind: 'status', code: 0x42, status: { ...status(0), overCapacity: true, bit6: true } }],
  ['under zero (bit 2)', '\x02?D\r', { kind: 'status', code: 0x44, status: { ...status(0), underZero: true, bit6: true } }],
  [
    'outside zero capture + center of zero + net',
    '\x02?x\r',
    { kind: 'status', code: 0x78, status: { ...status(0), outsideZeroCapture: true, centerOfZero: true, net: true, bit6: true } },
  ],
  ['status with the parity bit set', '\x02?\xc1\r', { kind: 'status', code: 0x41, status: { ...status(0x41) } }],
  ['echo acknowledgement', '\x02E\r', { kind: 'echo' }],
]

const invalid: ReadonlyArray<[string, string]> = [
  ['no STX', '01.234\r'],
  ['letters', '\x02ABC\r'],
  ['two numbers', '\x021.2.3\r'],
  ['negative (the format has no sign)', '\x02-1.000\r'],
  ['empty', '\x02\r'],
  ['status with two characters', '\x02?AB\r'],
]

describe('parseToledo8217Frame', () => {
  it.each(valid)('%s', (_name, text, expected, options) => {
    expect(parseToledo8217Frame(b(text), options)).toEqual(expected)
  })

  it('decodes every status bit', () => {
    expect(status(0b1111111)).toEqual({
      motion: true,
      overCapacity: true,
      underZero: true,
      outsideZeroCapture: true,
      centerOfZero: true,
      net: true,
      bit6: true,
    })
    expect(status(0)).toEqual({ motion: false, overCapacity: false, underZero: false, outsideZeroCapture: false, centerOfZero: false, net: false, bit6: false })
  })

  itRejectsEach(invalid, (text) => parseToledo8217Frame(b(text)))
})

describe('createToledo8217Framer', () => {
  it('a reply split at every byte boundary comes out whole', () => {
    const reply = b('\x0201.234\r')
    expectWholeAtEveryCut(createToledo8217Framer, reply)
  })

  it('drops garbage before STX and a torn reply', () => {
    const framer = createToledo8217Framer()
    const frames = framer.push(b('\xff\x00x\r\x0201.2\x02?A\r\x0200.500\r'))
    expect(frames.map((f) => parseToledo8217Frame(f).kind)).toEqual(['status', 'weight'])
  })
})
