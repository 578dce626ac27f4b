import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { startKolayGelsinEmulator, type KolayGelsinEmulator } from '../../sandbox/kolaygelsin/kolaygelsin.emulator'
import { SAMPLE_KOLAYGELSIN_SETTINGS } from '../../sandbox/kolaygelsin/kolaygelsin.fixtures'
import { ownCard } from '../support/rate-cards'
import { scanAllItems, startHarness, type Harness } from '../support/station-harness'

let h: Harness | null = null
let kg: KolayGelsinEmulator | null = null
afterEach(async () => {
  await h?.dispose()
  await kg?.close()
  h = kg = null
})

/** A port nobody listens on right now (the receiver's port must be known before the carrier is told it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
    s.once('error', reject)
  })
}

const fast = { scale: { driver: 'simulated', settleMs: 10, intervalMs: 10 }, stability: { sampleCount: 2, minStableMs: 0 } }
const HOOK = { scheme: 'basic', username: 'kg-hook', password: 'kg-hook-pass' } as const

describe('carrier pushes at the desk (carriers.webhooks)', () => {
  it('Kolay Gelsin posts each event to the desk: the packed order is tracked to delivered without a poll; a forged post changes nothing', async () => {
    const port = await freePort()
    kg = await startKolayGelsinEmulator({ webhook: { url: `http://127.0.0.1:${port}/webhooks/kolaygelsin`, auth: HOOK } })
    h = await startHarness({
      overrides: {
        carriers: {
          kolaygelsin: { enabled: true, origin: kg.origin, ...SAMPLE_KOLAYGELSIN_SETTINGS },
          tracking: { enabled: false },
          webhooks: { enabled: true, port, allowIps: ['127.0.0.1'], kolaygelsin: { auth: HOOK } },
        },
        rateCards: [ownCard({ carrierId: 'kolaygelsin', serviceCode: 'STD', name: 'Kolay Gelsin' })],
        ...fast,
      },
    })
    const t = h.station.handlers
    const status = await t['tracking.webhooks']({})
    expect(status).toMatchObject({ enabled: true, url: `http://127.0.0.1:${port}`, problem: null, routes: ['/webhooks/kolaygelsin'] })

    await t['scan.submit']({ code: 'P1001', source: 'scanner' })
    await t['scan.submit']({ code: 'KJ1002', source: 'scanner' })
    await scanAllItems(h.station)
    const v = await t['scan.submit']({ code: 'KOLI1', source: 'scanner' })
    h.place(v.expectedGrams!)
    const done = await h.waitForView((x) => x.step === 'packed' || x.problem !== null)
    expect(done.problem).toBeNull()
    const key = kg.shipments[0]!.shipmentId

    // One step per push (events of one advance share an instant); stop at delivered.
    for (let i = 0; i < 12 && (await t['shipments.timeline']({ code: 'KJ1002' })).status !== 'delivered'; i++) {
      kg.advance(key)
      await kg.flushWebhooks()
    }
    const timeline = await t['shipments.timeline']({ code: 'KJ1002' })
    expect(timeline.status).toBe('delivered')
    expect(timeline.events.map((e) => e.rawCode)).toContain('29')
    expect(kg.webhookDeliveries.every((d) => d.status === 200)).toBe(true)
    const outbox = await h.station.database.db.selectFrom('outbox').select('payload_json').where('kind', '=', 'tracking.updated').execute()
    expect(outbox.map((r) => JSON.parse(r.payload_json).status)).toContain('delivered')

    // A post without Kolay Gelsin's credentials: 401, nothing stored.
    const before = (await t['shipments.timeline']({ code: 'KJ1002' })).events.length
    const forged = await fetch(`http://127.0.0.1:${port}/webhooks/kolaygelsin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ShipmentId: key, CargoEventType: 28 }),
    })
    expect(forged.status).toBe(401)
    expect((await t['shipments.timeline']({ code: 'KJ1002' })).events.length).toBe(before)
    const after = await t['tracking.webhooks']({})
    expect(after.stats!.refused.unauthorized).toBe(1)
    expect(after.recent[0]).toMatchObject({ status: 401, outcome: 'unauthorized' })
  }, 30_000)

  it('a port already taken does not stop the desk: packing goes on and the problem is shown', async () => {
    const blocker = createServer().listen(0, '127.0.0.1')
    await new Promise((r) => blocker.once('listening', r))
    const port = (blocker.address() as { port: number }).port
    try {
      h = await startHarness({ overrides: { carriers: { webhooks: { enabled: true, port, kolaygelsin: { auth: HOOK } } }, ...fast } })
      const status = await h.station.handlers['tracking.webhooks']({})
      expect(status.url).toBeNull()
      expect(status.problem).toMatch(/EADDRINUSE|in use|kullanımda/i)
      expect((await h.station.handlers['scan.submit']({ code: 'P1001', source: 'scanner' })).packer?.badge).toBe('P1001')
    } finally {
      blocker.close()
    }
  }, 30_000)
})
