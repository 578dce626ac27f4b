import { createMngConnector, type MngConnectorOptions } from '../../electron/core/carriers/mng/mng.adapter'
import { startMngEmulator, type MngEmulatorOptions } from '../../sandbox/mng/mng.emulator'
import { SAMPLE_MNG_CREDENTIALS } from '../../sandbox/mng/mng.fixtures'
import { closedAfterEach, recordedCalls } from './emulator-rig'

/**
 * `setup()` for an MNG test file: an emulator per call (closed after the test) and a connector on it whose
 * retry sleeps, barcode waits and exchanges are recorded instead of slept or logged.
 */
export function useMngEmulator() {
  const start = closedAfterEach(startMngEmulator)
  return async function setup(emulator: MngEmulatorOptions = {}, over: Partial<MngConnectorOptions> = {}) {
    const emu = await start(emulator)
    const { exchanges, sleeps, options } = recordedCalls()
    const waits: number[] = []
    const connector = createMngConnector({
      origin: emu.origin,
      ...SAMPLE_MNG_CREDENTIALS,
      timeoutMs: 1000,
      ...options,
      sleep: async (ms) => void waits.push(ms),
      ...over,
    })
    return { emu, connector, exchanges, sleeps, waits }
  }
}
