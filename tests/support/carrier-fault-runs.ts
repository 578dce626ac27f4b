import { expect } from 'vitest'
import { HttpFault } from '../../sandbox/common/http-emulator'
import { scaledMs } from './wait-for'

/**
 * The shared loop of the carrier exactly-once fault tests (docs/reference/carriers.md §14): N seeded runs, each
 * creating one shipment under its own idempotency key while the emulator loses, cuts, spoils or
 * refuses answers; then every run must have left exactly one shipment under its key (none doubled,
 * none lost) and the emulator must hold nothing else. What is carrier-specific (the emulator, the
 * fault mix, what "a shipment for this order" is, the label and lookup checks) stays in each test.
 */

/**
 * The mix of the emulators built on sandbox/common/http-emulator: every HTTP fault but the hang, with
 * answers lost after commit weighted double (they are the case that buys twice when handled wrong).
 */
export const HTTP_FAULT_WEIGHTS: Readonly<Partial<Record<HttpFault, number>>> = {
  [HttpFault.dropAfterCommit]: 2,
  [HttpFault.halfResponse]: 1,
  [HttpFault.malformed]: 1,
  [HttpFault.http500]: 1,
  [HttpFault.http503]: 1,
  [HttpFault.http429]: 1,
  [HttpFault.connectionReset]: 1,
}

/** One hang (until the connector's short timeout) first in runs 7, 107, 207, … */
export const HANG_EVERY_100 = { fault: HttpFault.timeout, every: 100, at: 7 } as const

/**
 * The fault mix above as a run's queued sequence on an emulator's fault plan: 0..maxPerRun faults,
 * a hang first every 100 runs; `clearAfterRun` drops what a run that succeeded early left queued.
 */
export function httpFaultSequence(
  plan: Readonly<{ queue(sequence: readonly (HttpFault | null)[]): void; clearQueued(): void }>,
  o: Readonly<{ maxPerRun: number; cleanRate?: number; clearAfterRun?: boolean }>,
): SequenceFaults<HttpFault> {
  return {
    kind: 'sequence',
    weights: HTTP_FAULT_WEIGHTS,
    maxPerRun: o.maxPerRun,
    ...(o.cleanRate === undefined ? {} : { cleanRate: o.cleanRate }),
    leading: HANG_EVERY_100,
    arm: (sequence) => plan.queue(sequence),
    ...(o.clearAfterRun ? { disarm: () => plan.clearQueued() } : {}),
  }
}

/** Every fifth run ships two parcels, so multi-parcel orders meet the faults too. */
export const parcelsOf = (run: number): number => (run % 5 === 0 ? 2 : 1)

/** `count` copies of a sample request's first parcel, indexed 0..count−1. */
export function parcelsLike<P extends { index: number }>(packages: readonly P[], count: number): P[] {
  const first = packages[0]
  if (!first) throw new Error('the sample request has no parcel')
  return Array.from({ length: count }, (_, index) => ({ ...first, index }))
}

/**
 * The wall-clock bound of a test of `runs` fault runs. The work is bounded by the count of runs, not by
 * time; this bound only catches a hang. It allows 300 ms a run, about ten times what a run costs on a
 * quiet machine, so a busy one does not fail the test; KARGOJET_TEST_TIME_SCALE stretches it further.
 */
export const faultRunsTimeoutMs = (runs: number): number => scaledMs(Math.max(30_000, runs * 300))

/** mulberry32: a small seeded PRNG, so a failing run can be replayed from its seed. */
export function mulberry32(seed: number): () => number {
  let s = seed | 0
  return () => {
    s = (s + 0x6d2b79f5) | 0
    let t = Math.imul(s ^ (s >>> 15), 1 | s)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Each run queues its own fault sequence before it starts: 0..maxPerRun faults drawn by weight
 * (weights are relative; a key listed first is drawn first for the same random number, so keep the
 * order stable to replay a seed), optionally a share of clean answers among them, and optionally one
 * leading fault (a hang) every `every` runs.
 */
export type SequenceFaults<F extends string> = Readonly<{
  kind: 'sequence'
  weights: Readonly<Partial<Record<F, number>>>
  maxPerRun: number
  /** Probability that an entry answers normally (null) instead of drawing a fault. */
  cleanRate?: number
  /** `fault` goes first in the runs where run % every === at. */
  leading?: Readonly<{ fault: F; every: number; at: number }>
  /** Queues the sequence on the emulator (null = answer normally). */
  arm: (sequence: readonly (F | null)[]) => void
  /** After each run: drop what a run that succeeded early left queued. */
  disarm?: () => void
}>

/** Every request independently draws a fault with these probabilities (sum ≤ 1), armed once for all runs. */
export type RateFaults<F extends string> = Readonly<{
  kind: 'rates'
  rates: Readonly<Partial<Record<F, number>>>
  arm: (rates: Readonly<Partial<Record<F, number>>>, random: () => number) => void
  disarm: () => void
}>

/** What the helper needs from an emulator's request log. */
export type LoggedFaultRequest<F extends string> = Readonly<{ fault: F | null; operation?: string | null }>

/** One run as it happened. */
export type FaultRun<F extends string> = Readonly<{
  run: number
  key: string
  /** The queued faults (sequence mode), null under per-request rates. */
  sequence: readonly (F | null)[] | null
  /** The operations the emulator logged during this run; null when runs overlap (concurrency > 1). */
  operations: readonly (string | null)[] | null
}>

export type FaultRunsOptions<F extends string, R> = Readonly<{
  runs: number
  random: () => number
  faults: SequenceFaults<F> | RateFaults<F>
  /** The emulator's request log (read live). */
  requests: () => readonly LoggedFaultRequest<F>[]
  /** The idempotency key of run i; `run-${i}` unless given. */
  keyOf?: (run: number) => string
  /** One createShipment through the connector for run i under `key`. */
  create: (run: number, key: string) => Promise<R>
  /** The emulator's stored shipments that belong to run i's order (looked up by what the key maps to). */
  shipmentsFor: (key: string, run: number) => readonly unknown[]
  /** How many stored rows one order makes; 1 unless a carrier stores each parcel apart (PTT). */
  expectedPerRun?: (run: number) => number
  /** Every stored shipment in the emulator, to prove nothing exists beyond the runs' own. */
  totalShipments: () => number
  /** The carrier's own assertions on run i's answer, after its shipment count was checked. */
  check?: (created: R, run: FaultRun<F>) => void | Promise<void>
  /** Runs at once, in batches (each batch waits for the one before). Default 1. */
  concurrency?: number
}>

export type FaultRunsSummary<F extends string> = Readonly<{
  runs: number
  /** Faults queued per kind (sequence mode; empty under rates). */
  drawn: Readonly<Partial<Record<F, number>>>
  /** Faults the emulator logged as injected, per kind. */
  hit: Readonly<Partial<Record<F, number>>>
  /** Sum of `hit`: how many requests were really faulted. */
  injected: number
  /** Requests the emulator served during the runs: every attempt, lookup and label fetch. */
  attempts: number
  records: readonly FaultRun<F>[]
  /** How many runs sent `operation` at least once (sequential runs only). */
  runsThatSent: (operation: string) => number
}>

/** Picks a key by relative weight with one random number. */
function pick<F extends string>(weights: Readonly<Partial<Record<F, number>>>, random: () => number): F | null {
  const entries = Object.entries(weights) as [F, number][]
  let draw = random() * entries.reduce((sum, [, w]) => sum + w, 0)
  for (const [fault, weight] of entries) {
    if (draw < weight) return fault
    draw -= weight
  }
  return null
}

function drawSequence<F extends string>(faults: SequenceFaults<F>, run: number, random: () => number): (F | null)[] {
  const sequence = Array.from({ length: Math.floor(random() * (faults.maxPerRun + 1)) }, () =>
    faults.cleanRate !== undefined && random() < faults.cleanRate ? null : pick(faults.weights, random),
  )
  const lead = faults.leading
  if (lead && run % lead.every === lead.at) sequence.unshift(lead.fault)
  return sequence
}

const bump = <F extends string>(tally: Partial<Record<F, number>>, fault: F | null): void => {
  if (fault !== null) tally[fault] = (tally[fault] ?? 0) + 1
}

/**
 * Runs `runs` seeded fault runs and asserts exactly-once: after each run its order has exactly the
 * expected shipments, and after all runs every order still has (a request the connector gave up on
 * cannot have landed later as a second one) and the emulator holds nothing else.
 */
export async function runCarrierFaultRuns<F extends string, R>(o: FaultRunsOptions<F, R>): Promise<FaultRunsSummary<F>> {
  const { faults, random } = o
  const keyOf = o.keyOf ?? ((run: number) => `run-${run}`)
  const expected = o.expectedPerRun ?? (() => 1)
  const concurrency = o.concurrency ?? 1
  const drawn: Partial<Record<F, number>> = {}
  const records: FaultRun<F>[] = []
  const from = o.requests().length

  const one = async (run: number): Promise<void> => {
    let sequence: (F | null)[] | null = null
    if (faults.kind === 'sequence') {
      sequence = drawSequence(faults, run, random)
      for (const f of sequence) bump(drawn, f)
      faults.arm(sequence)
    }
    const before = o.requests().length
    const key = keyOf(run)
    const created = await o.create(run, key)
    const mine = o.shipmentsFor(key, run)
    expect(mine, `run ${run} (${key}), faults: ${sequence?.join(',') ?? 'random'}`).toHaveLength(expected(run))
    const operations =
      concurrency === 1
        ? o
            .requests()
            .slice(before)
            .map((r) => r.operation ?? null)
        : null
    const record: FaultRun<F> = { run, key, sequence, operations }
    records.push(record)
    await o.check?.(created, record)
    if (faults.kind === 'sequence') faults.disarm?.()
  }

  if (faults.kind === 'rates') faults.arm(faults.rates, random)
  try {
    for (let start = 0; start < o.runs; start += concurrency) {
      await Promise.all(Array.from({ length: Math.min(concurrency, o.runs - start) }, (_, j) => one(start + j)))
    }
  } finally {
    if (faults.kind === 'rates') faults.disarm()
  }

  let expectedTotal = 0
  for (let run = 0; run < o.runs; run++) {
    expect(o.shipmentsFor(keyOf(run), run), `run ${run} at the end`).toHaveLength(expected(run))
    expectedTotal += expected(run)
  }
  expect(records).toHaveLength(o.runs)
  expect(o.totalShipments(), 'shipments in the emulator').toBe(expectedTotal)

  const served = o.requests().slice(from)
  const hit: Partial<Record<F, number>> = {}
  for (const r of served) bump(hit, r.fault)
  records.sort((a, b) => a.run - b.run)
  return {
    runs: o.runs,
    drawn,
    hit,
    injected: served.filter((r) => r.fault !== null).length,
    attempts: served.length,
    records,
    runsThatSent: (operation) => records.filter((r) => r.operations?.includes(operation)).length,
  }
}
