import { describe, expect, it } from 'vitest'
import { EscPosStreamParser, type EscPosEvent } from './escpos-stream.parser'

const show = (events: EscPosEvent[]) =>
  events.map((e) => {
    switch (e.kind) {
      case 'text':
        return `T:${e.text}`
      case 'codePage':
        return `P:${e.page}`
      case 'barcode':
        return `B${e.type}:${e.data}`
      case 'cut':
        return `CUT:${e.mode}`
      case 'statusRequest':
        return `S:${e.n}`
      case 'code2d':
        return `2D:${e.fn}`
      case 'unknown':
        return `?:${e.bytes.toString('hex')}`
      case 'init':
        return 'INIT'
    }
  })

const bytes = (...parts: Array<number[] | string>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))))

describe('EscPosStreamParser', () => {
  const cases: ReadonlyArray<[string, Buffer, string[]]> = [
    ['init and text lines', bytes([0x1b, 0x40], 'Merhaba\nDunya\n'), ['INIT', 'T:Merhaba\n', 'T:Dunya\n']],
    [
      'PC857 Turkish letters (ESC t 13)',
      bytes([0x1b, 0x74, 13], [0x98, 0x9e, 0xa6, 0x8d, 0x9f, 0xa7, 0x80, 0x87, 0x99, 0x94, 0x9a, 0x81], '\n'),
      ['P:13', 'T:İŞĞışğÇçÖöÜü\n'],
    ],
    ['Windows-1254 Turkish letters (ESC t 48)', bytes([0x1b, 0x74, 48], [0xdd, 0xde, 0xd0, 0xfd, 0xfe, 0xf0], '\n'), ['P:48', 'T:İŞĞışğ\n']],
    ['a byte outside the page is a replacement char', bytes([0x1b, 0x74, 13], [0xf5], '\n'), ['P:13', 'T:\uFFFD\n']],
    ['CODE128 format B with {B', bytes([0x1d, 0x6b, 73, 14], '{BTR1234567890'), ['B73:TR1234567890']],
    ['format A barcode, NUL-terminated', bytes([0x1d, 0x6b, 4], 'ABC123', [0]), ['B4:ABC123']],
    ['full and partial cut, feed-and-cut', bytes([0x1d, 0x56, 0x00, 0x1d, 0x56, 0x01, 0x1d, 0x56, 66, 3]), ['CUT:0', 'CUT:1', 'CUT:66']],
    ['GS r 1 status request', bytes([0x1d, 0x72, 0x01]), ['S:1']],
    [
      'formatting commands are skipped by length',
      bytes([0x1b, 0x61, 1, 0x1b, 0x45, 1, 0x1b, 0x21, 0x10, 0x1d, 0x48, 2, 0x1d, 0x77, 2, 0x1d, 0x68, 80, 0x1b, 0x64, 4], 'x\n'),
      ['T:x\n'],
    ],
    ['QR via GS ( k', bytes([0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30]), ['2D:81']],
    ['an unknown command is reported, the stream goes on', bytes([0x1b, 0x99], 'ok\n'), ['?:1b99', 'T:ok\n']],
    ['bold on/off inside a line keeps the line whole', bytes('Toplam', [0x1b, 0x45, 0], ' 3\n'), ['T:Toplam 3\n']],
    ['text before a barcode is flushed', bytes('No:', [0x1d, 0x6b, 73, 3], '{BX'), ['T:No:', 'B73:X']],
  ]
  it.each(cases)('%s', (_name, input, expected) => {
    expect(show(new EscPosStreamParser().push(input))).toEqual(expected)
  })

  it.each(cases)('%s — one byte at a time gives the same events (text may come in pieces)', (_name, input, expected) => {
    const parser = new EscPosStreamParser()
    const events = [...input].flatMap((b) => parser.push(Buffer.from([b])))
    // Text is flushed per line or command either way, so the joined sequence matches exactly.
    expect(show(events)).toEqual(expected)
  })
})
