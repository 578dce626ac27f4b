import { describe, expect, it } from 'vitest'
import { createDelimitedFramer } from './byte-framer'

const bytes = (text: string) => Uint8Array.from(Buffer.from(text, 'latin1'))
const text = (frames: Uint8Array[]) => frames.map((f) => Buffer.from(f).toString('latin1'))

describe('createDelimitedFramer', () => {
  it('STX … CR with a trailer byte, resynchronising on STX and keeping a trailer that looks like STX', () => {
    const framer = createDelimitedFramer({ start: 0x02, end: [0x0d], trailerBytes: 1 })
    expect(text(framer.push(bytes('junk\x02AB\r\x02\x02CD\r')))).toEqual(['\x02AB\r\x02'])
    expect(text(framer.push(bytes('\x7f')))).toEqual(['\x02CD\r\x7f'])
    expect(framer.discardedBytes).toBe(4)
  })

  it('a new start byte drops a torn frame', () => {
    const framer = createDelimitedFramer({ start: 0x02, end: [0x0d] })
    expect(text(framer.push(bytes('\x0212\x0234\r')))).toEqual(['\x0234\r'])
  })

  it('CR LF lines without a start byte are binary-safe', () => {
    const framer = createDelimitedFramer({ end: [0x0d, 0x0a] })
    expect(text(framer.push(bytes('A\x00\x0d,B\r\n\r\nC')))).toEqual(['A\x00\r,B\r\n', '\r\n'])
    expect(text(framer.push(bytes('\r\n')))).toEqual(['C\r\n'])
  })

  it('overlong runs are dropped up to the next end sequence (no start) or start byte', () => {
    const lines = createDelimitedFramer({ end: [0x0d, 0x0a], maxFrameBytes: 8 })
    expect(text(lines.push(bytes('0123456789abc\r\nOK\r\n')))).toEqual(['OK\r\n'])
    const stx = createDelimitedFramer({ start: 0x02, end: [0x0d], maxFrameBytes: 4 })
    expect(text(stx.push(bytes('\x02123456\r\x0212\r')))).toEqual(['\x0212\r'])
  })

  it('isCompleteFrame ends frames that have no end sequence', () => {
    const framer = createDelimitedFramer({ start: 0x0a, end: [0x03], isCompleteFrame: (f) => f.length === 3 && f[1] === 0x3f })
    expect(text(framer.push(bytes('\n?\r\n00\r\x03')))).toEqual(['\n?\r', '\n00\r\x03'])
  })

  it('reset forgets a partial frame', () => {
    const framer = createDelimitedFramer({ start: 0x02, end: [0x0d] })
    framer.push(bytes('\x02AB'))
    framer.reset()
    expect(framer.push(bytes('C\r'))).toEqual([])
  })
})
