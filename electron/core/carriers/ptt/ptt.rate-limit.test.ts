import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPttEmulator, type PttEmulator } from '../../../../sandbox/ptt/ptt.emulator'
import { SAMPLE_PTT_CREDENTIALS, SAMPLE_PTT_RANGE, samplePttRequest } from '../../../../sandbox/ptt/ptt.fixtures'
import { createPttConnector } from './ptt.adapter'
import { createMemoryPttBarcodeAllocator } from './ptt.barcode'

// PTT publishes no rate limit (docs/reference/carriers.md §4); the emulator's is set small here. A connector that
// honours Retry-After never meets the limiter twice in a row: after a 429 it waits until the window
// has room, so the limiter never sees it push past the limit.
describe('429 burst', () => {
  let emu: PttEmulator
  beforeAll(async () => {
    emu = await startPttEmulator({ labelOperation: true, rateLimit: { limit: 4, windowMs: 1000 } })
  })
  afterAll(() => emu.close())

  it('every 429 is waited out (Retry-After), none follows another', async () => {
    // Real sleeps: the test is about time. 4 creates (8 calls) at 4/s take about two windows.
    const connector = createPttConnector({
      origin: emu.origin,
      credentials: SAMPLE_PTT_CREDENTIALS,
      allocator: createMemoryPttBarcodeAllocator(SAMPLE_PTT_RANGE),
      timeoutMs: 2000,
      retry: { maxAttempts: 6, baseDelayMs: 10 },
    })
    for (let i = 0; i < 4; i++) await connector.createShipment(samplePttRequest({ referenceNo: `B-${i}` }), { idempotencyKey: `burst-${i}` })
    expect(emu.shipments).toHaveLength(4)
    const log = emu.requests
    const throttled = log.map((r, i) => ({ r, i })).filter(({ r }) => r.status === 429)
    expect(throttled.length).toBeGreaterThan(0) // the limit was really reached
    for (const { r, i } of throttled) {
      const next = log[i + 1]
      expect(next, 'a throttled request is followed by another').toBeDefined()
      expect(next?.status).not.toBe(429)
      // Retry-After is 1 s for a 1 s window; the timer starts after the answer arrived, so ≥ 1000 ms later.
      expect((next?.at ?? 0) - r.at).toBeGreaterThanOrEqual(990)
    }
  })
})
