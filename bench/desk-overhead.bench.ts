import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { startComToHomeEmulator } from '../sandbox/comtohome/comtohome.emulator'
import { startZebraEmulator } from '../sandbox/zebra/zebra-emulator'
import type { CarrierConnector } from '../electron/core/carriers/carrier.port'
import { loadConfig } from '../electron/core/config/config.loader'
import { insertOrder } from '../electron/core/orders/orders.repository'
import { createStation } from '../electron/core/station'
import { createAdapters } from '../electron/core/station.adapters'
import { eventually } from '../tests/support/wait-for'
import { summarize } from './stats'

/** Times every createShipment call, so the carrier's own latency can be taken out of the total. */
function timed(inner: CarrierConnector, sink: number[]): CarrierConnector {
  return {
    id: inner.id,
    displayName: inner.displayName,
    createShipment: async (req, opts) => {
      const t0 = performance.now()
      try {
        return await inner.createShipment(req, opts)
      } finally {
        sink.push(performance.now() - t0)
      }
    },
  }
}

/**
 * The desk's own overhead from the last scan (the box, with the parcel already stable on the
 * scale) to the ZPL accepted by the printer (Zebra emulator over TCP, ~HS checked before and
 * after the job), minus the time spent inside the carrier call (ComToHome emulator over HTTP).
 */
export async function benchDeskOverhead(orders = 80) {
  const dir = mkdtempSync(join(tmpdir(), 'kj-bench-'))
  const zebra = await startZebraEmulator()
  const carrier = await startComToHomeEmulator({ rateLimit: { limit: 100_000, windowMs: 60_000 } })
  const config = loadConfig(
    dir,
    { demo: true, scale: { driver: 'simulated' }, printer: { uri: zebra.uri }, carriers: { comtohome: { baseUrl: carrier.url, apiKey: 'demo-key' } } },
    join(dir, 'none.json'),
  )
  const adapters = createAdapters(config)
  const carrierMs: number[] = []
  const connectors = new Map([...adapters.connectors].map(([id, c]) => [id, timed(c, carrierMs)]))
  const station = await createStation(dir, config, { ...adapters, connectors })
  const db = station.database.db
  await db.insertInto('packers').values({ id: 'b', name: 'Bench', badge: 'B1', role: 'packer' }).execute()
  for (let i = 0; i < orders; i++) {
    await insertOrder(db, {
      orderNumber: `B-${i}`,
      barcode: `BENCH${i}`,
      recipient: { name: 'Ayşe Yıldız', address: 'Moda Caddesi No:18', district: 'Kadıköy', city: 'İstanbul', postalCode: '34710', phone: '+905321112233' },
      lines: [{ sku: 'KUPA-01', gtin: null, name: 'Kupa', quantity: 1, unitWeightGrams: 350 }],
    })
  }
  const scan = (code: string) => station.handlers['scan.submit']({ code, source: 'scanner' })
  await scan('B1')
  const totals: number[] = []
  for (let i = 0; i < orders; i++) {
    const grams = 470 + (i % 2)
    await scan(`BENCH${i}`)
    await scan('KUPA-01')
    // The parcel goes on the scale after the order is open (a weight from before never counts), then the box scan is the last scan.
    // Wait for the scale service's settle (the stability rule: N readings over minStableMs), which is
    // what the desk acts on; a snapshot reading "stable" can come earlier and would time the rule, not the desk.
    const settled = new Promise<void>((resolve) => {
      const off = adapters.scale.onDidSettle((w) => {
        if (w.grams !== grams) return
        off()
        resolve()
      })
    })
    adapters.simulateWeight!(grams)
    await settled
    const printed = zebra.waitForJobs(i + 1, 10_000)
    const t0 = performance.now()
    await scan('KOLI1')
    await printed.catch((err: Error) => {
      const v = station.packing.view()
      throw new Error(`order ${i}: ${err.message}; desk at ${v.step}${v.problem ? ` (${v.problem.code}: ${v.problem.message})` : ''}`)
    })
    totals.push(performance.now() - t0)
    // The printer has the label (the measured moment); the desk marks the order packed right after.
    await eventually(
      () => Promise.resolve(station.packing.view()),
      (v) => v.step === 'packed' || v.problem !== null,
      5000,
      5,
    )
    if (station.packing.view().step !== 'packed') throw new Error(`order ${i} ended in ${station.packing.view().step}`)
    // The packer takes the parcel off: an empty pan re-arms the settle detection for the next one
    // (a weight within the stability tolerance of the last settled one is the same parcel, not a new one).
    adapters.simulateWeight!(0)
    await eventually(
      () => station.snapshot(),
      (snap) => (snap.scale?.grams ?? 0) === 0,
      5000,
      10,
    )
  }
  await station.dispose()
  await Promise.all([zebra.close(), carrier.close()])
  rmSync(dir, { recursive: true, force: true })
  const warm = 5
  const overhead = totals.map((t, i) => t - (carrierMs[i] ?? 0))
  return { total: summarize(totals.slice(warm)), carrier: summarize(carrierMs.slice(warm)), overhead: summarize(overhead.slice(warm)) }
}
