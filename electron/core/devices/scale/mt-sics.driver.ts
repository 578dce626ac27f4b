import { SerialPort } from 'serialport'
import { AppError, ErrorCode, toAppError } from '../../../../shared/errors'
import { Emitter, type Unsubscribe } from '../../../../shared/emitter'
import { createLineFramer, parseMtSicsLine, type MtSicsFrame } from './mt-sics.parser'
import type { ScaleDriver, ScaleReading } from './scale.port'

export type MtSicsDriverOptions = Readonly<{
  path: string
  /** Line settings: MT-SICS default is 9600 8N1, no handshake (hardware.md §2.1). */
  baudRate?: number
  dataBits?: 7 | 8
  parity?: 'none' | 'even' | 'odd'
  stopBits?: 1 | 2
  /** Time between the starts of two weight requests. */
  pollIntervalMs?: number
  /**
   * `SI` answers at once with `S S`/`S D` (default). `S` blocks until the weight is stable or
   * answers `S I` after the balance's own timeout (§2.2, §7.8), so its reply timeout must be longer.
   */
  command?: 'SI' | 'S'
  /**
   * Watchdog: no reply line this long after a command means the scale is gone (§7.6: unplug is not
   * always reported by the OS). Default 1500 ms for `SI`, so unplug is reported within 2 s; 10 s for
   * `S` because the balance's stability timeout is device-specific [unverified].
   */
  replyTimeoutMs?: number
  now?: () => number
}>

type Pending = {
  command: string
  /** Which reply frames answer this command; error frames (ES/ET/EL) answer any command. */
  answers: (frame: MtSicsFrame) => boolean
  resolve: () => void
  reject: (error: AppError) => void
}

const noop = () => {}
const refusalText = { notExecutable: 'not executable now', upperLimit: 'above range', lowerLimit: 'below range' } as const

/**
 * Mettler Toledo MT-SICS over a serial port. Polls one command at a time and matches each reply
 * before sending the next (§7.8: never pipeline). Lines are framed with `createLineFramer`, so
 * split frames and line noise are handled (§7.7). Single connection per `open()`; after a
 * disconnect the owner (ScaleService) makes a new driver.
 */
export class MtSicsDriver implements ScaleDriver {
  readonly model = 'mt-sics'
  private readonly readEmitter = new Emitter<ScaleReading>()
  private readonly errorEmitter = new Emitter<AppError>()
  private readonly disconnectEmitter = new Emitter<AppError>()
  private readonly framer = createLineFramer()
  private readonly opts: Required<Omit<MtSicsDriverOptions, 'now'>>
  private readonly now: () => number
  private port: SerialPort | null = null
  private outstanding: Pending | null = null
  private queue: Pending[] = []
  private watchdog: ReturnType<typeof setTimeout> | undefined
  private pollTimer: ReturnType<typeof setTimeout> | undefined
  private lastPollAt = -Infinity
  private active = false

  constructor(options: MtSicsDriverOptions) {
    const command = options.command ?? 'SI'
    this.opts = {
      path: options.path,
      baudRate: options.baudRate ?? 9600,
      dataBits: options.dataBits ?? 8,
      parity: options.parity ?? 'none',
      stopBits: options.stopBits ?? 1,
      pollIntervalMs: options.pollIntervalMs ?? 200,
      command,
      replyTimeoutMs: options.replyTimeoutMs ?? (command === 'S' ? 10_000 : 1500),
    }
    this.now = options.now ?? Date.now
  }

  readonly onDidRead = (listener: (reading: ScaleReading) => void): Unsubscribe => this.readEmitter.event(listener)
  readonly onDidError = (listener: (error: AppError) => void): Unsubscribe => this.errorEmitter.event(listener)
  readonly onDidDisconnect = (listener: (error: AppError) => void): Unsubscribe => this.disconnectEmitter.event(listener)

  /** Opens the port and starts polling. Rejects with `scale.disconnected` when the port cannot be opened. */
  async open(): Promise<void> {
    if (this.port) throw new AppError(ErrorCode.internal, 'MtSicsDriver.open called twice')
    const { path, baudRate, dataBits, parity, stopBits } = this.opts
    let port: SerialPort
    try {
      port = new SerialPort({ path, baudRate, dataBits, parity, stopBits, autoOpen: false })
    } catch (err) {
      // The constructor only throws on invalid settings (e.g. a non-numeric baud rate).
      throw new AppError(ErrorCode.inputInvalid, `invalid serial settings for ${path}: ${(err as Error).message}`, { cause: err })
    }
    await new Promise<void>((resolve, reject) =>
      port.open((err) =>
        err
          ? reject(
              new AppError(ErrorCode.scaleDisconnected, `cannot open scale port ${path}: ${err.message}`, {
                retryable: true,
                meta: { path },
                cause: err,
              }),
            )
          : resolve(),
      ),
    )
    // Drop bytes buffered by the OS before we opened (a reply meant for a previous session must
    // not pass for a current weight). Best effort: a failed flush only means nothing was dropped.
    await new Promise<void>((resolve) => port.flush(() => resolve()))
    this.port = port
    this.active = true
    this.framer.reset()
    port.on('data', (chunk: Buffer) => this.onData(chunk))
    // serialport closes with a DisconnectedError on unplug (§7.6); a close we did not ask for is the same.
    port.on('close', (err: unknown) => this.lose(err ?? new Error('port closed')))
    port.on('error', (err: Error) => this.lose(err))
    this.pump()
  }

  async close(): Promise<void> {
    const port = this.port
    this.stop(new AppError(ErrorCode.scaleDisconnected, 'scale driver closed', { retryable: true }))
    if (port?.isOpen) {
      await new Promise<void>((resolve) => port.close(() => resolve())) // a close error means it is gone already
    }
    this.readEmitter.dispose()
    this.errorEmitter.dispose()
    this.disconnectEmitter.dispose()
  }

  /** Requests a reading now (after the outstanding command); resolves when the scale answered. */
  poll(): Promise<void> {
    const queued = this.queue.find((p) => p.command === this.opts.command)
    if (queued) return new Promise((resolve, reject) => this.chain(queued, resolve, reject))
    return this.enqueue(this.opts.command, isWeightReply)
  }

  /** `Z`: zero the balance. Rejects with `scale.commandFailed` when the balance refuses. */
  zero(): Promise<void> {
    return this.enqueue('Z', (f) => f.kind === 'zeroed' || f.kind === 'zeroFailed')
  }

  /** `T`: tare with the load on the pan. Rejects with `scale.commandFailed` when the balance refuses. */
  tare(): Promise<void> {
    return this.enqueue('T', (f) => f.kind === 'tared' || f.kind === 'tareFailed')
  }

  private enqueue(command: string, answers: Pending['answers']): Promise<void> {
    if (!this.active) return Promise.reject(new AppError(ErrorCode.scaleDisconnected, 'scale is not connected', { retryable: true }))
    return new Promise((resolve, reject) => {
      this.queue.push({ command, answers, resolve, reject })
      this.pump()
    })
  }

  private chain(p: Pending, resolve: () => void, reject: (e: AppError) => void) {
    const [r0, j0] = [p.resolve, p.reject]
    p.resolve = () => (r0(), resolve())
    p.reject = (e) => (j0(e), reject(e))
  }

  /** Sends the next command if none is outstanding; otherwise the reply handler calls back here. */
  private pump(): void {
    if (!this.active || this.outstanding || !this.port) return
    const next = this.queue.shift()
    if (next) return this.send(next)
    if (this.pollTimer) return
    const waitMs = Math.max(0, this.lastPollAt + this.opts.pollIntervalMs - this.now())
    this.pollTimer = setTimeout(() => {
      this.pollTimer = undefined
      if (!this.active || this.outstanding || this.queue.length > 0) return this.pump()
      this.send({ command: this.opts.command, answers: isWeightReply, resolve: noop, reject: noop })
    }, waitMs)
  }

  private send(pending: Pending): void {
    this.outstanding = pending
    if (pending.command === this.opts.command) this.lastPollAt = this.now()
    this.watchdog = setTimeout(() => {
      this.lose(new AppError(ErrorCode.scaleDisconnected, `no reply from scale within ${this.opts.replyTimeoutMs} ms`, {
        retryable: true,
        meta: { path: this.opts.path, command: pending.command },
      }))
    }, this.opts.replyTimeoutMs)
    // MT-SICS commands are upper case and end with CR LF (§2.2). A failed write also closes the port.
    this.port?.write(`${pending.command}\r\n`, (err) => {
      if (err) this.lose(err)
    })
  }

  private finish(result: AppError | null): void {
    const pending = this.outstanding
    if (!pending) return
    clearTimeout(this.watchdog)
    this.outstanding = null
    if (result) pending.reject(result)
    else pending.resolve()
    this.pump()
  }

  private onData(chunk: Buffer): void {
    for (const line of this.framer.push(chunk)) {
      if (!this.active) return
      this.onLine(line)
    }
  }

  private onLine(line: string): void {
    let frame: MtSicsFrame
    try {
      frame = parseMtSicsLine(line)
    } catch (err) {
      const error = toAppError(err)
      this.errorEmitter.fire(error)
      // No pipelining, so a bad line sits where our reply should be: that reply is lost.
      this.finish(error)
      return
    }
    const pending = this.outstanding
    const at = this.now()
    if (frame.kind === 'weight') this.readEmitter.fire({ grams: frame.grams, stable: frame.stable, at, condition: 'ok' })
    if (frame.kind === 'overload' || frame.kind === 'underload') this.readEmitter.fire({ grams: 0, stable: false, at, condition: frame.kind })
    if (frame.kind === 'error') {
      const error = new AppError(ErrorCode.scaleCommandFailed, `scale answered ${frame.code} to ${pending?.command ?? 'nothing'}`, {
        retryable: frame.code === 'ET', // transmission error (parity/framing): worth repeating
        meta: { reply: frame.code, command: pending?.command ?? null },
      })
      this.errorEmitter.fire(error)
      this.finish(error)
      return
    }
    // A reply that does not answer the outstanding command is late or unsolicited (e.g. a leftover
    // SIR stream); weights from it were still emitted above, everything else is dropped.
    if (!pending || !pending.answers(frame)) return
    if (frame.kind === 'zeroFailed' || frame.kind === 'tareFailed') {
      const what = frame.kind === 'zeroFailed' ? 'zero' : 'tare'
      this.finish(new AppError(ErrorCode.scaleCommandFailed, `scale refused ${what}: ${refusalText[frame.reason]}`, {
        retryable: frame.reason === 'notExecutable',
        meta: { command: pending.command, reason: frame.reason },
      }))
      return
    }
    this.finish(null)
  }

  /** The connection is gone: stop, fail what is waiting, tell the owner once. */
  private lose(cause: unknown): void {
    if (!this.active) return
    const error = isAppErrorWithCode(cause, ErrorCode.scaleDisconnected)
      ? cause
      : new AppError(ErrorCode.scaleDisconnected, `scale disconnected: ${(cause as Error)?.message ?? String(cause)}`, {
          retryable: true,
          meta: { path: this.opts.path },
          cause,
        })
    const port = this.port
    this.stop(error)
    this.disconnectEmitter.fire(error)
    // Release the device node so a replugged scale (or a new pty at the same path) can be opened.
    if (port?.isOpen) port.close(noop) // a close error here means the port is already gone
  }

  private stop(error: AppError): void {
    this.active = false
    clearTimeout(this.watchdog)
    clearTimeout(this.pollTimer)
    this.pollTimer = undefined
    const waiting = [...(this.outstanding ? [this.outstanding] : []), ...this.queue]
    this.outstanding = null
    this.queue = []
    for (const p of waiting) p.reject(error)
    this.port = null
  }
}

function isWeightReply(frame: MtSicsFrame): boolean {
  return frame.kind === 'weight' || frame.kind === 'overload' || frame.kind === 'underload' || frame.kind === 'notExecutable'
}

function isAppErrorWithCode(value: unknown, code: ErrorCode): value is AppError {
  return value instanceof AppError && value.code === code
}
