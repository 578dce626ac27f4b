import { describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { createToledoContinuousFramer, parseToledoContinuousFrame, toledoChecksum } from './toledo-continuous.parser'

/** A frame as an indicator sends it: STX SWA SWB SWC weight tare CR [checksum]. */
function frame(swa: number, swb: number, swc: number, weight: string, tare: string, checksum: boolean | number = true): Uint8Array {
  const body = [0x02, swa, swb, swc, ...Buffer.from(weight + tare, 'latin1'), 0x0d]
  if (checksum === false) return Uint8Array.from(body)
  return Uint8Array.from([...body, checksum === true ? toledoChecksum(body) : checksum])
}

// docs/reference/hardware.md "What emulators and test vectors we need" A.2: 1.234 kg stable, checksum 0x2A;
// the same with SWB = 0x38 (motion) has checksum 0x22.
const stable1234 = frame(0x2d, 0x30, 0x20, '001234', '000000', 0x2a)
const moving1234 = frame(0x2d, 0x38, 0x20, '001234', '000000', 0x22)

const base = { tareGrams: 0, unit: 'kg', motion: false, net: false, notZeroed: false, printRequest: false } as const

const valid: ReadonlyArray<[string, Uint8Array, boolean, object]> = [
  ['1.234 kg stable (reference vector)', stable1234, true, { ...base, kind: 'weight', grams: 1234 }],
  ['1.234 kg in motion (reference vector)', moving1234, true, { ...base, kind: 'weight', grams: 1234, motion: true }],
  ['without checksum', frame(0x2d, 0x30, 0x20, '001234', '000000', false), false, { ...base, kind: 'weight', grams: 1234 }],
  ['negative net with tare', frame(0x2d, 0x33, 0x20, '000015', '000250'), true, { ...base, kind: 'weight', grams: -15, tareGrams: 250, net: true }],
  ['overload (out of range)', frame(0x2d, 0x34, 0x20, '999999', '000000'), true, { ...base, kind: 'overload', grams: 999999 }],
  ['underload (out of range, negative)', frame(0x2d, 0x36, 0x20, '      ', '000000'), true, { ...base, kind: 'underload', grams: 0 }],
  ['lb, XXXX.XX (SWA 0x2C: code 4)', frame(0x2c, 0x20, 0x20, '000250', '000000'), true, { ...base, kind: 'weight', unit: 'lb', grams: 1134 }],
  ['grams, XXXXXX (SWA 0x2A, SWC bit 0)', frame(0x2a, 0x20, 0x21, '002500', '000000'), true, { ...base, kind: 'weight', unit: 'g', grams: 2500 }],
  ['kg ×10, XXXXX0 (SWA 0x29: code 1)', frame(0x29, 0x30, 0x20, '000012', '000000'), true, { ...base, kind: 'weight', grams: 120_000 }],
  ['kg, X.XXXXX (code 7)', frame(0x2f, 0x30, 0x20, '123456', '000000'), true, { ...base, kind: 'weight', grams: 1235 }],
  [
    'not zeroed after power-up, print request',
    frame(0x2d, 0x70, 0x28, '000100', '000000'),
    true,
    { ...base, kind: 'weight', grams: 100, notZeroed: true, printRequest: true },
  ],
  [
    'checksum byte with the parity bit set (7E1 read as 8 bits)',
    frame(0x2d, 0x30, 0x20, '001234', '000000', 0x2a | 0x80),
    true,
    { ...base, kind: 'weight', grams: 1234 },
  ],
]

const invalid: ReadonlyArray<[string, Uint8Array, boolean, RegExp]> = [
  ['bad checksum', frame(0x2d, 0x30, 0x20, '001234', '000000', 0x2b), true, /bad checksum/],
  ['checksum expected but missing', frame(0x2d, 0x30, 0x20, '001234', '000000', false), true, /expected 18 bytes/],
  ['letters in the weight', frame(0x2d, 0x30, 0x20, '00A234', '000000'), true, /weight is not 6 digits/],
  ['blank weight in range', frame(0x2d, 0x30, 0x20, '      ', '000000'), true, /weight is not 6 digits/],
  ['bad tare', frame(0x2d, 0x30, 0x20, '001234', '0-0000'), true, /tare is not 6 digits/],
  ['no CR', Uint8Array.from([...stable1234.subarray(0, 16), 0x0a, 0x2a]), true, /no STX … CR/],
  ['too short', stable1234.subarray(0, 10), true, /expected 18 bytes/],
]

describe('parseToledoContinuousFrame', () => {
  it('the reference checksums are what the spec arithmetic gives', () => {
    expect(stable1234[17]).toBe(toledoChecksum(stable1234, 17))
    expect(moving1234[17]).toBe(toledoChecksum(moving1234, 17))
  })

  it.each(valid)('%s', (_name, bytes, checksum, expected) => {
    expect(parseToledoContinuousFrame(bytes, { checksum })).toEqual(expected)
  })

  it.each(invalid)('rejects %s as scale.frameInvalid', (_name, bytes, checksum, message) => {
    let thrown: unknown
    try {
      parseToledoContinuousFrame(bytes, { checksum })
    } catch (err) {
      thrown = err
    }
    expect(thrown).toBeInstanceOf(AppError)
    expect(thrown).toMatchObject({ code: ErrorCode.scaleFrameInvalid, retryable: true })
    expect((thrown as AppError).message).toMatch(message)
  })
})

describe('createToledoContinuousFramer', () => {
  it.each([true, false])('a frame split at every byte boundary comes out whole (checksum %s)', (checksum) => {
    const bytes = checksum ? stable1234 : stable1234.subarray(0, 17)
    for (let cut = 1; cut < bytes.length; cut++) {
      const framer = createToledoContinuousFramer({ checksum })
      const frames = [...framer.push(bytes.subarray(0, cut)), ...framer.push(bytes.subarray(cut))]
      expect(frames, `cut at ${cut}`).toEqual([bytes])
    }
  })

  it('garbage before STX is dropped; back-to-back frames byte by byte', () => {
    const framer = createToledoContinuousFramer({ checksum: true })
    const stream = Uint8Array.from([0x00, 0xff, 0x0d, 0x13, ...stable1234, ...moving1234])
    const frames = [...stream].flatMap((b) => framer.push(Uint8Array.of(b)))
    expect(frames).toEqual([stable1234, moving1234])
    expect(frames.map((f) => parseToledoContinuousFrame(f, { checksum: true }).motion)).toEqual([false, true])
  })

  it('without checksum mode, a checksummed stream still frames (the checksum byte is dropped as garbage)', () => {
    const framer = createToledoContinuousFramer({ checksum: false })
    const frames = framer.push(Uint8Array.from([...stable1234, ...moving1234]))
    expect(frames.map((f) => parseToledoContinuousFrame(f, { checksum: false }).grams)).toEqual([1234, 1234])
  })
})
