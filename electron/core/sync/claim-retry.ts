import { type AppError, toAppError } from '../../../shared/errors'

export type BudgetRetryOptions = Readonly<{
  /** The whole time the caller may spend, waits included; attempts never start after it runs out. */
  totalMs: number
  /** Backoff before the second attempt is drawn from [0, baseDelayMs); doubles each time. Default 200. */
  baseDelayMs?: number
  /** Cap of the exponential backoff before jitter. Default 2000. */
  maxDelayMs?: number
  /** [0, 1) source for the jitter. */
  random?: () => number
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  /** Asked after each failure: true stops at once (the cloud is already known to be unreachable). */
  giveUp?: () => boolean
}>

/** Success, or every attempt failed with a retryable error until the budget (or `giveUp`) ended it. */
export type BudgetOutcome<T> = Readonly<{ ok: true; value: T; attempts: number }> | Readonly<{ ok: false; error: AppError; attempts: number; elapsedMs: number }>

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Runs `fn` until it succeeds, throwing at once any error that is not retryable (a conflict is an
 * answer, not a failure). Retryable errors are retried with exponential backoff and full jitter, the
 * server's `meta.retryAfterMs` (Retry-After, seconds or HTTP-date) taken as a floor for the wait, for
 * at most `totalMs` in all: a Retry-After beyond what is left ends the tries at once. `fn` gets the
 * time left, so one attempt's own timeout can be kept inside the budget.
 */
export async function retryWithinBudget<T>(fn: (remainingMs: number, attempt: number) => Promise<T>, opts: BudgetRetryOptions): Promise<BudgetOutcome<T>> {
  const now = opts.now ?? Date.now
  const sleep = opts.sleep ?? defaultSleep
  const random = opts.random ?? Math.random
  const base = opts.baseDelayMs ?? 200
  const cap = opts.maxDelayMs ?? 2000
  const start = now()
  for (let attempt = 1; ; attempt++) {
    try {
      return { ok: true, value: await fn(Math.max(0, opts.totalMs - (now() - start)), attempt), attempts: attempt }
    } catch (err) {
      const error = toAppError(err)
      if (!error.retryable) throw error
      const left = opts.totalMs - (now() - start)
      const retryAfter = typeof error.meta.retryAfterMs === 'number' ? error.meta.retryAfterMs : 0
      const backoff = Math.round(random() * Math.min(cap, base * 2 ** (attempt - 1)))
      const wait = Math.max(retryAfter, backoff)
      if (left <= 0 || retryAfter > left || opts.giveUp?.()) return { ok: false, error, attempts: attempt, elapsedMs: now() - start }
      await sleep(Math.min(wait, left))
    }
  }
}
