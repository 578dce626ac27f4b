import { afterEach } from 'vitest'
import type { CarrierExchange } from '../../electron/core/carriers/http/carrier-http'

/**
 * `start`, with every emulator it starts closed after each test. A test may close its own (a loop of setups);
 * closing one twice only fails in that cleanup, where it is ignored.
 */
export function closedAfterEach<A extends unknown[], E extends { close(): Promise<void> }>(start: (...args: A) => Promise<E>): (...args: A) => Promise<E> {
  const started: E[] = []
  afterEach(async () => {
    await Promise.allSettled(started.splice(0).map((e) => e.close()))
  })
  return async (...args) => {
    const emu = await start(...args)
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
