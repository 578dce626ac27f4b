import { existsSync } from 'node:fs'
import { SerialPort } from 'serialport'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { createSerialScanFramer, type RejectedFrame, type ScanTerminator } from './serial-scanner.parser'
import type { ScannerDriver } from './scanner.port'
import { ScannerDriverEvents } from '../device-events'

export type SerialScannerDriverOptions = Readonly<{
  path: string
  /** Line settings; 9600 8N1 is the usual factory default of RS-232 scanners [unverified per model]. */
  baudRate?: number
  dataBits?: 7 | 8
  parity?: 'none' | 'even' | 'odd'
  stopBits?: 1 | 2
  /** The suffix the scanner is programmed to send (default CR). `none`: a quiet line ends the code. */
  terminator?: ScanTerminator
  /**
   * Quiet time that ends a frame: with `none` it completes the code (default 100 ms), otherwise a
   * frame still without terminator is refused as torn (default 1000 ms) so it cannot glue onto the next code.
   */
  idleTimeoutMs?: number
  maxLength?: number
  /**
   * How often to check that the port still exists (default 1000 ms; 0 = never). An idle scanner
   * line is silent, and a closed pty or (on some systems) an unplugged adapter reports nothing
   * until the next read (docs/reference/hardware.md §7.6), so absence of the device is what tells.
   */
  presenceCheckMs?: number
  /** Whether the port is still there; default: the device node exists (Windows: listed by SerialPort.list). */
  isPresent?: (path: string) => Promise<boolean>
  now?: () => number
}>

/** Default presence test: a device node on Unix, the port list on Windows (COM ports have no node). */
async function portExists(path: string): Promise<boolean> {
  if (process.platform !== 'win32') return existsSync(path)
  const ports = await SerialPort.list()
  return ports.some((p) => p.path.toLowerCase() === path.toLowerCase())
}

const noop = () => {}

/**
 * A scanner in serial (RS-232 / USB-CDC) mode: a line reader over serialport. Emits every framed
 * code; noise and torn frames become `scanner.frameInvalid` errors with their bytes. A port that
 * closes, errors, cannot be opened or whose device disappears is `scanner.disconnected`
 * (serialport reports most unplugs as a close with `disconnected: true`, docs/reference/hardware.md §7.6; the
 * presence check catches the rest). Single connection per `open()`.
 */
export class SerialScannerDriver extends ScannerDriverEvents implements ScannerDriver {
  readonly kind = 'serial'
  private readonly framer
  private readonly idleTimeoutMs: number
  private readonly now: () => number
  private port: SerialPort | null = null
  private idleTimer: ReturnType<typeof setTimeout> | undefined
  private presenceTimer: ReturnType<typeof setInterval> | undefined
  private active = false

  constructor(private readonly options: SerialScannerDriverOptions) {
    super()
    const terminator = options.terminator ?? 'cr'
    this.framer = createSerialScanFramer({ terminator, maxLength: options.maxLength })
    this.idleTimeoutMs = options.idleTimeoutMs ?? (terminator === 'none' ? 100 : 1000)
    this.now = options.now ?? Date.now
  }

  async open(): Promise<void> {
    if (this.port) throw new AppError(ErrorCode.internal, 'SerialScannerDriver.open called twice')
    const { path, baudRate = 9600, dataBits = 8, parity = 'none', stopBits = 1 } = this.options
    let port: SerialPort
    try {
      port = new SerialPort({ path, baudRate, dataBits, parity, stopBits, autoOpen: false })
    } catch (err) {
      // The constructor only throws on invalid settings.
      throw new AppError(ErrorCode.inputInvalid, `invalid serial settings for ${path}: ${(err as Error).message}`, { cause: err })
    }
    await new Promise<void>((resolve, reject) =>
      port.open((err) =>
        err
          ? reject(
              new AppError(ErrorCode.scannerDisconnected, `cannot open scanner port ${path}: ${err.message}`, { retryable: true, meta: { path }, cause: err }),
            )
          : resolve(),
      ),
    )
    this.port = port
    this.active = true
    this.framer.reset()
    port.on('data', (chunk: Buffer) => this.onData(chunk))
    port.on('close', (err: unknown) => this.lose(err ?? new Error('port closed')))
    port.on('error', (err: Error) => this.lose(err))
    const everyMs = this.options.presenceCheckMs ?? 1000
    if (everyMs > 0) this.presenceTimer = setInterval(() => void this.checkPresence(), everyMs)
  }

  private async checkPresence(): Promise<void> {
    const isPresent = this.options.isPresent ?? portExists
    let present: boolean
    try {
      present = await isPresent(this.options.path)
    } catch {
      // The check itself failed (e.g. SerialPort.list on a busy system): no verdict, try next time.
      return
    }
    if (!present) this.lose(new Error(`${this.options.path} is gone`))
  }

  async close(): Promise<void> {
    const port = this.port
    this.stop()
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve())) // a close error means it is gone already
    this.disposeEvents()
  }

  private onData(chunk: Buffer): void {
    if (!this.active) return
    const { codes, rejected } = this.framer.push(chunk)
    this.emit(codes, rejected)
    clearTimeout(this.idleTimer)
    this.idleTimer = this.framer.pendingLength() > 0 ? setTimeout(() => this.onIdle(), this.idleTimeoutMs) : undefined
  }

  private onIdle(): void {
    this.idleTimer = undefined
    if (!this.active) return
    const { codes, rejected } = this.framer.flush()
    this.emit(codes, rejected)
  }

  private emit(codes: string[], rejected: RejectedFrame[]): void {
    for (const r of rejected) {
      const hex = Buffer.from(r.bytes).toString('hex')
      this.errorEmitter.fire(
        new AppError(ErrorCode.scannerFrameInvalid, `scanner sent bytes that are not a scan (${r.reason}): ${hex}`, {
          meta: { path: this.options.path, reason: r.reason, hex },
        }),
      )
    }
    for (const text of codes) this.dataEmitter.fire({ text, aim: null, at: this.now() })
  }

  private lose(cause: unknown): void {
    if (!this.active) return
    const port = this.port
    this.stop()
    this.disconnectEmitter.fire(
      new AppError(ErrorCode.scannerDisconnected, `scanner disconnected: ${(cause as Error)?.message ?? String(cause)}`, {
        retryable: true,
        meta: { path: this.options.path },
        cause,
      }),
    )
    // Release the device node so a replugged scanner (or a new pty at the same path) can be opened.
    if (port?.isOpen) port.close(noop) // a close error here means the port is already gone
  }

  private stop(): void {
    this.active = false
    clearTimeout(this.idleTimer)
    clearInterval(this.presenceTimer)
    this.idleTimer = undefined
    this.presenceTimer = undefined
    this.port = null
  }
}
