import { describe, expect, it } from 'vitest'
import { currentTrackingStatus, isTerminal, sortTimeline, type TimelineEvent } from './timeline'

const ev = (status: TimelineEvent['status'], at: string, rawCode = 'X'): TimelineEvent => ({ status, rawCode, rawText: rawCode, at, location: null })

describe('tracking timeline', () => {
  it('sorts oldest first, keeping the order of same-instant events', () => {
    const a = ev('created', '2026-11-25T10:00:00+03:00', 'A')
    const b = ev('picked_up', '2026-11-25T08:00:00Z', 'B') // 11:00 in Turkey
    const c = ev('in_transit', '2026-11-25T08:00:00Z', 'C')
    expect(sortTimeline([c, b, a]).map((e) => e.rawCode)).toEqual(['A', 'C', 'B'])
  })

  it.each([
    ['the latest known status wins', [ev('created', '2026-11-25T08:00:00Z'), ev('in_transit', '2026-11-25T09:00:00Z')], null, 'in_transit'],
    [
      'an unknown code after in_transit keeps in_transit (never guessed as delivered)',
      [ev('in_transit', '2026-11-25T09:00:00Z'), ev(null, '2026-11-25T10:00:00Z', 'ZZ')],
      null,
      'in_transit',
    ],
    ['only unknown codes keep the previous state', [ev(null, '2026-11-25T10:00:00Z', 'ZZ')], 'picked_up', 'picked_up'],
    ['no events keep the previous state', [], 'created', 'created'],
    ['nothing known at all is null', [ev(null, '2026-11-25T10:00:00Z')], null, null],
    [
      "the carrier's own present state beats a later scan",
      [{ ...ev('delivered', '2026-11-25T09:00:00Z'), current: true }, ev('in_transit', '2026-11-25T12:00:00Z')],
      null,
      'delivered',
    ],
    [
      'an unknown present state leaves it to the scans',
      [{ ...ev(null, '2026-11-25T13:00:00Z'), current: true }, ev('in_transit', '2026-11-25T12:00:00Z')],
      null,
      'in_transit',
    ],
    [
      'the latest of two present states wins',
      [
        { ...ev('in_transit', '2026-11-25T09:00:00Z'), current: true },
        { ...ev('return_in_transit', '2026-11-25T10:00:00Z'), current: true },
      ],
      null,
      'return_in_transit',
    ],
  ] as const)('%s', (_name, events, previous, expected) => {
    expect(currentTrackingStatus(events, previous)).toBe(expected)
  })

  it('knows the terminal states', () => {
    expect(['delivered', 'returned_to_sender', 'cancelled'].every(isTerminal)).toBe(true)
    expect(['in_transit', 'failed_attempt', 'exception', null].some((s) => isTerminal(s))).toBe(false)
  })
})
