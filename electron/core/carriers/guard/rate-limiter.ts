import { sleep as realSleep } from '../../net/sleep'

/**
 * A client-side sliding-window limiter per carrier account ("N requests per minute", e.g. ComToHome's
 * 300/min in seed 001): `acquire` resolves when a request may go out without exceeding the window,
 * so the desk stays under the limit instead of collecting 429s.
 */
export class SlidingWindowLimiter {
  private readonly stamps: number[] = []
  private chain: Promise<void> = Promise.resolve()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void> = realSleep,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`)
  }

  /** Waits for a slot (callers are served in order) and counts the request. */
  acquire(signal?: AbortSignal): Promise<void> {
    const turn = this.chain.then(() => this.take(signal))
    this.chain = turn.catch(() => undefined) // a cancelled waiter must not block the ones behind it
    return turn
  }

  /** Requests counted in the current window. */
  inWindow(): number {
    this.evict(this.now())
    return this.stamps.length
  }

  private async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted()
      const t = this.now()
      this.evict(t)
      if (this.stamps.length < this.limit) {
        this.stamps.push(t)
        return
      }
      await this.sleep((this.stamps[0] ?? t) + this.windowMs - t, signal)
    }
  }

  private evict(t: number): void {
    while (this.stamps.length > 0 && (this.stamps[0] ?? 0) <= t - this.windowMs) this.stamps.shift()
  }
}
