import { describe, expect, it } from 'vitest'
import { PeriodicPass } from './periodic-pass'

describe('PeriodicPass', () => {
  it('runs one pass at a time: a caller during a pass gets that pass', async () => {
    let started = 0
    let release: () => void = () => {}
    const passes = new PeriodicPass(async () => {
      started++
      await new Promise<void>((resolve) => (release = resolve))
      return started
    }, 1000)
    const a = passes.run()
    const b = passes.run()
    expect(b).toBe(a)
    release()
    expect(await a).toBe(1)
    const c = passes.run()
    release()
    expect(await c).toBe(2)
  })

  it('after start, runs again intervalMs after a pass ends, even one that threw; dispose stops it', async () => {
    let runs = 0
    const passes = new PeriodicPass(async () => {
      runs++
      if (runs === 1) throw new Error('first pass fails')
      return runs
    }, 5)
    passes.start()
    await new Promise((resolve) => setTimeout(resolve, 100))
    passes.dispose()
    expect(passes.disposed).toBe(true)
    const seen = runs
    expect(seen).toBeGreaterThanOrEqual(2)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(runs).toBeLessThanOrEqual(seen + 1) // at most the pass already in flight
  })

  it.each([0, -1, Number.NaN])('refuses an interval of %s ms', (intervalMs) => {
    expect(() => new PeriodicPass(async () => 1, intervalMs)).toThrow(/intervalMs must be a positive number/)
  })
})
