import { SerialPort } from 'serialport'

/** The emulator's end of a pty: serialised writes, optionally cut into pieces, and a shutdown when the pty goes. */
export type EmulatorLine = Readonly<{
  /** Queued behind earlier writes, so pieces of two frames never interleave; `split` cuts it as `splitWritesEvery` says. */
  write(data: Uint8Array | string, split: boolean): Promise<void>
  /** Writes are cut into pieces of `n` bytes (null: whole). */
  splitWritesEvery(n: number | null): void
  readonly closed: boolean
  /** Shuts down, lets queued writes finish and closes the port (already gone is fine). */
  close(): Promise<void>
}>

export type EmulatorLineOptions = Readonly<{
  path: string
  /** Pause between the pieces of a split write, so the reader sees separate chunks. */
  splitDelayMs: number
  /** Received bytes, as latin1 text. */
  onData(text: string): void
  /** The line is closing or the pty went away (socat killed): stop timers, nothing left to send. */
  onShutDown(): void
}>

const toBuffer = (data: Uint8Array | string) => (typeof data === 'string' ? Buffer.from(data, 'latin1') : Buffer.from(data))
// Not a tracked timer: a shutdown clears those, and a pending write must still finish.
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export async function openEmulatorLine({ path, splitDelayMs, onData, onShutDown }: EmulatorLineOptions): Promise<EmulatorLine> {
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false })
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())))
  let closed = false
  let splitEvery: number | null = null
  let writes = Promise.resolve()

  const rawWrite = (data: Buffer) =>
    new Promise<void>((resolve) => {
      if (closed || !port.isOpen) return resolve()
      port.write(data, () => resolve()) // a write error means the pty is gone; 'close' handles that
    })
  const write = (data: Uint8Array | string, split: boolean) => {
    const bytes = toBuffer(data)
    writes = writes.then(async () => {
      const piece = split ? splitEvery : null
      if (!piece) return rawWrite(bytes)
      for (let i = 0; i < bytes.length && !closed; i += piece) {
        if (i > 0) await pause(splitDelayMs)
        await rawWrite(bytes.subarray(i, i + piece))
      }
    })
    return writes
  }
  const shutDown = () => {
    closed = true
    onShutDown()
  }
  port.on('data', (chunk: Buffer) => onData(chunk.toString('latin1')))
  port.on('close', shutDown)
  port.on('error', shutDown)

  return {
    write,
    splitWritesEvery(n) {
      splitEvery = n !== null && n > 0 ? n : null
    },
    get closed() {
      return closed
    },
    async close() {
      shutDown()
      await writes
      if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()))
    },
  }
}
