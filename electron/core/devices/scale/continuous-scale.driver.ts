import { AppError, toAppError } from '../../../../shared/errors'
import type { ScaleReading } from './scale.port'
import { SerialScaleDriver, type SerialScaleCodec } from './serial-scale.driver'
import type { SerialScaleOptions } from './serial-scale.transport'

/** How one continuous protocol turns bytes into readings (Toledo continuous, CAS, XK3190-A12E). */
export type ContinuousScaleCodec<F> = SerialScaleCodec<Uint8Array> &
  Readonly<{
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
export class ContinuousScaleDriver<F> extends SerialScaleDriver<Uint8Array> {
  private readonly silenceTimeoutMs: number
  private watchdog: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly codec: ContinuousScaleCodec<F>,
    options: ContinuousScaleDriverOptions,
  ) {
    super(codec, options)
    this.silenceTimeoutMs = options.silenceTimeoutMs ?? 1500
  }

  protected started(): void {
    this.kick()
  }

  private kick(): void {
    clearTimeout(this.watchdog)
    this.watchdog = this.loseAfter(this.silenceTimeoutMs, `no valid frame from the scale within ${this.silenceTimeoutMs} ms`, { model: this.model })
  }

  protected onFrame(raw: Uint8Array): void {
    let frame: F
    try {
      frame = this.codec.parse(raw)
    } catch (err) {
      // Noise does not prove the scale is there: only valid frames feed the watchdog.
      this.fireError(toAppError(err))
      return
    }
    this.kick()
    // A fault is reported once per change, not 7 times a second.
    this.emit(this.codec.decode(frame, this.now()))
  }

  protected halted(): void {
    clearTimeout(this.watchdog)
  }
}
