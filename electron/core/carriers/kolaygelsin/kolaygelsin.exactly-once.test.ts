import { afterAll, beforeAll, expect, it } from 'vitest'
import { HttpFault } from '../../../../sandbox/common/http-emulator'
import { sampleKolayGelsinRequest, SAMPLE_KOLAYGELSIN_SETTINGS } from '../../../../sandbox/kolaygelsin/kolaygelsin.fixtures'
import { startKolayGelsinEmulator, type KolayGelsinEmulator } from '../../../../sandbox/kolaygelsin/kolaygelsin.emulator'
import type { ShipmentRequest } from '../carrier.port'
import { createKolayGelsinConnector } from './kolaygelsin.adapter'

// The exactly-once acceptance test. The emulator stores a repeated CustomerSpecificCode as a second
// shipment (Kolay Gelsin documents no refusal), so any save the connector sends twice shows up.
// Faults strike recipient saves, shipment saves and the status lookups, before and after commit.
let emu: KolayGelsinEmulator
beforeAll(async () => {
  emu = await startKolayGelsinEmulator()
})
afterAll(() => emu.close())

it('exactly once over 500 randomized runs of lost, cut, spoiled, throttled and failed answers', async () => {
  // Without the look-before-buy (tested in kolaygelsin.adapter.test.ts) every fault meets a save or the lookup after it.
  const connector = createKolayGelsinConnector({ origin: emu.origin, ...SAMPLE_KOLAYGELSIN_SETTINGS, lookupBeforeCreate: false, timeoutMs: 200, retry: { maxAttempts: 8, sleep: async () => {} } })
  let seed = 80_808
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
    // Up to 5 requests' fates, a fifth of them clean, so faults also reach the saves behind the recipient
    // save and the lookups; a few runs also hang once until the 200 ms timeout.
    const sequence: (HttpFault | null)[] = Array.from({ length: Math.floor(random() * 6) }, () => (random() < 0.2 ? null : (faults[Math.floor(random() * faults.length)] ?? null)))
    if (run % 100 === 7) sequence.unshift(HttpFault.timeout)
    emu.faults.queue(sequence)
    const before = emu.requests.length
    const key = `run-${run}`
    const parcels = run % 5 === 0 ? 2 : 1
    const base = sampleKolayGelsinRequest()
    const request = sampleKolayGelsinRequest({ orderNumber: `SIP-${run}`, packages: Array.from({ length: parcels }, (_, i) => ({ ...base.packages[0]!, index: i })) }) as ShipmentRequest
    const created = await connector.createShipment(request, { idempotencyKey: key })
    const code = connector.customerSpecificCodeFor(key)
    const mine = emu.shipments.filter((s) => s.customerSpecificCode === code)
    expect(mine, `run ${run}: ${sequence.join(',')}`).toHaveLength(1)
    expect(mine[0]?.items).toHaveLength(parcels)
    expect(mine[0]?.items[0]?.contentText).toBe(`Sipariş SIP-${run}`)
    expect(created).toMatchObject({ trackingNumber: mine[0]?.shipmentId, barcode: `${code}01`, label: null })
    // A run that succeeded before its last fate was drawn leaves the rest queued: drop it.
    for (let i = 0; i < 8; i++) emu.faults.take()
    if (emu.requests.slice(before).some((r) => r.operation === 'GetCorporateShipmentsStatus')) lookups++
  }
  expect(emu.shipments).toHaveLength(500)
  expect(new Set(emu.shipments.map((s) => s.customerSpecificCode)).size).toBe(500)
  expect(emu.requests.filter((r) => r.fault !== null).length).toBeGreaterThan(500) // the faults really happened
  expect(lookups).toBeGreaterThan(100) // and many runs looked up after a doubtful save
})
