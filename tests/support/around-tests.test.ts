import { describe, expect, it } from 'vitest'
import { readThrough, startedAround, startedPerKey } from './around-tests'

describe('startedAround each test, and readThrough', () => {
  const stopped: number[] = []
  let made = 0
  const current = startedAround(
    'each',
    'the counter',
    async () => ({ n: ++made, other: 'x' }),
    (c) => void stopped.push(c.n),
  )
  const view = readThrough(current, ['n'])

  it('starts a fresh one before each test; the view reads its fields, and only the keys named', () => {
    expect(current().n).toBe(made)
    expect(view.n).toBe(current().n)
    expect(Object.keys(view)).toEqual(['n'])
  })

  it('stops the one of the test before', () => {
    expect(stopped).toEqual([current().n - 1])
    expect(view.n).toBe(current().n)
  })
})

describe('startedAround all tests, read outside them', () => {
  let thrown: unknown = null
  const once = startedAround(
    'all',
    'the rig',
    async () => 1,
    () => undefined,
  )
  try {
    once()
  } catch (err) {
    thrown = err
  }

  it('throws while the file is collected, naming it and when it starts; inside a test it is there', () => {
    expect(String(thrown)).toBe('Error: the rig is started before the tests: read it inside a test')
    expect(once()).toBe(1)
  })
})

describe('startedPerKey', () => {
  const closed: string[] = []
  const started = startedPerKey('the emulators', ['a', 'b'], async (key) => ({ key, close: async () => void closed.push(key) }))

  it('starts one per key before the tests and gives each by its key; a key not started is a clear error', () => {
    expect([started('a').key, started('b').key]).toEqual(['a', 'b'])
    expect(closed).toEqual([])
    expect(() => started('c')).toThrow('the emulators: nothing was started for c')
  })
})
