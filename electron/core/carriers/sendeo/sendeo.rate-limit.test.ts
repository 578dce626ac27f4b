import { expect } from 'vitest'
import { SAMPLE_SENDEO_SETTINGS, sampleSendeoRequest } from '../../../../sandbox/sendeo/sendeo.fixtures'
import { startSendeoEmulator } from '../../../../sandbox/sendeo/sendeo.emulator'
import { BURST_RETRY, createsInBurst, itHonoursRetryAfter } from '../../../../tests/support/carrier-rate-limit'
import type { ShipmentRequest } from '../carrier.port'
import { createSendeoConnector } from './sendeo.adapter'

// Sendeo publishes no rate limit: the contract sets the emulator's small.
itHonoursRetryAfter({
  title: 'a burst of creates: every 429 is waited out (Retry-After), none follows another',
  limit: 5,
  start: (rateLimit) => startSendeoEmulator({ rateLimit }),
  // 1 login + 4 × (lookup + create) at 5/s take about two windows.
  burst: async (emu) => {
    const connector = createSendeoConnector({ origin: emu.origin, ...SAMPLE_SENDEO_SETTINGS, timeoutMs: 2000, retry: BURST_RETRY })
    await createsInBurst(4, (orderNumber, idempotencyKey) =>
      connector.createShipment(sampleSendeoRequest({ orderNumber }) as ShipmentRequest, { idempotencyKey }),
    )
    expect(emu.shipments).toHaveLength(4)
  },
})
