import { afterAll, beforeAll, expect, it } from 'vitest'
import { sampleKolayGelsinRequest, SAMPLE_KOLAYGELSIN_SETTINGS } from '../../../../sandbox/kolaygelsin/kolaygelsin.fixtures'
import { startKolayGelsinEmulator, type KolayGelsinEmulator } from '../../../../sandbox/kolaygelsin/kolaygelsin.emulator'
import type { ShipmentRequest } from '../carrier.port'
import { createKolayGelsinConnector } from './kolaygelsin.adapter'

// Kolay Gelsin publishes no rate limit; the emulator's is set small here. A connector that honours
// Retry-After never meets the limiter twice in a row: after a 429 it waits until the window has room.
let emu: KolayGelsinEmulator
beforeAll(async () => {
  emu = await startKolayGelsinEmulator({ rateLimit: { limit: 5, windowMs: 1000 } })
})
afterAll(() => emu.close())

it('a burst of creates and a batch track: every 429 is waited out (Retry-After), none follows another', async () => {
  // Real sleeps: the test is about time. 3 × (lookup + recipient + save) + 1 track at 5/s take about two windows.
  const connector = createKolayGelsinConnector({ origin: emu.origin, ...SAMPLE_KOLAYGELSIN_SETTINGS, timeoutMs: 2000, retry: { maxAttempts: 6, baseDelayMs: 10 } })
  const made = []
  for (let i = 0; i < 3; i++) made.push(await connector.createShipment(sampleKolayGelsinRequest({ orderNumber: `B-${i}` }) as ShipmentRequest, { idempotencyKey: `burst-${i}` }))
  const tracked = await connector.trackMany(made.map((m) => m.trackingNumber))
  expect(tracked.size).toBe(3)
  expect(emu.shipments).toHaveLength(3)
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
