import { afterEach } from 'vitest'
import type { MngConnectorOptions } from '../../electron/core/carriers/mng/mng.adapter'
import { createMngConnector } from '../../electron/core/carriers/mng/mng.adapter'
import type { CarrierExchange } from '../../electron/core/carriers/http/carrier-http'
import { startMngEmulator, type MngEmulator, type MngEmulatorOptions } from '../../sandbox/mng/mng.emulator'
import { SAMPLE_MNG_CREDENTIALS } from '../../sandbox/mng/mng.fixtures'

/**
 * `setup()` for an MNG test file: an emulator per call (every one still open is closed after the test) and a connector
 * on it whose retry sleeps, barcode waits and exchanges are recorded instead of slept or logged.
 */
export function useMngEmulator() {
  const started: MngEmulator[] = []
  afterEach(async () => {
    // A test may close its own emulators (a loop of setups); closing one twice only fails here, harmlessly.
    await Promise.allSettled(started.splice(0).map((e) => e.close()))
  })
  return async function setup(emulator: MngEmulatorOptions = {}, over: Partial<MngConnectorOptions> = {}) {
    const emu = await startMngEmulator(emulator)
    started.push(emu)
    const exchanges: CarrierExchange[] = []
    const sleeps: number[] = []
    const waits: number[] = []
    const connector = createMngConnector({
      origin: emu.origin,
      ...SAMPLE_MNG_CREDENTIALS,
      timeoutMs: 1000,
      retry: { maxAttempts: 5, sleep: async (ms) => void sleeps.push(ms) },
      sleep: async (ms) => void waits.push(ms),
      onExchange: (e) => exchanges.push(e),
      ...over,
    })
    return { emu, connector, exchanges, sleeps, waits }
  }
}
