import { AppError, ErrorCode, toAppError } from '../../../../shared/errors'
import type { ScaleReading } from './scale.port'
import { SerialScaleDriver, type SerialScaleCodec } from './serial-scale.driver'
import type { SerialScaleOptions } from './serial-scale.transport'

/** One command to the scale and how to tell its reply. */
export type ScaleRequest<F> = Readonly<{
  /** Name for errors and logs (`W`, `Z`, `SI`). */
  command: string
  bytes: string | Uint8Array
  /**
   * Which frames answer it. null: the protocol documents no reply, so the line is held for
   * `settleMs` after the bytes left and the request then counts as done.
   */
  answers: ((frame: F) => boolean) | null
  /** Turns the answering frame into a failure (a refused zero); null means success. */
  outcome?: (frame: F) => AppError | null
}>

/** How one request/response protocol polls and reads (MT-SICS, Toledo 8217, NCI). */
export type PolledScaleCodec<Raw, F> = SerialScaleCodec<Raw> &
  Readonly<{
    /** Throws `scale.frameInvalid` for a frame it cannot read. */
    parse(raw: Raw): F
    /** The weight request sent every poll. */
    poll: ScaleRequest<F>
    /** A reading, a fault the scale reports (`scale.fault`), or null for frames without a weight. */
    decode(frame: F, at: number): ScaleReading | AppError | null
    /** Error replies that answer whatever is outstanding (MT-SICS `ES`/`ET`/`EL`, NCI `?`). */
    replyError?(frame: F, command: string | null): AppError | null
    /** The zero command, where the protocol has one: the driver then has `zero()`. */
    zero?: ScaleRequest<F>
    /** The tare command, where the protocol has one: the driver then has `tare()`. */
    tare?: ScaleRequest<F>
  }>

export type PolledScaleDriverOptions = SerialScaleOptions &
  Readonly<{
    /** Time between the starts of two weight requests. */
    pollIntervalMs?: number
    /**
     * Watchdog: no reply this long after a request means the scale is gone (§7.6). With the
     * 200 ms poll, 1500 ms reports an unplugged or silent scale within 2 s.
     */
    replyTimeoutMs?: number
    /** How long a command without a documented reply holds the line. */
    settleMs?: number
  }>

type Pending<F> = {
  request: ScaleRequest<F>
  resolve: () => void
  reject: (error: AppError) => void
}

const noop = () => {}

/**
 * A request/response scale: one request at a time, each reply matched before the next is sent
 * (§7.8: never pipeline), polled on a timer. Bad frames are `onDidError` events; a bad frame where
 * a reply was due fails that request (no pipelining, so that reply is lost). A missing reply is a
 * disconnect. Single connection per `open()`; after a disconnect the owner makes a new driver.
 */
export class PolledScaleDriver<Raw, F> extends SerialScaleDriver<Raw> {
  private readonly pollIntervalMs: number
  private readonly replyTimeoutMs: number
  private readonly settleMs: number
  private outstanding: Pending<F> | null = null
  private queue: Pending<F>[] = []
  private watchdog: ReturnType<typeof setTimeout> | undefined
  private pollTimer: ReturnType<typeof setTimeout> | undefined
  private lastPollAt = -Infinity

  /** Queues the codec's zero command; absent where the protocol has none (the desk then offers no zero). */
  declare readonly zero?: () => Promise<void>
  /** Queues the codec's tare command; absent where the protocol has none. */
  declare readonly tare?: () => Promise<void>

  constructor(
    private readonly codec: PolledScaleCodec<Raw, F>,
    options: PolledScaleDriverOptions,
  ) {
    super(codec, options)
    this.pollIntervalMs = options.pollIntervalMs ?? 200
    this.replyTimeoutMs = options.replyTimeoutMs ?? 1500
    this.settleMs = options.settleMs ?? 300
    const { zero, tare } = codec
    if (zero) this.zero = () => this.request(zero)
    if (tare) this.tare = () => this.request(tare)
  }

  /** The port is open: start polling. */
  protected started(): void {
    this.pump()
  }

  /** Requests a reading now (after the outstanding request); resolves when the scale answered. */
  poll(): Promise<void> {
    const queued = this.queue.find((p) => p.request === this.codec.poll)
    if (!queued) return this.request(this.codec.poll)
    return new Promise((resolve, reject) => {
      const [r0, j0] = [queued.resolve, queued.reject]
      queued.resolve = () => (r0(), resolve())
      queued.reject = (e) => (j0(e), reject(e))
    })
  }

  /** Queues a command (zero, tare …) behind the outstanding one; for protocol subclasses. */
  protected request(request: ScaleRequest<F>): Promise<void> {
    if (!this.active) return Promise.reject(new AppError(ErrorCode.scaleDisconnected, 'scale is not connected', { retryable: true }))
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject })
      this.pump()
    })
  }

  /** Sends the next request if none is outstanding; otherwise the reply handler calls back here. */
  private pump(): void {
    if (!this.active || this.outstanding) return
    const next = this.queue.shift()
    if (next) return this.send(next)
    if (this.pollTimer) return
    const waitMs = Math.max(0, this.lastPollAt + this.pollIntervalMs - this.now())
    this.pollTimer = setTimeout(() => {
      this.pollTimer = undefined
      if (!this.active || this.outstanding || this.queue.length > 0) return this.pump()
      this.send({ request: this.codec.poll, resolve: noop, reject: noop })
    }, waitMs)
  }

  private send(pending: Pending<F>): void {
    const { request } = pending
    this.outstanding = pending
    if (request === this.codec.poll) this.lastPollAt = this.now()
    this.transport.write(request.bytes)
    if (request.answers === null) {
      // No documented reply: hold the line until the command had time to act.
      void this.transport.drain().then(() => {
        this.watchdog = setTimeout(() => this.outstanding === pending && this.finish(null), this.settleMs)
      })
      return
    }
    this.watchdog = this.loseAfter(this.replyTimeoutMs, `no reply from scale within ${this.replyTimeoutMs} ms`, { command: request.command })
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

  protected onFrame(raw: Raw): void {
    let frame: F
    try {
      frame = this.codec.parse(raw)
    } catch (err) {
      const error = toAppError(err)
      this.fireError(error)
      // No pipelining, so a bad frame sits where our reply should be: that reply is lost.
      if (this.outstanding?.request.answers) this.finish(error)
      return
    }
    const pending = this.outstanding
    const replyError = this.codec.replyError?.(frame, pending?.request.command ?? null) ?? null
    if (replyError) {
      this.fireError(replyError)
      if (pending?.request.answers) this.finish(replyError)
      return
    }
    // A fault is reported once per change, not every poll.
    this.emit(this.codec.decode(frame, this.now()))
    // A frame that does not answer the outstanding request is late or unsolicited; its weight
    // was still emitted above, nothing else is done with it.
    if (!pending?.request.answers || !pending.request.answers(frame)) return
    this.finish(pending.request.outcome?.(frame) ?? null)
  }

  protected halted(error: AppError): void {
    clearTimeout(this.watchdog)
    clearTimeout(this.pollTimer)
    this.pollTimer = undefined
    const waiting = [...(this.outstanding ? [this.outstanding] : []), ...this.queue]
    this.outstanding = null
    this.queue = []
    for (const p of waiting) p.reject(error)
  }
}
