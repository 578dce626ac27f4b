import { afterEach } from 'vitest'
import type { CarrierExchange } from '../../electron/core/carriers/http/carrier-http'

/**
 * `start`, with every emulator it starts closed after each test. A test may close its own (a loop of setups);
 * closing one twice only fails in that cleanup, where it is ignored.
 */
export function closedAfterEach<O, E extends { close(): Promise<void> }>(start: (options: O) => Promise<E>): (options: O) => Promise<E> {
  const started: E[] = []
  afterEach(async () => {
    await Promise.allSettled(started.splice(0).map((e) => e.close()))
  })
  return async (options) => {
    const emu = await start(options)
    started.push(emu)
    return emu
  }
}

/** Connector options that record retry sleeps and exchanges instead of sleeping or logging (five attempts). */
export function recordedCalls() {
  const exchanges: CarrierExchange[] = []
  const sleeps: number[] = []
  const options = {
    retry: { maxAttempts: 5, sleep: async (ms: number) => void sleeps.push(ms) },
    onExchange: (e: CarrierExchange) => void exchanges.push(e),
  }
  return { exchanges, sleeps, options }
}
