import { expect, it } from 'vitest'

/** What the contract reads from an emulator's request log. */
export type ThrottledLogEntry = Readonly<{ status: number | null; at: number; operation?: string | null }>

export type RateLimitEmulator = Readonly<{ requests: readonly ThrottledLogEntry[]; close(): Promise<void> }>

/**
 * One carrier's case of the rate-limit contract. None of these carriers publishes a limit, so the
 * emulator's is set small (`limit` requests a second); `burst` sends more than that through the
 * connector and checks its own results.
 */
export type RateLimitCase<E extends RateLimitEmulator> = Readonly<{
  title: string
  limit: number
  start: (rateLimit: Readonly<{ limit: number; windowMs: number }>) => Promise<E>
  burst: (emu: E) => Promise<void>
  /** When set, the log holds exactly these operations (e.g. no lookup went out: a throttled create stored nothing). */
  operations?: readonly string[]
  /** The least gap between a 429 and the request after it. Default 990 ms: Retry-After is 1 s, timed from the answer. */
  minGapMs?: number
}>

/**
 * A connector that honours Retry-After never meets the limiter twice in a row: after a 429 it waits
 * until the window has room. Checks a request log for that: the limit was reached, and every 429 is
 * followed by a request that was let through, at least `minGapMs` later.
 */
export function expectRetryAfterHonoured(log: readonly ThrottledLogEntry[], minGapMs = 990): void {
  const throttled = log.flatMap((r, i) => (r.status === 429 ? [i] : []))
  expect(throttled.length, 'the limit was really reached').toBeGreaterThan(0)
  for (const i of throttled) {
    const next = log[i + 1]
    expect(next, 'a throttled request is followed by another').toBeDefined()
    expect(next?.status).not.toBe(429)
    expect((next?.at ?? 0) - (log[i]?.at ?? 0)).toBeGreaterThanOrEqual(minGapMs)
  }
}

/** The contract as one test: real sleeps, since it is about time (a window of 1 s; a burst takes about two). */
export function itHonoursRetryAfter<E extends RateLimitEmulator>(c: RateLimitCase<E>): void {
  it(c.title, async () => {
    const emu = await c.start({ limit: c.limit, windowMs: 1000 })
    try {
      await c.burst(emu)
      expectRetryAfterHonoured(emu.requests, c.minGapMs)
      if (c.operations) expect(new Set(emu.requests.map((r) => r.operation))).toEqual(new Set(c.operations))
    } finally {
      await emu.close()
    }
  })
}

/** A burst's connector retries: attempts enough to wait out a window or two, with a short backoff of their own. */
export const BURST_RETRY = { maxAttempts: 6, baseDelayMs: 10 } as const

/** `count` creates one after the other (order B-<i> under key burst-<i>), as fast as the connector lets them go; what they returned. */
export async function createsInBurst<R>(count: number, create: (orderNumber: string, idempotencyKey: string) => Promise<R>): Promise<R[]> {
  const made: R[] = []
  for (let i = 0; i < count; i++) made.push(await create(`B-${i}`, `burst-${i}`))
  return made
}
