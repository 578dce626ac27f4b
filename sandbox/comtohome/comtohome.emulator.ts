import { faultControls, listenHttp, type FaultControls } from '../common/http-emulator'
import { resolveOptions, type ComToHomeEmulatorOptions, type ComToHomeFault } from './comtohome.config'
import { createComToHomeHandler } from './comtohome.server'
import { ComToHomeState, type EmulatedConsignment, type LoggedRequest } from './comtohome.state'

export type { ComToHomeEmulatorOptions, ComToHomeProvider, PreferenceChooser } from './comtohome.config'
export { ComToHomeFault, DEFAULT_PROVIDERS, chooseCheapest } from './comtohome.config'
export type { EmulatedConsignment, LoggedRequest } from './comtohome.state'
export { CONSIGNMENTS_PATH } from './comtohome.server'

/**
 * A local ComToHome (seed 001) on 127.0.0.1 for tests, benchmarks and demo mode:
 * deterministic ids, a request log, injectable faults (docs/reference/carriers.md §14).
 */
export type ComToHomeEmulator = FaultControls<ComToHomeFault> &
  Readonly<{
    /** Base URL without a trailing slash, e.g. http://127.0.0.1:40123 (the seed's {{BASE_URL}}). */
    url: string
    /** Consignments created so far, in order. */
    readonly consignments: readonly EmulatedConsignment[]
    /** Every request received, in order (APIKEY redacted). */
    readonly requests: readonly LoggedRequest[]
    close(): Promise<void>
  }>

export async function startComToHomeEmulator(options?: ComToHomeEmulatorOptions): Promise<ComToHomeEmulator> {
  const opts = resolveOptions(options)
  const state = new ComToHomeState()
  const handler = createComToHomeHandler(opts, state)
  const running = await listenHttp(async (req, res) => handler(req, res), opts.port)
  return {
    url: running.origin,
    consignments: state.consignments,
    requests: state.requests,
    ...faultControls(state.faults),
    close: () => running.close(),
  }
}
