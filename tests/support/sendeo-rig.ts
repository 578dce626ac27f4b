import { createSendeoConnector, type SendeoConnector, type SendeoConnectorOptions } from '../../electron/core/carriers/sendeo/sendeo.adapter'
import { startSendeoEmulator, type SendeoEmulator } from '../../sandbox/sendeo/sendeo.emulator'
import { SAMPLE_SENDEO_SETTINGS } from '../../sandbox/sendeo/sendeo.fixtures'
import { startedAround } from './around-tests'

/** A connector with the sample account on `origin`: 2 s per call, four attempts that do not sleep between them. */
export function sendeoTestConnector(origin: string, over: Partial<SendeoConnectorOptions> = {}): SendeoConnector {
  return createSendeoConnector({ origin, ...SAMPLE_SENDEO_SETTINGS, timeoutMs: 2000, retry: { maxAttempts: 4, sleep: async () => {} }, ...over })
}

export type SendeoRig = Readonly<{ emu: SendeoEmulator; connector(over?: Partial<SendeoConnectorOptions>): SendeoConnector }>

/** One Sendeo emulator for the test file (no track cache; started before all, closed after all) and connectors on it. */
export function useSendeoEmulator(): SendeoRig {
  const emu = startedAround(
    'all',
    'the Sendeo emulator',
    () => startSendeoEmulator({ trackCacheMs: 0 }),
    (started) => started.close(),
  )
  return {
    get emu() {
      return emu()
    },
    connector: (over = {}) => sendeoTestConnector(emu().origin, over),
  }
}
