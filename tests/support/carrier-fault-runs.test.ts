import { describe, expect, it } from 'vitest'
import { mulberry32, runCarrierFaultRuns, type FaultRunsOptions } from './carrier-fault-runs'

// The harness of the carrier exactly-once tests must fail when a connector doubles or loses a
// shipment; here a fake "emulator" (an array) stands in for the carrier so each mistake is exact.
type Fault = 'lost' | 'refused'
const stored: string[] = []
const log: { fault: Fault | null; operation: string }[] = []

function options(over: Partial<FaultRunsOptions<Fault, string>> = {}): FaultRunsOptions<Fault, string> {
  stored.length = 0
  log.length = 0
  let queued: (Fault | null)[] = []
  return {
    runs: 20,
    random: mulberry32(7),
    faults: {
      kind: 'sequence',
      weights: { lost: 2, refused: 1 },
      maxPerRun: 3,
      leading: { fault: 'refused', every: 10, at: 3 },
      arm: (s) => void (queued = [...s]),
    },
    requests: () => log,
    create: async (_, key) => {
      for (const fault of [...queued, null]) log.push({ fault, operation: fault === null ? 'create' : 'lookup' })
      queued = []
      stored.push(key)
      return key
    },
    shipmentsFor: (key) => stored.filter((k) => k === key),
    totalShipments: () => stored.length,
    ...over,
  }
}

describe('runCarrierFaultRuns', () => {
  it('replays the same faults from the same seed and tallies them', async () => {
    const a = await runCarrierFaultRuns(options())
    const b = await runCarrierFaultRuns(options())
    expect(a.records.map((r) => r.sequence)).toEqual(b.records.map((r) => r.sequence))
    expect(a.records[3]?.sequence?.[0]).toBe('refused') // the leading fault
    expect(a.runs).toBe(20)
    expect((a.drawn.lost ?? 0) + (a.drawn.refused ?? 0)).toBe(a.injected)
    expect(a.hit).toEqual(a.drawn)
    expect(a.attempts).toBe(a.injected + 20)
    expect(a.runsThatSent('lookup')).toBe(a.records.filter((r) => (r.sequence?.length ?? 0) > 0).length)
  })

  it('fails a run that stored its order twice', async () => {
    const o = options()
    const twiceAt5 = async (run: number, key: string) => {
      if (run === 5) stored.push(key)
      return o.create(run, key)
    }
    await expect(runCarrierFaultRuns({ ...o, create: twiceAt5 })).rejects.toThrow(/run 5 \(run-5\)/)
  })

  it('fails a run that stored nothing', async () => {
    const o = options()
    await expect(runCarrierFaultRuns({ ...o, create: async (run, key) => (run === 2 ? key : o.create(run, key)) })).rejects.toThrow(/run 2 \(run-2\)/)
  })

  it('fails a duplicate that lands after its run was checked, and a shipment no run owns', async () => {
    const alsoStoring = (extra: string, o: FaultRunsOptions<Fault, string>) => async (run: number, key: string) => {
      if (run === 9) stored.push(extra)
      return o.create(run, key)
    }
    const late = options()
    await expect(runCarrierFaultRuns({ ...late, create: alsoStoring('run-1', late) })).rejects.toThrow(/run 1 at the end/)
    const stray = options()
    await expect(runCarrierFaultRuns({ ...stray, create: alsoStoring('someone-else', stray) })).rejects.toThrow(/shipments in the emulator/)
  })

  it('arms per-request rates once, runs in batches and disarms even when a run throws', async () => {
    const armed: string[] = []
    const o = options({
      concurrency: 4,
      faults: { kind: 'rates', rates: { lost: 0.1 }, arm: () => void armed.push('arm'), disarm: () => void armed.push('disarm') },
    })
    const summary = await runCarrierFaultRuns(o)
    expect(armed).toEqual(['arm', 'disarm'])
    expect(summary.records.map((r) => r.run)).toEqual(Array.from({ length: 20 }, (_, i) => i))
    expect(summary.records.every((r) => r.operations === null && r.sequence === null)).toBe(true)
    armed.length = 0
    await expect(runCarrierFaultRuns({ ...o, create: async () => Promise.reject(new Error('down')) })).rejects.toThrow('down')
    expect(armed).toEqual(['arm', 'disarm'])
  })
})
