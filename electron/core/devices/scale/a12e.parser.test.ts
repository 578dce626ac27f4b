import { describe, expect, it } from 'vitest'
import { a12eChecksum, a12eChecksumText, createA12eFramer, parseA12eFrame } from './a12e.parser'
import { expectWholeAtEveryCut, itRejectsEach, latin1 as b } from '../../../../tests/support/scale-frames'

const withSum = (payload: string) => `${payload}${a12eChecksumText(a12eChecksum(b(payload)))}\r\n`

// docs/reference/hardware.md §2.5: `57 47 30 30 34 2E 31 33 39 6B 67 33 44 0D 0A` = "WG004.139kg3D", XOR 0x3D (the sum would be 0xCF).
const reference = 'WG004.139kg3D\r\n'

const valid: ReadonlyArray<[string, string, object]> = [
  ['reference vector 4.139 kg', reference, { kind: 'weight', net: false, value: 4.139, unit: 'kg', grams: 4139 }],
  ['net', withSum('WN001.500kg'), { kind: 'weight', net: true, value: 1.5, unit: 'kg', grams: 1500 }],
  ['negative', withSum('WG-00.020kg'), { kind: 'weight', net: false, value: -0.02, unit: 'kg', grams: -20 }],
  ['zero', withSum('WG000.000kg'), { kind: 'weight', net: false, value: 0, unit: 'kg', grams: 0 }],
  ['lb', withSum('WG002.000lb'), { kind: 'weight', net: false, value: 2, unit: 'lb', grams: 907 }],
  ['overload (9 spaces + OL)', withSum('         OL'), { kind: 'overload' }],
  ['below −20d (LO)', withSum('         LO'), { kind: 'underload' }],
  ['garbage in front of the 15 bytes', `\xff\x00##${reference}`, { kind: 'weight', net: false, value: 4.139, unit: 'kg', grams: 4139 }],
  ['lower-case checksum hex', 'WG004.139kg3d\r\n', { kind: 'weight', net: false, value: 4.139, unit: 'kg', grams: 4139 }],
]

const invalid: ReadonlyArray<[string, string, RegExp]> = [
  ['bad checksum', 'WG004.139kg3E\r\n', /bad checksum/],
  ['sum instead of XOR', 'WG004.139kgCF\r\n', /bad checksum/],
  ['torn frame', 'WG004.1\r\n', /expected 15 bytes/],
  ['no CR LF', 'WG004.139kg3D\n\n', /ending CR LF/],
  ['no WG header', withSum('XG004.139kg'), /no WG\/WN header/],
  ['weight not a number', withSum('WG00A.139kg'), /not a number/],
  ['unknown unit', withSum('WG004.139zz'), /unknown unit/],
]

describe('parseA12eFrame', () => {
  it('the reference checksum is the XOR (0x3D), written 3D', () => {
    expect(a12eChecksum(b('WG004.139kg'))).toBe(0x3d)
    expect(a12eChecksumText(0x3d)).toBe('3D')
    expect(a12eChecksumText(0x0a)).toBe('0A')
  })

  it.each(valid)('%s', (_name, text, expected) => {
    expect(parseA12eFrame(b(text))).toEqual(expected)
  })

  it('checksum checking can be switched off for clones', () => {
    expect(parseA12eFrame(b('WG004.139kg00\r\n'), { checksum: false })).toMatchObject({ grams: 4139 })
  })

  itRejectsEach(invalid, (text) => parseA12eFrame(b(text)))
})

describe('createA12eFramer', () => {
  it('the reference frame split at every byte boundary comes out whole', () => {
    const frame = b(reference)
    expectWholeAtEveryCut(createA12eFramer, frame)
  })
})
