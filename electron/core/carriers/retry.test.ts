import { describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../../shared/errors'
import { withRetry, type RetryInfo } from './retry'

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
    const run = withRetry(fn, { baseDelayMs: 60_000, random: () => 0.99, signal: controller.signal, onRetry: () => controller.abort(new Error('operator cancelled')) })
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
