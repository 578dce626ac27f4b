import { SerialPort } from 'serialport'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { Emitter, type Unsubscribe } from '../../../../shared/emitter'
import type { Framer } from './byte-framer'

/** Line settings every serial scale needs (docs/reference/hardware.md §2.1 lists the defaults per protocol). */
export type SerialLineSettings = Readonly<{
  baudRate: number
  dataBits: 7 | 8
  parity: 'none' | 'even' | 'odd'
  stopBits: 1 | 2
}>

/** What a serial scale driver is given: the port and any line settings that differ from its defaults. */
export type SerialScaleOptions = Readonly<{ path: string; now?: () => number } & Partial<SerialLineSettings>>

export function resolveLineSettings(options: Partial<SerialLineSettings>, defaults: SerialLineSettings): SerialLineSettings {
  return {
    baudRate: options.baudRate ?? defaults.baudRate,
    dataBits: options.dataBits ?? defaults.dataBits,
    parity: options.parity ?? defaults.parity,
    stopBits: options.stopBits ?? defaults.stopBits,
  }
}

/** A framer over bytes; the MT-SICS line framer (which also takes strings) fits too. */
type AnyFramer<T> = Pick<Framer<T>, 'push' | 'reset'>

/**
 * The serial plumbing every serial scale driver shares: open with line settings, drop what the
 * OS buffered before we opened, cut the byte stream into frames, write, and report the link as
 * lost exactly once, whether the port closed (serialport's DisconnectedError on unplug, §7.6),
 * errored, a write failed, or the driver's own watchdog gave up on a silent scale.
 * Single connection per instance: after a loss the owner makes a new driver.
 */
export class SerialScaleTransport<T> {
  private readonly frameEmitter = new Emitter<T>()
  private readonly loseEmitter = new Emitter<AppError>()
  private port: SerialPort | null = null
  private active = false

  constructor(
    readonly path: string,
    readonly line: SerialLineSettings,
    private readonly framer: AnyFramer<T>,
  ) {}

  /** Every complete frame, in order. */
  readonly onDidFrame = (listener: (frame: T) => void): Unsubscribe => this.frameEmitter.event(listener)
  /** The link is gone (fires once, always `scale.disconnected`). */
  readonly onDidLose = (listener: (error: AppError) => void): Unsubscribe => this.loseEmitter.event(listener)

  get isOpen(): boolean {
    return this.active
  }

  /** Rejects with `input.invalid` for impossible settings, `scale.disconnected` when the port cannot be opened. */
  async open(): Promise<void> {
    if (this.port) throw new AppError(ErrorCode.internal, 'SerialScaleTransport.open called twice')
    const { path } = this
    let port: SerialPort
    try {
      port = new SerialPort({ path, ...this.line, autoOpen: false })
    } catch (err) {
      // The constructor only throws on invalid settings (e.g. a non-numeric baud rate).
      throw new AppError(ErrorCode.inputInvalid, `invalid serial settings for ${path}: ${(err as Error).message}`, { cause: err })
    }
    await new Promise<void>((resolve, reject) =>
      port.open((err) =>
        err
          ? reject(new AppError(ErrorCode.scaleDisconnected, `cannot open scale port ${path}: ${err.message}`, { retryable: true, meta: { path }, cause: err }))
          : resolve(),
      ),
    )
    // Drop bytes buffered by the OS before we opened (a frame meant for a previous session must
    // not pass for a current weight). Best effort: a failed flush only means nothing was dropped.
    await new Promise<void>((resolve) => port.flush(() => resolve()))
    this.port = port
    this.active = true
    this.framer.reset()
    port.on('data', (chunk: Buffer) => {
      for (const frame of this.framer.push(chunk)) {
        if (!this.active) return
        this.frameEmitter.fire(frame)
      }
    })
    port.on('close', (err: unknown) => this.lose(err ?? new Error('port closed')))
    port.on('error', (err: Error) => this.lose(err))
  }

  /** Writes a command; a failed write means the link is gone. */
  write(data: string | Uint8Array): void {
    if (!this.active || !this.port) return
    this.port.write(typeof data === 'string' ? Buffer.from(data, 'latin1') : data, (err) => {
      if (err) this.lose(err)
    })
  }

  /** Resolves once the bytes written so far have left for the device. */
  drain(): Promise<void> {
    const port = this.port
    if (!port || !this.active) return Promise.resolve()
    return new Promise((resolve) => port.drain(() => resolve())) // a drain error surfaces as 'error'/'close'
  }

  /** The link is gone: tell the owner once and release the device node so it can be reopened. */
  lose(cause: unknown): void {
    if (!this.active) return
    const error =
      cause instanceof AppError && cause.code === ErrorCode.scaleDisconnected
        ? cause
        : new AppError(ErrorCode.scaleDisconnected, `scale disconnected: ${(cause as Error)?.message ?? String(cause)}`, {
            retryable: true,
            meta: { path: this.path },
            cause,
          })
    const port = this.port
    this.active = false
    this.port = null
    this.loseEmitter.fire(error)
    if (port?.isOpen) port.close(() => undefined) // a close error here means the port is already gone
  }

  async close(): Promise<void> {
    const port = this.port
    this.active = false
    this.port = null
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve())) // a close error means it is gone already
    this.frameEmitter.dispose()
    this.loseEmitter.dispose()
  }
}
