/**
 * The carriers a desk test packs with, each against its emulator on 127.0.0.1 (besides ComToHome,
 * which the station harness always runs, and Yurtiçi, tested on its own in yurtici-desk.test.ts).
 * Shared by carriers-desk.test.ts and price-path.test.ts.
 */
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

/** One carrier's emulator as this test drives it. */
export type CarrierUnderTest = Readonly<{
  /** carriers.<id> section pointing at the emulator. */
  section: Record<string, unknown>
  /** Shipments the emulator holds. */
  count(): number
  /** Moves a shipment on to a state the desk must read as `expected`. */
  advanceTo(trackingNumber: string): { expected: string }
  close(): Promise<void>
}>

export type DeskCarrier = Readonly<{
  id: string
  serviceCode: string
  supportsCod: boolean
  start(): Promise<CarrierUnderTest>
  /** The demo order to pack (default KJ1002, prepaid) and the desk's sender, where a carrier knows only some places. */
  orderCode?: string
  sender?: Record<string, unknown>
}>

/**
 * An emulator as a desk test drives it: `section` (enabled) points the desk at it, `advance` moves a shipment on to
 * the state the desk must then read as `expected` (out for delivery unless said).
 */
function underTest(
  emu: { readonly shipments: readonly unknown[]; close(): Promise<void> },
  section: Record<string, unknown>,
  advance: (trackingNumber: string) => unknown,
  expected = 'out_for_delivery',
): CarrierUnderTest {
  return {
    section: { enabled: true, ...section },
    count: () => emu.shipments.length,
    advanceTo: (code) => (advance(code), { expected }),
    close: () => emu.close(),
  }
}

/** Every connector wired into the desk, packed through the same flow (one desk speaks to every carrier). */
export const DESK_CARRIERS: readonly DeskCarrier[] = [
  {
    id: 'sendeo',
    serviceCode: '1',
    supportsCod: true,
    // The emulator knows the districts of Sendeo's own samples only (see sandbox/sendeo/sendeo.places.ts).
    orderCode: 'KJ1003',
    sender: { name: 'KargoJet Depo', address: 'Samandıra Cd. 12', district: 'Sancaktepe', city: 'İstanbul', postalCode: '34885', phone: '+902165550000' },
    start: async () => {
      const emu = await startSendeoEmulator()
      return underTest(emu, { origin: emu.origin, ...SAMPLE_SENDEO_SETTINGS }, (code) => emu.advance(code, 109))
    },
  },
  {
    id: 'kolaygelsin',
    serviceCode: 'STD',
    supportsCod: true,
    start: async () => {
      const emu = await startKolayGelsinEmulator()
      return underTest(emu, { origin: emu.origin, ...SAMPLE_KOLAYGELSIN_SETTINGS }, (code) => emu.advance(code, 17))
    },
  },
  {
    id: 'ptt',
    serviceCode: 'MH',
    supportsCod: false,
    start: async () => {
      const emu = await startPttEmulator({ validateSchema: true }) // refuses what protocols/ptt/ refuses
      return underTest(emu, { origin: emu.origin, credentials: { ...SAMPLE_PTT_CREDENTIALS }, barcodeRange: SAMPLE_PTT_RANGE }, (code) =>
        emu.advance(code, 'out_for_delivery'),
      )
    },
  },
  {
    id: 'surat',
    serviceCode: 'standard',
    supportsCod: true,
    start: async () => {
      const emu = await startSuratEmulator()
      // The emulator advances a shipment by its own key (ozelKargoTakipNo): the last one's, to 6 (delivered).
      return underTest(emu, { soapOrigin: emu.origin, trackingOrigin: emu.origin }, () => emu.advance(emu.shipments.at(-1)!.ozelKargoTakipNo, 6), 'delivered')
    },
  },
  {
    id: 'mng',
    serviceCode: '1',
    supportsCod: true,
    start: async () => {
      const emu = await startMngEmulator()
      return underTest(emu, { origin: emu.origin, ...SAMPLE_MNG_CREDENTIALS }, (code) => emu.advance(code, 4))
    },
  },
  {
    id: 'aras',
    serviceCode: 'GO',
    supportsCod: true,
    start: async () => {
      const emu = await startArasEmulator({ validateSchema: true }) // refuses what protocols/aras/ refuses
      return underTest(emu, { origin: emu.origin, query: { ...DEFAULT_QUERY_USERS[0] } }, (code) => emu.advance(code, '4'))
    },
  },
  {
    id: 'hepsijet',
    serviceCode: 'HX_STD',
    supportsCod: false,
    start: async () => {
      const emu = await startHepsiJetEmulator()
      return underTest(emu, { origin: emu.origin, ...SAMPLE_HEPSIJET_SETTINGS }, (code) => emu.advance(code, 'OUT_FOR_DELIVERY'))
    },
  },
]
