import { describe, expect, it } from 'vitest'
import { expectRetryAfterHonoured } from './carrier-rate-limit'

describe('expectRetryAfterHonoured', () => {
  const ok = (at: number) => ({ status: 200, at })
  const refused = (at: number) => ({ status: 429, at })

  it('passes a log where each 429 is followed, after the wait, by a request let through', () => {
    expect(() => expectRetryAfterHonoured([ok(0), refused(10), ok(1000), refused(1100), ok(2100)])).not.toThrow()
  })

  it.each([
    ['the limit never reached', [ok(0), ok(5)]],
    ['a 429 after a 429', [refused(0), refused(1000), ok(2000)]],
    ['a retry before Retry-After', [refused(0), ok(500)]],
    ['a 429 as the last word', [ok(0), refused(10)]],
  ])('fails %s', (_what, log) => {
    expect(() => expectRetryAfterHonoured(log)).toThrow()
  })
})
