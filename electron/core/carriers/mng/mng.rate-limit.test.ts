import { expect } from 'vitest'
import { startMngEmulator } from '../../../../sandbox/mng/mng.emulator'
import { SAMPLE_MNG_CREDENTIALS, sampleMngRequest } from '../../../../sandbox/mng/mng.fixtures'
import { itHonoursRetryAfter } from '../../../../tests/support/carrier-rate-limit'
import { createMngConnector } from './mng.adapter'

// MNG publishes no limit, so the emulator's is an option. The connector waits out Retry-After with its
// real sleep. (Concurrent callers are spread by the desk's guard/rate-limiter, not by a connector.)
itHonoursRetryAfter({
  title: 'a connector honouring Retry-After never sends a request the limiter refuses twice',
  limit: 5,
  start: (rateLimit) => startMngEmulator({ rateLimit }),
  burst: async (emu) => {
    const connector = createMngConnector({
      origin: emu.origin,
      ...SAMPLE_MNG_CREDENTIALS,
      timeoutMs: 2000,
      retry: { maxAttempts: 4, baseDelayMs: 20, random: () => 0.5 },
    })
    const created = await connector.createShipment(sampleMngRequest(), { idempotencyKey: 'burst' }) // 5 requests: the window is full
    const before = emu.requests.length
    // One caller tracking as fast as it can: 6 calls, one request each when allowed.
    for (let i = 0; i < 6; i++) expect(await connector.track(created.trackingNumber)).toHaveLength(1)
    expect(emu.requests.slice(before).filter((r) => r.status === 200)).toHaveLength(6)
  },
  minGapMs: 1000,
})
