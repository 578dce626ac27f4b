import { startCarrierEmulator, tokenControls, type CarrierEmulator, type TokenControls } from '../common/http-emulator'
import { resolveOptions, SendeoPath, type SendeoEmulatorOptions } from './sendeo.config'
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
 * in 101, else 703), cached TRACKDELIVERY, statuses 101…151 driven by `advance` (101 → 138 → 102 → 103 → 105 →
 * 106 → 107 → 109 → 111, by ReferenceNo or tracking number; or POST /__emu/advance/{key}?to=), injectable faults
 * and a redacted request log. A repeated ReferenceNo is stored, and listed in `shipments`, twice.
 */
export type SendeoEmulator = CarrierEmulator<SendeoLoggedRequest, EmulatedSendeoDelivery, number, typeof SendeoPath> & TokenControls

export async function startSendeoEmulator(options: SendeoEmulatorOptions = {}): Promise<SendeoEmulator> {
  const opts = resolveOptions(options)
  const state = new SendeoState()
  const emu = await startCarrierEmulator(
    { port: opts.port, requests: state.requests, shipments: state.deliveries, advanceHook: sendeoAdvanceHook({ opts, state }), paths: SendeoPath },
    (faults) => createSendeoHandler({ opts, state, faults }),
  )
  return { ...emu, ...tokenControls(state) }
}
