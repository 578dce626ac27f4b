import { startCarrierEmulator, tokenControls, type CarrierEmulator, type TokenControls } from '../common/http-emulator'
import { HepsiJetPath, resolveOptions, type HepsiJetEmulatorOptions, type HjStatus } from './hepsijet.config'
import { createHepsiJetHandler, hepsiJetAdvanceHook } from './hepsijet.server'
import { HepsiJetState, type EmulatedDelivery, type HepsiJetLoggedRequest } from './hepsijet.state'

export type { HepsiJetAccount, HepsiJetEmulatorOptions } from './hepsijet.config'
export { DEFAULT_ACCOUNT, DEFAULT_DELIVERY_UPDATE_PATHS, HepsiJetPath, HjDetailStatus, HjStatus, UntouchedTrack } from './hepsijet.config'
export type { EmulatedDelivery, HepsiJetLoggedRequest, TrackDetail } from './hepsijet.state'
export { currentStatus } from './hepsijet.state'

/**
 * A local HepsiJET integration API (docs/reference/carriers.md §6, §14) on 127.0.0.1 for tests, benchmarks and demo
 * mode: token auth, create with ZPL, re-print, delete, batch track, delivery-update, a status chain
 * driven by `advance` (NEO → ACCEPTED → OUT_FOR_DELIVERY → DELIVERED, by customerDeliveryNo; or POST
 * /__emu/advance/{barcode}?to=), injectable faults and a redacted log.
 */
export type HepsiJetEmulator = CarrierEmulator<HepsiJetLoggedRequest, EmulatedDelivery, HjStatus, typeof HepsiJetPath> & TokenControls

export async function startHepsiJetEmulator(options: HepsiJetEmulatorOptions = {}): Promise<HepsiJetEmulator> {
  const opts = resolveOptions(options)
  const state = new HepsiJetState()
  const emu = await startCarrierEmulator(
    { port: opts.port, requests: state.requests, shipments: state.deliveries, advanceHook: hepsiJetAdvanceHook({ opts, state }), paths: HepsiJetPath },
    (faults) => createHepsiJetHandler({ opts, state, faults }),
  )
  return { ...emu, ...tokenControls(state) }
}
