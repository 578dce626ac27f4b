import { startCarrierEmulator, type CarrierEmulator } from '../common/http-emulator'
import { PttEmuPath, resolvePttOptions, type PttEmulatorOptions, type PttStatus } from './ptt.config'
import { createPttHandler, pttAdvanceHook } from './ptt.server'
import { PttState, type EmulatedPickup, type EmulatedPttShipment, type PttLoggedRequest } from './ptt.state'

export type { PttAccount, PttEmulatorOptions } from './ptt.config'
export { DEFAULT_PTT_ACCOUNT, PttCode, PttEmuPath, PttStatus, PttText } from './ptt.config'
export type { EmulatedPickup, EmulatedPttShipment, PttEvent, PttLoggedRequest } from './ptt.state'
export { checkDigit, rangeBarcode } from './ptt.validation'

/**
 * A local PTT Kargo (docs/reference/carriers.md §4, §14) on 127.0.0.1 for tests, benchmarks and demo mode: the
 * acceptance service (kabulEkle2 with range + check-digit validation, etiketGetir EPL labels only
 * with `labelOperation`, as the published WSDL lacks it), barkodVeriSil before acceptance, siparisIstekEkle2 pickups) and GonderiTakipV2 tracking with
 * siraNo events, a status chain driven by `advance` (uploaded → accepted → in_transit → out_for_delivery →
 * delivered, by barcode; or POST /__emu/advance/{barcode}?to=), injectable faults and a log with sifre redacted.
 * `shipments` holds every kabulEkle2 upload in order; deleted ones stay with status "deleted".
 */
export type PttEmulator = CarrierEmulator<PttLoggedRequest, EmulatedPttShipment, PttStatus, typeof PttEmuPath> &
  Readonly<{
    readonly pickups: readonly EmulatedPickup[]
    /** The live (not deleted) upload of a barcode. */
    find(barcode: string): EmulatedPttShipment | undefined
    /** The next `times` operations answer PTT's "system error" refusal (HTTP 200, placeholder code -99). */
    injectSystemError(times?: number): void
  }>

export async function startPttEmulator(options: PttEmulatorOptions = {}): Promise<PttEmulator> {
  const opts = resolvePttOptions(options)
  const state = new PttState()
  const emu = await startCarrierEmulator(
    { port: opts.port, requests: state.requests, shipments: state.shipments, advanceHook: pttAdvanceHook({ opts, state }), paths: PttEmuPath },
    (faults) => createPttHandler({ opts, state, faults }),
  )
  return {
    ...emu,
    pickups: state.pickups,
    find: (barcode) => state.find(barcode),
    injectSystemError: (times = 1) => {
      state.systemErrors = times
    },
  }
}
