import { Emitter } from '../../../../shared/emitter'
import { AppError, ErrorCode, isAppError } from '../../../../shared/errors'
import { msg } from '../../../../shared/i18n/notice-codes'

export type BreakerState = 'closed' | 'open' | 'halfOpen'

export type BreakerView = Readonly<{
  state: BreakerState
  /** Consecutive failures that count (carrier unreachable or answering garbage). */
  failures: number
  /** When an open breaker lets the next trial call through (ISO), else null. */
  retryAt: string | null
  lastError: Readonly<{ code: string; message: string; at: string }> | null
}>

export type CircuitBreakerOptions = Readonly<{
  /** Consecutive failures that open the breaker. Default 5. */
  failureThreshold?: number
  /** How long it stays open before one trial call. Default 30000. */
  openMs?: number
  now?: () => number
}>

/** Failures that say the carrier is down or broken; a validation refusal or a 429 means it is alive. */
const COUNTED: ReadonlySet<string> = new Set([ErrorCode.carrierUnavailable, ErrorCode.carrierTimeout, ErrorCode.carrierBadResponse])

/**
 * One breaker per carrier: after `failureThreshold` consecutive failures it opens and refuses calls
 * at once (carrier.circuitOpen, retryable, with the time to wait) instead of letting every desk
 * action wait out timeouts; after `openMs` one trial call goes through (half-open) and its outcome
 * closes or reopens it. The desk shows the state.
 */
export class CircuitBreaker {
  readonly onDidChange = new Emitter<BreakerView>()
  private state: BreakerState = 'closed'
  private failures = 0
  private openedAt = 0
  private trialInFlight = false
  private lastError: BreakerView['lastError'] = null

  constructor(
    readonly carrierName: string,
    private readonly options: CircuitBreakerOptions = {},
  ) {}

  view(): BreakerView {
    const retryAt = this.state === 'open' ? new Date(this.openedAt + this.openMs()).toISOString() : null
    return { state: this.state, failures: this.failures, retryAt, lastError: this.lastError }
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    this.admit()
    try {
      const value = await fn()
      this.succeeded()
      return value
    } catch (err) {
      this.failed(err)
      throw err
    } finally {
      this.trialInFlight = false
    }
  }

  private openMs(): number {
    return this.options.openMs ?? 30_000
  }

  private now(): number {
    return (this.options.now ?? Date.now)()
  }

  private admit(): void {
    if (this.state === 'closed') return
    const waitMs = this.openedAt + this.openMs() - this.now()
    if (this.state === 'open' && waitMs <= 0) this.set('halfOpen')
    if (this.state === 'halfOpen' && !this.trialInFlight) {
      this.trialInFlight = true
      return
    }
    throw new AppError(
      ErrorCode.carrierCircuitOpen,
      msg('carrier.circuitOpen', { carrier: this.carrierName, seconds: Math.ceil(Math.max(waitMs, 0) / 1000) }),
      {
        retryable: true,
        meta: { retryAfterMs: Math.max(waitMs, 0), carrier: this.carrierName, lastError: this.lastError },
      },
    )
  }

  private succeeded(): void {
    this.failures = 0
    if (this.state !== 'closed') this.set('closed')
  }

  private failed(err: unknown): void {
    // A caller's cancel, a validation refusal, a rate limit: the carrier answered, so it is up.
    if (!isAppError(err) || !COUNTED.has(err.code)) return this.succeeded()
    this.failures++
    this.lastError = { code: err.code, message: err.message, at: new Date(this.now()).toISOString(), ...(err.notice ? { notice: err.notice } : {}) }
    if (this.state === 'halfOpen' || this.failures >= (this.options.failureThreshold ?? 5)) {
      this.openedAt = this.now()
      this.set('open')
    }
  }

  private set(state: BreakerState): void {
    this.state = state
    this.onDidChange.fire(this.view())
  }
}
