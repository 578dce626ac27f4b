import { expect } from 'vitest'
import { startPttEmulator } from '../../../../sandbox/ptt/ptt.emulator'
import { SAMPLE_PTT_CREDENTIALS, SAMPLE_PTT_RANGE, samplePttRequest } from '../../../../sandbox/ptt/ptt.fixtures'
import { itHonoursRetryAfter } from '../../../../tests/support/carrier-rate-limit'
import { createPttConnector } from './ptt.adapter'
import { createMemoryPttBarcodeAllocator } from './ptt.barcode'

// PTT publishes no rate limit (docs/reference/carriers.md §4): the contract sets the emulator's small.
itHonoursRetryAfter({
  title: '429 burst: every 429 is waited out (Retry-After), none follows another',
  limit: 4,
  start: (rateLimit) => startPttEmulator({ labelOperation: true, rateLimit }),
  // 4 creates (8 calls) at 4/s take about two windows.
  burst: async (emu) => {
    const allocator = createMemoryPttBarcodeAllocator(SAMPLE_PTT_RANGE)
    const connector = createPttConnector({
      origin: emu.origin,
      credentials: SAMPLE_PTT_CREDENTIALS,
      allocator,
      timeoutMs: 2000,
      retry: { maxAttempts: 6, baseDelayMs: 10 },
    })
    for (let i = 0; i < 4; i++) await connector.createShipment(samplePttRequest({ referenceNo: `B-${i}` }), { idempotencyKey: `burst-${i}` })
    expect(emu.shipments).toHaveLength(4)
  },
})
