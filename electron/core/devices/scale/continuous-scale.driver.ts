import { AppError, ErrorCode, toAppError } from '../../../../shared/errors'
import { Emitter, type Unsubscribe } from '../../../../shared/emitter'
import type { Framer } from './byte-framer'
import type { ScaleDriver, ScaleReading } from './scale.port'
import { resolveLineSettings, SerialScaleTransport, type SerialLineSettings, type SerialScaleOptions } from './serial-scale.transport'

/** How one continuous protocol turns bytes into readings (Toledo continuous, CAS, XK3190-A12E). */
export type ContinuousScaleCodec<F> = Readonly<{
  model: string
  lineDefaults: SerialLineSettings
  createFramer(): Framer<Uint8Array>
  /** Throws `scale.frameInvalid` for a frame it cannot read. */
  parse(frame: Uint8Array): F
  /** A reading, a fault the scale reports (`scale.fault`), or null for frames without a weight (a tare line). */
  decode(frame: F, at: number): ScaleReading | AppError | null
}>

export type ContinuousScaleDriverOptions = SerialScaleOptions &
  Readonly<{
    /**
     * Watchdog: no valid frame for this long means the scale is gone (§7.6: unplug is not always
     * reported by the OS). These scales send ~7–10 frames a second, so 1500 ms keeps the
     * `scale.disconnected` within 2 s of the last frame.
     */
    silenceTimeoutMs?: number
  }>

/**
 * A scale that streams frames without being asked. Frames are cut by the codec's framer (split
 * frames and noise, §7.7), parsed and decoded; bad frames are `onDidError` events, silence is a
 * disconnect. Nothing is ever written to the scale. Single connection per `open()`.
 */
export class ContinuousScaleDriver<F> implements ScaleDriver {
  readonly model: string
  private readonly readEmitter = new Emitter<ScaleReading>()
  private readonly errorEmitter = new Emitter<AppError>()
  private readonly disconnectEmitter = new Emitter<AppError>()
  private readonly transport: SerialScaleTransport<Uint8Array>
  private readonly silenceTimeoutMs: number
  private readonly now: () => number
  private watchdog: ReturnType<typeof setTimeout> | undefined
  private lastFault: string | null = null
  private active = false

  constructor(
    private readonly codec: ContinuousScaleCodec<F>,
    options: ContinuousScaleDriverOptions,
  ) {
    this.model = codec.model
    this.transport = new SerialScaleTransport(options.path, resolveLineSettings(options, codec.lineDefaults), codec.createFramer())
    this.silenceTimeoutMs = options.silenceTimeoutMs ?? 1500
    this.now = options.now ?? Date.now
  }

  readonly onDidRead = (listener: (reading: ScaleReading) => void): Unsubscribe => this.readEmitter.event(listener)
  readonly onDidError = (listener: (error: AppError) => void): Unsubscribe => this.errorEmitter.event(listener)
  readonly onDidDisconnect = (listener: (error: AppError) => void): Unsubscribe => this.disconnectEmitter.event(listener)

  /** Opens the port and starts listening. Rejects with `scale.disconnected` when the port cannot be opened. */
  async open(): Promise<void> {
    this.transport.onDidFrame((frame) => this.onFrame(frame))
    this.transport.onDidLose((error) => this.onLose(error))
    await this.transport.open()
    this.active = true
    this.kick()
  }

  async close(): Promise<void> {
    this.stop()
    await this.transport.close()
    this.readEmitter.dispose()
    this.errorEmitter.dispose()
    this.disconnectEmitter.dispose()
  }

  private kick(): void {
    clearTimeout(this.watchdog)
    this.watchdog = setTimeout(() => {
      this.transport.lose(
        new AppError(ErrorCode.scaleDisconnected, `no valid frame from the scale within ${this.silenceTimeoutMs} ms`, {
          retryable: true,
          meta: { path: this.transport.path, model: this.model },
        }),
      )
    }, this.silenceTimeoutMs)
  }

  private onFrame(raw: Uint8Array): void {
    if (!this.active) return
    let frame: F
    try {
      frame = this.codec.parse(raw)
    } catch (err) {
      // Noise does not prove the scale is there: only valid frames feed the watchdog.
      this.errorEmitter.fire(toAppError(err))
      return
    }
    this.kick()
    const decoded = this.codec.decode(frame, this.now())
    if (decoded instanceof AppError) {
      if (this.lastFault !== decoded.message) this.errorEmitter.fire(decoded) // once per change, not 7 times a second
      this.lastFault = decoded.message
      return
    }
    if (!decoded) return
    this.lastFault = null
    this.readEmitter.fire(decoded)
  }

  private onLose(error: AppError): void {
    if (!this.active) return
    this.stop()
    this.disconnectEmitter.fire(error)
  }

  private stop(): void {
    this.active = false
    clearTimeout(this.watchdog)
  }
}
