import { expect } from 'vitest'
import { sampleKolayGelsinRequest, SAMPLE_KOLAYGELSIN_SETTINGS } from '../../../../sandbox/kolaygelsin/kolaygelsin.fixtures'
import { startKolayGelsinEmulator } from '../../../../sandbox/kolaygelsin/kolaygelsin.emulator'
import { BURST_RETRY, createsInBurst, itHonoursRetryAfter } from '../../../../tests/support/carrier-rate-limit'
import type { ShipmentRequest } from '../carrier.port'
import { createKolayGelsinConnector } from './kolaygelsin.adapter'

// Kolay Gelsin publishes no rate limit: the contract sets the emulator's small.
itHonoursRetryAfter({
  title: 'a burst of creates and a batch track: every 429 is waited out (Retry-After), none follows another',
  limit: 5,
  start: (rateLimit) => startKolayGelsinEmulator({ rateLimit }),
  // 3 × (lookup + recipient + save) + 1 track at 5/s take about two windows.
  burst: async (emu) => {
    const connector = createKolayGelsinConnector({ origin: emu.origin, ...SAMPLE_KOLAYGELSIN_SETTINGS, timeoutMs: 2000, retry: BURST_RETRY })
    const made = await createsInBurst(3, (orderNumber, idempotencyKey) =>
      connector.createShipment(sampleKolayGelsinRequest({ orderNumber }) as ShipmentRequest, { idempotencyKey }),
    )
    const tracked = await connector.trackMany(made.map((m) => m.trackingNumber))
    expect(tracked.size).toBe(3)
    expect(emu.shipments).toHaveLength(3)
  },
})
