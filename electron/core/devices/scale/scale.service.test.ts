import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { Emitter } from '../../../../shared/emitter'
import type { ScaleDriver, ScaleReading } from './scale.port'
import { ScaleService, type ScaleStatus } from './scale.service'
import { SimulatedScaleDriver } from './simulated-scale.driver'

/** Seeded LCG so in-motion noise is the same on every run. */
function seededRandom(seed = 42): () => number {
  let s = seed
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
}

/** A driver that fails to open, to exercise backoff. */
class FailingDriver implements ScaleDriver {
  readonly model = 'failing'
  private readonly e = new Emitter<never>()
  constructor(private readonly onOpen: () => void) {}
  async open() {
    this.onOpen()
    throw new AppError(ErrorCode.scaleDisconnected, 'cannot open /dev/ttyUSB9: ENOENT', { retryable: true })
  }
  async close() {}
  onDidRead = this.e.event as ScaleDriver['onDidRead']
  onDidError = this.e.event as ScaleDriver['onDidError']
  onDidDisconnect = this.e.event as ScaleDriver['onDidDisconnect']
}

describe('ScaleService with the simulated scale', () => {
  let service: ScaleService | undefined
  let drivers: SimulatedScaleDriver[]

  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 })
    drivers = []
  })
  afterEach(async () => {
    await service?.dispose()
    service = undefined
    vi.useRealTimers()
  })

  function startService(opts: { intervalMs?: number } = {}) {
    const random = seededRandom()
    service = new ScaleService({
      createDriver: () => {
        const d = new SimulatedScaleDriver({ intervalMs: opts.intervalMs ?? 100, random })
        drivers.push(d)
        return d
      },
      backoff: { initialMs: 100, maxMs: 400 },
    })
    const statuses: ScaleStatus[] = []
    const settles: number[] = []
    const reads: ScaleReading[] = []
    service.onDidChangeStatus((s) => statuses.push(s))
    service.onDidSettle((w) => settles.push(w.grams))
    service.onDidRead((r) => reads.push(r))
    service.start()
    return { service, statuses, settles, reads }
  }

  it('reports in-motion readings, then settles once per placed parcel', async () => {
    const { settles, reads, statuses } = startService()
    await vi.advanceTimersByTimeAsync(50)
    expect(statuses).toEqual([{ connected: true }])
    drivers[0]!.place(1234, { settleMs: 600, noiseGrams: 40 })
    await vi.advanceTimersByTimeAsync(500)
    expect(settles).toEqual([])
    expect(reads.some((r) => !r.stable && r.grams !== 1234)).toBe(true)
    await vi.advanceTimersByTimeAsync(1000)
    expect(settles).toEqual([1234])
    // Same parcel resting: no second settle. Lift it and put it back: a new settle.
    await vi.advanceTimersByTimeAsync(2000)
    expect(settles).toEqual([1234])
    drivers[0]!.remove()
    await vi.advanceTimersByTimeAsync(600)
    drivers[0]!.place(1234, { settleMs: 300 })
    await vi.advanceTimersByTimeAsync(1000)
    expect(settles).toEqual([1234, 1234])
  })

  it('a parcel lifted and the next one put down within one reading interval still settles again', async () => {
    // The demo and the chaos tests swap parcels faster than the simulator's interval: the empty
    // pan must still be seen, or an identical second parcel never settles and the desk waits.
    const { settles } = startService({ intervalMs: 1000 })
    await vi.advanceTimersByTimeAsync(50)
    drivers[0]!.place(501, { settleMs: 0 })
    await vi.advanceTimersByTimeAsync(3000)
    expect(settles).toEqual([501])
    drivers[0]!.place(0, { settleMs: 0 })
    drivers[0]!.place(501, { settleMs: 0 })
    await vi.advanceTimersByTimeAsync(3000)
    expect(settles).toEqual([501, 501])
  })

  it('throttles onDidRead to 10 Hz and always delivers the newest reading', async () => {
    const { service, reads } = startService({ intervalMs: 10 })
    const emittedAt: number[] = []
    service.onDidRead(() => emittedAt.push(Date.now()))
    await vi.advanceTimersByTimeAsync(20)
    drivers[0]!.place(500, { settleMs: 0 })
    const before = reads.length
    await vi.advanceTimersByTimeAsync(1000)
    expect(reads.length - before).toBeLessThanOrEqual(11)
    expect(reads.length - before).toBeGreaterThanOrEqual(9)
    expect(reads.at(-1)?.grams).toBe(500)
    for (let i = 1; i < emittedAt.length; i++) expect(emittedAt[i]! - emittedAt[i - 1]!).toBeGreaterThanOrEqual(100)
    for (let i = 1; i < reads.length; i++) expect(reads[i]!.at).toBeGreaterThan(reads[i - 1]!.at) // never out of order
  })

  it('waitForStableWeight resolves with a weight already resting on the pan', async () => {
    const { service } = startService()
    await vi.advanceTimersByTimeAsync(50)
    drivers[0]!.place(800, { settleMs: 0 })
    await vi.advanceTimersByTimeAsync(1000)
    await expect(service.waitForStableWeight({ timeoutMs: 10 })).resolves.toMatchObject({ grams: 800 })
  })

  it('waitForStableWeight waits for minGrams and rejects with scale.unstable while the load keeps moving', async () => {
    const { service } = startService()
    await vi.advanceTimersByTimeAsync(50)
    const empty = service.waitForStableWeight({ timeoutMs: 2000, minGrams: 10 })
    const emptyResult = expect(empty).rejects.toMatchObject({ code: ErrorCode.scaleTimeout })
    await vi.advanceTimersByTimeAsync(2000)
    await emptyResult
    drivers[0]!.place(900, { settleMs: 60_000 })
    const moving = service.waitForStableWeight({ timeoutMs: 1500 })
    const movingResult = expect(moving).rejects.toMatchObject({ code: ErrorCode.scaleUnstable })
    await vi.advanceTimersByTimeAsync(1500)
    await movingResult
  })

  it('on disconnect: status says so at once, no weight is current, and it reconnects', async () => {
    const { service, statuses } = startService()
    await vi.advanceTimersByTimeAsync(50)
    drivers[0]!.place(700, { settleMs: 0 })
    await vi.advanceTimersByTimeAsync(500)
    expect(service.current()?.grams).toBe(700)
    drivers[0]!.disconnect()
    await vi.advanceTimersByTimeAsync(0)
    expect(service.current()).toBeNull()
    expect(statuses.at(-1)).toMatchObject({ connected: false, error: { code: ErrorCode.scaleDisconnected } })
    const waiting = service.waitForStableWeight({ timeoutMs: 50 })
    const waitResult = expect(waiting).rejects.toMatchObject({ code: ErrorCode.scaleDisconnected })
    await vi.advanceTimersByTimeAsync(100)
    await waitResult
    expect(drivers).toHaveLength(2)
    expect(statuses.at(-1)).toEqual({ connected: true })
  })

  it('a reading older than staleAfterMs is never current', async () => {
    const { service } = startService()
    await vi.advanceTimersByTimeAsync(50)
    drivers[0]!.place(300, { settleMs: 0 })
    await vi.advanceTimersByTimeAsync(300)
    await drivers[0]!.close() // readings stop without a disconnect event (a hung device)
    await vi.advanceTimersByTimeAsync(1001)
    expect(service.current()).toBeNull()
  })

  it('backs off exponentially (capped) while the port cannot be opened, without crashing', async () => {
    const attempts: number[] = []
    const statuses: ScaleStatus[] = []
    service = new ScaleService({
      createDriver: () => new FailingDriver(() => attempts.push(Date.now())),
      backoff: { initialMs: 100, maxMs: 400, factor: 2 },
    })
    service.onDidChangeStatus((s) => statuses.push(s))
    service.start()
    await vi.advanceTimersByTimeAsync(2000)
    const gaps = attempts.slice(1).map((t, i) => t - attempts[i]!)
    expect(gaps.slice(0, 5)).toEqual([100, 200, 400, 400, 400])
    expect(statuses).toHaveLength(1) // the same failure is reported once, not on every retry
    expect(statuses[0]).toMatchObject({ connected: false, error: { code: ErrorCode.scaleDisconnected } })
  })

  it('survives a driver factory that throws and a listener that throws', async () => {
    let calls = 0
    const errors: AppError[] = []
    service = new ScaleService({
      createDriver: () => {
        calls++
        if (calls === 1) throw new Error('boom in factory')
        return new SimulatedScaleDriver({ intervalMs: 100 })
      },
      backoff: { initialMs: 10 },
    })
    service.onDidError((e) => errors.push(e))
    service.onDidRead(() => {
      throw new Error('listener bug')
    })
    service.start()
    await vi.advanceTimersByTimeAsync(300)
    expect(calls).toBe(2)
    expect(service.status()).toEqual({ connected: true })
    expect(errors.some((e) => e.code === ErrorCode.internal && /listener bug/.test(e.message))).toBe(true)
    expect(service.current()).not.toBeNull()
  })

  it('zero and tare go to the driver; without a connection they fail with scale.disconnected', async () => {
    const { service } = startService()
    await expect(service.zero()).rejects.toMatchObject({ code: ErrorCode.scaleDisconnected })
    await vi.advanceTimersByTimeAsync(50)
    drivers[0]!.place(250, { settleMs: 0 })
    await service.tare()
    await vi.advanceTimersByTimeAsync(200)
    expect(service.current()?.grams).toBe(0)
  })

  it('dispose rejects pending waits and stops reconnecting', async () => {
    const { service } = startService()
    await vi.advanceTimersByTimeAsync(50)
    const pending = service.waitForStableWeight({ timeoutMs: 60_000 })
    const result = expect(pending).rejects.toMatchObject({ code: ErrorCode.scaleDisconnected })
    await service.dispose()
    await result
    drivers[0]!.disconnect()
    await vi.advanceTimersByTimeAsync(5000)
    expect(drivers).toHaveLength(1)
  })
})

describe('SimulatedScaleDriver', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }))
  afterEach(() => vi.useRealTimers())

  it('is deterministic with an injected random and ends stable on the exact weight', async () => {
    const run = async () => {
      const d = new SimulatedScaleDriver({ intervalMs: 100, random: seededRandom(7) })
      const seen: ScaleReading[] = []
      d.onDidRead((r) => seen.push(r))
      await d.open()
      d.place(1500, { settleMs: 300, noiseGrams: 30 })
      await vi.advanceTimersByTimeAsync(600)
      await d.close()
      return seen
    }
    const first = await run()
    vi.setSystemTime(0)
    const second = await run()
    expect(first.map((r) => r.grams)).toEqual(second.map((r) => r.grams))
    expect(first.slice(0, 2).every((r) => !r.stable && Math.abs(r.grams - 1500) <= 30)).toBe(true)
    expect(first.at(-1)).toMatchObject({ grams: 1500, stable: true })
  })

  it('rejects fractional grams', () => {
    expect(() => new SimulatedScaleDriver().place(1.5)).toThrow(AppError)
  })
})
