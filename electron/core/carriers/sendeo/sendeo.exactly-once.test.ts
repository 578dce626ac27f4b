import { afterAll, beforeAll, expect, it } from 'vitest'
import { HttpFault } from '../../../../sandbox/common/http-emulator'
import { SAMPLE_SENDEO_SETTINGS, sampleSendeoRequest } from '../../../../sandbox/sendeo/sendeo.fixtures'
import { startSendeoEmulator, type SendeoEmulator } from '../../../../sandbox/sendeo/sendeo.emulator'
import type { ShipmentRequest } from '../carrier.port'
import { createSendeoConnector } from './sendeo.adapter'

// The exactly-once acceptance test. The emulator stores a repeated ReferenceNo as a second delivery
// (Sendeo documents no refusal), so any create the connector sends twice shows up as a duplicate.
// Faults strike logins, lookups and creates alike, before and after the delivery is stored.
let emu: SendeoEmulator
beforeAll(async () => {
  emu = await startSendeoEmulator({ trackCacheMs: 0 })
})
afterAll(() => emu.close())

it('exactly once over 500 randomized runs of lost, cut, spoiled, throttled and failed answers', async () => {
  // Without the look-before-buy (tested in sendeo.adapter.test.ts) every fault meets a create or the lookup after it.
  const connector = createSendeoConnector({ origin: emu.origin, ...SAMPLE_SENDEO_SETTINGS, lookupBeforeCreate: false, timeoutMs: 200, retry: { maxAttempts: 8, sleep: async () => {} } })
  let seed = 70_707
  const random = () => {
    // mulberry32: a seeded PRNG, so a failing run can be replayed.
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  // Lost answers after commit weigh double: they are the case that buys twice when handled wrong.
  const faults = [HttpFault.dropAfterCommit, HttpFault.dropAfterCommit, HttpFault.halfResponse, HttpFault.malformed, HttpFault.http500, HttpFault.http503, HttpFault.http429, HttpFault.connectionReset] as const
  let lookups = 0
  for (let run = 0; run < 500; run++) {
    // Up to 5 requests' fates, a fifth of them clean, so faults reach the creates behind the lookups
    // (a failed lookup is retried before any create); a few runs also hang once until the 200 ms timeout.
    const sequence: (HttpFault | null)[] = Array.from({ length: Math.floor(random() * 6) }, () => (random() < 0.2 ? null : (faults[Math.floor(random() * faults.length)] ?? null)))
    if (run % 100 === 7) sequence.unshift(HttpFault.timeout)
    emu.faults.queue(sequence)
    const before = emu.requests.length
    const key = `run-${run}`
    const parcels = run % 5 === 0 ? 2 : 1
    const base = sampleSendeoRequest()
    const request = sampleSendeoRequest({ orderNumber: `SIP-${run}`, packages: Array.from({ length: parcels }, (_, i) => ({ ...base.packages[0]!, index: i })) }) as ShipmentRequest
    const created = await connector.createShipment(request, { idempotencyKey: key })
    const ref = connector.referenceNoFor(key)
    const mine = emu.shipments.filter((s) => s.referenceNo === ref)
    expect(mine, `run ${run}: ${sequence.join(',')}`).toHaveLength(1)
    expect(mine[0]?.customerReferenceType).toBe(`SIP-${run}`)
    expect(created.trackingNumber).toBe(mine[0]?.trackingNumber)
    const zpl = Buffer.from(created.label ?? new Uint8Array()).toString('utf8')
    expect(zpl.match(/\^XA/g), `run ${run}`).toHaveLength(parcels)
    // A run that succeeded before its last fate was drawn leaves the rest queued: drop it.
    for (let i = 0; i < 8; i++) emu.faults.take()
    const afterFirstCreate = emu.requests.slice(before).findIndex((r) => r.operation === 'SETDELIVERY')
    if (emu.requests.slice(before + afterFirstCreate + 1).some((r) => r.operation === 'GETBARCODE')) lookups++
  }
  expect(emu.shipments).toHaveLength(500)
  expect(new Set(emu.shipments.map((s) => s.referenceNo)).size).toBe(500)
  expect(emu.requests.filter((r) => r.fault !== null).length).toBeGreaterThan(500) // the faults really happened
  expect(lookups).toBeGreaterThan(100) // and many runs looked up again after a doubtful create
})
