import { afterAll, beforeAll, expect, it } from 'vitest'
import { SAMPLE_SENDEO_SETTINGS, sampleSendeoRequest } from '../../../../sandbox/sendeo/sendeo.fixtures'
import { startSendeoEmulator, type SendeoEmulator } from '../../../../sandbox/sendeo/sendeo.emulator'
import type { ShipmentRequest } from '../carrier.port'
import { createSendeoConnector } from './sendeo.adapter'

// Sendeo publishes no rate limit; the emulator's is set small here. A connector that honours
// Retry-After never meets the limiter twice in a row: after a 429 it waits until the window has room.
let emu: SendeoEmulator
beforeAll(async () => {
  emu = await startSendeoEmulator({ rateLimit: { limit: 5, windowMs: 1000 } })
})
afterAll(() => emu.close())

it('a burst of creates: every 429 is waited out (Retry-After), none follows another', async () => {
  // Real sleeps: the test is about time. 1 login + 4 × (lookup + create) at 5/s take about two windows.
  const connector = createSendeoConnector({ origin: emu.origin, ...SAMPLE_SENDEO_SETTINGS, timeoutMs: 2000, retry: { maxAttempts: 6, baseDelayMs: 10 } })
  for (let i = 0; i < 4; i++) await connector.createShipment(sampleSendeoRequest({ orderNumber: `B-${i}` }) as ShipmentRequest, { idempotencyKey: `burst-${i}` })
  expect(emu.shipments).toHaveLength(4)
  const log = emu.requests
  const throttled = log.map((r, i) => ({ r, i })).filter(({ r }) => r.status === 429)
  expect(throttled.length).toBeGreaterThan(0) // the limit was really reached
  for (const { r, i } of throttled) {
    const next = log[i + 1]
    expect(next, 'a throttled request is followed by another').toBeDefined()
    expect(next?.status).not.toBe(429)
    expect((next?.at ?? 0) - r.at).toBeGreaterThanOrEqual(990)
  }
})
