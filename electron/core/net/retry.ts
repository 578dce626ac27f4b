import { isAppError, toAppError, type AppError } from '../../../shared/errors'
import { sleep as realSleep } from './sleep'

export type RetryInfo = Readonly<{
  /** The attempt that just failed (1-based). */
  attempt: number
  /** How long we wait before the next attempt. */
  delayMs: number
  error: AppError
}>

/**
 * How one retry loop backs off and when it stops. A loop ends at the first of: `maxAttempts` spent,
 * `totalMs` spent (waits included), a Retry-After longer than `maxRetryAfterMs` or than the time left,
 * or `giveUp()`. Clock, sleep and random are injectable, so tests run instantly and exactly.
 */
export type RetryOptions = Readonly<{
  /** Attempts in total, the first included. withRetry: default 4; retryWithinBudget: no limit. */
  maxAttempts?: number
  /** The whole time the loop may take, waits included; no attempt starts after it. Default: no limit. */
  totalMs?: number
  /** Backoff before the second attempt is drawn from [0, baseDelayMs); doubles each time. Default 250 (budget: 200). */
  baseDelayMs?: number
  /** Cap of the exponential backoff (before jitter). Default 8000 (budget: 2000). */
  maxDelayMs?: number
  /** A server's Retry-After above this is not waited out: the loop gives up instead. Default 60000 (budget: no limit). */
  maxRetryAfterMs?: number
  signal?: AbortSignal
  onRetry?: (info: RetryInfo) => void
  /** Asked after each failure: true stops at once (e.g. the cloud is already known to be unreachable). */
  giveUp?: () => boolean
  /** [0, 1) source for the jitter; tests pass a fixed one. */
  random?: () => number
  now?: () => number
  /** Waits `ms` or rejects when `signal` aborts; tests pass one that does not really wait. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
}>

/** Success, or the last retryable error once the budget (attempts, time, Retry-After or `giveUp`) ended the loop. */
export type RetryOutcome<T> = Readonly<{ ok: true; value: T; attempts: number }> | Readonly<{ ok: false; error: AppError; attempts: number; elapsedMs: number }>

type Backoff = Readonly<{ baseDelayMs: number; maxDelayMs: number; random?: () => number }>

/**
 * Exponential backoff with full jitter: random × min(maxDelayMs, baseDelayMs × 2^(attempt−1)), rounded
 * down, and never shorter than the server's Retry-After. `attempt` is the attempt that just failed.
 */
export function backoffDelayMs(attempt: number, backoff: Backoff, retryAfterMs = 0): number {
  const random = backoff.random ?? Math.random
  const capped = Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** (attempt - 1))
  return Math.max(retryAfterMs, Math.floor(random() * capped))
}

/** The server's wait from an error's `meta.retryAfterMs` (set from Retry-After), 0 when it gave none. */
export const retryAfterOf = (error: AppError): number => (typeof error.meta.retryAfterMs === 'number' ? error.meta.retryAfterMs : 0)

/**
 * The one retry loop. Runs `fn` until it succeeds, retrying only AppErrors marked `retryable`; anything
 * else is thrown at once (a bug or a definitive refusal is not retried). `fn` gets the attempt and the
 * time left of `totalMs`, so one attempt's own timeout can be kept inside the budget.
 */
export async function retry<T>(fn: (attempt: number, remainingMs: number) => Promise<T>, options: RetryOptions = {}): Promise<RetryOutcome<T>> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? Infinity)
  const totalMs = options.totalMs ?? Infinity
  const maxRetryAfterMs = options.maxRetryAfterMs ?? Infinity
  const backoff: Backoff = { baseDelayMs: options.baseDelayMs ?? 250, maxDelayMs: options.maxDelayMs ?? 8000, random: options.random }
  const now = options.now ?? Date.now
  const wait = options.sleep ?? realSleep
  const start = now()
  const left = () => totalMs - (now() - start)

  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted()
    try {
      return { ok: true, value: await fn(attempt, Math.max(0, left())), attempts: attempt }
    } catch (err) {
      if (!isAppError(err) || !err.retryable) throw err
      const remainingMs = left()
      const retryAfterMs = retryAfterOf(err)
      if (attempt >= maxAttempts || remainingMs <= 0 || retryAfterMs > Math.min(remainingMs, maxRetryAfterMs) || options.giveUp?.()) {
        return { ok: false, error: err, attempts: attempt, elapsedMs: now() - start }
      }
      const delayMs = Math.min(backoffDelayMs(attempt, backoff, retryAfterMs), remainingMs)
      options.onRetry?.({ attempt, delayMs, error: err })
      await wait(delayMs, options.signal)
    }
  }
}

/**
 * Runs `fn` by `retry` with the carriers' defaults (4 attempts, 250 ms base, 8 s cap, Retry-After up
 * to 60 s) and throws the last error once the budget is spent. Callers that create things must reuse
 * one idempotency key across attempts: that is what makes retrying a purchase safe.
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const outcome = await retry((attempt) => fn(attempt), {
    ...options,
    maxAttempts: options.maxAttempts ?? 4,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
  })
  if (outcome.ok) return outcome.value
  throw outcome.error
}

/**
 * Runs `fn` by `retry` for at most `totalMs` in all (200 ms base, 2 s cap), with no attempt limit: a
 * Retry-After beyond what is left ends the tries at once. Any error is turned into an AppError first;
 * one that is not retryable (a conflict is an answer, not a failure) is thrown, a spent budget is returned.
 */
export function retryWithinBudget<T>(
  fn: (remainingMs: number, attempt: number) => Promise<T>,
  options: RetryOptions & Readonly<{ totalMs: number }>,
): Promise<RetryOutcome<T>> {
  const asAppError = (attempt: number, remainingMs: number) =>
    fn(remainingMs, attempt).catch((err: unknown) => {
      throw toAppError(err)
    })
  return retry(asAppError, { ...options, baseDelayMs: options.baseDelayMs ?? 200, maxDelayMs: options.maxDelayMs ?? 2000 })
}
