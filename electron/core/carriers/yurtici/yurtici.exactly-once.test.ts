import { afterAll, beforeAll, expect, it } from 'vitest'
import { startYurticiEmulator, YurticiFault, type YurticiEmulator } from '../../../../sandbox/yurtici/yurtici.emulator'
import { sampleShipmentRequest } from '../../../../sandbox/yurtici/yurtici.fixtures'
import { YurticiConnector } from './yurtici.adapter'
import { planYurticiLabel } from './yurtici.offline'

// The acceptance fault test of issue 4: the emulator loses, cuts or spoils answers after storing the
// shipment; every retry must find the same shipment (60020 → queryShipment), never make a second one.
let emu: YurticiEmulator
beforeAll(async () => {
  emu = await startYurticiEmulator()
})
afterAll(() => emu.close())

it('exactly once over 500 randomized runs of lost, cut, spoiled and refused answers', async () => {
  const connector = new YurticiConnector({
    url: emu.url,
    accounts: { senderPays: { username: 'YKTEST', password: 'YK' } },
    timeoutMs: 1000,
    retry: { maxAttempts: 6, sleep: async () => {} },
  })
  let seed = 42_025
  const random = () => {
    // mulberry32: a seeded PRNG, so a failing run can be replayed.
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  // Lost answers after commit weigh double: they are the case that buys twice when handled wrong.
  const faults = [YurticiFault.dropAfterCommit, YurticiFault.dropAfterCommit, YurticiFault.halfResponse, YurticiFault.malformedXml, YurticiFault.http500, YurticiFault.http503, YurticiFault.unexpectedError] as const
  let confirmed = 0
  for (let run = 0; run < 500; run++) {
    // 0–4 consecutive faults (fewer than maxAttempts); they hit creates and confirming queries alike.
    const sequence = Array.from({ length: Math.floor(random() * 5) }, () => faults[Math.floor(random() * faults.length)] ?? null)
    emu.queueFaults(sequence)
    const before = emu.requests.length
    const key = `run-${run}`
    const request = sampleShipmentRequest({ referenceNo: `KJ-R${run}`, orderNumber: `SIP-${run}` })
    const created = await connector.createShipment(request, { idempotencyKey: key })
    const expected = planYurticiLabel(request, key).cargoKeys[0]
    const mine = emu.shipments.filter((s) => s.cargoKey === expected)
    expect(mine, `run ${run}: ${sequence.join(',')}`).toHaveLength(1)
    expect(created.carrierShipmentId).toBe(expected)
    expect(mine[0]?.order.specialField1).toBe(`3$SIP-${run}#`)
    if (emu.requests.slice(before).some((r) => r.operation === 'queryShipment')) confirmed++
  }
  expect(emu.shipments).toHaveLength(500)
  expect(new Set(emu.shipments.map((s) => s.cargoKey)).size).toBe(500)
  expect(emu.requests.filter((r) => r.fault !== null).length).toBeGreaterThan(500) // the faults really happened
  expect(confirmed).toBeGreaterThan(100) // and many runs went through 60020 + queryShipment
})
