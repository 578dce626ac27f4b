import { describe, expect, it } from 'vitest'
import { createSerialScanFramer, type FramerOutput, type ScanTerminator } from './serial-scanner.parser'

const bytes = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'))
const text = (b: Uint8Array) => Buffer.from(b).toString('latin1')

/** Feeds `chunks` in order, then optionally flushes; returns codes and rejected frames (as text). */
function run(terminator: ScanTerminator, chunks: Array<string | Uint8Array>, flush = false, maxLength?: number) {
  const framer = createSerialScanFramer({ terminator, maxLength })
  const outs: FramerOutput[] = chunks.map((c) => framer.push(typeof c === 'string' ? bytes(c) : c))
  if (flush) outs.push(framer.flush())
  return {
    codes: outs.flatMap((o) => o.codes),
    rejected: outs.flatMap((o) => o.rejected.map((r) => [r.reason, text(r.bytes)])),
    pending: framer.pendingLength(),
  }
}

describe('serial scanner framing', () => {
  it.each([
    { name: 'CR', terminator: 'cr', chunks: ['6291041500213\r'], codes: ['6291041500213'] },
    { name: 'LF', terminator: 'lf', chunks: ['6291041500213\n'], codes: ['6291041500213'] },
    { name: 'CRLF', terminator: 'crlf', chunks: ['6291041500213\r\n'], codes: ['6291041500213'] },
    { name: 'two codes in one chunk', terminator: 'cr', chunks: ['A1\rB2\r'], codes: ['A1', 'B2'] },
    { name: 'CRLF scanner on a CR setting', terminator: 'cr', chunks: ['A1\r\nB2\r\n'], codes: ['A1', 'B2'] },
    { name: 'CR LF split across chunks', terminator: 'crlf', chunks: ['A1\r', '\nB', '2\r', '\n'], codes: ['A1', 'B2'] },
    { name: 'a CR inside a CRLF frame stays out of the code', terminator: 'crlf', chunks: ['A\rB\r\n'], codes: ['A\rB'] },
    { name: 'GS (FNC1) and AIM kept', terminator: 'cr', chunks: [']C10108691234567890\x1d10A\r'], codes: [']C10108691234567890\x1d10A'] },
    { name: 'UTF-8 from a QR code', terminator: 'lf', chunks: [Uint8Array.from([...Buffer.from('Çanta ğ', 'utf8'), 0x0a])], codes: ['Çanta ğ'] },
    { name: 'empty lines skipped', terminator: 'lf', chunks: ['\n\nA\n\n'], codes: ['A'] },
  ] as const)('$name', ({ terminator, chunks, codes }) => {
    expect(run(terminator, [...chunks])).toMatchObject({ codes, rejected: [], pending: 0 })
  })

  it('accepts a frame split at every byte boundary', () => {
    const frame = ']C100000123456000012343\r\n'
    for (let cut = 1; cut < frame.length; cut++) {
      expect(run('crlf', [frame.slice(0, cut), frame.slice(cut)]).codes).toEqual([']C100000123456000012343'])
    }
    expect(run('crlf', [...frame]).codes).toEqual([']C100000123456000012343'])
  })

  it('no terminator: the idle flush ends the frame', () => {
    expect(run('none', ['TR12', '34'], false)).toMatchObject({ codes: [], pending: 6 })
    expect(run('none', ['TR12', '34'], true)).toMatchObject({ codes: ['TR1234'], pending: 0 })
  })

  it.each([
    {
      name: 'noise before a code is dropped and reported',
      chunks: [Uint8Array.from([0x00, 0xff, 0x13]), 'TR1\r'],
      codes: ['TR1'],
      rejected: [
        ['noise', '\x00'],
        ['noise', '\xff'],
        ['noise', '\x13'],
      ],
    },
    {
      name: 'noise inside a code rejects that code, the next one is fine',
      chunks: ['TR1', Uint8Array.from([0x07]), '23\rTR9\r'],
      codes: ['23', 'TR9'],
      rejected: [['noise', 'TR1\x07']],
    },
    { name: 'invalid UTF-8 sequence', chunks: [Uint8Array.from([0x41, 0xe2, 0x28, 0x0d])], codes: [], rejected: [['notUtf8', 'A\xe2(']] },
  ])('$name', ({ chunks, codes, rejected }) => {
    expect(run('cr', chunks)).toMatchObject({ codes, rejected })
  })

  it('a torn frame is refused at the idle flush instead of gluing onto the next code', () => {
    const framer = createSerialScanFramer({ terminator: 'cr' })
    framer.push(bytes('TR12'))
    expect(framer.flush().rejected.map((r) => [r.reason, text(r.bytes)])).toEqual([['incomplete', 'TR12']])
    expect(framer.push(bytes('TR1234567890\r')).codes).toEqual(['TR1234567890'])
  })

  it('an oversized frame is refused once and framing recovers at the next terminator', () => {
    const long = 'X'.repeat(20)
    for (const terminator of ['cr', 'crlf'] as const) {
      const end = terminator === 'cr' ? '\r' : '\r\n'
      const r = run(terminator, [long, `${long}${end}OK${end}`], false, 16)
      expect(r.codes).toEqual(['OK'])
      expect(r.rejected.map(([reason]) => reason)).toEqual(['tooLong'])
    }
    expect(run('none', [long], true, 16)).toMatchObject({ codes: [], rejected: [['tooLong', 'X'.repeat(17)]] })
  })
})
