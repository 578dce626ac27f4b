import { deflateSync } from 'node:zlib'

/**
 * 1-bit images as a ZPL graphic field, `^GFA,b,c,d,data` (docs/reference/hardware.md §3.5): b = bytes sent,
 * c = total graphic bytes, d = bytes per row (width = d × 8 dots, rows = c / d); a set bit is a
 * black dot, the most significant bit is the leftmost. Data as ASCII hex (every firmware) or
 * `:Z64:` — zlib-compressed, Base64, then a CRC over the Base64 text (ZPL II guide vol. 2, ZB64).
 */
export type MonoBitmap = Readonly<{ widthDots: number; heightDots: number; bytesPerRow: number; bits: Uint8Array }>

export type GraySource = Readonly<{ width: number; height: number; stride: number; samples: Uint8Array | Uint8ClampedArray }>

export type MonochromeOptions = Readonly<{
  /** Gray level (0 black … 255 white) below which a dot is black. Default 128. */
  threshold?: number
  /**
   * Floyd–Steinberg error diffusion for photos and shaded logos. Off by default: barcodes and text
   * need crisp edges, and a carrier label is line art.
   */
  dither?: boolean
}>

/** Thresholds (or dithers) an 8-bit gray image into packed 1-bit rows. */
export function toMonochrome(src: GraySource, options: MonochromeOptions = {}): MonoBitmap {
  const threshold = options.threshold ?? 128
  const { width, height, stride, samples } = src
  const bytesPerRow = Math.ceil(width / 8)
  const bits = new Uint8Array(bytesPerRow * height)
  if (!options.dither) {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if ((samples[y * stride + x] as number) < threshold) bits[y * bytesPerRow + (x >> 3)]! |= 0x80 >> (x & 7)
      }
    }
    return { widthDots: width, heightDots: height, bytesPerRow, bits }
  }
  // Error diffusion over two rolling rows of float error (7/16 right, 3/16, 5/16, 1/16 below).
  let current = new Float32Array(width + 2)
  let next = new Float32Array(width + 2)
  for (let y = 0; y < height; y++) {
    next.fill(0)
    for (let x = 0; x < width; x++) {
      const value = (samples[y * stride + x] as number) + (current[x + 1] as number)
      const black = value < threshold
      if (black) bits[y * bytesPerRow + (x >> 3)]! |= 0x80 >> (x & 7)
      const err = value - (black ? 0 : 255)
      current[x + 2]! += (err * 7) / 16
      next[x]! += (err * 3) / 16
      next[x + 1]! += (err * 5) / 16
      next[x + 2]! += err / 16
    }
    ;[current, next] = [next, current]
  }
  return { widthDots: width, heightDots: height, bytesPerRow, bits }
}

/**
 * CRC-16 over the Base64 text of a :Z64:/:B64: payload, as four hex digits. The guide says only
 * "a CRC"; polynomial 0x1021 with initial value 0 (CRC-16/XMODEM) is what open-source encoders use
 * [unverified against firmware: printers we could check are not at hand].
 */
export function zb64Crc(text: string): string {
  let crc = 0
  for (let i = 0; i < text.length; i++) {
    crc ^= text.charCodeAt(i) << 8
    for (let b = 0; b < 8; b++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
  }
  return crc.toString(16).toUpperCase().padStart(4, '0')
}

export type GraphicEncoding = 'hex' | 'z64'

/** `^GFA,…` for the bitmap (no ^FO / ^FS around it). */
export function graphicField(bitmap: MonoBitmap, encoding: GraphicEncoding = 'hex'): string {
  const total = bitmap.bits.byteLength
  if (encoding === 'z64') {
    const base64 = deflateSync(bitmap.bits, { level: 9 }).toString('base64')
    const data = `:Z64:${base64}:${zb64Crc(base64)}`
    return `^GFA,${total},${total},${bitmap.bytesPerRow},${data}`
  }
  // One line per dot row: the printer ignores CR/LF inside the data, and it keeps the job readable.
  const rows: string[] = []
  for (let y = 0; y < bitmap.heightDots; y++) {
    rows.push(
      Buffer.from(bitmap.bits.subarray(y * bitmap.bytesPerRow, (y + 1) * bitmap.bytesPerRow))
        .toString('hex')
        .toUpperCase(),
    )
  }
  return `^GFA,${total},${total},${bitmap.bytesPerRow},${rows.join('\n')}`
}
