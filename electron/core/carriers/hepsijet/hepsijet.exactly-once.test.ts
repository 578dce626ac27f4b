import { afterAll, beforeAll, expect, it } from 'vitest'
import { HttpFault } from '../../../../sandbox/common/http-emulator'
import { SAMPLE_HEPSIJET_SETTINGS, sampleHepsiJetRequest } from '../../../../sandbox/hepsijet/hepsijet.fixtures'
import { startHepsiJetEmulator, type HepsiJetEmulator } from '../../../../sandbox/hepsijet/hepsijet.emulator'
import { createHepsiJetConnector } from './hepsijet.adapter'

// The exactly-once acceptance test: the emulator loses, cuts, spoils and refuses answers, before
// and after storing the delivery, on creates and on the lookups that follow them. Every run must
// end with exactly one delivery under the run's customerDeliveryNo and its labels in hand.
let emu: HepsiJetEmulator
beforeAll(async () => {
  emu = await startHepsiJetEmulator()
})
afterAll(() => emu.close())

it('exactly once over 500 randomized runs of lost, cut, spoiled, throttled and failed answers', async () => {
  const connector = createHepsiJetConnector({ origin: emu.origin, ...SAMPLE_HEPSIJET_SETTINGS, timeoutMs: 200, retry: { maxAttempts: 8, sleep: async () => {} } })
  let seed = 60_606
  const random = () => {
    // mulberry32: a seeded PRNG, so a failing run can be replayed.
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  // Lost answers after commit weigh double: they are the case that buys twice when handled wrong.
  const faults = [
    HttpFault.dropAfterCommit,
    HttpFault.dropAfterCommit,
    HttpFault.halfResponse,
    HttpFault.malformed,
    HttpFault.http500,
    HttpFault.http503,
    HttpFault.http429,
    HttpFault.connectionReset,
  ] as const
  let lookups = 0
  for (let run = 0; run < 500; run++) {
    // 0–4 consecutive faults (fewer than maxAttempts); a few runs also hang once until the 200 ms timeout.
    const sequence: (HttpFault | null)[] = Array.from({ length: Math.floor(random() * 5) }, () => faults[Math.floor(random() * faults.length)] ?? null)
    if (run % 100 === 7) sequence.unshift(HttpFault.timeout)
    emu.faults.queue(sequence)
    const before = emu.requests.length
    const key = `run-${run}`
    const parcels = run % 5 === 0 ? 2 : 1
    const base = sampleHepsiJetRequest()
    const request = sampleHepsiJetRequest({ orderNumber: `SIP-${run}`, packages: Array.from({ length: parcels }, (_, i) => ({ ...base.packages[0]!, index: i })) })
    const created = await connector.createShipment(request, { idempotencyKey: key })
    const barcode = connector.customerDeliveryNoFor(key)
    const mine = emu.shipments.filter((s) => s.customerDeliveryNo === barcode)
    expect(mine, `run ${run}: ${sequence.join(',')}`).toHaveLength(1)
    expect(mine[0]?.customerOrderId).toBe(`SIP-${run}`)
    expect(created.barcode).toBe(barcode)
    const zpl = Buffer.from(created.label ?? new Uint8Array()).toString('utf8')
    expect(zpl.match(/\^XA/g), `run ${run}`).toHaveLength(parcels)
    expect(zpl).toContain(`^FD${barcode}^FS`)
    if (emu.requests.slice(before).some((r) => r.operation === 'generateZplBarcode')) lookups++
  }
  expect(emu.shipments).toHaveLength(500)
  expect(new Set(emu.shipments.map((s) => s.customerDeliveryNo)).size).toBe(500)
  expect(emu.requests.filter((r) => r.fault !== null).length).toBeGreaterThan(500) // the faults really happened
  expect(lookups).toBeGreaterThan(100) // and many runs went through a lookup after a doubtful attempt
})
