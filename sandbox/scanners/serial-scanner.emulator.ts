import { SerialPort } from 'serialport'

/**
 * A barcode scanner in serial (RS-232 / USB-CDC) mode on one end of a pty (docs/reference/hardware.md "What
 * emulators we need" D, §7.7): writes each scanned code with a configurable suffix, optionally
 * torn into pieces, with noise and torn frames on demand. Whether a real scanner adds an AIM
 * prefix or which suffix it uses is its programming, so both are options here.
 */
export type SerialScannerEmulatorOptions = Readonly<{
  path: string
  /** Bytes after each code (default CR, the usual RS-232 factory suffix [unverified per model]). */
  suffix?: string
  /** Pause between the pieces of a split write, so the reader sees separate chunks. */
  splitDelayMs?: number
}>

export type ScanWriteOptions = Readonly<{
  /** Suffix for this code only ('' = none, for idle-timeout framing). */
  suffix?: string
  /** AIM identifier to put in front, e.g. `]C1`. */
  aim?: string
  /** Write in pieces of this many bytes. */
  splitEvery?: number
}>

export type SerialScannerEmulator = Readonly<{
  path: string
  /** "Scans" a code; resolves when every byte is written. */
  scan(code: string, options?: ScanWriteOptions): Promise<void>
  /** Raw bytes on the line now (noise at plug-in, a torn frame). */
  injectGarbage(bytes: Uint8Array | string): Promise<void>
  close(): Promise<void>
}>

export async function startSerialScannerEmulator(options: SerialScannerEmulatorOptions): Promise<SerialScannerEmulator> {
  const port = new SerialPort({ path: options.path, baudRate: 9600, autoOpen: false })
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())))
  const splitDelayMs = options.splitDelayMs ?? 3
  let closed = false
  let writes = Promise.resolve()

  const rawWrite = (data: Buffer) =>
    new Promise<void>((resolve) => {
      if (closed || !port.isOpen) return resolve()
      // drain: the bytes have left for the pty before the next piece, so the pieces arrive apart.
      port.write(data, () => port.drain(() => resolve())) // a write error means the pty is gone
    })
  const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

  /** Serialised, so the pieces of two scans never interleave. */
  const write = (data: Buffer, splitEvery?: number) => {
    writes = writes.then(async () => {
      if (!splitEvery) return rawWrite(data)
      for (let i = 0; i < data.length && !closed; i += splitEvery) {
        await rawWrite(data.subarray(i, i + splitEvery))
        await pause(splitDelayMs)
      }
    })
    return writes
  }

  return {
    path: options.path,
    scan(code, o = {}) {
      const suffix = o.suffix ?? options.suffix ?? '\r'
      return write(Buffer.from(`${o.aim ?? ''}${code}${suffix}`, 'utf8'), o.splitEvery)
    },
    injectGarbage(bytes) {
      return write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes))
    },
    async close() {
      await writes
      closed = true
      if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()))
    },
  }
}
