import { describe, expect, it } from 'vitest'
import type { ScaleReading } from './scale.port'
import { defaultStabilityRule, evaluateStability, initialSettleState, isStale, stepSettle, type SettleState, type StabilityVerdict } from './scale-stability'

/** Shorthand: [grams, stable, atMs, condition?] */
type R = [number, boolean, number, ScaleReading['condition']?]
const readings = (rows: R[]): ScaleReading[] =>
  rows.map(([grams, stable, at, condition]) => (condition ? { grams, stable, at, condition } : { grams, stable, at }))

describe('evaluateStability (N=3, ±5 g, T=300 ms, stale after 1000 ms)', () => {
  const cases: ReadonlyArray<[string, R[], number, StabilityVerdict]> = [
    ['no readings', [], 0, { stable: false, reason: 'noReadings' }],
    [
      'three stable over 300 ms',
      [
        [1000, true, 0],
        [1000, true, 150],
        [1000, true, 300],
      ],
      300,
      { stable: true, grams: 1000, at: 300 },
    ],
    [
      'within ±5 g of newest',
      [
        [996, true, 0],
        [1004, true, 150],
        [1000, true, 300],
      ],
      350,
      { stable: true, grams: 1000, at: 300 },
    ],
    [
      '6 g off breaks the run',
      [
        [994, true, 0],
        [1000, true, 150],
        [1000, true, 300],
      ],
      300,
      { stable: false, reason: 'settling' },
    ],
    [
      'only two readings',
      [
        [1000, true, 0],
        [1000, true, 300],
      ],
      300,
      { stable: false, reason: 'settling' },
    ],
    [
      'three readings but only 200 ms',
      [
        [1000, true, 100],
        [1000, true, 200],
        [1000, true, 300],
      ],
      300,
      { stable: false, reason: 'settling' },
    ],
    [
      'device says in motion',
      [
        [1000, true, 0],
        [1000, true, 150],
        [1000, false, 300],
      ],
      300,
      { stable: false, reason: 'moving' },
    ],
    [
      'a dynamic frame inside the run',
      [
        [1000, true, 0],
        [1000, false, 100],
        [1000, true, 200],
        [1000, true, 300],
        [1000, true, 400],
      ],
      400,
      { stable: false, reason: 'settling' },
    ],
    [
      'run after motion long enough',
      [
        [1200, false, 0],
        [1000, true, 100],
        [1000, true, 250],
        [1000, true, 400],
      ],
      400,
      { stable: true, grams: 1000, at: 400 },
    ],
    [
      'stale newest',
      [
        [1000, true, 0],
        [1000, true, 150],
        [1000, true, 300],
      ],
      1301,
      { stable: false, reason: 'stale' },
    ],
    [
      'exactly at stale limit is fresh',
      [
        [1000, true, 0],
        [1000, true, 150],
        [1000, true, 300],
      ],
      1300,
      { stable: true, grams: 1000, at: 300 },
    ],
    [
      'overload',
      [
        [1000, true, 0],
        [1000, true, 150],
        [0, false, 300, 'overload'],
      ],
      300,
      { stable: false, reason: 'overload' },
    ],
    ['underload', [[0, false, 300, 'underload']], 300, { stable: false, reason: 'underload' }],
  ]
  it.each(cases)('%s', (_name, rows, now, verdict) => {
    expect(evaluateStability(readings(rows), now, defaultStabilityRule)).toEqual(verdict)
  })

  it('honours a custom rule', () => {
    const rule = { sampleCount: 2, toleranceGrams: 20, minStableMs: 100, staleAfterMs: 500 }
    expect(
      evaluateStability(
        readings([
          [990, true, 0],
          [1010, true, 100],
        ]),
        100,
        rule,
      ),
    ).toEqual({ stable: true, grams: 1010, at: 100 })
  })

  it('isStale is strict beyond staleAfterMs', () => {
    expect(isStale({ grams: 1, stable: true, at: 0 }, 1000)).toBe(false)
    expect(isStale({ grams: 1, stable: true, at: 0 }, 1001)).toBe(true)
  })
})

describe('stepSettle', () => {
  /** Feeds readings one by one and returns the grams settled after each one (null where none). */
  function run(rows: R[], state: SettleState = initialSettleState) {
    const all = readings(rows)
    const settled: Array<number | null> = []
    for (let i = 0; i < all.length; i++) {
      const step = stepSettle(state, all.slice(0, i + 1), all[i]!.at)
      state = step.state
      settled.push(step.settled?.grams ?? null)
    }
    return settled.filter((g) => g !== null)
  }

  const cases: ReadonlyArray<[string, R[], number[]]> = [
    [
      'settles once for a parcel that stays',
      [
        [1000, true, 0],
        [1000, true, 150],
        [1000, true, 300],
        [1000, true, 450],
        [1001, true, 600],
      ],
      [1000],
    ],
    [
      'same weight again needs a removal',
      [
        [1000, true, 0],
        [1000, true, 150],
        [1000, true, 300],
        [0, true, 400],
        [0, true, 550],
        [0, true, 700],
        [1000, true, 800],
        [1000, true, 950],
        [1000, true, 1100],
      ],
      [1000, 1000],
    ],
    [
      'an added item (> tolerance) settles anew',
      [
        [1000, true, 0],
        [1000, true, 150],
        [1000, true, 300],
        [1250, false, 400],
        [1250, true, 500],
        [1250, true, 650],
        [1250, true, 800],
      ],
      [1000, 1250],
    ],
    [
      'drift within tolerance does not re-settle',
      [
        [1000, true, 0],
        [1000, true, 150],
        [1000, true, 300],
        [1004, true, 450],
        [1004, true, 600],
        [1004, true, 750],
      ],
      [1000],
    ],
    [
      'empty pan never settles',
      [
        [0, true, 0],
        [0, true, 150],
        [0, true, 300],
        [2, true, 450],
      ],
      [],
    ],
    [
      'negative never settles',
      [
        [-40, true, 0],
        [-40, true, 150],
        [-40, true, 300],
      ],
      [],
    ],
    [
      'overload does not re-arm',
      [
        [1000, true, 0],
        [1000, true, 150],
        [1000, true, 300],
        [0, false, 400, 'overload'],
        [1000, true, 500],
        [1000, true, 650],
        [1000, true, 800],
      ],
      [1000],
    ],
  ]
  it.each(cases)('%s', (_name, rows, expected) => {
    expect(run(rows)).toEqual(expected)
  })

  it('does not settle on stale readings', () => {
    const rows = readings([
      [1000, true, 0],
      [1000, true, 150],
      [1000, true, 300],
    ])
    expect(stepSettle(initialSettleState, rows, 5000).settled).toBeNull()
  })
})
