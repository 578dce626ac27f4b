import { AppError, ErrorCode, toAppError } from '../../../../shared/errors'
import { Emitter, type Unsubscribe } from '../../../../shared/emitter'
import { guardListener, HeldDriver, openDriver, Reconnect, type DeviceBackoff } from '../reconnect'
import type { ScaleDriver, ScaleReading } from './scale.port'
import {
  defaultStabilityRule,
  evaluateStability,
  initialSettleState,
  isStale,
  stepSettle,
  type SettleState,
  type StabilityRule,
  type StableWeight,
} from './scale-stability'

export type ScaleStatus = Readonly<{ connected: boolean; error?: AppError }>

export type ScaleBackoff = DeviceBackoff

export type ScaleServiceOptions = Readonly<{
  /** Makes a fresh driver for every connection attempt (drivers are single-connection). */
  createDriver: () => ScaleDriver
  rule?: Partial<StabilityRule>
  /** Reconnect delays after a disconnect or a failed open: initial · factor^n, capped at max. */
  backoff?: ScaleBackoff
  /** Minimum gap between `onDidRead` events; 100 ms keeps the UI at ≤ 10 Hz. */
  readThrottleMs?: number
  now?: () => number
}>

export type WaitForStableWeightOptions = Readonly<{ timeoutMs: number; minGrams?: number }>

const historySize = 32

/**
 * Owns one scale: connects through a driver, reconnects with capped exponential backoff, applies
 * the stability rule (scale-stability.ts) and publishes readings, settled weights and status.
 * Driver errors never escape: they become status changes or `onDidError` events.
 */
export class ScaleService {
  private readonly readEmitter = new Emitter<ScaleReading>()
  private readonly settleEmitter = new Emitter<StableWeight>()
  private readonly statusEmitter = new Emitter<ScaleStatus>()
  private readonly errorEmitter = new Emitter<AppError>()
  private readonly rule: StabilityRule
  private readonly reconnect: Reconnect
  private readonly readThrottleMs: number
  private readonly now: () => number
  private readonly held = new HeldDriver<ScaleDriver>()
  private history: ScaleReading[] = []
  private settleState: SettleState = initialSettleState
  private currentStatus: ScaleStatus = { connected: false }
  private readTimer: ReturnType<typeof setTimeout> | undefined
  private pendingRead: ScaleReading | null = null
  private lastReadEmitAt = -Infinity
  private readonly waiters = new Set<{ check: () => void; fail: (e: AppError) => void }>()
  private started = false
  private disposed = false

  constructor(private readonly options: ScaleServiceOptions) {
    this.rule = { ...defaultStabilityRule, ...options.rule }
    this.reconnect = new Reconnect(options.backoff)
    this.readThrottleMs = options.readThrottleMs ?? 100
    this.now = options.now ?? Date.now
  }

  /** Every reading (throttled); the newest one always gets through. */
  readonly onDidRead = (listener: (reading: ScaleReading) => void): Unsubscribe => this.readEmitter.event(listener)
  /** A new weight was taken by the stability rule; the same load does not settle twice. */
  readonly onDidSettle = (listener: (weight: StableWeight) => void): Unsubscribe => this.settleEmitter.event(listener)
  readonly onDidChangeStatus = (listener: (status: ScaleStatus) => void): Unsubscribe => this.statusEmitter.event(listener)
  /** Non-fatal driver errors (bad frames, ES/ET/EL replies). */
  readonly onDidError = (listener: (error: AppError) => void): Unsubscribe => this.errorEmitter.event(listener)

  start(): void {
    if (this.started || this.disposed) return
    this.started = true
    void this.connect()
  }

  async dispose(): Promise<void> {
    if (this.disposed) return
    this.disposed = true
    this.reconnect.cancel()
    clearTimeout(this.readTimer)
    const gone = new AppError(ErrorCode.scaleDisconnected, 'scale service stopped', { retryable: false })
    for (const waiter of [...this.waiters]) waiter.fail(gone)
    await this.dropDriver()
    for (const e of [this.readEmitter, this.settleEmitter, this.statusEmitter, this.errorEmitter]) e.dispose()
  }

  status(): ScaleStatus {
    return this.currentStatus
  }

  /** The newest reading unless it is stale (or the scale is disconnected); never an old weight. */
  current(): ScaleReading | null {
    const newest = this.history[this.history.length - 1]
    return newest && !isStale(newest, this.now(), this.rule) ? newest : null
  }

  /**
   * Resolves with a weight the stability rule accepts (≥ minGrams, default 1 g), including one
   * already resting on the pan. Rejects on timeout with the reason the operator can act on:
   * scale.disconnected, scale.overload, scale.underload, scale.unstable or scale.timeout.
   */
  waitForStableWeight({ timeoutMs, minGrams = 1 }: WaitForStableWeightOptions): Promise<StableWeight> {
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined
      const waiter = {
        check: () => {
          const verdict = evaluateStability(this.history, this.now(), this.rule)
          if (!verdict.stable || verdict.grams < minGrams) return
          this.waiters.delete(waiter)
          clearTimeout(timer)
          resolve({ grams: verdict.grams, at: verdict.at })
        },
        fail: (error: AppError) => {
          this.waiters.delete(waiter)
          clearTimeout(timer)
          reject(error)
        },
      }
      if (this.disposed) return reject(new AppError(ErrorCode.scaleDisconnected, 'scale service stopped'))
      this.waiters.add(waiter)
      waiter.check()
      if (!this.waiters.has(waiter)) return
      timer = setTimeout(() => waiter.fail(this.timeoutError(timeoutMs, minGrams)), timeoutMs)
    })
  }

  async zero(): Promise<void> {
    const driver = this.connectedDriver()
    if (!driver.zero) throw new AppError(ErrorCode.scaleCommandFailed, `scale ${driver.model} cannot be zeroed from the desk`)
    await driver.zero()
  }

  async tare(): Promise<void> {
    const driver = this.connectedDriver()
    if (!driver.tare) throw new AppError(ErrorCode.scaleCommandFailed, `scale ${driver.model} cannot be tared from the desk`)
    await driver.tare()
  }

  private connectedDriver(): ScaleDriver {
    const driver = this.held.current
    if (!driver || !this.currentStatus.connected) {
      throw new AppError(ErrorCode.scaleDisconnected, 'scale is not connected', { retryable: true })
    }
    return driver
  }

  private timeoutError(timeoutMs: number, minGrams: number): AppError {
    const meta = { timeoutMs, minGrams }
    if (!this.currentStatus.connected) {
      return new AppError(ErrorCode.scaleDisconnected, 'scale is not connected', { retryable: true, meta })
    }
    const newest = this.current()
    if (newest?.condition === 'overload') return new AppError(ErrorCode.scaleOverload, 'scale is overloaded', { retryable: true, meta })
    if (newest?.condition === 'underload') return new AppError(ErrorCode.scaleUnderload, 'scale is below zero range', { retryable: true, meta })
    if (newest && !newest.stable) return new AppError(ErrorCode.scaleUnstable, `weight did not settle within ${timeoutMs} ms`, { retryable: true, meta })
    return new AppError(ErrorCode.scaleTimeout, `no weight of at least ${minGrams} g within ${timeoutMs} ms`, { retryable: true, meta })
  }

  private async connect(): Promise<void> {
    if (this.disposed) return
    const open = await openDriver({
      make: () => this.options.createDriver(),
      take: (driver: ScaleDriver) =>
        this.held.take(driver, [
          driver.onDidRead((r) => this.guard(() => this.held.holds(driver) && this.onReading(r))),
          driver.onDidError((e) => this.guard(() => this.held.holds(driver) && this.errorEmitter.fire(e))),
          driver.onDidDisconnect((e) => this.guard(() => this.held.holds(driver) && this.onDisconnect(e))),
        ]),
      // Disposed (or replaced) while the port was opening: openDriver releases it.
      wants: (driver) => !this.disposed && this.held.holds(driver),
      lost: (error) => this.onDisconnect(error),
    })
    if (open) this.setStatus({ connected: true })
  }

  private async onDisconnect(error: AppError): Promise<void> {
    this.history = [] // a weight from before the disconnect must never be shown as current
    this.pendingRead = null
    await this.dropDriver()
    if (this.disposed) return
    this.setStatus({ connected: false, error })
    this.reconnect.schedule(() => void this.connect())
  }

  private async dropDriver(): Promise<void> {
    const driver = this.held.release()
    if (!driver) return
    try {
      await driver.close()
    } catch (err) {
      // The device is already gone; closing is best effort. Report it, keep going.
      this.guard(() => this.errorEmitter.fire(toAppError(err)))
    }
  }

  private onReading(reading: ScaleReading): void {
    this.reconnect.reset() // data flows: the next disconnect starts the backoff from the beginning
    this.history.push(reading)
    if (this.history.length > historySize) this.history.splice(0, this.history.length - historySize)
    const step = stepSettle(this.settleState, this.history, this.now(), this.rule)
    this.settleState = step.state
    this.guard(() => this.emitRead(reading))
    const settled = step.settled
    if (settled) this.guard(() => this.settleEmitter.fire(settled))
    for (const waiter of [...this.waiters]) waiter.check()
  }

  private emitRead(reading: ScaleReading): void {
    const sinceMs = this.now() - this.lastReadEmitAt
    if (sinceMs >= this.readThrottleMs) {
      clearTimeout(this.readTimer) // an older pending reading must not follow this newer one
      this.readTimer = undefined
      this.pendingRead = null
      this.lastReadEmitAt = this.now()
      this.readEmitter.fire(reading)
      return
    }
    this.pendingRead = reading
    this.readTimer ??= setTimeout(() => {
      this.readTimer = undefined
      const pending = this.pendingRead
      this.pendingRead = null
      if (!pending || this.disposed) return
      this.lastReadEmitAt = this.now()
      this.guard(() => this.readEmitter.fire(pending))
    }, this.readThrottleMs - sinceMs)
  }

  private setStatus(status: ScaleStatus): void {
    const before = this.currentStatus
    this.currentStatus = status
    if (before.connected !== status.connected || before.error?.message !== status.error?.message) {
      this.guard(() => this.statusEmitter.fire(status))
    }
  }

  /** Runs event handling so that a throwing listener cannot take the driver's I/O callbacks down. */
  private guard(fn: () => unknown): void {
    guardListener('scale', this.errorEmitter, fn)
  }
}
