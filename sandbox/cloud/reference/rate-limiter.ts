export type RateDecision = Readonly<{ allowed: true; remaining: number }> | Readonly<{ allowed: false; retryAfterSeconds: number }>

/**
 * A sliding-window log per station (seed 001: "300 istek / 1 dakika (sliding window)", 429 when
 * exceeded). Every request a station makes counts, replays included; Retry-After is the time until
 * the oldest request in the window leaves it, rounded up to whole seconds.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  admit(key: string, nowMs: number): RateDecision {
    const log = (this.hits.get(key) ?? []).filter((t) => t > nowMs - this.windowMs)
    this.hits.set(key, log)
    if (log.length >= this.limit) {
      const oldest = log[0] ?? nowMs
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - nowMs) / 1000)) }
    }
    log.push(nowMs)
    return { allowed: true, remaining: this.limit - log.length }
  }
}
