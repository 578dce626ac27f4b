import { afterAll, beforeAll, expect, it } from 'vitest'
import type { SampleShipmentRequest } from '../../sandbox/common/sample-request'
import {
  faultRunsTimeoutMs,
  httpFaultSequence,
  mulberry32,
  parcelsLike,
  parcelsOf,
  runCarrierFaultRuns,
  type FaultRunsOptions,
  type FaultRunsSummary,
  type LoggedFaultRequest,
} from './carrier-fault-runs'

/**
 * The frame of every carrier's exactly-once acceptance test (docs/reference/carriers.md §14): one emulator
 * for the file, N seeded fault runs through runCarrierFaultRuns, and proof that the faults really
 * happened. What is the carrier's own (its connector, the fault mix, what "a shipment for this
 * order" is, the label and lookup checks) is the case's `plan` and `verify`.
 */

/** What the frame reads from a carrier emulator: its request log and what it stored. */
export type FaultRunsEmulator = Readonly<{
  requests: readonly LoggedFaultRequest<string>[]
  shipments: readonly unknown[]
  close(): Promise<void>
}>

/** The connector's retries in a fault run: more attempts than faults queued, and no waiting (the runs are bounded by count). */
export const FAULT_RUN_RETRY = { maxAttempts: 8, sleep: async () => {} } as const

/**
 * For a carrier that documents no "already exists" refusal (Kolay Gelsin, Sendeo): the connector
 * without its look-before-buy (tested in its adapter test), so every fault meets a create or the
 * lookup after it; a 200 ms timeout bounds the hangs.
 */
export const WITHOUT_LOOK_BEFORE_BUY = { lookupBeforeCreate: false, timeoutMs: 200, retry: FAULT_RUN_RETRY } as const

/**
 * Up to 5 requests' fates a run, a fifth of them clean, so faults also reach the creates behind the
 * first saves and lookups; what a run that succeeded early left queued is dropped.
 */
export const deepFaultSequence = (plan: Parameters<typeof httpFaultSequence>[0]) =>
  httpFaultSequence(plan, { maxPerRun: 5, cleanRate: 0.2, clearAfterRun: true })

export type ExactlyOnceCase<E extends FaultRunsEmulator, F extends string, R> = Readonly<{
  title: string
  start: () => Promise<E>
  /** The seed of the runs' PRNG, so a failing run can be replayed. */
  seed: number
  /** Default 500. */
  runs?: number
  /** The fault mix, armed on the started emulator (before `plan`, so that its fault type types the rest). */
  faults: (emu: E) => FaultRunsOptions<F, R>['faults']
  /** The carrier's part of the runs on the started emulator; `random` is the runs' PRNG, for a connector that shares it. */
  plan: (emu: E, random: () => number) => Omit<FaultRunsOptions<F, R>, 'runs' | 'random' | 'requests' | 'totalShipments' | 'faults'>
  /** The least count of faulted requests that shows the faults really happened. Default: one per run. */
  minInjected?: number
  /** What the whole must show besides (e.g. that many runs went through a lookup after a doubtful attempt). */
  verify?: (summary: FaultRunsSummary<F>, emu: E) => void
}>

/** Run `run`'s order from a carrier's sample request: order number SIP-<run> and parcelsOf(run) copies of its first parcel. */
export function runRequest(
  sample: (over?: Partial<SampleShipmentRequest>) => SampleShipmentRequest,
  run: number,
  over: Partial<SampleShipmentRequest> = {},
): SampleShipmentRequest {
  return sample({ orderNumber: `SIP-${run}`, packages: parcelsLike(sample().packages, parcelsOf(run)), ...over })
}

/** The exactly-once test as one `it`, with its emulator started before and closed after. */
export function itIsExactlyOnce<E extends FaultRunsEmulator, F extends string, R>(c: ExactlyOnceCase<E, F, R>): void {
  const runs = c.runs ?? 500
  let emu: E
  beforeAll(async () => {
    emu = await c.start()
  })
  afterAll(() => emu.close())

  it(
    c.title,
    async () => {
      const random = mulberry32(c.seed)
      const summary = await runCarrierFaultRuns({
        runs,
        random,
        // The log holds the faults the case's plan armed (F); typed apart so that F is read from the plan.
        requests: () => emu.requests as readonly LoggedFaultRequest<F>[],
        totalShipments: () => emu.shipments.length,
        faults: c.faults(emu),
        ...c.plan(emu, random),
      })
      expect(summary.injected, 'the faults really happened').toBeGreaterThan(c.minInjected ?? runs)
      c.verify?.(summary, emu)
    },
    faultRunsTimeoutMs(runs),
  )
}
