import { afterEach, describe, expect, it } from 'vitest'
import { Emitter } from '../../shared/emitter'
import { collect, eventually, scaledMs, waitFor, waitUntil } from './wait-for'

describe('wait-for: waits that end when their condition holds', () => {
  afterEach(() => void delete process.env.KARGOJET_TEST_TIME_SCALE)

  it('waitFor resolves with the first matching event and unsubscribes', async () => {
    const e = new Emitter<number>()
    const seen = waitFor(e.event, (n) => n > 1)
    e.fire(1)
    e.fire(2)
    e.fire(3)
    expect(await seen).toBe(2)
  })

  it('waitFor rejects after its bound, naming what it waited for', async () => {
    const e = new Emitter<number>()
    await expect(waitFor(e.event, () => true, 20, 'a reading')).rejects.toThrow('timed out waiting for a reading')
  })

  it('waitFor takes an event delivered while subscribing', async () => {
    const replay = (listener: (v: string) => void) => (listener('now'), () => undefined)
    expect(await waitFor(replay)).toBe('now')
  })

  it('waitUntil checks the state at once, then after each event', async () => {
    const e = new Emitter<void>()
    let lines = 1
    expect(
      await waitUntil(
        e.event,
        () => (lines >= 1 ? lines : undefined),
        1000,
        () => 'never',
      ),
    ).toBe(1)
    const two = waitUntil(
      e.event,
      () => (lines >= 3 ? lines : undefined),
      1000,
      () => `only ${lines}`,
    )
    lines = 2
    e.fire()
    lines = 3
    e.fire()
    expect(await two).toBe(3)
    await expect(
      waitUntil(
        e.event,
        () => undefined,
        20,
        () => `only ${lines}`,
      ),
    ).rejects.toThrow('only 3')
  })

  it('collect gathers n events', async () => {
    const e = new Emitter<string>()
    const two = collect(e.event, 2)
    e.fire('a')
    e.fire('b')
    expect(await two).toEqual(['a', 'b'])
  })

  it('eventually polls a condition without events', async () => {
    let n = 0
    expect(
      await eventually(
        async () => ++n,
        (v) => v >= 3,
        1000,
        1,
      ),
    ).toBe(3)
  })

  it('KARGOJET_TEST_TIME_SCALE stretches every bound (never shrinks it)', () => {
    expect(scaledMs(1000)).toBe(1000)
    process.env.KARGOJET_TEST_TIME_SCALE = '3'
    expect(scaledMs(1000)).toBe(3000)
    process.env.KARGOJET_TEST_TIME_SCALE = '0.1'
    expect(scaledMs(1000)).toBe(1000)
  })
})
