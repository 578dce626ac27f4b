import { describe, expect, it } from 'vitest'
import { SlidingWindowLimiter } from './rate-limiter'

function fakeTime() {
  let t = 0
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms
    },
  }
}

describe('SlidingWindowLimiter', () => {
  it('never lets more than `limit` requests into any window', async () => {
    const f = fakeTime()
    const limiter = new SlidingWindowLimiter(300, 60_000, f.now, f.sleep)
    const stamps: number[] = []
    for (let i = 0; i < 1000; i++) {
      await limiter.acquire()
      stamps.push(f.now())
    }
    for (let i = 300; i < stamps.length; i++) expect(stamps[i]! - stamps[i - 300]!).toBeGreaterThanOrEqual(60_000)
    expect(stamps[299]).toBe(0)
    expect(stamps[300]).toBe(60_000)
  })

  it('serves waiters in order, and a cancelled waiter does not block the others', async () => {
    const limiter = new SlidingWindowLimiter(1, 50)
    await limiter.acquire()
    const order: number[] = []
    const cancelled = new AbortController()
    const a = limiter.acquire(cancelled.signal).then(
      () => order.push(1),
      () => order.push(-1),
    )
    const b = limiter.acquire().then(() => order.push(2))
    cancelled.abort(new Error('packer cancelled'))
    await Promise.all([a, b])
    expect(order).toEqual([-1, 2])
  })

  it('refuses a nonsense limit', () => {
    expect(() => new SlidingWindowLimiter(0, 1000)).toThrow(RangeError)
  })
})
