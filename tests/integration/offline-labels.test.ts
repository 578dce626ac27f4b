import { describe, expect, it } from 'vitest'
import { startYurticiEmulator, YurticiFault, type YurticiEmulator } from '../../sandbox/yurtici/yurtici.emulator'
import { startArasEmulator } from '../../sandbox/aras/aras.emulator'
import { DEMO_BATCH } from '../../sandbox/cloud/reference/demo-seed'
import { startPttEmulator } from '../../sandbox/ptt/ptt.emulator'
import { SAMPLE_PTT_CREDENTIALS, SAMPLE_PTT_RANGE } from '../../sandbox/ptt/ptt.fixtures'
import { disposeAfterEach } from '../support/dispose-after-each'
import { ownCard } from '../support/rate-cards'
import { FAST_WEIGHING, packOrder, startHarness, startYurticiHarness, type Harness } from '../support/station-harness'

let h: Harness | null = null
let yk: YurticiEmulator | null = null
disposeAfterEach(
  () => [h, yk],
  () => (h = yk = null),
)

const YURTICI_CARD = ownCard({ name: 'Yurtiçi Kargo (kendi anlaşma)' })

/**
 * Demo orders 1001…: every third one is cash on delivery, which this card does not take, the 11th of each batch of 12
 * arrives with its marketplace's own label (nothing to buy), and the 7th ships in three parcels (KJ1007): the first 50 of the rest.
 */
const PREPAID = Array.from({ length: 100 }, (_, i) => i)
  .filter((i) => i % 3 !== 2 && i % DEMO_BATCH !== 10 && i % DEMO_BATCH !== 6)
  .slice(0, 50)
  .map((i) => `KJ${1001 + i}`)

describe('offline labels: Yurtiçi down while 50 orders are packed', () => {
  it('prints 50 cargoKey labels, then registers 50 shipments once each, in packing order', async () => {
    yk = await startYurticiEmulator()
    h = await startYurticiHarness(
      yk,
      {
        carriers: {
          yurtici: { timeoutMs: 2000 },
          offlineRetryMs: 3_600_000,
          breaker: { failureThreshold: 5, openMs: 0 },
          retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10 },
        },
        rateCards: [YURTICI_CARD],
        ...FAST_WEIGHING, // this test is about the carrier, not about settling
      },
      { cloudOrders: 100 },
    )
    expect(PREPAID).toHaveLength(50)
    yk.setFault(YurticiFault.http503) // the carrier is down for every request until cleared
    await h.station.handlers['scan.submit']({ code: 'P1001', source: 'scanner' })

    const printed: string[] = []
    for (const code of PREPAID) {
      const v = await packOrder(h, code)
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
    h = await startYurticiHarness(yk, { carriers: { offlineLabels: false, retry: { maxAttempts: 1 } }, rateCards: [YURTICI_CARD] })
    yk.setFault(YurticiFault.http503)
    await h.station.handlers['scan.submit']({ code: 'P1001', source: 'scanner' })
    const v = await packOrder(h, 'KJ1001').catch(() => h!.station.packing.view())
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
      ...FAST_WEIGHING,
    },
  })
}

/** Packs three prepaid orders while the carrier is down: each gets an offline label; their barcodes, in order. */
async function packThreeOffline(harness: Harness): Promise<string[]> {
  await harness.station.handlers['scan.submit']({ code: 'P1001', source: 'scanner' })
  const printed: string[] = []
  for (const code of ['KJ1001', 'KJ1002', 'KJ1004']) {
    const v = await packOrder(harness, code)
    expect(v.shipment?.offline, code).toBe(true)
    printed.push(v.shipment!.barcode!)
  }
  return printed
}

/** An emulator the desk reaches through `section`, down or up on request; `keys`: the shipments it holds, by the desk's key. */
type OfflineCarrier = Readonly<{ faults: { set(fault: 'http503' | null): void }; close(): Promise<void>; section: Record<string, unknown>; keys(): string[] }>

/** Carriers whose offline label carries the desk's own key. */
const OFFLINE_KEY_CARRIERS: ReadonlyArray<{ title: string; test: string; card: typeof YURTICI_CARD; start(): Promise<OfflineCarrier> }> = [
  {
    title: 'Aras (integration code as the shipper key)',
    test: 'prints the integration-code label while Aras is down and registers it once when back',
    card: { ...YURTICI_CARD, carrierId: 'aras', name: 'Aras Kargo' },
    start: async () => {
      const aras = await startArasEmulator()
      const section = { aras: { enabled: true, origin: aras.origin } }
      return { faults: aras.faults, close: () => aras.close(), section, keys: () => aras.shipments.map((s) => s.integrationCode) }
    },
  },
  {
    title: 'PTT (a barcode from the customer range)',
    test: 'prints range barcodes while PTT is down and registers each once when back',
    card: { ...YURTICI_CARD, carrierId: 'ptt', serviceCode: 'MH', name: 'PTT Kargo' },
    start: async () => {
      const ptt = await startPttEmulator()
      const section = { ptt: { enabled: true, origin: ptt.origin, credentials: { ...SAMPLE_PTT_CREDENTIALS }, barcodeRange: SAMPLE_PTT_RANGE } }
      return { faults: ptt.faults, close: () => ptt.close(), section, keys: () => ptt.shipments.map((s) => s.barcode) }
    },
  },
]

describe.each(OFFLINE_KEY_CARRIERS)('offline labels: $title', ({ test, card, start }) => {
  it(
    test,
    async () => {
      const emu = await start()
      try {
        h = await startOfflineDesk(emu.section, card)
        emu.faults.set('http503')
        const printed = await packThreeOffline(h)
        expect(new Set(printed).size).toBe(3)
        expect(emu.keys()).toEqual([])
        const labels = await h.zebra.waitForJobs(3)
        labels.forEach((zpl, i) => expect(zpl).toContain(printed[i]))
        emu.faults.set(null)
        expect((await h.station.registrar.registerPending()).registered).toBe(3)
        expect(emu.keys()).toEqual(printed) // once each, in packing order
      } finally {
        await emu.close()
      }
    },
    60_000,
  )
})
