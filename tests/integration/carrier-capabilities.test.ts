/**
 * Every carrier's declared capabilities (electron/core/carriers/carrier-capabilities.ts) against what
 * its connector does on its emulator (docs/carriers.md "What each carrier can do"): declared offline labels
 * ⇔ the offline plan's barcode is the one the emulator then registers for the same key; declared
 * returns ⇔ createReturn works (of the declared kind); declared cancel ⇔ cancelShipment works;
 * declared tracking / batch tracking ⇔ track / trackMany answer; pickup; pushes.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startArasEmulator } from '../../sandbox/aras/aras.emulator'
import { DEFAULT_QUERY_USERS } from '../../sandbox/aras/aras.config'
import { sampleArasRequest } from '../../sandbox/aras/aras.fixtures'
import { startComToHomeEmulator } from '../../sandbox/comtohome/comtohome.emulator'
import { sampleHepsiJetRequest } from '../../sandbox/hepsijet/hepsijet.fixtures'
import { sampleKolayGelsinRequest } from '../../sandbox/kolaygelsin/kolaygelsin.fixtures'
import { sampleMngRequest } from '../../sandbox/mng/mng.fixtures'
import { startPttEmulator } from '../../sandbox/ptt/ptt.emulator'
import { SAMPLE_PTT_CREDENTIALS, SAMPLE_PTT_RANGE, samplePttRequest } from '../../sandbox/ptt/ptt.fixtures'
import { sampleSendeoRequest } from '../../sandbox/sendeo/sendeo.fixtures'
import { sampleSuratRequest } from '../../sandbox/surat/surat.fixtures'
import { startYurticiEmulator } from '../../sandbox/yurtici/yurtici.emulator'
import { sampleShipmentRequest } from '../../sandbox/yurtici/yurtici.fixtures'
import { carriersThat } from '../../electron/core/carriers/carrier-capabilities'
import type { CarrierConnector, ShipmentRequest } from '../../electron/core/carriers/carrier.port'
import { CARRIERS, type AnyCarrier } from '../../electron/core/carriers/carrier-registry'
import { StationConfigSchema } from '../../electron/core/config/config.schema'
import { openDatabase, type OpenedDatabase } from '../../electron/core/db/database'
import { WebhookCarrier } from '../../electron/core/tracking/webhooks/webhook.types'
import { DESK_CARRIERS } from '../support/desk-carriers'
import { returnOf } from '../support/return-request'

/** One carrier on its emulator: the station.json section, a sample order it accepts, and what it holds. */
type OnEmulator = Readonly<{
  section: Record<string, unknown>
  request: ShipmentRequest
  /** Shipments the emulator holds. */
  count(): number
  /** Whether the emulator holds a shipment under this barcode (offline-label carriers). */
  holds?(barcode: string): boolean
  /** Whether a created shipment asked the carrier for a pickup (a 'withShipment' pickup). */
  pickupAsked?(): boolean
  close(): Promise<void>
}>

const fromDesk = async (id: string, request: ShipmentRequest): Promise<OnEmulator> => {
  const c = DESK_CARRIERS.find((d) => d.id === id)
  if (!c) throw new Error(`no desk carrier ${id}`)
  const started = await c.start()
  return { section: started.section, request, count: started.count, close: started.close }
}

const SETUPS: Readonly<Record<string, () => Promise<OnEmulator>>> = {
  comtohome: async () => {
    const emu = await startComToHomeEmulator()
    const request: ShipmentRequest = {
      orderNumber: 'SIP-CAP-1',
      referenceNo: 'KJ-CAP-1',
      serviceCode: 'provider:1',
      sender: { name: 'KargoJet Depo', address: 'Büyükdere Cad. No:1', district: 'Şişli', city: 'İstanbul', postalCode: '34381', phone: '0212 123 45 67' },
      recipient: {
        name: 'Elif Kaya',
        address: 'Cemal Gürsel Cad. No:42',
        district: 'Kadıköy',
        city: 'İstanbul',
        postalCode: '34710',
        phone: '+90 535 987 65 43',
      },
      packages: [{ index: 0, boxCode: 'K2', lengthMm: 250, widthMm: 200, heightMm: 100, weightGrams: 850 }],
      codAmountKurus: null,
      labelFormat: 'zpl',
    }
    return {
      section: { enabled: true, baseUrl: emu.url, apiKey: 'demo-key', requestPickup: true },
      request,
      count: () => emu.consignments.length,
      pickupAsked: () => emu.consignments.some((c) => (c.body as { is_pickup_requested?: unknown }).is_pickup_requested === true),
      close: () => emu.close(),
    }
  },
  yurtici: async () => {
    const emu = await startYurticiEmulator()
    return {
      // The bare origin: the connector adds the documented service path.
      section: { enabled: true, url: emu.origin, accounts: { senderPays: { username: 'YKTEST', password: 'YK' } } },
      request: sampleShipmentRequest(),
      count: () => emu.shipments.length,
      holds: (b) => emu.shipments.some((s) => s.cargoKey === b),
      close: () => emu.close(),
    }
  },
  aras: async () => {
    const emu = await startArasEmulator()
    return {
      section: { enabled: true, origin: emu.origin, query: { ...DEFAULT_QUERY_USERS[0] } },
      request: sampleArasRequest(),
      count: () => emu.shipments.length,
      holds: (b) => emu.shipments.some((s) => s.integrationCode === b || s.pieces.some((p) => p.BarcodeNumber === b)),
      close: () => emu.close(),
    }
  },
  ptt: async () => {
    const emu = await startPttEmulator()
    return {
      section: { enabled: true, origin: emu.origin, credentials: { ...SAMPLE_PTT_CREDENTIALS }, barcodeRange: SAMPLE_PTT_RANGE },
      request: samplePttRequest(),
      count: () => emu.shipments.length,
      holds: (b) => emu.shipments.some((s) => s.barcode === b),
      close: () => emu.close(),
    }
  },
  mng: () => fromDesk('mng', sampleMngRequest()),
  hepsijet: () => fromDesk('hepsijet', sampleHepsiJetRequest()),
  surat: () => fromDesk('surat', sampleSuratRequest()),
  sendeo: () => fromDesk('sendeo', sampleSendeoRequest()),
  kolaygelsin: () => fromDesk('kolaygelsin', sampleKolayGelsinRequest()),
}

let dir = ''
let db: OpenedDatabase
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kj-caps-'))
  db = await openDatabase(join(dir, 'station.sqlite3'))
})
afterAll(async () => {
  await db.close()
  await rm(dir, { recursive: true, force: true })
})

/** The connector exactly as the desk and the CLI build it: the section validated by the desk's schema, then the registry. */
function build(def: AnyCarrier, section: Record<string, unknown>, asWritten = false): CarrierConnector {
  const parsed = StationConfigSchema.parse({ carriers: { [def.id]: section } })
  const connect = asWritten ? def.connectAsWritten : def.connect
  return connect((parsed.carriers as Record<string, unknown>)[def.id], { retry: { maxAttempts: 2, sleep: async () => {} }, sqlite: () => db.sqlite })
}

describe('declared capabilities match each carrier on its emulator', () => {
  it('every carrier has an emulator setup here', () => {
    expect(Object.keys(SETUPS).sort()).toEqual(CARRIERS.map((c) => c.id).sort())
  })

  it.each(CARRIERS.map((def) => [def.id, def] as const))('%s', { timeout: 60_000 }, async (_id, def) => {
    const caps = def.capabilities
    const emu = await SETUPS[def.id]!()
    try {
      const connector = build(def, emu.section)
      const request = emu.request

      // The adapter as written offers exactly what is declared: nothing the declaration leaves out is hidden in it.
      const adapter = build(def, emu.section, true) as unknown as Record<string, unknown>
      const offered = (m: string) => typeof adapter[m] === 'function'
      expect({
        planOfflineLabel: offered('planOfflineLabel'),
        createReturn: offered('createReturn'),
        cancelShipment: offered('cancelShipment'),
        track: offered('track'),
        trackMany: offered('trackMany'),
      }).toEqual({
        planOfflineLabel: caps.offlineLabels,
        createReturn: caps.returns !== null,
        cancelShipment: caps.cancel !== null,
        track: caps.tracking,
        trackMany: caps.batchTracking,
      })

      // Offline labels: the plan's barcode is what the carrier registers for the same key.
      expect('planOfflineLabel' in connector).toBe(caps.offlineLabels)
      const key = `cap-${def.id}-1`
      const planned = caps.offlineLabels ? connector.planOfflineLabel!(request, key) : null
      const before = emu.count()
      const created = await connector.createShipment(request, { idempotencyKey: key })
      expect(emu.count()).toBe(before + 1)
      if (planned) {
        expect(planned.label).toBeNull()
        expect(created.barcode).toBe(planned.barcode)
        expect(created.carrierShipmentId).toBe(planned.carrierShipmentId)
        expect(emu.holds?.(planned.barcode)).toBe(true)
      }

      // Tracking, one at a time and batched.
      expect(typeof connector.track === 'function').toBe(caps.tracking)
      if (caps.tracking) expect(Array.isArray(await connector.track!(created.carrierShipmentId))).toBe(true)
      expect(typeof connector.trackMany === 'function').toBe(caps.batchTracking)
      if (caps.batchTracking) expect(await connector.trackMany!([created.carrierShipmentId])).toBeInstanceOf(Map)

      // Returns of the declared kind.
      expect(typeof connector.createReturn === 'function').toBe(caps.returns !== null)
      if (caps.returns) {
        const made = await connector.createReturn!(
          returnOf(request, { carrierShipmentId: created.carrierShipmentId, trackingNumber: created.trackingNumber }),
          { idempotencyKey: `cap-${def.id}-ret` },
        )
        expect(made.kind).toBe(caps.returns)
        expect(made.barcode).not.toBe('')
      }

      // Pickup: a courier request of its own, or a flag on the create call.
      expect(typeof def.requestPickup === 'function').toBe(caps.pickup === 'request')
      if (caps.pickup === 'request') expect((await def.requestPickup!(connector, { sender: request.sender, parcels: 1 })).pickupId).not.toBe('')
      if (caps.pickup === 'withShipment') expect(emu.pickupAsked?.()).toBe(true)

      // Cancel (last: it voids the shipment made above).
      expect(typeof connector.cancelShipment === 'function').toBe(caps.cancel !== null)
      if (caps.cancel) await connector.cancelShipment!(created.carrierShipmentId)
    } finally {
      await emu.close()
    }
  })

  it('pushes: the desk receives exactly the carriers declared to push', () => {
    expect(Object.values(WebhookCarrier).sort()).toEqual(carriersThat((c) => c.pushes !== null).sort())
  })
})
