import { describe, expect, it } from 'vitest'
import { ZebraStreamScanner, type StreamEvent } from './zebra-stream.scanner'

const show = (events: StreamEvent[]) =>
  events.map((e) => (e.kind === 'format' ? `F:${e.bytes.toString('utf8')}` : e.kind === 'control' ? `C:${e.command}` : `G:${e.name}`))

function scan(chunks: Array<string | Buffer>): string[] {
  const scanner = new ZebraStreamScanner()
  return show(chunks.flatMap((c) => scanner.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : c)))
}

describe('ZebraStreamScanner', () => {
  const cases: ReadonlyArray<[string, string, string[]]> = [
    ['one format', '^XA^FDx^FS^XZ', ['F:^XA^FDx^FS^XZ']],
    ['two formats and line breaks between', '^XA^FDa^FS^XZ\r\n^XA^FDb^FS^XZ\r\n', ['F:^XA^FDa^FS^XZ', 'F:^XA^FDb^FS^XZ']],
    ['status queries', '~HS~HQES', ['C:HS', 'C:HQES']],
    ['control command inside a format acts and is cut out', '^XA^FDa~HSb^FS^XZ', ['C:HS', 'F:^XA^FDab^FS^XZ']],
    ['lower-case commands', '^xa^fdq^fs^xz~hs', ['F:^xa^fdq^fs^xz', 'C:HS']],
    ['pause, resume, cancel', '~PP~PS~JA', ['C:PP', 'C:PS', 'C:JA']],
    ['SGD getvar', '! U1 getvar "head.latch"\r\n', ['G:head.latch']],
    ['garbage outside formats is dropped', 'xx^FDnot in a format^FS^XA^XZ', ['F:^XA^XZ']],
    ['^XA inside an open format starts over', '^XA^FDlost^XA^FDkept^FS^XZ', ['F:^XA^FDkept^FS^XZ']],
    ['UTF-8 Turkish text survives', '^XA^CI28^FDĞülşen Çağlayan İnce^FS^XZ', ['F:^XA^CI28^FDĞülşen Çağlayan İnce^FS^XZ']],
  ]
  it.each(cases)('%s', (_name, input, expected) => {
    expect(scan([input])).toEqual(expected)
  })

  it.each(cases)('%s — fed one byte at a time gives the same events', (_name, input, expected) => {
    const bytes = Buffer.from(input, 'utf8')
    expect(scan([...bytes].map((b) => Buffer.from([b])))).toEqual(expected)
  })

  it('reports a partial format while ^XZ is missing', () => {
    const scanner = new ZebraStreamScanner()
    scanner.push(Buffer.from('^XA^FDhalf'))
    expect(scanner.inFormat).toBe(true)
    expect(show(scanner.push(Buffer.from('^FS^XZ')))).toEqual(['F:^XA^FDhalf^FS^XZ'])
    expect(scanner.inFormat).toBe(false)
  })
})
