import { describe, expect, it } from 'vitest'
import { parseRetryAfterMs } from './retry-after'

describe('Retry-After header (RFC 9110 §10.2.3)', () => {
  const now = Date.parse('2026-01-01T00:00:00Z')

  it.each([
    ['delta-seconds', '3', 3000],
    ['delta-seconds, longer', '30', 30_000],
    ['zero', '0', 0],
    ['an HTTP-date ten seconds on', 'Thu, 01 Jan 2026 00:00:10 GMT', 10_000],
    ['a date in the past', 'Wed, 21 Oct 2015 07:28:00 GMT', 0],
  ])('%s', (_what, header, ms) => expect(parseRetryAfterMs(header, now)).toBe(ms))

  it('an HTTP-date in the future is the time until then, by the real clock when none is given', () => {
    const at = new Date(Date.now() + 5 * 60_000)
    const ms = parseRetryAfterMs(at.toUTCString())!
    expect(ms).toBeGreaterThan(4 * 60_000)
    expect(ms).toBeLessThanOrEqual(5 * 60_000)
  })

  it.each([[null], [undefined], [''], ['  '], ['soon'], ['-']])('ignores %j', (header) => {
    expect(parseRetryAfterMs(header, now)).toBeUndefined()
  })
})
