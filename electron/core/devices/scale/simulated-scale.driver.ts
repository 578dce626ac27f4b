import { AppError, ErrorCode } from '../../../../shared/errors'
import type { ScaleDriver, ScaleReading } from './scale.port'
import { ScaleDriverEvents } from '../device-events'

export type SimulatedScaleOptions = Readonly<{
  /** Time between readings; ~10 Hz like a polled serial scale. */
  intervalMs?: number
  /** Uniform [0, 1) source; inject a seeded one for repeatable noise. */
  random?: () => number
  now?: () => number
}>

export type PlaceOptions = Readonly<{
  /** How long the load rocks before the scale reports stable. */
  settleMs?: number
  /** In-motion readings wander up to ± this around the target. */
  noiseGrams?: number
}>

/**
 * A scale without hardware, for demo mode and tests of everything above the driver. Reports
 * in-motion readings with noise while a load settles, then the exact (tared) weight as stable.
 */
export class SimulatedScaleDriver extends ScaleDriverEvents implements ScaleDriver {
  readonly model = 'simulated'
  private readonly intervalMs: number
  private readonly random: () => number
  private readonly now: () => number
  private timer: ReturnType<typeof setInterval> | undefined
  private targetGrams = 0
  private offsetGrams = 0
  private settledAt = 0
  private noiseGrams = 0

  constructor(options: SimulatedScaleOptions = {}) {
    super()
    this.intervalMs = options.intervalMs ?? 100
    this.random = options.random ?? Math.random
    this.now = options.now ?? Date.now
  }

  get isOpen(): boolean {
    return this.timer !== undefined
  }

  async open(): Promise<void> {
    if (this.timer) return
    this.timer = setInterval(() => this.tick(), this.intervalMs)
  }

  async close(): Promise<void> {
    clearInterval(this.timer)
    this.timer = undefined
  }

  /** Puts a load of `grams` on the pan (replacing what was there). */
  place(grams: number, options: PlaceOptions = {}): void {
    if (!Number.isInteger(grams)) throw new AppError(ErrorCode.inputInvalid, `grams must be an integer, got ${grams}`)
    this.targetGrams = grams
    this.settledAt = this.now() + (options.settleMs ?? 500)
    this.noiseGrams = options.noiseGrams ?? 25
    // Read at once, as a real scale's next frame would show the change: two loads placed within one
    // interval (a parcel lifted and the next one put down) must not look like one unchanged load,
    // or the stability rule never sees the empty pan and never settles the second parcel.
    if (this.timer) this.tick()
  }

  /** Takes the load off; the pan settles back to zero quickly. */
  remove(options: PlaceOptions = {}): void {
    this.place(0, { settleMs: options.settleMs ?? 200, noiseGrams: options.noiseGrams ?? 10 })
  }

  /** Simulates an unplug: readings stop and `onDidDisconnect` fires with `scale.disconnected`. */
  disconnect(): void {
    if (!this.timer) return
    void this.close()
    this.disconnectEmitter.fire(new AppError(ErrorCode.scaleDisconnected, 'simulated scale unplugged', { retryable: true }))
  }

  async zero(): Promise<void> {
    this.offsetGrams = this.targetGrams
  }

  async tare(): Promise<void> {
    this.offsetGrams = this.targetGrams
  }

  async poll(): Promise<void> {
    this.tick()
  }

  /** The reading the scale shows right now. */
  private reading(): ScaleReading {
    const at = this.now()
    const grams = this.targetGrams - this.offsetGrams
    if (at >= this.settledAt) return { grams, stable: true, at, condition: 'ok' }
    const wobble = Math.round((this.random() * 2 - 1) * this.noiseGrams)
    return { grams: grams + wobble, stable: false, at, condition: 'ok' }
  }

  private tick(): void {
    this.dataEmitter.fire(this.reading())
  }
}
