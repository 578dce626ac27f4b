import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_STATION, startDemoReferenceCloud } from '../../sandbox/cloud/reference/demo-seed'
import type { ReferenceCloud } from '../../sandbox/cloud/reference/reference-cloud'
import { startComToHomeEmulator, type ComToHomeEmulator } from '../../sandbox/comtohome/comtohome.emulator'
import { startZebraEmulator, type ZebraEmulator } from '../../sandbox/zebra/zebra-emulator'
import type { YurticiEmulator } from '../../sandbox/yurtici/yurtici.emulator'
import { loadConfig, mergeLayers } from '../../electron/core/config/config.loader'
import { createStation, type Station } from '../../electron/core/station'
import { createAdapters } from '../../electron/core/station.adapters'
import type { NewOrder } from '../../electron/core/orders/orders.repository'
import type { PackingView } from '../../shared/contract/views'
import { ownCard } from './rate-cards'
import { waitFor } from './wait-for'

export type Harness = Readonly<{
  dir: string
  station: Station
  zebra: ZebraEmulator
  carrier: ComToHomeEmulator
  /** The reference cloud with the demo station and the demo orders (as in demo mode). */
  cloud: ReferenceCloud
  place(grams: number): void
  /**
   * Adds an order to the harness's cloud and pulls it, the way every order reaches a desk (the desk
   * claims it there before packing). Returns its id (`test-…` unless given).
   */
  addOrder(order: NewOrder): Promise<string>
  /** Resolves with the first packing view that satisfies `pred` (including the current one). */
  waitForView(pred: (v: PackingView) => boolean, timeoutMs?: number): Promise<PackingView>
  restart(): Promise<Station>
  dispose(): Promise<void>
}>

/**
 * A whole station on a temp data folder with real emulators on 127.0.0.1: Zebra over TCP,
 * ComToHome over HTTP, the reference cloud over HTTP (in memory, faults off, seeded as in demo mode),
 * and the simulated scale.
 */
export async function startHarness(
  options: {
    overrides?: Record<string, unknown>
    carrierOptions?: Parameters<typeof startComToHomeEmulator>[0]
    cloudOrders?: number
    /** What the cloud's config sends beyond its defaults. With station.json `rateCards` in `overrides` and no `rateCards` here, the cloud sends none (cloud cards would win). */
    cloudConfig?: NonNullable<Parameters<typeof startDemoReferenceCloud>[0]>['config']
  } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'kj-test-'))
  const zebra = await startZebraEmulator()
  const carrier = await startComToHomeEmulator(options.carrierOptions)
  // No rate limit worth meeting: tests pack faster than any packer (the limit has its own tests).
  const ownCards = options.overrides !== undefined && 'rateCards' in options.overrides && !options.cloudConfig?.rateCards
  const cloudConfig = ownCards ? { ...options.cloudConfig, rateCards: [] } : options.cloudConfig
  const { cloud } = await startDemoReferenceCloud({ batchSize: options.cloudOrders, rateLimit: { limit: 1_000_000, windowMs: 60_000 }, config: cloudConfig })
  const overrides = mergeLayers(
    {
      demo: true,
      scale: { driver: 'simulated' },
      printer: { uri: zebra.uri, statusTimeoutMs: 1500 },
      carriers: { comtohome: { baseUrl: carrier.url, apiKey: 'demo-key', timeoutMs: 3000 } },
      cloud: { baseUrl: cloud.url, apiKey: DEMO_STATION.apiKey, stationId: DEMO_STATION.id, pullIntervalMs: 60_000 },
    },
    options.overrides ?? {},
  )
  let adapters: ReturnType<typeof createAdapters>
  let station: Station
  const boot = async () => {
    const config = loadConfig(dir, overrides, join(dir, 'no-admin.json'))
    adapters = createAdapters(config)
    station = await createStation(dir, config, adapters)
    await station.sync?.syncNow()
    return station
  }
  await boot()
  return {
    dir,
    get station() {
      return station
    },
    zebra,
    carrier,
    cloud,
    place: (grams) => adapters.simulateWeight?.(grams),
    addOrder: async (order: NewOrder) => {
      const id = order.id ?? `test-${randomUUID()}`
      const lines = order.lines.map((l) => ({ ...l, gtin: l.gtin ?? null }))
      await cloud.addOrders([{ marketplace: null, codAmountKurus: null, mandatedCarrierId: null, ...order, id, lines }])
      await station.sync?.syncNow()
      return id
    },
    waitForView: (pred, timeoutMs = 10_000) => {
      const now = station.packing.view()
      return pred(now) ? Promise.resolve(now) : waitFor(station.packing.onDidChange, pred, timeoutMs, () => `a view; last step ${station.packing.view().step}`)
    },
    restart: async () => {
      await station.dispose()
      return boot()
    },
    dispose: async () => {
      await station.dispose()
      await Promise.allSettled([zebra.close(), carrier.close(), cloud.close()])
      rmSync(dir, { recursive: true, force: true })
    },
  } as Harness
}

/** Scans every item of the open order, by GTIN. */
export async function scanAllItems(station: Station): Promise<PackingView> {
  let v = station.packing.view()
  for (const line of v.order?.lines ?? []) {
    for (let i = line.packedQuantity; i < line.quantity; i++) v = await station.handlers['scan.submit']({ code: line.gtin ?? line.sku, source: 'scanner' })
  }
  return v
}

/**
 * Packs one order the way a packer does (a packer is logged in): the order code, every item, a box,
 * the parcel on the scale; then lifts it off. Resolves with the final view: packed, an exception, or the problem it stopped on.
 * The default box, KOLI2, fits every demo order's items (a box they do not fit is refused).
 */
export async function packOrder(h: Harness, code: string, box = 'KOLI2'): Promise<PackingView> {
  const scan = (c: string) => h.station.handlers['scan.submit']({ code: c, source: 'scanner' })
  await scan(code)
  await scanAllItems(h.station)
  const v = await scan(box)
  h.place(v.expectedGrams!)
  const done = await h.waitForView((x) => (x.step === 'packed' && x.order?.barcode === code) || x.step === 'exception' || x.problem !== null)
  h.place(0)
  return done
}

/** Quick weighing for a desk test's overrides: the simulated scale settles in 10 ms and two samples are stable. */
export const FAST_WEIGHING = { scale: { driver: 'simulated', settleMs: 10, intervalMs: 10 }, stability: { sampleCount: 2, minStableMs: 0 } }

/**
 * A harness whose desk buys from the Yurtiçi emulator `yk` on the seller's own card (`ownCard()`), with `overrides`
 * merged over that (a `rateCards` there replaces the card).
 */
export function startYurticiHarness(
  yk: YurticiEmulator,
  overrides: Record<string, unknown> = {},
  options: Omit<Parameters<typeof startHarness>[0], 'overrides'> = {},
): Promise<Harness> {
  return startHarness({ ...options, overrides: mergeLayers({ carriers: { yurtici: { enabled: true, url: yk.url } }, rateCards: [ownCard()] }, overrides) })
}
