import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startArasEmulator } from '../../sandbox/aras/aras.emulator'
import { DEFAULT_QUERY_USERS } from '../../sandbox/aras/aras.config'
import { startHepsiJetEmulator } from '../../sandbox/hepsijet/hepsijet.emulator'
import { startMngEmulator } from '../../sandbox/mng/mng.emulator'
import { startSuratEmulator } from '../../sandbox/surat/surat.emulator'
import { startPttEmulator } from '../../sandbox/ptt/ptt.emulator'
import { startSendeoEmulator } from '../../sandbox/sendeo/sendeo.emulator'
import { SAMPLE_SENDEO_SETTINGS } from '../../sandbox/sendeo/sendeo.fixtures'
import { startKolayGelsinEmulator } from '../../sandbox/kolaygelsin/kolaygelsin.emulator'
import { SAMPLE_KOLAYGELSIN_SETTINGS } from '../../sandbox/kolaygelsin/kolaygelsin.fixtures'
import { SAMPLE_PTT_CREDENTIALS, SAMPLE_PTT_RANGE } from '../../sandbox/ptt/ptt.fixtures'
import { SAMPLE_MNG_CREDENTIALS } from '../../sandbox/mng/mng.fixtures'
import { SAMPLE_HEPSIJET_SETTINGS } from '../../sandbox/hepsijet/hepsijet.fixtures'
import { ownCard } from '../support/rate-cards'
import { scanAllItems, startHarness, type Harness } from '../support/station-harness'
import { decodeBarcodes, renderZplToPng } from '../support/zpl-render'

/** One carrier's emulator as this test drives it. */
type CarrierUnderTest = Readonly<{
  /** carriers.<id> section pointing at the emulator. */
  section: Record<string, unknown>
  /** Shipments the emulator holds. */
  count(): number
  /** Moves a shipment on to a state the desk must read as `expected`. */
  advanceTo(trackingNumber: string): { expected: string }
  close(): Promise<void>
}>

type Entry = Readonly<{
  id: string
  serviceCode: string
  supportsCod: boolean
  start(): Promise<CarrierUnderTest>
  /** The demo order to pack (default KJ1002, prepaid) and the desk's sender, where a carrier knows only some places. */
  orderCode?: string
  sender?: Record<string, unknown>
}>

/** Every connector wired into the desk, packed through the same flow (issue 4: "one desk speaks to every carrier"). */
const CARRIERS: readonly Entry[] = [
  {
    id: 'sendeo',
    serviceCode: '1',
    supportsCod: true,
    // The emulator knows the districts of Sendeo's own samples only (see sandbox/sendeo/sendeo.places.ts).
    orderCode: 'KJ1003',
    sender: { name: 'KargoJet Depo', address: 'Samandıra Cd. 12', district: 'Sancaktepe', city: 'İstanbul', postalCode: '34885', phone: '+902165550000' },
    start: async () => {
      const emu = await startSendeoEmulator()
      return {
        section: { enabled: true, origin: emu.origin, ...SAMPLE_SENDEO_SETTINGS },
        count: () => emu.shipments.length,
        advanceTo: (code) => (emu.advance(code, 109), { expected: 'out_for_delivery' }),
        close: () => emu.close(),
      }
    },
  },
  {
    id: 'kolaygelsin',
    serviceCode: 'STD',
    supportsCod: true,
    start: async () => {
      const emu = await startKolayGelsinEmulator()
      return {
        section: { enabled: true, origin: emu.origin, ...SAMPLE_KOLAYGELSIN_SETTINGS },
        count: () => emu.shipments.length,
        advanceTo: (code) => (emu.advance(code, 17), { expected: 'out_for_delivery' }),
        close: () => emu.close(),
      }
    },
  },
  {
    id: 'ptt',
    serviceCode: 'MH',
    supportsCod: false,
    start: async () => {
      const emu = await startPttEmulator()
      return {
        section: { enabled: true, origin: emu.origin, credentials: { ...SAMPLE_PTT_CREDENTIALS }, barcodeRange: SAMPLE_PTT_RANGE },
        count: () => emu.shipments.length,
        advanceTo: (code) => (emu.advance(code, 'out_for_delivery'), { expected: 'out_for_delivery' }),
        close: () => emu.close(),
      }
    },
  },
  {
    id: 'surat',
    serviceCode: 'standard',
    supportsCod: true,
    start: async () => {
      const emu = await startSuratEmulator()
      return {
        section: { enabled: true, soapOrigin: emu.origin, trackingOrigin: emu.origin },
        count: () => emu.shipments.length,
        advanceTo: (_code) => {
          const last = emu.shipments.at(-1)!
          emu.advance(last.ozelKargoTakipNo, 6)
          return { expected: 'delivered' }
        },
        close: () => emu.close(),
      }
    },
  },
  {
    id: 'mng',
    serviceCode: '1',
    supportsCod: true,
    start: async () => {
      const emu = await startMngEmulator()
      return {
        section: { enabled: true, origin: emu.origin, ...SAMPLE_MNG_CREDENTIALS },
        count: () => emu.shipments.length,
        advanceTo: (code) => (emu.advance(code, 4), { expected: 'out_for_delivery' }),
        close: () => emu.close(),
      }
    },
  },
  {
    id: 'aras',
    serviceCode: 'GO',
    supportsCod: true,
    start: async () => {
      const emu = await startArasEmulator()
      return {
        section: { enabled: true, origin: emu.origin, query: { ...DEFAULT_QUERY_USERS[0] } },
        count: () => emu.shipments.length,
        advanceTo: (code) => (emu.advance(code, '4'), { expected: 'out_for_delivery' }),
        close: () => emu.close(),
      }
    },
  },
  {
    id: 'hepsijet',
    serviceCode: 'HX_STD',
    supportsCod: false,
    start: async () => {
      const emu = await startHepsiJetEmulator()
      return {
        section: { enabled: true, origin: emu.origin, ...SAMPLE_HEPSIJET_SETTINGS },
        count: () => emu.shipments.length,
        advanceTo: (code) => (emu.advance(code, 'OUT_FOR_DELIVERY'), { expected: 'out_for_delivery' }),
        close: () => emu.close(),
      }
    },
  },
]

let h: Harness | null = null
let emu: CarrierUnderTest | null = null
let dir = ''
afterEach(async () => {
  await h?.dispose()
  await emu?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
  h = null
  emu = null
  dir = ''
})

describe.each(CARRIERS)('packing with $id at the desk', (carrier) => {
  it('buys once, prints a label whose barcode scans as the tracking number, and tracks it', async () => {
    emu = await carrier.start()
    const card = ownCard({ carrierId: carrier.id, serviceCode: carrier.serviceCode, name: carrier.id, supportsCod: carrier.supportsCod })
    h = await startHarness({
      overrides: {
        carriers: { [carrier.id]: emu.section, tracking: { enabled: false, minIntervalMs: 0 } },
        rateCards: [card],
        ...(carrier.sender ? { sender: carrier.sender } : {}),
        scale: { driver: 'simulated', settleMs: 10, intervalMs: 10 },
        stability: { sampleCount: 2, minStableMs: 0 },
      },
    })
    const scan = (c: string) => h!.station.handlers['scan.submit']({ code: c, source: 'scanner' })
    await scan('P1001')
    await scan(carrier.orderCode ?? 'KJ1002') // prepaid demo order unless the carrier needs another
    await scanAllItems(h.station)
    const v = await scan('KOLI1')
    h.place(v.expectedGrams!)
    const done = await h.waitForView((x) => x.step === 'packed' || x.problem !== null)
    expect(done.problem?.message ?? null).toBeNull()
    expect(emu.count()).toBe(1)
    const tracking = done.shipment!.trackingNumber!
    const [zpl] = await h.zebra.waitForJobs(1)
    dir = mkdtempSync(join(tmpdir(), `kj-${carrier.id}-`))
    writeFileSync(join(dir, 'label.png'), await renderZplToPng(zpl!, { widthMm: 100, heightMm: 150, dpmm: 8 }))
    expect(await decodeBarcodes(join(dir, 'label.png'))).toContain(done.shipment!.barcode)
    // KJ_LABELS_DIR=docs/labels keeps each carrier's printed label for people to look at.
    if (process.env.KJ_LABELS_DIR) copyFileSync(join(dir, 'label.png'), join(process.env.KJ_LABELS_DIR, `desk-${carrier.id}.png`))

    const { expected } = emu.advanceTo(tracking)
    const pass = await h.station.handlers['tracking.pollNow']({})
    expect(pass.failed).toEqual([])
    expect((await h.station.handlers['shipments.timeline']({ code: tracking })).status).toBe(expected)
  }, 30_000)
})
