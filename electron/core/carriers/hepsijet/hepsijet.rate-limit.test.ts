import { afterAll, beforeAll, expect, it } from 'vitest'
import { SAMPLE_HEPSIJET_SETTINGS, sampleHepsiJetRequest } from '../../../../sandbox/hepsijet/hepsijet.fixtures'
import { startHepsiJetEmulator, type HepsiJetEmulator } from '../../../../sandbox/hepsijet/hepsijet.emulator'
import { createHepsiJetConnector } from './hepsijet.adapter'

// HepsiJET publishes no rate limit (docs/reference/carriers.md §6); the emulator's is set small here. A connector
// that honours Retry-After never meets the limiter twice in a row: after a 429 it waits until the
// window has room, so the limiter never sees it push past the limit.
let emu: HepsiJetEmulator
beforeAll(async () => {
  emu = await startHepsiJetEmulator({ rateLimit: { limit: 4, windowMs: 1000 } })
})
afterAll(() => emu.close())

it('a burst of creates: every 429 is waited out (Retry-After), none follows another', async () => {
  // Real sleeps: the test is about time. 7 creates + 1 login at 4/s take about two windows.
  const connector = createHepsiJetConnector({ origin: emu.origin, ...SAMPLE_HEPSIJET_SETTINGS, timeoutMs: 2000, retry: { maxAttempts: 6, baseDelayMs: 10 } })
  for (let i = 0; i < 7; i++) await connector.createShipment(sampleHepsiJetRequest({ orderNumber: `B-${i}` }), { idempotencyKey: `burst-${i}` })
  expect(emu.shipments).toHaveLength(7)
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
  // Throttled creates stored nothing, so no lookup was needed: only logins and creates went out.
  expect(new Set(log.map((r) => r.operation))).toEqual(new Set(['getToken', 'sendDeliveryOrderEnhanced']))
})
