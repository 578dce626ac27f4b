import { startHttpEmulator, type HttpEmulator } from '../common/http-emulator'
import { MNG_BASE_PATH, MngPath, resolveOptions, type MngEmulatorOptions } from './mng.config'
import { advanceByKey } from '../common/emulator-hooks'
import { createMngHandler, mngAdvanceHook } from './mng.server'
import { MngState, type EmulatedOrder, type EmulatedShipment, type MngLoggedRequest } from './mng.state'

export type { MngAccount, MngApp, MngEmulatorOptions } from './mng.config'
export { DEFAULT_ACCOUNT, DEFAULT_APP, MNG_BASE_PATH, MngErrorCode, MngMessage, MngPath, MngProduct, MngStatusName, RepeatBarcode } from './mng.config'
export type { EmulatedOrder, EmulatedShipment, MngLoggedRequest, MngTrackEvent } from './mng.state'

/**
 * A local MNG Kargo / DHL eCommerce Türkiye Apizone (docs/reference/carriers.md §3, §14) on 127.0.0.1 for tests,
 * benchmarks and demo mode: gateway client id/secret + JWT auth, createOrder (3002 on a repeat) →
 * createbarcode (20001 while "not ready", then ZPL per piece), cancelorder/cancelshipment, the
 * standard queries with the 1–8 status chain driven by `advance` (or POST /__emu/advance/{ref}?to=N),
 * calculate, CBS code lists, an optional rate limit, injectable faults and a redacted request log.
 */
export type MngEmulator = HttpEmulator<MngLoggedRequest> &
  Readonly<{
    /** origin + /mngapi/api, for tests that speak the wire directly. */
    baseUrl: string
    /** Orders stored so far, in creation order (cancelled ones included, flagged). */
    readonly orders: readonly EmulatedOrder[]
    /** Shipments createbarcode made, in creation order (cancelled ones included, flagged). */
    readonly shipments: readonly EmulatedShipment[]
    /** One step along 1 → 2 → 3 → 4 → 5 for the live shipment of a referenceId, or straight to `toStatus` (1–8). */
    advance(referenceId: string, toStatus?: number): EmulatedShipment
    /** Forgets every issued JWT, as if all had expired: the next call gets HTTP 401. */
    expireTokens(): void
  }>

export async function startMngEmulator(options: MngEmulatorOptions = {}): Promise<MngEmulator> {
  const opts = resolveOptions(options)
  const state = new MngState(opts.firstShipmentId)
  const base = await startHttpEmulator(opts.port, state.requests, (faults) => createMngHandler({ opts, state, faults }))
  return {
    ...base,
    baseUrl: `${base.origin}${MNG_BASE_PATH}`,
    orders: state.orders,
    shipments: state.shipments,
    advance: (referenceId, toStatus) => advanceByKey(mngAdvanceHook({ opts, state }), referenceId, toStatus),
    expireTokens: () => state.expireTokens(),
  }
}

/** Full URL of a documented path (with its parameter, if any) on a running emulator. */
export function mngUrl(emulator: Pick<MngEmulator, 'baseUrl'>, path: (typeof MngPath)[keyof typeof MngPath], param?: string): string {
  return `${emulator.baseUrl}${path}${param === undefined ? '' : `/${encodeURIComponent(param)}`}`
}
