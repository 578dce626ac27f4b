import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { graphicField, toMonochrome, zb64Crc } from './zpl-graphic'

const gray = (rows: number[][]) => ({ width: rows[0]!.length, height: rows.length, stride: rows[0]!.length, samples: Uint8Array.from(rows.flat()) })

describe('toMonochrome', () => {
  const cases: ReadonlyArray<[string, number[][], number, string[]]> = [
    ['black is a set bit, MSB leftmost', [[0, 255, 255, 255, 255, 255, 255, 0]], 128, ['81']],
    ['a row not a multiple of 8 is padded with white', [[0, 0, 0, 0, 0, 0, 0, 0, 0]], 128, ['FF80']],
    ['the threshold is exclusive', [[127, 128, 200, 10]], 128, ['90']],
    [
      'two rows',
      [
        [0, 255],
        [255, 0],
      ],
      128,
      ['80', '40'],
    ],
  ]
  it.each(cases)('%s', (_name, rows, threshold, hexRows) => {
    const bmp = toMonochrome(gray(rows), { threshold })
    const hex = Buffer.from(bmp.bits).toString('hex').toUpperCase()
    expect(hex).toBe(hexRows.join(''))
    expect(bmp.bytesPerRow).toBe(hexRows[0]!.length / 2)
  })

  it('a stride wider than the image is respected', () => {
    const src = { width: 2, height: 2, stride: 4, samples: Uint8Array.from([0, 255, 9, 9, 255, 0, 9, 9]) }
    expect(Buffer.from(toMonochrome(src).bits).toString('hex')).toBe('8040')
  })

  it('dithering a 50% gray gives about half the dots black; thresholding gives all or none', () => {
    const mid = gray(Array.from({ length: 16 }, () => Array.from({ length: 16 }, () => 128)))
    const count = (bits: Uint8Array) => [...bits].reduce((n, b) => n + b.toString(2).split('1').length - 1, 0)
    expect(count(toMonochrome(mid, { dither: true }).bits)).toBeGreaterThan(100)
    expect(count(toMonochrome(mid, { dither: true }).bits)).toBeLessThan(156)
    expect(count(toMonochrome(mid).bits)).toBe(0)
  })
})

describe('graphicField', () => {
  const bmp = toMonochrome(
    gray([
      [0, 0, 0, 0, 255, 255, 255, 255, 0],
      [255, 255, 255, 255, 255, 255, 255, 255, 0],
    ]),
  )

  it('ASCII hex: ^GFA,total,total,bytesPerRow then one hex line per row', () => {
    expect(graphicField(bmp)).toBe('^GFA,4,4,2,F080\n0080')
  })

  it('Z64: zlib data in Base64 with a CRC over the Base64 text', () => {
    const field = graphicField(bmp, 'z64')
    const m = /^\^GFA,4,4,2,:Z64:([A-Za-z0-9+/=]+):([0-9A-F]{4})$/.exec(field)
    expect(m).not.toBeNull()
    expect(inflateSync(Buffer.from(m![1]!, 'base64')).toString('hex')).toBe('f0800080')
    expect(m![2]).toBe(zb64Crc(m![1]!))
  })

  it('the CRC is CRC-16/XMODEM (check value of "123456789" is 31C3)', () => {
    expect(zb64Crc('123456789')).toBe('31C3')
    expect(zb64Crc('')).toBe('0000')
  })
})
