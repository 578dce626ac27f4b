/**
 * Waiting in tests without sleeping: every wait here ends as soon as its condition holds, and its
 * timeout is only a bound for a failure. Bounds are multiplied by KARGOJET_TEST_TIME_SCALE (default 1),
 * so a slow or busy machine can stretch them all at once without touching a test.
 */

import type { EventName, EventPayloads } from '../../shared/contract/events'

/** An event source in the house style (`onDid*`): subscribing returns the unsubscribe function. */
export type Subscribe<T> = (listener: (value: T) => void) => () => void

/** Anything with a station's `subscribe(listener(name, payload))`: the in-process Station. */
type StationLike = Readonly<{ subscribe: (listener: <E extends EventName>(name: E, payload: EventPayloads[E]) => void) => () => void }>

/** One kind of a station's events, as an event source for `waitFor`. */
export function stationEvents<N extends EventName>(station: StationLike, name: N): Subscribe<EventPayloads[N]> {
  return (listener) =>
    station.subscribe((event, payload) => {
      if ((event as EventName) === name) listener(payload as EventPayloads[N])
    })
}

/** `ms` stretched by KARGOJET_TEST_TIME_SCALE (a number ≥ 1; anything else counts as 1). */
export function scaledMs(ms: number): number {
  const scale = Number(process.env.KARGOJET_TEST_TIME_SCALE)
  return Number.isFinite(scale) && scale > 1 ? Math.round(ms * scale) : ms
}

/** The one listen-until-match loop: `check` maps each event to a hit (wrapped, so a hit may be undefined) or null. */
function settle<V, T>(subscribe: Subscribe<V>, check: (value: V) => { hit: T } | null, timeoutMs: number, why: () => string): Promise<T> {
  return new Promise((resolve, reject) => {
    let done = false
    let off: (() => void) | null = null
    const finish = () => ((done = true), clearTimeout(timer), off?.())
    const timer = setTimeout(() => (finish(), reject(new Error(why()))), scaledMs(timeoutMs))
    timer.unref() // a wait nobody awaits any more must not hold the process open
    off = subscribe((value) => {
      if (done) return
      const found = check(value)
      if (found) (finish(), resolve(found.hit))
    })
    if (done) off() // the source answered while subscribing
  })
}

/** Resolves with the first event matching `pred`; rejects after `timeoutMs` (a bound, not a sleep). */
export function waitFor<T>(
  subscribe: Subscribe<T>,
  pred: (value: T) => boolean = () => true,
  timeoutMs = 3000,
  what: string | (() => string) = 'event',
): Promise<T> {
  const why = () => `timed out waiting for ${typeof what === 'string' ? what : what()}`
  return settle(subscribe, (value) => (pred(value) ? { hit: value } : null), timeoutMs, why)
}

/** Resolves with the first `n` events; rejects after `timeoutMs`, saying how many came. */
export function collect<T>(subscribe: Subscribe<T>, n: number, timeoutMs = 3000): Promise<T[]> {
  const got: T[] = []
  return settle(
    subscribe,
    (value) => (got.push(value) >= n ? { hit: got } : null),
    timeoutMs,
    () => `timed out with ${got.length}/${n} events`,
  )
}

/**
 * Checks `probe` now and again after every event of `subscribe` (new bytes, a new reading …) until it
 * returns something other than undefined; rejects after `timeoutMs` with `why()` (say what was seen).
 */
export function waitUntil<T>(subscribe: Subscribe<void>, probe: () => T | undefined, timeoutMs: number, why: () => string): Promise<T> {
  const now = probe()
  if (now !== undefined) return Promise.resolve(now)
  return settle(
    subscribe,
    () => {
      const value = probe()
      return value === undefined ? null : { hit: value }
    },
    timeoutMs,
    why,
  )
}

/** Re-checks a condition that has no event (a database row, a page) until it holds or the bound passes. */
export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + scaledMs(timeoutMs)
  let last = await probe()
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${scaledMs(timeoutMs)} ms; last value: ${JSON.stringify(last)}`)
    await new Promise((r) => setTimeout(r, intervalMs))
    last = await probe()
  }
  return last
}
