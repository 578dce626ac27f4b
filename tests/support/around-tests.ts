import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'

/**
 * What a test file starts around its tests: before each test (`each`) or once before them all (`all`), stopped after.
 * The returned `current()` gives it inside the tests and throws outside them, where it is not started.
 */
export function startedAround<T>(scope: 'each' | 'all', label: string, start: () => Promise<T>, stop: (started: T) => unknown, timeoutMs?: number): () => T {
  let started: T | null = null
  const [before, after] = scope === 'each' ? [beforeEach, afterEach] : [beforeAll, afterAll]
  before(async () => {
    started = await start()
  }, timeoutMs)
  after(async () => {
    const done = started
    started = null
    if (done !== null) await stop(done)
  })
  return () => {
    if (started === null) throw new Error(`${label} is started ${scope === 'each' ? 'before each test' : 'before the tests'}: read it inside a test`)
    return started
  }
}

/** An object whose `keys` read `current()`'s fields at the time they are read (a rig's fields, read inside a test). */
export function readThrough<T extends object, K extends keyof T>(current: () => T, keys: readonly K[]): Pick<T, K> {
  const view = {} as Pick<T, K>
  for (const key of keys) Object.defineProperty(view, key, { enumerable: true, get: () => current()[key] })
  return view
}
