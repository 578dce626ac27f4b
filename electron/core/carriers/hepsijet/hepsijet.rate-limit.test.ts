import { expect } from 'vitest'
import { SAMPLE_HEPSIJET_SETTINGS, sampleHepsiJetRequest } from '../../../../sandbox/hepsijet/hepsijet.fixtures'
import { startHepsiJetEmulator } from '../../../../sandbox/hepsijet/hepsijet.emulator'
import { BURST_RETRY, createsInBurst, itHonoursRetryAfter } from '../../../../tests/support/carrier-rate-limit'
import { createHepsiJetConnector } from './hepsijet.adapter'

// HepsiJET publishes no rate limit (docs/reference/carriers.md §6): the contract sets the emulator's small.
itHonoursRetryAfter({
  title: 'a burst of creates: every 429 is waited out (Retry-After), none follows another',
  limit: 4,
  start: (rateLimit) => startHepsiJetEmulator({ rateLimit }),
  // 7 creates + 1 login at 4/s take about two windows.
  burst: async (emu) => {
    const connector = createHepsiJetConnector({ origin: emu.origin, ...SAMPLE_HEPSIJET_SETTINGS, timeoutMs: 2000, retry: BURST_RETRY })
    await createsInBurst(7, (orderNumber, idempotencyKey) => connector.createShipment(sampleHepsiJetRequest({ orderNumber }), { idempotencyKey }))
    expect(emu.shipments).toHaveLength(7)
  },
  // Throttled creates stored nothing, so no lookup was needed: only logins and creates went out.
  operations: ['getToken', 'sendDeliveryOrderEnhanced'],
})
