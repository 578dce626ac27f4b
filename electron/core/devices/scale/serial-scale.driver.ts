import { AppError, ErrorCode } from '../../../../shared/errors'
import type { Framer } from './byte-framer'
import type { ScaleDriver, ScaleReading } from './scale.port'
import { resolveLineSettings, SerialScaleTransport, type SerialLineSettings, type SerialScaleOptions } from './serial-scale.transport'
import { ScaleDriverEvents } from '../device-events'

/** What every serial protocol codec names: its model, its line defaults and how its frames are cut. */
export type SerialScaleCodec<Raw> = Readonly<{
  model: string
  lineDefaults: SerialLineSettings
  createFramer(): Framer<Raw>
}>

/**
 * What the continuous and the polled serial drivers share: the `onDid*` events, the transport,
 * open/close, a lost link reported once as a disconnect, the silence watchdog's error, and
 * decoded readings and scale faults (each fault once per change, not once per frame).
 * Single connection per `open()`; after a disconnect the owner makes a new driver.
 */
export abstract class SerialScaleDriver<Raw> extends ScaleDriverEvents implements ScaleDriver {
  readonly model: string
  protected readonly transport: SerialScaleTransport<Raw>
  protected readonly now: () => number
  protected active = false
  private lastFault: string | null = null

  constructor(codec: SerialScaleCodec<Raw>, options: SerialScaleOptions) {
    super()
    this.model = codec.model
    this.transport = new SerialScaleTransport(options.path, resolveLineSettings(options, codec.lineDefaults), codec.createFramer())
    this.now = options.now ?? Date.now
  }

  /** Opens the port and starts listening. Rejects with `scale.disconnected` when the port cannot be opened. */
  async open(): Promise<void> {
    this.transport.onDidFrame((raw) => this.active && this.onFrame(raw))
    this.transport.onDidLose((error) => this.onLose(error))
    await this.transport.open()
    this.active = true
    this.started()
  }

  async close(): Promise<void> {
    this.stop(new AppError(ErrorCode.scaleDisconnected, 'scale driver closed', { retryable: true }))
    await this.transport.close()
    this.disposeEvents()
  }

  /** One complete frame from the transport, while the driver is active. */
  protected abstract onFrame(raw: Raw): void
  /** The port is open: start the watchdog or the polling. */
  protected abstract started(): void
  /** Stop timers and fail whatever waits; `active` is already false. */
  protected abstract halted(error: AppError): void

  /** Drops the link with `scale.disconnected` once the scale has been silent for `ms`. */
  protected loseAfter(ms: number, message: string, meta: Record<string, unknown>): ReturnType<typeof setTimeout> {
    return setTimeout(() => {
      this.transport.lose(new AppError(ErrorCode.scaleDisconnected, message, { retryable: true, meta: { path: this.transport.path, ...meta } }))
    }, ms)
  }

  protected fireError(error: AppError): void {
    this.errorEmitter.fire(error)
  }

  /** A reading, a fault the scale reports (fired once per change), or null for a frame without a weight. */
  protected emit(decoded: ScaleReading | AppError | null): void {
    if (decoded instanceof AppError) {
      if (this.lastFault !== decoded.message) this.errorEmitter.fire(decoded)
      this.lastFault = decoded.message
      return
    }
    if (!decoded) return
    this.lastFault = null
    this.dataEmitter.fire(decoded)
  }

  private onLose(error: AppError): void {
    if (!this.active) return
    this.stop(error)
    this.disconnectEmitter.fire(error)
  }

  private stop(error: AppError): void {
    this.active = false
    this.halted(error)
  }
}
