/**
 * Frames the byte stream of a serial (RS-232 or USB-CDC) scanner into codes. Pure.
 * Serial `data` events split frames anywhere (docs/reference/hardware.md §7.7), so bytes are buffered until the
 * configured terminator, or, for scanners that send none, until the line goes quiet (the driver
 * calls `flush()` after an idle gap, the "read until a 0.2 s gap" rule of §7.7).
 *
 * Noise: control bytes other than GS (FNC1), CR and LF, DEL, and bytes that never occur in UTF-8
 * cannot be part of a scan. They throw away the frame they arrive in (it cannot be trusted) and
 * framing restarts after them, so noise at plug-in does not glue onto the next code. Everything
 * thrown away is reported with its bytes, nothing disappears silently.
 */

export type ScanTerminator = 'cr' | 'lf' | 'crlf' | 'none'

export type SerialScanFramerOptions = Readonly<{
  terminator: ScanTerminator
  /** Longer frames are refused (default 512 bytes: a full QR code of a URL fits, a stuck line does not). */
  maxLength?: number
}>

export type RejectedFrame = Readonly<{ reason: 'noise' | 'tooLong' | 'incomplete' | 'notUtf8'; bytes: Uint8Array }>

export type FramerOutput = Readonly<{ codes: string[]; rejected: RejectedFrame[] }>

export type SerialScanFramer = Readonly<{
  push(chunk: Uint8Array): FramerOutput
  /** The line went quiet: `none` emits the frame, the other modes refuse a frame without terminator. */
  flush(): FramerOutput
  /** Bytes waiting for a terminator. */
  pendingLength(): number
  reset(): void
}>

const CR = 0x0d
const LF = 0x0a
const GS = 0x1d

function isNoise(b: number): boolean {
  if (b === GS || b === CR || b === LF) return false
  // C0 controls, DEL, and 0xC0/0xC1/0xF5–0xFF which no UTF-8 text contains.
  return b < 0x20 || b === 0x7f || b === 0xc0 || b === 0xc1 || b >= 0xf5
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

export function createSerialScanFramer(options: SerialScanFramerOptions): SerialScanFramer {
  const maxLength = options.maxLength ?? 512
  const end = options.terminator === 'cr' ? [CR] : options.terminator === 'lf' ? [LF] : options.terminator === 'crlf' ? [CR, LF] : []
  let buf: number[] = []
  let overflow = false

  const endsWithTerminator = () => end.length > 0 && buf.length >= end.length && end.every((b, i) => buf[buf.length - end.length + i] === b)

  function finish(out: { codes: string[]; rejected: RejectedFrame[] }, bytes: number[]): void {
    // Stray CR/LF around a frame (a CRLF scanner on a CR setting) are not data.
    let [from, to] = [0, bytes.length]
    while (from < to && (bytes[from] === CR || bytes[from] === LF)) from++
    while (to > from && (bytes[to - 1] === CR || bytes[to - 1] === LF)) to--
    if (from === to) return
    const frame = Uint8Array.from(bytes.slice(from, to))
    try {
      out.codes.push(utf8.decode(frame))
    } catch {
      out.rejected.push({ reason: 'notUtf8', bytes: frame })
    }
  }

  function push(chunk: Uint8Array): FramerOutput {
    const out = { codes: [] as string[], rejected: [] as RejectedFrame[] }
    for (const b of chunk) {
      if (isNoise(b)) {
        out.rejected.push({ reason: 'noise', bytes: Uint8Array.from([...buf, b]) })
        buf = []
        overflow = false
        continue
      }
      // A line end with no frame before it (the LF of a CRLF scanner on a CR setting) is not data.
      if (buf.length === 0 && (b === CR || b === LF)) continue
      buf.push(b)
      if (endsWithTerminator()) {
        const frame = buf.slice(0, buf.length - end.length)
        buf = []
        if (overflow) {
          overflow = false
          continue // the oversized frame was reported when it overflowed
        }
        finish(out, frame)
        continue
      }
      if (buf.length > maxLength) {
        if (!overflow) out.rejected.push({ reason: 'tooLong', bytes: Uint8Array.from(buf) })
        overflow = true
        // Keep only what may be the first byte of a CR LF; the rest of the frame is gone.
        buf = end.length > 1 ? buf.slice(-(end.length - 1)) : []
      }
    }
    return out
  }

  function flush(): FramerOutput {
    const out = { codes: [] as string[], rejected: [] as RejectedFrame[] }
    const bytes = buf
    buf = []
    const wasOverflow = overflow
    overflow = false
    if (wasOverflow || bytes.every((b) => b === CR || b === LF)) return out
    if (end.length === 0) finish(out, bytes)
    else out.rejected.push({ reason: 'incomplete', bytes: Uint8Array.from(bytes) })
    return out
  }

  return {
    push,
    flush,
    pendingLength: () => buf.length,
    reset: () => {
      buf = []
      overflow = false
    },
  }
}
