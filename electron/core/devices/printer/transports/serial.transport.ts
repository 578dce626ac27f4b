import { SerialPort } from 'serialport'
import { AppError, ErrorCode } from '../../../../../shared/errors'
import { msg } from '../../../../../shared/i18n/notice-codes'
import type { PrinterTransport } from '../printer.port'

/**
 * Line settings of a serial Zebra. 9600 8N1 is the usual factory setting; the handshake differs by
 * model and is set on the printer's menu, so it is an option here ('none' by default) [unverified:
 * the factory handshake of current models is not in our sources].
 */
export type SerialLineSettings = Readonly<{
  baudRate: number
  dataBits: 7 | 8
  parity: 'none' | 'even' | 'odd'
  stopBits: 1 | 2
  flowControl: 'none' | 'xonxoff' | 'rtscts'
}>

export const DEFAULT_SERIAL_SETTINGS: SerialLineSettings = { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'none' }
const DEFAULT_SERIAL_TIMEOUT_MS = 5000

/**
 * Raw ZPL over RS-232 / USB-serial (serialport 13). Unlike TCP there is one line for everything, so
 * the port stays open between jobs, operations are serialized, and bytes that arrive while no query
 * waits (a late reply to a timed-out ~HS) are dropped instead of being read as the next answer.
 * An unplug closes the port; the next job opens it again.
 */
export class SerialPrinterTransport implements PrinterTransport {
  readonly uri: string
  private port: SerialPort | null = null
  private chain: Promise<unknown> = Promise.resolve()
  /** The query in progress collects bytes here; null between queries. */
  private collector: ((chunk: Buffer) => void) | null = null
  /** Fails the operation in progress when the line goes away. */
  private onLost: ((err: AppError) => void) | null = null

  constructor(
    readonly path: string,
    readonly settings: SerialLineSettings = DEFAULT_SERIAL_SETTINGS,
    private readonly defaultTimeoutMs: number = DEFAULT_SERIAL_TIMEOUT_MS,
  ) {
    const s = settings
    this.uri = `serial://${path.startsWith('/') ? '' : '/'}${path}?baud=${s.baudRate}&dataBits=${s.dataBits}&parity=${s.parity}&stopBits=${s.stopBits}&flow=${s.flowControl}`
  }

  /**
   * Resolves once the OS has transmitted every byte (tcdrain). A serial printer has no way to
   * say "I read it all", so this is the best "accepted" the line offers.
   */
  send(data: Uint8Array, options: { timeoutMs?: number } = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs
    return this.serialized(async () => {
      const port = await this.ensureOpen()
      await this.guarded<void>(timeoutMs, 'send', (resolve, reject) => {
        port.write(Buffer.from(data), (err) => {
          if (err) reject(this.lineError(err, 'unknown'))
        })
        // XOFF or RTS from a busy printer holds the line: drain waits, and the timeout says so.
        port.drain((err) => (err ? reject(this.lineError(err, 'unknown')) : resolve(undefined)))
      })
    })
  }

  query(data: Uint8Array, isComplete: (reply: Uint8Array) => boolean, options: { timeoutMs?: number } = {}): Promise<Uint8Array> {
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs
    return this.serialized(async () => {
      const port = await this.ensureOpen()
      let reply = Buffer.alloc(0)
      try {
        return await this.guarded<Uint8Array>(
          timeoutMs,
          'query',
          (resolve, reject) => {
            this.collector = (chunk) => {
              reply = Buffer.concat([reply, chunk])
              if (isComplete(reply)) resolve(new Uint8Array(reply))
            }
            port.write(Buffer.from(data), (err) => {
              if (err) reject(this.lineError(err, 'unknown'))
            })
          },
          () => ({ partialReply: reply.toString('latin1') }),
        )
      } finally {
        this.collector = null
      }
    })
  }

  dispose(): void {
    const port = this.port
    this.port = null
    // Closing on shutdown: a port already gone (unplugged) has nothing left to close.
    if (port?.isOpen) port.close(() => undefined)
  }

  private serialized<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn)
    // One failed operation must not block the next; its caller still gets the failure.
    this.chain = run.catch(() => undefined)
    return run
  }

  /** Runs one operation with a deadline; an unplug meanwhile fails it as printer.offline. */
  private guarded<T>(
    timeoutMs: number,
    during: 'send' | 'query',
    body: (resolve: (v: T) => void, reject: (e: AppError) => void) => void,
    extraMeta: () => Record<string, unknown> = () => ({}),
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false
      const done = (fn: () => void) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        this.onLost = null
        fn()
      }
      const timer = setTimeout(
        () =>
          done(() =>
            reject(
              new AppError(ErrorCode.printerTimeout, msg('printer.noAnswerWithin', { timeoutMs, uri: this.uri }), {
                retryable: true,
                meta: { uri: this.uri, timeoutMs, during, delivery: 'unknown', ...extraMeta() },
              }),
            ),
          ),
        timeoutMs,
      )
      this.onLost = (err) => done(() => reject(err))
      body(
        (v) => done(() => resolve(v)),
        (e) => done(() => reject(e)),
      )
    })
  }

  private async ensureOpen(): Promise<SerialPort> {
    if (this.port?.isOpen) return this.port
    const s = this.settings
    const port = new SerialPort({
      path: this.path,
      baudRate: s.baudRate,
      dataBits: s.dataBits,
      parity: s.parity,
      stopBits: s.stopBits,
      xon: s.flowControl === 'xonxoff',
      xoff: s.flowControl === 'xonxoff',
      rtscts: s.flowControl === 'rtscts',
      autoOpen: false,
    })
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(this.openError(err)) : resolve())))
    port.on('data', (chunk: Buffer) => this.collector?.(chunk))
    // serialport reports line errors on 'error' and an unplug as 'close' with err.disconnected (docs/reference/hardware.md §7.6).
    port.on('error', (err) => this.onLost?.(this.lineError(err, 'unknown')))
    port.on('close', () => {
      if (this.port === port) this.port = null
      this.onLost?.(
        new AppError(ErrorCode.printerOffline, msg('printer.serialLost', { uri: this.uri }), { retryable: true, meta: { uri: this.uri, delivery: 'unknown' } }),
      )
    })
    this.port = port
    return port
  }

  private openError(err: Error): AppError {
    const message = err.message
    // Linux: the user is not in the dialout group (docs/reference/hardware.md §7.1); retrying will not help.
    if (/EACCES|Permission denied/i.test(message)) {
      return new AppError(ErrorCode.printerOffline, msg('printer.serialNoPermission', { path: this.path }), {
        retryable: false,
        meta: { uri: this.uri, delivery: 'none', errno: message },
        cause: err,
      })
    }
    return new AppError(ErrorCode.printerOffline, msg('printer.serialOpenFailed', { path: this.path, detail: message }), {
      retryable: true,
      meta: { uri: this.uri, delivery: 'none', errno: message },
      cause: err,
    })
  }

  private lineError(err: Error, delivery: 'none' | 'unknown'): AppError {
    return new AppError(ErrorCode.printerOffline, msg('printer.serialError', { uri: this.uri, detail: err.message }), {
      retryable: true,
      meta: { uri: this.uri, delivery },
      cause: err,
    })
  }
}
