import { startHttpEmulator, urlsOf, type HttpEmulator } from '../common/http-emulator'
import { resolveOptions, SendeoPath, type SendeoEmulatorOptions } from './sendeo.config'
import { advanceByKey } from '../common/emulator-hooks'
import { createSendeoHandler, sendeoAdvanceHook } from './sendeo.server'
import { SendeoState, type EmulatedSendeoDelivery, type SendeoLoggedRequest } from './sendeo.state'

export type { SendeoAccount, SendeoEmulatorOptions } from './sendeo.config'
export { ErrorCodePlacement, SENDEO_STATUSES, SENDEO_TEST_ACCOUNT, SendeoError, SendeoPath } from './sendeo.config'
export { SENDEO_DISTRICTS } from './sendeo.places'
export type { EmulatedSendeoDelivery, SendeoLoggedRequest } from './sendeo.state'
export { currentStatusId } from './sendeo.state'

/**
 * A local Sendeo API (docs/reference/carriers.md §7, §14) on 127.0.0.1 for tests, benchmarks and demo mode:
 * LoginAES + Bearer, SETDELIVERY with labels per barcodeLabelType, GETBARCODE, CANCELDELIVERY (only
 * in 101, else 703), cached TRACKDELIVERY, statuses 101…151 driven by `advance` (or
 * POST /__emu/advance/{key}?to=), injectable faults and a redacted request log.
 */
export type SendeoEmulator = HttpEmulator<SendeoLoggedRequest> &
  Readonly<{
    urls: Readonly<Record<keyof typeof SendeoPath, string>>
    /** Deliveries stored so far, in creation order (a repeated ReferenceNo appears twice). */
    readonly shipments: readonly EmulatedSendeoDelivery[]
    /** One step along 101 → 138 → 102 → 103 → 105 → 106 → 107 → 109 → 111, or on to `toStatus`. Key: ReferenceNo or tracking number. */
    advance(key: string, toStatus?: number): EmulatedSendeoDelivery
    /** Forgets every issued token, as if all had expired: the next call gets HTTP 401. */
    expireTokens(): void
  }>

export async function startSendeoEmulator(options: SendeoEmulatorOptions = {}): Promise<SendeoEmulator> {
  const opts = resolveOptions(options)
  const state = new SendeoState()
  const base = await startHttpEmulator(opts.port, state.requests, (faults) => createSendeoHandler({ opts, state, faults }))
  const o = base.origin
  return {
    ...base,
    urls: urlsOf(o, SendeoPath),
    shipments: state.deliveries,
    advance: (key, toStatus) => advanceByKey(sendeoAdvanceHook({ opts, state }), key, toStatus),
    expireTokens: () => state.expireTokens(),
  }
}
