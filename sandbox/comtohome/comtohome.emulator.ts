import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
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
export type ComToHomeEmulator = Readonly<{
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:40123 (the seed's {{BASE_URL}}). */
  url: string
  /** Consignments created so far, in order. */
  readonly consignments: readonly EmulatedConsignment[]
  /** Every request received, in order (APIKEY redacted). */
  readonly requests: readonly LoggedRequest[]
  /** Applies `fault` to the next `times` requests to the endpoint (default: until cleared with null). */
  setFault(fault: ComToHomeFault | null, options?: Readonly<{ times?: number }>): void
  /** One entry per coming request (null = answer normally); consumed before the setFault fault. */
  queueFaults(faults: readonly (ComToHomeFault | null)[]): void
  close(): Promise<void>
}>

export async function startComToHomeEmulator(options?: ComToHomeEmulatorOptions): Promise<ComToHomeEmulator> {
  const opts = resolveOptions(options)
  const state = new ComToHomeState()
  const server = createServer(createComToHomeHandler(opts, state))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    get consignments() {
      return state.consignments
    },
    get requests() {
      return state.requests
    },
    setFault: (fault, o) => state.setFault(fault, o?.times ?? Number.POSITIVE_INFINITY),
    queueFaults: (faults) => state.queueFaults(faults),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        // Hung ('timeout' fault) and keep-alive sockets would hold close() open forever.
        server.closeAllConnections()
      }),
  }
}
