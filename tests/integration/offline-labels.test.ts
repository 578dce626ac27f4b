import { describe, expect, it } from 'vitest'
import { startYurticiEmulator, YurticiFault, type YurticiEmulator } from '../../sandbox/yurtici/yurtici.emulator'
import { DEMO_BATCH } from '../../sandbox/cloud/reference/demo-seed'
import { disposeAfterEach } from '../support/dispose-after-each'
import { ownCard } from '../support/rate-cards'
import { scanAllItems, startHarness, type Harness } from '../support/station-harness'

let h: Harness | null = null
let yk: YurticiEmulator | null = null
disposeAfterEach(
  () => [h, yk],
  () => (h = yk = null),
)

const YURTICI_CARD = ownCard({ name: 'Yurtiçi Kargo (kendi anlaşma)' })

/**
 * Demo orders 1001…: every third one is cash on delivery, which this card does not take, and the 11th of each batch of 12
 * arrives with its marketplace's own label (nothing to buy): the first 50 of the rest.
 */
const PREPAID = Array.from({ length: 90 }, (_, i) => i)
  .filter((i) => i % 3 !== 2 && i % DEMO_BATCH !== 10)
  .slice(0, 50)
  .map((i) => `KJ${1001 + i}`)

async function packOne(harness: Harness, code: string) {
  const scan = (c: string) => harness.station.handlers['scan.submit']({ code: c, source: 'scanner' })
  await scan(code)
  await scanAllItems(harness.station)
  const v = await scan('KOLI2')
  harness.place(v.expectedGrams!)
  const done = await harness.waitForView((x) => (x.step === 'packed' && x.order?.barcode === code) || x.step === 'exception' || x.problem !== null)
  harness.place(0)
  return done
}

describe('offline labels: Yurtiçi down while 50 orders are packed', () => {
  it('prints 50 cargoKey labels, then registers 50 shipments once each, in packing order', async () => {
    yk = await startYurticiEmulator()
    h = await startHarness({
      cloudOrders: 90,
      overrides: {
        carriers: {
          yurtici: { enabled: true, url: yk.url, timeoutMs: 2000 },
          offlineRetryMs: 3_600_000,
          breaker: { failureThreshold: 5, openMs: 0 },
          retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10 },
        },
        rateCards: [YURTICI_CARD],
        // A quick scale: this test is about the carrier, not about settling.
        scale: { driver: 'simulated', settleMs: 10, intervalMs: 10 },
        stability: { sampleCount: 2, minStableMs: 0 },
      },
    })
    expect(PREPAID).toHaveLength(50)
    yk.setFault(YurticiFault.http503) // the carrier is down for every request until cleared
    await h.station.handlers['scan.submit']({ code: 'P1001', source: 'scanner' })

    const printed: string[] = []
    for (const code of PREPAID) {
      const v = await packOne(h, code)
      expect(v.problem, code).toBeNull()
      expect(v.step, code).toBe('packed')
      expect(v.shipment?.offline, code).toBe(true)
      expect(v.shipment?.barcode, code).toMatch(/^KJ[0-9A-Z]{18}$/)
      printed.push(v.shipment!.barcode!)
    }
    expect(yk.shipments).toHaveLength(0)
    const labels = await h.zebra.waitForJobs(50)
    labels.forEach((zpl, i) => expect(zpl).toContain(printed[i]))
    expect(new Set(printed).size).toBe(50)

    // Back up, but the answer to the 6th registration is lost after Yurtiçi stored it.
    yk.setFault(null)
    yk.queueFaults([null, null, null, null, null, YurticiFault.dropAfterCommit])
    let registered = 0
    for (let pass = 0; pass < 5 && registered < 50; pass++) registered += (await h.station.registrar.registerPending()).registered
    expect(registered).toBe(50)
    expect(await h.station.registrar.pendingCount()).toBe(0)

    const keys = yk.shipments.map((s) => s.cargoKey)
    expect(keys).toEqual(printed) // once each, in packing order
    const db = h.station.database.db
    const rows = await db.selectFrom('shipments').select(['status', 'barcode']).execute()
    expect(rows.filter((r) => r.status === 'purchased')).toHaveLength(50)
    const created = await db.selectFrom('outbox').select('kind').where('kind', '=', 'shipment.created').execute()
    expect(created).toHaveLength(50)
    const packed = await db.selectFrom('orders').select('status').where('status', '=', 'packed').execute()
    expect(packed).toHaveLength(50)
    expect(h.zebra.jobs).toHaveLength(50) // registration prints nothing more
  }, 120_000)

  it('does not label offline when the setting is off: the packer sees the carrier problem', async () => {
    yk = await startYurticiEmulator()
    h = await startHarness({
      overrides: { carriers: { yurtici: { enabled: true, url: yk.url }, offlineLabels: false, retry: { maxAttempts: 1 } }, rateCards: [YURTICI_CARD] },
    })
    yk.setFault(YurticiFault.http503)
    await h.station.handlers['scan.submit']({ code: 'P1001', source: 'scanner' })
    const v = await packOne(h, 'KJ1001').catch(() => h!.station.packing.view())
    expect(v.step).not.toBe('packed')
    expect(h.zebra.jobs).toHaveLength(0)
  }, 30_000)
})

/** A desk with one carrier whose outage is bridged by offline labels, retried only when asked. */
function startOfflineDesk(carrier: Record<string, unknown>, card: typeof YURTICI_CARD) {
  return startHarness({
    overrides: {
      carriers: { ...carrier, offlineRetryMs: 3_600_000, breaker: { openMs: 0 }, retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10 } },
      rateCards: [card],
      scale: { driver: 'simulated', settleMs: 10, intervalMs: 10 },
      stability: { sampleCount: 2, minStableMs: 0 },
    },
  })
}

/** Packs three prepaid orders while the carrier is down: each gets an offline label; their barcodes, in order. */
async function packThreeOffline(harness: Harness): Promise<string[]> {
  await harness.station.handlers['scan.submit']({ code: 'P1001', source: 'scanner' })
  const printed: string[] = []
  for (const code of ['KJ1001', 'KJ1002', 'KJ1004']) {
    const v = await packOne(harness, code)
    expect(v.shipment?.offline, code).toBe(true)
    printed.push(v.shipment!.barcode!)
  }
  return printed
}

describe('offline labels: Aras (integration code as the shipper key)', () => {
  it('prints the integration-code label while Aras is down and registers it once when back', async () => {
    const { startArasEmulator } = await import('../../sandbox/aras/aras.emulator')
    const aras = await startArasEmulator()
    try {
      h = await startOfflineDesk({ aras: { enabled: true, origin: aras.origin } }, { ...YURTICI_CARD, carrierId: 'aras', name: 'Aras Kargo' })
      aras.faults.set('http503')
      const printed = await packThreeOffline(h)
      expect(aras.shipments).toHaveLength(0)
      const labels = await h.zebra.waitForJobs(3)
      labels.forEach((zpl, i) => expect(zpl).toContain(printed[i]))
      aras.faults.set(null)
      expect((await h.station.registrar.registerPending()).registered).toBe(3)
      expect(aras.shipments.map((s) => s.integrationCode)).toEqual(printed)
    } finally {
      await aras.close()
    }
  }, 60_000)
})

describe('offline labels: PTT (a barcode from the customer range)', () => {
  it('prints range barcodes while PTT is down and registers each once when back', async () => {
    const { startPttEmulator } = await import('../../sandbox/ptt/ptt.emulator')
    const { SAMPLE_PTT_CREDENTIALS, SAMPLE_PTT_RANGE } = await import('../../sandbox/ptt/ptt.fixtures')
    const ptt = await startPttEmulator()
    try {
      h = await startOfflineDesk(
        { ptt: { enabled: true, origin: ptt.origin, credentials: { ...SAMPLE_PTT_CREDENTIALS }, barcodeRange: SAMPLE_PTT_RANGE } },
        { ...YURTICI_CARD, carrierId: 'ptt', serviceCode: 'MH', name: 'PTT Kargo' },
      )
      ptt.faults.set('http503')
      const printed = await packThreeOffline(h)
      expect(new Set(printed).size).toBe(3)
      expect(ptt.shipments).toHaveLength(0)
      ptt.faults.set(null)
      expect((await h.station.registrar.registerPending()).registered).toBe(3)
      expect(ptt.shipments.map((s) => s.barcode)).toEqual(printed)
    } finally {
      await ptt.close()
    }
  }, 60_000)
})
