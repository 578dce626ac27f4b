import { describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../../shared/errors'
import { backoffDelayMs, retry, retryWithinBudget, withRetry, type RetryInfo } from './retry'

const retryable = (meta: Record<string, unknown> = {}) => new AppError(ErrorCode.carrierUnavailable, 'down', { retryable: true, meta })
const fatal = () => new AppError(ErrorCode.carrierAuth, 'bad key', { retryable: false })

/** fn that fails with the given errors in turn, then returns 'ok'. */
function failing(...errors: unknown[]) {
  const calls: number[] = []
  const fn = async (attempt: number) => {
    calls.push(attempt)
    const e = errors[attempt - 1]
    if (e !== undefined) throw e
    return 'ok'
  }
  return { fn, calls }
}

function fakeSleep() {
  const waits: number[] = []
  return { waits, sleep: async (ms: number) => void waits.push(ms) }
}

describe('withRetry', () => {
  it('returns the first success without waiting', async () => {
    const { fn, calls } = failing()
    const s = fakeSleep()
    expect(await withRetry(fn, { sleep: s.sleep })).toBe('ok')
    expect(calls).toEqual([1])
    expect(s.waits).toEqual([])
  })

  it('backs off exponentially with full jitter, capped', async () => {
    const { fn, calls } = failing(retryable(), retryable(), retryable(), retryable())
    const s = fakeSleep()
    const out = await withRetry(fn, { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 300, random: () => 0.5, sleep: s.sleep })
    expect(out).toBe('ok')
    expect(calls).toEqual([1, 2, 3, 4, 5])
    expect(s.waits).toEqual([50, 100, 150, 150])
  })

  it.each([0, 0.25, 0.999])('draws the delay from [0, cap) (random %s)', async (r) => {
    const s = fakeSleep()
    await withRetry(failing(retryable()).fn, { baseDelayMs: 1000, random: () => r, sleep: s.sleep })
    expect(s.waits).toEqual([Math.floor(r * 1000)])
  })

  it('throws a non-retryable AppError at once', async () => {
    const err = fatal()
    const { fn, calls } = failing(err)
    await expect(withRetry(fn, { sleep: fakeSleep().sleep })).rejects.toBe(err)
    expect(calls).toEqual([1])
  })

  it('throws anything that is not an AppError at once (a bug is not retried)', async () => {
    const { fn, calls } = failing(new TypeError('undefined is not a function'))
    await expect(withRetry(fn, { sleep: fakeSleep().sleep })).rejects.toThrow(TypeError)
    expect(calls).toEqual([1])
  })

  it('gives up after maxAttempts with the last error', async () => {
    const last = retryable({ n: 3 })
    const { fn, calls } = failing(retryable(), retryable(), last, retryable())
    await expect(withRetry(fn, { maxAttempts: 3, sleep: fakeSleep().sleep })).rejects.toBe(last)
    expect(calls).toEqual([1, 2, 3])
  })

  it('waits at least meta.retryAfterMs', async () => {
    const s = fakeSleep()
    await withRetry(failing(retryable({ retryAfterMs: 5000 })).fn, { baseDelayMs: 100, random: () => 0.9, sleep: s.sleep })
    expect(s.waits).toEqual([5000])
  })

  it('does not wait out a Retry-After above maxRetryAfterMs', async () => {
    const err = retryable({ retryAfterMs: 3_600_000 })
    const s = fakeSleep()
    await expect(withRetry(failing(err).fn, { sleep: s.sleep })).rejects.toBe(err)
    expect(s.waits).toEqual([])
  })

  it('reports each retry', async () => {
    const seen: RetryInfo[] = []
    const e1 = retryable()
    await withRetry(failing(e1).fn, { baseDelayMs: 10, random: () => 0.5, sleep: fakeSleep().sleep, onRetry: (i) => seen.push(i) })
    expect(seen).toEqual([{ attempt: 1, delayMs: 5, error: e1 }])
  })

  it('stops when the signal aborts during the backoff (real sleep, aborted early)', async () => {
    const controller = new AbortController()
    const { fn, calls } = failing(retryable(), retryable())
    const started = Date.now()
    const run = withRetry(fn, {
      baseDelayMs: 60_000,
      random: () => 0.99,
      signal: controller.signal,
      onRetry: () => controller.abort(new Error('operator cancelled')),
    })
    await expect(run).rejects.toThrow('operator cancelled')
    expect(calls).toEqual([1])
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('does not start when the signal is already aborted', async () => {
    const { fn, calls } = failing()
    await expect(withRetry(fn, { signal: AbortSignal.abort(new Error('gone')) })).rejects.toThrow('gone')
    expect(calls).toEqual([])
  })
})

/** A clock that only moves when the retry loop "sleeps", so waits are exact and the test instant. */
function fakeTime() {
  let t = 1_000_000
  const waits: number[] = []
  return { now: () => t, sleep: async (ms: number) => void (waits.push(ms), (t += ms)), waits, advance: (ms: number) => (t += ms) }
}
const offline = (meta: Record<string, unknown> = {}) => new AppError(ErrorCode.syncOffline, 'cloud unreachable', { retryable: true, meta })

describe('retryWithinBudget (the claim retry): jittered backoff, Retry-After, a bounded total time', () => {
  it('retries retryable failures with exponential full-jitter backoff until one succeeds', async () => {
    const clock = fakeTime()
    let n = 0
    const res = await retryWithinBudget(async () => (++n < 4 ? Promise.reject(offline()) : 'ok'), {
      totalMs: 60_000,
      baseDelayMs: 100,
      maxDelayMs: 350,
      random: () => 0.999,
      ...clock,
    })
    expect(res).toEqual({ ok: true, value: 'ok', attempts: 4 })
    expect(clock.waits).toEqual([99, 199, 349]) // base × 2^(n−1), capped, × random, rounded down (one rule with withRetry)
  })

  it('takes the server’s Retry-After as a floor for the wait', async () => {
    const clock = fakeTime()
    let n = 0
    await retryWithinBudget(async () => (++n < 2 ? Promise.reject(offline({ retryAfterMs: 1500 })) : 1), {
      totalMs: 8000,
      baseDelayMs: 100,
      random: () => 0.5,
      ...clock,
    })
    expect(clock.waits).toEqual([1500])
  })

  it('gives up within the budget, with the last error, when every try fails', async () => {
    const clock = fakeTime()
    let n = 0
    const res = await retryWithinBudget(async () => (n++, Promise.reject(offline())), {
      totalMs: 8000,
      baseDelayMs: 200,
      maxDelayMs: 2000,
      random: () => 0.999,
      ...clock,
    })
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.error.code).toBe(ErrorCode.syncOffline)
    expect(res.elapsedMs).toBe(8000) // the last wait is cut to what is left, then one last try
    expect(res.attempts).toBe(n)
    expect(n).toBeGreaterThan(4)
  })

  it('a Retry-After longer than what is left ends the tries at once', async () => {
    const clock = fakeTime()
    let n = 0
    const res = await retryWithinBudget(async () => (n++, Promise.reject(offline({ retryAfterMs: 30_000 }))), { totalMs: 8000, ...clock })
    expect(res).toMatchObject({ ok: false, attempts: 1, elapsedMs: 0 })
    expect(clock.waits).toEqual([])
  })

  it('a non-retryable error (a conflict is an answer) is thrown at once', async () => {
    const clock = fakeTime()
    const conflict = new AppError(ErrorCode.syncConflict, 'claimed by desk-b')
    await expect(retryWithinBudget(async () => Promise.reject(conflict), { totalMs: 8000, ...clock })).rejects.toBe(conflict)
    expect(clock.waits).toEqual([])
  })

  it('giveUp (the cloud already known offline) stops after the first failure; a zero budget tries exactly once', async () => {
    let n = 0
    expect(await retryWithinBudget(async () => (n++, Promise.reject(offline())), { totalMs: 8000, giveUp: () => true, ...fakeTime() })).toMatchObject({
      ok: false,
      attempts: 1,
    })
    expect(await retryWithinBudget(async () => (n++, Promise.reject(offline())), { totalMs: 0, ...fakeTime() })).toMatchObject({ ok: false, attempts: 1 })
    expect(n).toBe(2)
  })

  it('hands each try the time left, so its own timeout stays inside the budget', async () => {
    const clock = fakeTime()
    const lefts: number[] = []
    await retryWithinBudget(async (left) => (lefts.push(left), clock.advance(1000), Promise.reject(offline())), {
      totalMs: 2500,
      baseDelayMs: 1,
      random: () => 0,
      ...clock,
    })
    expect(lefts).toEqual([2500, 1500, 500])
  })
})

describe('retry: one loop, budget by attempts and total time', () => {
  it('stops at whichever budget runs out first', async () => {
    const clock = fakeTime()
    let n = 0
    const byAttempts = await retry(async () => (n++, Promise.reject(offline())), { maxAttempts: 3, totalMs: 60_000, random: () => 0, ...clock })
    expect(byAttempts).toMatchObject({ ok: false, attempts: 3 })
    const byTime = await retry(async (_a, left) => (clock.advance(400), Promise.reject(offline({ left }))), {
      maxAttempts: 100,
      totalMs: 1000,
      random: () => 0,
      ...clock,
    })
    expect(byTime).toMatchObject({ ok: false, attempts: 3, elapsedMs: 1200 })
  })

  it('backoffDelayMs: full jitter under an exponential cap, never below Retry-After', () => {
    const b = { baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.5 }
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelayMs(attempt, b))).toEqual([50, 100, 200, 400, 500, 500])
    expect(backoffDelayMs(1, b, 3000)).toBe(3000)
  })
})
