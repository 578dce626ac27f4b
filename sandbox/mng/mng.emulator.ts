import { startCarrierEmulator, tokenControls, type CarrierEmulator, type TokenControls } from '../common/http-emulator'
import { MNG_BASE_PATH, MngPath, resolveOptions, type MngEmulatorOptions } from './mng.config'
import { createMngHandler, mngAdvanceHook } from './mng.server'
import { MngState, type EmulatedOrder, type EmulatedShipment, type MngLoggedRequest } from './mng.state'

export type { MngAccount, MngApp, MngEmulatorOptions } from './mng.config'
export { DEFAULT_ACCOUNT, DEFAULT_APP, MNG_BASE_PATH, MngErrorCode, MngMessage, MngPath, MngProduct, MngStatusName, RepeatBarcode } from './mng.config'
export type { EmulatedOrder, EmulatedShipment, MngLoggedRequest, MngTrackEvent } from './mng.state'

/**
 * A local MNG Kargo / DHL eCommerce Türkiye Apizone (docs/reference/carriers.md §3, §14) on 127.0.0.1 for tests,
 * benchmarks and demo mode: gateway client id/secret + JWT auth, createOrder (3002 on a repeat) →
 * createbarcode (20001 while "not ready", then ZPL per piece), cancelorder/cancelshipment, the
 * standard queries with the 1–8 status chain driven by `advance` (1 → 2 → 3 → 4 → 5 for the live shipment of a
 * referenceId, or straight to any of 1–8; or POST /__emu/advance/{ref}?to=N), calculate, CBS code lists, an
 * optional rate limit, injectable faults and a redacted request log. `shipments` are those createbarcode made
 * (cancelled ones included, flagged).
 */
export type MngEmulator = CarrierEmulator<MngLoggedRequest, EmulatedShipment, number> &
  TokenControls &
  Readonly<{
    /** origin + /mngapi/api, for tests that speak the wire directly. */
    baseUrl: string
    /** Orders stored so far, in creation order (cancelled ones included, flagged). */
    readonly orders: readonly EmulatedOrder[]
  }>

export async function startMngEmulator(options: MngEmulatorOptions = {}): Promise<MngEmulator> {
  const opts = resolveOptions(options)
  const state = new MngState(opts.firstShipmentId)
  const emu = await startCarrierEmulator(
    { port: opts.port, requests: state.requests, shipments: state.shipments, advanceHook: mngAdvanceHook({ opts, state }) },
    (faults) => createMngHandler({ opts, state, faults }),
  )
  return { ...emu, baseUrl: `${emu.origin}${MNG_BASE_PATH}`, orders: state.orders, ...tokenControls(state) }
}

/** Full URL of a documented path (with its parameter, if any) on a running emulator. */
export function mngUrl(emulator: Pick<MngEmulator, 'baseUrl'>, path: (typeof MngPath)[keyof typeof MngPath], param?: string): string {
  return `${emulator.baseUrl}${path}${param === undefined ? '' : `/${encodeURIComponent(param)}`}`
}
