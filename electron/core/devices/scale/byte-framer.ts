import { AppError, ErrorCode } from '../../../../shared/errors'

/**
 * Cuts serial byte streams into frames (pure, stateful). docs/reference/hardware.md §7.7: `data` events split
 * frames anywhere, so every serial protocol is framed before it is parsed. Unlike the MT-SICS
 * line framer this one is binary-safe: CAS sends a raw lamp-status byte inside its lines, Toledo
 * a checksum byte after CR.
 */
export type Framer<T> = {
  /** Returns the frames completed by this chunk, in order. */
  push(chunk: Uint8Array): T[]
  /** Forgets any partial frame (e.g. after reopening the port). */
  reset(): void
  /** Bytes thrown away so far (before a start byte, overlong runs); for diagnostics. */
  readonly discardedBytes: number
}

export type DelimitedFramerOptions = Readonly<{
  /** A byte that opens every frame (STX, LF). Bytes before it are garbage; a new one restarts the frame. */
  start?: number
  /** The byte sequence that closes a frame (CR, CR LF, ETX). */
  end: readonly number[]
  /** Bytes after `end` that still belong to the frame (Toledo's checksum). */
  trailerBytes?: number
  /** Frames that end some other way, e.g. NCI's `LF ? CR` (no ETX). Checked after every byte. */
  isCompleteFrame?: (frame: readonly number[]) => boolean
  /** Longest frame kept; longer runs are dropped up to the next start byte or end sequence. */
  maxFrameBytes?: number
}>

/** Frames include their start, end and trailer bytes, so parsers can verify checksums over them. */
export function createDelimitedFramer(options: DelimitedFramerOptions): Framer<Uint8Array> {
  const { start, end, isCompleteFrame } = options
  const trailerBytes = options.trailerBytes ?? 0
  const maxFrameBytes = options.maxFrameBytes ?? 64
  let buffer: number[] = []
  let trailerLeft = 0
  let skipping = false
  let tail: number[] = [] // the last bytes seen while skipping, to spot the end sequence
  let discarded = 0

  const endsWithEnd = (bytes: readonly number[]) => bytes.length >= end.length && end.every((b, i) => bytes[bytes.length - end.length + i] === b)

  const drop = () => {
    discarded += buffer.length
    buffer = []
    trailerLeft = 0
  }

  return {
    push(chunk) {
      const frames: Uint8Array[] = []
      const emit = () => {
        frames.push(Uint8Array.from(buffer))
        buffer = []
      }
      for (const byte of chunk) {
        if (trailerLeft > 0) {
          buffer.push(byte)
          if (--trailerLeft === 0) emit()
          continue
        }
        if (start !== undefined && byte === start) {
          drop() // a torn frame followed by a fresh start: resynchronise on the new frame
          skipping = false
          buffer.push(byte)
          continue
        }
        if (skipping || (start !== undefined && buffer.length === 0)) {
          discarded++
          if (skipping) {
            tail = [...tail, byte].slice(-end.length)
            if (endsWithEnd(tail)) skipping = false
          }
          continue
        }
        buffer.push(byte)
        if (endsWithEnd(buffer)) {
          if (trailerBytes > 0) trailerLeft = trailerBytes
          else emit()
          continue
        }
        if (isCompleteFrame?.(buffer)) {
          emit()
          continue
        }
        if (buffer.length > maxFrameBytes) {
          drop()
          // Without a start byte the next frame begins after the next end sequence.
          if (start === undefined) {
            skipping = true
            tail = []
          }
        }
      }
      return frames
    },
    reset() {
      buffer = []
      trailerLeft = 0
      skipping = false
      tail = []
    },
    get discardedBytes() {
      return discarded
    },
  }
}

/** Latin-1 text of a frame, for parsers and error messages (every byte maps to one char). */
export function latin1(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes)
}

/** The error every serial parser throws for a frame it cannot read (`scale.frameInvalid`, retryable). */
export function frameInvalid(protocol: string, frame: Uint8Array | string, why: string): AppError {
  const text = typeof frame === 'string' ? frame : latin1(frame)
  return new AppError(ErrorCode.scaleFrameInvalid, `${protocol} frame not understood (${why}): ${JSON.stringify(text)}`, {
    retryable: true,
    meta: { protocol, frame: text },
  })
}
