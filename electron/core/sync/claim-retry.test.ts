import { describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../../shared/errors'
import { retryWithinBudget } from './claim-retry'
import { retryAfterMs } from './cloud-client'

/** A clock that only moves when the retry loop "sleeps", so waits are exact and the test instant. */
function fakeTime() {
  let t = 1_000_000
  const waits: number[] = []
  return { now: () => t, sleep: async (ms: number) => void (waits.push(ms), (t += ms)), waits, advance: (ms: number) => (t += ms) }
}
const offline = (meta: Record<string, unknown> = {}) => new AppError(ErrorCode.syncOffline, 'cloud unreachable', { retryable: true, meta })

describe('retryWithinBudget: jittered backoff, Retry-After, a bounded total time', () => {
  it('retries retryable failures with exponential full-jitter backoff until one succeeds', async () => {
    const clock = fakeTime()
    let n = 0
    const res = await retryWithinBudget(async () => (++n < 4 ? Promise.reject(offline()) : 'ok'), { totalMs: 60_000, baseDelayMs: 100, maxDelayMs: 350, random: () => 0.999, ...clock })
    expect(res).toEqual({ ok: true, value: 'ok', attempts: 4 })
    expect(clock.waits).toEqual([100, 200, 350]) // base × 2^(n−1), capped, × random
  })

  it('takes the server’s Retry-After as a floor for the wait', async () => {
    const clock = fakeTime()
    let n = 0
    await retryWithinBudget(async () => (++n < 2 ? Promise.reject(offline({ retryAfterMs: 1500 })) : 1), { totalMs: 8000, baseDelayMs: 100, random: () => 0.5, ...clock })
    expect(clock.waits).toEqual([1500])
  })

  it('gives up within the budget, with the last error, when every try fails', async () => {
    const clock = fakeTime()
    let n = 0
    const res = await retryWithinBudget(async () => (n++, Promise.reject(offline())), { totalMs: 8000, baseDelayMs: 200, maxDelayMs: 2000, random: () => 0.999, ...clock })
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
    expect(await retryWithinBudget(async () => (n++, Promise.reject(offline())), { totalMs: 8000, giveUp: () => true, ...fakeTime() })).toMatchObject({ ok: false, attempts: 1 })
    expect(await retryWithinBudget(async () => (n++, Promise.reject(offline())), { totalMs: 0, ...fakeTime() })).toMatchObject({ ok: false, attempts: 1 })
    expect(n).toBe(2)
  })

  it('hands each try the time left, so its own timeout stays inside the budget', async () => {
    const clock = fakeTime()
    const lefts: number[] = []
    await retryWithinBudget(async (left) => (lefts.push(left), clock.advance(1000), Promise.reject(offline())), { totalMs: 2500, baseDelayMs: 1, random: () => 0, ...clock })
    expect(lefts).toEqual([2500, 1500, 500])
  })
})

describe('Retry-After header', () => {
  it.each([
    ['delta-seconds', '3', 3000],
    ['zero', '0', 0],
    ['a date in the past', 'Wed, 21 Oct 2015 07:28:00 GMT', 0],
  ])('%s', (_what, header, ms) => expect(retryAfterMs(header)).toBe(ms))

  it('an HTTP-date in the future is the time until then', () => {
    const at = new Date(Date.now() + 5 * 60_000)
    const ms = retryAfterMs(at.toUTCString())!
    expect(ms).toBeGreaterThan(4 * 60_000)
    expect(ms).toBeLessThanOrEqual(5 * 60_000)
  })

  it.each([[null], [''], ['soon'], ['-']])('ignores %j', (header) => {
    expect(retryAfterMs(header)).toBeUndefined()
  })
})
