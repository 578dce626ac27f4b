import { afterAll, beforeAll, expect, it } from 'vitest'
import { HttpFault } from '../../../../sandbox/common/http-emulator'
import { RepeatBarcode, startMngEmulator, type MngEmulator } from '../../../../sandbox/mng/mng.emulator'
import { SAMPLE_MNG_CREDENTIALS, sampleMngRequest } from '../../../../sandbox/mng/mng.fixtures'
import { createMngConnector } from './mng.adapter'

// The acceptance fault test: the emulator loses, cuts, spoils or refuses answers before and after
// storing orders and shipments; every retry must find what was stored (getshipment / getorder, 3002),
// never make a second one. The emulator runs in its worst mode: a repeated createbarcode would make
// a second shipment instead of being refused, so a connector that asks twice is caught.
let emu: MngEmulator
beforeAll(async () => {
  emu = await startMngEmulator({ repeatBarcode: RepeatBarcode.newShipment, barcodeNotReady: { attempts: 0 } })
})
afterAll(() => emu.close())

it('exactly once over 500 randomized runs of lost, cut, spoiled, refused and throttled answers', async () => {
  const connector = createMngConnector({
    origin: emu.origin,
    ...SAMPLE_MNG_CREDENTIALS,
    timeoutMs: 200,
    retry: { maxAttempts: 8, sleep: async () => {} },
    sleep: async () => {},
  })
  let seed = 30_303
  const random = () => {
    // mulberry32: a seeded PRNG, so a failing run can be replayed.
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  // Lost answers after commit weigh double: they are the case that buys twice when handled wrong.
  const faults = [HttpFault.dropAfterCommit, HttpFault.dropAfterCommit, HttpFault.halfResponse, HttpFault.malformed, HttpFault.http500, HttpFault.http503, HttpFault.http429] as const
  let lookedUp = 0
  let labelled = 0
  for (let run = 0; run < 500; run++) {
    // 0–4 consecutive faults (fewer than maxAttempts); they hit writes and lookups alike. A few runs
    // also start with a hung request (a real 200 ms timeout each).
    const sequence: (HttpFault | null)[] = Array.from({ length: Math.floor(random() * 5) }, () => faults[Math.floor(random() * faults.length)] ?? null)
    if (run % 125 === 7) sequence.unshift(HttpFault.timeout)
    emu.faults.queue(sequence)
    const before = emu.requests.length
    const key = `run-${run}`
    const created = await connector.createShipment(sampleMngRequest({ orderNumber: `SIP-${run}` }), { idempotencyKey: key })
    const ref = connector.referenceIdFor(key)
    const orders = emu.orders.filter((o) => o.referenceId === ref)
    const shipments = emu.shipments.filter((s) => s.referenceId === ref)
    expect(orders, `run ${run}: ${sequence.join(',')}`).toHaveLength(1)
    expect(shipments, `run ${run}: ${sequence.join(',')}`).toHaveLength(1)
    expect(created).toMatchObject({ carrierShipmentId: ref, barcode: shipments[0]?.shipmentId })
    if (created.label) labelled++
    if (emu.requests.slice(before).some((r) => r.operation === 'getshipment')) lookedUp++
  }
  expect(emu.orders).toHaveLength(500)
  expect(emu.shipments).toHaveLength(500)
  expect(new Set(emu.shipments.map((s) => s.shipmentId)).size).toBe(500)
  expect(emu.requests.filter((r) => r.fault !== null).length).toBeGreaterThan(500) // the faults really happened
  expect(lookedUp).toBeGreaterThan(100) // and many runs went through the lookup path
  expect(labelled).toBeGreaterThan(250) // most still got MNG's label
})
