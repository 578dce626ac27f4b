import { startHttpEmulator, urlsOf, type HttpEmulator } from '../common/http-emulator'
import { HepsiJetPath, resolveOptions, type HepsiJetEmulatorOptions, type HjStatus } from './hepsijet.config'
import { advanceByKey } from '../common/emulator-hooks'
import { createHepsiJetHandler, hepsiJetAdvanceHook } from './hepsijet.server'
import { HepsiJetState, type EmulatedDelivery, type HepsiJetLoggedRequest } from './hepsijet.state'

export type { HepsiJetAccount, HepsiJetEmulatorOptions } from './hepsijet.config'
export { DEFAULT_ACCOUNT, DEFAULT_DELIVERY_UPDATE_PATHS, HepsiJetPath, HjDetailStatus, HjStatus, UntouchedTrack } from './hepsijet.config'
export type { EmulatedDelivery, HepsiJetLoggedRequest, TrackDetail } from './hepsijet.state'
export { currentStatus } from './hepsijet.state'

/**
 * A local HepsiJET integration API (docs/reference/carriers.md §6, §14) on 127.0.0.1 for tests, benchmarks and demo
 * mode: token auth, create with ZPL, re-print, delete, batch track, delivery-update, a status chain
 * driven by `advance` (or POST /__emu/advance/{barcode}?to=), injectable faults and a redacted log.
 */
export type HepsiJetEmulator = HttpEmulator<HepsiJetLoggedRequest> &
  Readonly<{
    /** Full URLs of the documented operations, for tests that speak the wire directly. */
    urls: Readonly<Record<keyof typeof HepsiJetPath, string>>
    /** Deliveries stored so far, in creation order. */
    readonly shipments: readonly EmulatedDelivery[]
    /** One step along NEO → ACCEPTED → OUT_FOR_DELIVERY → DELIVERED, or on to `to`. */
    advance(customerDeliveryNo: string, to?: HjStatus): EmulatedDelivery
    /** Forgets every issued token, as if they had all expired: the next call gets HTTP 401. */
    expireTokens(): void
  }>

export async function startHepsiJetEmulator(options: HepsiJetEmulatorOptions = {}): Promise<HepsiJetEmulator> {
  const opts = resolveOptions(options)
  const state = new HepsiJetState()
  const base = await startHttpEmulator(opts.port, state.requests, (faults) => createHepsiJetHandler({ opts, state, faults }))
  const o = base.origin
  return {
    ...base,
    urls: urlsOf(o, HepsiJetPath),
    shipments: state.deliveries,
    advance: (no, to) => advanceByKey(hepsiJetAdvanceHook({ opts, state }), no, to),
    expireTokens: () => state.expireTokens(),
  }
}
