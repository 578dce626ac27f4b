import { SerialPort } from 'serialport'
import type { Unsubscribe } from '../../shared/emitter'
import { ZebraEngine, type ZebraEngineOptions } from './zebra-engine'
import type { ZebraState } from './zebra-replies'

/**
 * A Zebra on a serial line: the same printer as the TCP emulator (ZebraEngine) on the device end of
 * a socat pty pair (sandbox/scales/socat-pair.ts). One session for the whole line, as a serial port
 * has no connections. PTYs ignore baud and parity (docs/reference/hardware.md §6), so line settings are not checked.
 */
export type ZebraSerialEmulatorOptions = ZebraEngineOptions & Readonly<{ path: string; baudRate?: number }>

export type ZebraSerialEmulator = Readonly<{
  path: string
  jobs: readonly string[]
  queued: readonly string[]
  readonly rawBytes: Buffer
  setState(patch: Partial<ZebraState>): void
  onDidPrintJob(listener: (job: string) => void): Unsubscribe
  waitForJobs(count: number, timeoutMs?: number): Promise<readonly string[]>
  close(): Promise<void>
}>

export async function startZebraSerialEmulator(options: ZebraSerialEmulatorOptions): Promise<ZebraSerialEmulator> {
  const engine = new ZebraEngine(options)
  const port = new SerialPort({ path: options.path, baudRate: options.baudRate ?? 9600, autoOpen: false })
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())))
  const session = engine.openSession((text) => {
    if (port.isOpen) port.write(Buffer.from(text, 'latin1'))
  })
  port.on('data', (chunk: Buffer) => session.push(chunk))
  // The host side going away (socat killed) surfaces here; the emulator just stops hearing.
  port.on('error', () => undefined)
  return {
    path: options.path,
    jobs: engine.jobs,
    queued: engine.queued,
    get rawBytes() {
      return engine.rawBytes
    },
    setState: (patch) => engine.setState(patch),
    onDidPrintJob: engine.onDidPrintJob,
    waitForJobs: (count, timeoutMs) => engine.waitForJobs(count, timeoutMs),
    async close() {
      session.close()
      if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()))
      engine.dispose()
    },
  }
}
