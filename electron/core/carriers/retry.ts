import { isAppError, type AppError } from '../../../shared/errors'

export type RetryInfo = Readonly<{
  /** The attempt that just failed (1-based). */
  attempt: number
  /** How long we wait before the next attempt. */
  delayMs: number
  error: AppError
}>

export type RetryOptions = Readonly<{
  /** Attempts in total, the first included. Default 4. */
  maxAttempts?: number
  /** Backoff before the second attempt is drawn from [0, baseDelayMs); doubles each time. Default 250. */
  baseDelayMs?: number
  /** Cap of the exponential backoff (before jitter). Default 8000. */
  maxDelayMs?: number
  /** A server's Retry-After above this is not waited out: the error is thrown instead. Default 60000. */
  maxRetryAfterMs?: number
  signal?: AbortSignal
  onRetry?: (info: RetryInfo) => void
  /** [0, 1) source for the jitter; tests pass a fixed one. */
  random?: () => number
  /** Waits `ms` or rejects when `signal` aborts; tests pass one that does not really wait. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
}>

/** Rejects with the signal's own reason, so a caller's cancel error comes out unchanged. */
function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * Runs `fn` until it succeeds, retrying only AppErrors marked `retryable`, with exponential backoff
 * and full jitter (delay = random × min(maxDelayMs, baseDelayMs × 2^(attempt−1))). A server's
 * `meta.retryAfterMs` (from Retry-After) is a floor for the delay. Anything else is thrown at once,
 * as is the last error once `maxAttempts` is spent. Callers that create things must reuse one
 * idempotency key across attempts: that is what makes retrying a purchase safe.
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 4)
  const baseDelayMs = options.baseDelayMs ?? 250
  const maxDelayMs = options.maxDelayMs ?? 8000
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000
  const random = options.random ?? Math.random
  const sleep = options.sleep ?? defaultSleep

  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted()
    try {
      return await fn(attempt)
    } catch (err) {
      if (!isAppError(err) || !err.retryable || attempt >= maxAttempts) throw err
      const retryAfterMs = typeof err.meta.retryAfterMs === 'number' ? err.meta.retryAfterMs : 0
      if (retryAfterMs > maxRetryAfterMs) throw err
      const backoffMs = Math.floor(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)))
      const delayMs = Math.max(backoffMs, retryAfterMs)
      options.onRetry?.({ attempt, delayMs, error: err })
      await sleep(delayMs, options.signal)
    }
  }
}
