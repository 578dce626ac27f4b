import { describe, expect, it } from 'vitest'
import { createLineFramer, parseMtSicsLine, type MtSicsFrame } from './mt-sics.parser'
import { frameInvalid } from '../../../../tests/support/scale-frames'

// Lines as balances send them (docs/reference/hardware.md §2.2): variable right-aligned padding, several units.
const valid: ReadonlyArray<[string, string, MtSicsFrame]> = [
  ['stable kg, wide pad', 'S S      1.234 kg', { kind: 'weight', stable: true, value: 1.234, unit: 'kg', grams: 1234 }],
  ['stable g from the manual', 'S S 100.00 g', { kind: 'weight', stable: true, value: 100, unit: 'g', grams: 100 }],
  ['dynamic', 'S D      0.812 kg', { kind: 'weight', stable: false, value: 0.812, unit: 'kg', grams: 812 }],
  ['negative', 'S S     -0.015 kg', { kind: 'weight', stable: true, value: -0.015, unit: 'kg', grams: -15 }],
  ['zero', 'S S      0.000 kg', { kind: 'weight', stable: true, value: 0, unit: 'kg', grams: 0 }],
  ['negative zero is 0', 'S S     -0.000 kg', { kind: 'weight', stable: true, value: -0, unit: 'kg', grams: 0 }],
  ['g with decimal rounds half up', 'S S   1234.5 g', { kind: 'weight', stable: true, value: 1234.5, unit: 'g', grams: 1235 }],
  ['kg half gram rounds away from zero', 'S S 1.2345 kg', { kind: 'weight', stable: true, value: 1.2345, unit: 'kg', grams: 1235 }],
  ['mg', 'S S 2500 mg', { kind: 'weight', stable: true, value: 2500, unit: 'mg', grams: 3 }],
  ['lb', 'S S      2.000 lb', { kind: 'weight', stable: true, value: 2, unit: 'lb', grams: 907 }],
  ['oz', 'S D     12.30 oz', { kind: 'weight', stable: false, value: 12.3, unit: 'oz', grams: 349 }],
  ['tab padding', 'S\tS\t 5.000\tkg', { kind: 'weight', stable: true, value: 5, unit: 'kg', grams: 5000 }],
  ['overload', 'S +', { kind: 'overload' }],
  ['underload', 'S -', { kind: 'underload' }],
  ['not executable', 'S I', { kind: 'notExecutable' }],
  ['zero ack (unverified reply)', 'Z A', { kind: 'zeroed' }],
  ['zero busy', 'Z I', { kind: 'zeroFailed', reason: 'notExecutable' }],
  ['zero above range', 'Z +', { kind: 'zeroFailed', reason: 'upperLimit' }],
  ['zero below range', 'Z -', { kind: 'zeroFailed', reason: 'lowerLimit' }],
  ['tare stored', 'T S      0.250 kg', { kind: 'tared', value: 0.25, unit: 'kg', grams: 250 }],
  ['tare busy', 'T I', { kind: 'tareFailed', reason: 'notExecutable' }],
  ['syntax error', 'ES', { kind: 'error', code: 'ES' }],
  ['transmission error', 'ET', { kind: 'error', code: 'ET' }],
  ['logical error', 'EL', { kind: 'error', code: 'EL' }],
  ['serial number', 'I4 A "0123456789"', { kind: 'inquiry', command: 'I4', status: 'A', text: '0123456789' }],
]

const garbage: ReadonlyArray<[string, string]> = [
  ['empty', ''],
  ['unknown command', 'X S 1 g'],
  ['weight without unit', 'S S 1.234'],
  ['unknown unit', 'S S 1.234 t'],
  ['value not numeric', 'S S 1,234 kg'],
  ['exponent', 'S S 1e3 g'],
  ['printable garbage glued to a frame', '#%S S 1.000 kg'],
  ['extra token', 'S S 1.000 kg X'],
  ['lower case', 's s 1.000 kg'],
  ['overload with value', 'S + 1.000 kg'],
  ['Z with value', 'Z A 1 g'],
  ['bare status', 'S'],
]

describe('parseMtSicsLine', () => {
  it.each(valid)('%s', (_name, line, frame) => {
    expect(parseMtSicsLine(line)).toEqual(frame)
  })

  it.each(garbage)('rejects %s as scale.frameInvalid', (_name, line) => {
    expect(frameInvalid(() => parseMtSicsLine(line)).meta.line).toBe(line)
  })
})

function frameAll(chunks: ReadonlyArray<Uint8Array | string>, maxLineLength?: number) {
  const framer = createLineFramer(maxLineLength === undefined ? {} : { maxLineLength })
  const lines = chunks.flatMap((c) => framer.push(c))
  return { lines, framer }
}

describe('createLineFramer', () => {
  const stream = 'S D      0.812 kg\r\nS S      1.234 kg\r\nS +\r\n'
  const expected = ['S D      0.812 kg', 'S S      1.234 kg', 'S +']

  it('yields complete lines from one chunk', () => {
    expect(frameAll([stream]).lines).toEqual(expected)
  })

  it('yields the same lines when the stream is split at every byte boundary', () => {
    for (let i = 0; i <= stream.length; i++) {
      expect(frameAll([stream.slice(0, i), stream.slice(i)]).lines, `split at ${i}`).toEqual(expected)
    }
    expect(frameAll([...stream]).lines).toEqual(expected)
  })

  const cases: ReadonlyArray<[string, ReadonlyArray<Uint8Array | string>, string[]]> = [
    ['binary garbage before a frame', [Uint8Array.from([0x00, 0xff, 0x13, 0x80]), 'S S 1.000 kg\r\n'], ['S S 1.000 kg']],
    ['printable and binary garbage mixed before a frame', ['#*&', Uint8Array.from([0xfe]), 'S S 1.000 kg\r\n'], ['S S 1.000 kg']],
    ['a garbage line before a frame', ['junk!\r\nS S 2.000 kg\r\n'], ['junk!', 'S S 2.000 kg']],
    ['bare LF tears a line', ['S S 1.0\nS S 3.000 kg\r\n'], ['S S 3.000 kg']],
    ['CR without LF tears a line', ['S S 1.0\rS S 4.000 kg\r\n'], ['S S 4.000 kg']],
    ['empty lines are skipped', ['\r\n\r\nS I\r\n'], ['S I']],
    ['binary byte in the middle drops the torn head', ['S S 1.2', Uint8Array.from([0x00]), '34 kg\r\n'], ['34 kg']],
    ['partial frame stays pending', ['S S 1.000 kg\r'], []],
  ]
  it.each(cases)('%s', (_name, chunks, lines) => {
    expect(frameAll(chunks).lines).toEqual(lines)
  })

  it('bounds memory: a long run without CR LF is dropped, then it resynchronises', () => {
    const { lines, framer } = frameAll(['A'.repeat(10_000), '\r\nS S 1.000 kg\r\n'], 64)
    expect(lines).toEqual(['S S 1.000 kg'])
    expect(framer.discardedBytes).toBeGreaterThanOrEqual(10_000)
  })

  it('reset forgets a partial line', () => {
    const framer = createLineFramer()
    framer.push('S S 9')
    framer.reset()
    expect(framer.push('S S 1.000 kg\r\n')).toEqual(['S S 1.000 kg'])
  })
})
