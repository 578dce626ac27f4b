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

/**
 * One started thing per key (an emulator per error style, say) for all the tests of a file, each closed
 * after them; `get(key)` gives it inside a test.
 */
export function startedPerKey<K, T extends { close(): Promise<unknown> }>(label: string, keys: readonly K[], start: (key: K) => Promise<T>): (key: K) => T {
  const all = startedAround(
    'all',
    label,
    async () => {
      const started = new Map<K, T>()
      for (const key of keys) started.set(key, await start(key))
      return started
    },
    async (started) => {
      for (const t of started.values()) await t.close()
    },
  )
  return (key) => all().get(key) ?? failUnknownKey(label, key)
}

function failUnknownKey(label: string, key: unknown): never {
  throw new Error(`${label}: nothing was started for ${String(key)}`)
}

/** An object whose `keys` read `current()`'s fields at the time they are read (a rig's fields, read inside a test). */
export function readThrough<T extends object, K extends keyof T>(current: () => T, keys: readonly K[]): Pick<T, K> {
  const view = {} as Pick<T, K>
  for (const key of keys) Object.defineProperty(view, key, { enumerable: true, get: () => current()[key] })
  return view
}
