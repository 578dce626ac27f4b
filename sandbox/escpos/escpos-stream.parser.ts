/**
 * Splits the bytes an ESC/POS receipt printer receives into what it acts on (docs/reference/hardware.md §4, "What
 * emulators … we need" C): ESC @ init, ESC t n code page, text, GS k barcodes, GS ( k 2D codes,
 * GS V cut, GS r status requests; other ESC/GS commands are skipped by their known lengths.
 * Text is decoded with its own Turkish code-page tables, written apart from the desk's encoder on
 * purpose. Commands cut across chunks wait for the rest.
 */
export type EscPosEvent =
  | Readonly<{ kind: 'init' }>
  | Readonly<{ kind: 'codePage'; page: number }>
  | Readonly<{ kind: 'text'; text: string }>
  | Readonly<{ kind: 'barcode'; type: number; data: string }>
  | Readonly<{ kind: 'code2d'; fn: number; data: Buffer }>
  | Readonly<{ kind: 'cut'; mode: number }>
  | Readonly<{ kind: 'statusRequest'; n: number }>
  | Readonly<{ kind: 'unknown'; bytes: Buffer }>

const ESC = 0x1b
const GS = 0x1d

/** CP857 (ESC t 13) and Windows-1254 (ESC t 48) bytes of the Turkish letters and a few accents. */
const PC857: Readonly<Record<number, string>> = {
  0x80: 'Ç',
  0x81: 'ü',
  0x82: 'é',
  0x83: 'â',
  0x87: 'ç',
  0x8c: 'î',
  0x8d: 'ı',
  0x94: 'ö',
  0x96: 'û',
  0x98: 'İ',
  0x99: 'Ö',
  0x9a: 'Ü',
  0x9e: 'Ş',
  0x9f: 'ş',
  0xa6: 'Ğ',
  0xa7: 'ğ',
  0xb6: 'Â',
  0xd7: 'Î',
  0xea: 'Û',
  0x90: 'É',
}
const WPC1254: Readonly<Record<number, string>> = {
  0xc7: 'Ç',
  0xe7: 'ç',
  0xd0: 'Ğ',
  0xf0: 'ğ',
  0xdd: 'İ',
  0xfd: 'ı',
  0xd6: 'Ö',
  0xf6: 'ö',
  0xde: 'Ş',
  0xfe: 'ş',
  0xdc: 'Ü',
  0xfc: 'ü',
  0xe2: 'â',
  0xc2: 'Â',
  0xee: 'î',
  0xce: 'Î',
  0xfb: 'û',
  0xdb: 'Û',
  0xe9: 'é',
  0xc9: 'É',
}

/** Parameter bytes after `ESC x` / `GS x` for the fixed-length commands we meet. */
const ESC_PARAMS: Readonly<Record<number, number>> = {
  0x21: 1,
  0x2d: 1,
  0x32: 0,
  0x33: 1,
  0x3d: 1,
  0x45: 1,
  0x47: 1,
  0x4a: 1,
  0x4d: 1,
  0x52: 1,
  0x61: 1,
  0x64: 1,
  0x70: 3,
  0x7b: 1,
  0x42: 2,
}
const GS_PARAMS: Readonly<Record<number, number>> = { 0x21: 1, 0x42: 1, 0x48: 1, 0x66: 1, 0x68: 1, 0x77: 1, 0x7c: 1 }

function decodeByte(byte: number, page: number): string {
  if (byte >= 0x20 && byte < 0x7f) return String.fromCharCode(byte)
  if (byte === 0x0a) return '\n'
  const table = page === 13 ? PC857 : page === 48 ? WPC1254 : null
  return table?.[byte] ?? '\uFFFD'
}

export class EscPosStreamParser {
  private pending = Buffer.alloc(0)
  private page = 0
  private text = ''

  /** Feeds bytes; returns the complete events (text is flushed at each command or newline). */
  push(chunk: Uint8Array): EscPosEvent[] {
    this.pending = Buffer.concat([this.pending, chunk])
    const events: EscPosEvent[] = []
    let i = 0
    const b = this.pending
    const flush = () => {
      if (this.text) events.push({ kind: 'text', text: this.text })
      this.text = ''
    }
    while (i < b.length) {
      const byte = b[i] as number
      if (byte !== ESC && byte !== GS) {
        // Printable text, LF, and the odd CR/HT: keep as text (control bytes other than LF dropped).
        if (byte >= 0x20 || byte === 0x0a) this.text += decodeByte(byte, this.page)
        if (byte === 0x0a) flush()
        i++
        continue
      }
      const used = this.command(b, i, events, flush)
      if (used === 0) break // incomplete: wait for more bytes
      i += used
    }
    this.pending = b.subarray(i)
    return events
  }

  /** Bytes consumed by the command at `i`, or 0 when it is not complete yet. */
  private command(b: Buffer, i: number, events: EscPosEvent[], flush: () => void): number {
    const prefix = b[i] as number
    if (i + 1 >= b.length) return 0
    const op = b[i + 1] as number
    const need = (n: number) => (i + n <= b.length ? n : 0)
    if (prefix === ESC) {
      if (op === 0x40) {
        flush()
        this.page = 0
        events.push({ kind: 'init' })
        return 2
      }
      if (op === 0x74) {
        if (!need(3)) return 0
        flush()
        this.page = b[i + 2] as number
        events.push({ kind: 'codePage', page: this.page })
        return 3
      }
      const params = ESC_PARAMS[op]
      if (params !== undefined) return need(2 + params)
    } else {
      if (op === 0x72) {
        if (!need(3)) return 0
        flush()
        events.push({ kind: 'statusRequest', n: b[i + 2] as number })
        return 3
      }
      if (op === 0x56) {
        if (!need(3)) return 0
        const m = b[i + 2] as number
        // GS V m (m = 0, 1, 48, 49) or GS V m n (m = 65, 66: feed n then cut).
        const len = m === 65 || m === 66 ? 4 : 3
        if (!need(len)) return 0
        flush()
        events.push({ kind: 'cut', mode: m })
        return len
      }
      if (op === 0x6b) {
        if (!need(3)) return 0
        const m = b[i + 2] as number
        if (m <= 6) {
          // Format A: data ends with NUL.
          const end = b.indexOf(0, i + 3)
          if (end < 0) return 0
          flush()
          events.push({ kind: 'barcode', type: m, data: b.subarray(i + 3, end).toString('latin1') })
          return end + 1 - i
        }
        // Format B: GS k m n d1…dn. CODE128 (m 73) data starts with a code-set selector such as {B.
        if (!need(4)) return 0
        const n = b[i + 3] as number
        if (!need(4 + n)) return 0
        flush()
        let data = b.subarray(i + 4, i + 4 + n).toString('latin1')
        if (m === 73 && /^\{[ABC]/.test(data)) data = data.slice(2)
        events.push({ kind: 'barcode', type: m, data })
        return 4 + n
      }
      if (op === 0x28) {
        // GS ( k pL pH cn fn data: 2D symbols (QR, PDF417).
        if (!need(5)) return 0
        const len = (b[i + 3] as number) + (b[i + 4] as number) * 256
        if (!need(5 + len)) return 0
        flush()
        events.push({ kind: 'code2d', fn: b[i + 6] as number, data: b.subarray(i + 7, i + 5 + len) })
        return 5 + len
      }
      if (op === 0x76 && b[i + 2] === 0x30) {
        // GS v 0 m xL xH yL yH: raster image of x × y bytes.
        if (!need(8)) return 0
        const size = ((b[i + 4] as number) + (b[i + 5] as number) * 256) * ((b[i + 6] as number) + (b[i + 7] as number) * 256)
        return need(8 + size)
      }
      const params = GS_PARAMS[op]
      if (params !== undefined) return need(2 + params)
    }
    // Not in our tables: skip the two-byte prefix so the stream goes on; the test sees it as unknown.
    flush()
    events.push({ kind: 'unknown', bytes: Buffer.from(b.subarray(i, i + 2)) })
    return 2
  }
}
