import { afterEach, expect, it } from 'vitest'
import { startMngEmulator, type MngEmulator } from '../../../../sandbox/mng/mng.emulator'
import { SAMPLE_MNG_CREDENTIALS, sampleMngRequest } from '../../../../sandbox/mng/mng.fixtures'
import { createMngConnector } from './mng.adapter'

// A burst against the emulator's limiter (5 requests per second; MNG publishes no limit, so it is an
// option): the connector waits out Retry-After with its real sleep, so no retried request is
// refused again and none arrives before the wait it was told. (Concurrent callers are spread by the
// desk's guard/rate-limiter, not by a connector.)
let emu: MngEmulator | null = null
afterEach(async () => {
  await emu?.close()
  emu = null
})

it('a connector honouring Retry-After never sends a request the limiter refuses twice', async () => {
  emu = await startMngEmulator({ rateLimit: { limit: 5, windowMs: 1000 } })
  const connector = createMngConnector({ origin: emu.origin, ...SAMPLE_MNG_CREDENTIALS, timeoutMs: 2000, retry: { maxAttempts: 4, baseDelayMs: 20, random: () => 0.5 } })
  const created = await connector.createShipment(sampleMngRequest(), { idempotencyKey: 'burst' }) // 5 requests: the window is full
  const before = emu.requests.length

  // One caller tracking as fast as it can: 6 calls, one request each when allowed.
  for (let i = 0; i < 6; i++) expect(await connector.track(created.trackingNumber)).toHaveLength(1)

  const calls = emu.requests.slice(before)
  const refusedAt = calls.flatMap((r, i) => (r.status === 429 ? [i] : []))
  expect(refusedAt.length).toBeGreaterThanOrEqual(1) // the limiter did bite
  expect(calls.filter((r) => r.status === 200)).toHaveLength(6)
  for (const i of refusedAt) {
    const next = calls[i + 1]
    // The retry waited Retry-After (1 s) and was let through: never two refusals in a row.
    expect(next?.status).toBe(200)
    expect((next?.at ?? 0) - (calls[i]?.at ?? 0)).toBeGreaterThanOrEqual(1000)
  }
})
