import { createPttConnector, type PttConnectorOptions } from '../../electron/core/carriers/ptt/ptt.adapter'
import { createMemoryPttBarcodeAllocator, type PttBarcodeRange } from '../../electron/core/carriers/ptt/ptt.barcode'
import type { CarrierExchange } from '../../electron/core/carriers/http/carrier-http'
import { startPttEmulator, type PttEmulatorOptions } from '../../sandbox/ptt/ptt.emulator'
import { SAMPLE_PTT_CREDENTIALS, SAMPLE_PTT_RANGE } from '../../sandbox/ptt/ptt.fixtures'
import { closedAfterEach } from './emulator-rig'

/**
 * `setup()` for a PTT test file: an emulator per call (closed after the test; `emulator` over the file's `defaults`), a memory
 * barcode allocator on `range` and a connector with the sample account whose exchanges are recorded (1 s per call, four
 * attempts that do not sleep, unless `connector` or the call's `over` says otherwise).
 */
export function usePttEmulator(defaults: PttEmulatorOptions = {}, connector: Partial<PttConnectorOptions> = {}) {
  const start = closedAfterEach(startPttEmulator)
  return async function setup(emulator: PttEmulatorOptions = {}, over: Partial<PttConnectorOptions> = {}, range: PttBarcodeRange = SAMPLE_PTT_RANGE) {
    const emu = await start({ ...defaults, ...emulator })
    const exchanges: CarrierExchange[] = []
    const allocator = createMemoryPttBarcodeAllocator(range)
    const options: PttConnectorOptions = {
      origin: emu.origin,
      credentials: SAMPLE_PTT_CREDENTIALS,
      allocator,
      timeoutMs: 1000,
      retry: { maxAttempts: 4, sleep: async () => {} },
      onExchange: (e) => exchanges.push(e),
      ...connector,
      ...over,
    }
    return { emu, connector: createPttConnector(options), allocator, exchanges }
  }
}
