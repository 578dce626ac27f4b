import { afterAll, beforeAll, expect, it } from 'vitest'
import { startYurticiEmulator, YurticiFault, type YurticiEmulator } from '../../../../sandbox/yurtici/yurtici.emulator'
import { sampleShipmentRequest } from '../../../../sandbox/yurtici/yurtici.fixtures'
import { faultRunsTimeoutMs, mulberry32, runCarrierFaultRuns } from '../../../../tests/support/carrier-fault-runs'
import { YurticiConnector } from './yurtici.adapter'
import { planYurticiLabel } from './yurtici.offline'

// The exactly-once fault test: the emulator loses, cuts or spoils answers after storing the
// shipment; every retry must find the same shipment (60020 → queryShipment), never make a second one.
let emu: YurticiEmulator
beforeAll(async () => {
  emu = await startYurticiEmulator()
})
afterAll(() => emu.close())

it(
  'exactly once over 500 randomized runs of lost, cut, spoiled and refused answers',
  async () => {
    const connector = new YurticiConnector({
      url: emu.url,
      accounts: { senderPays: { username: 'YKTEST', password: 'YK' } },
      timeoutMs: 1000,
      retry: { maxAttempts: 6, sleep: async () => {} },
    })
    const requestOf = (run: number) => sampleShipmentRequest({ referenceNo: `KJ-R${run}`, orderNumber: `SIP-${run}` })
    const cargoKeyOf = (run: number, key: string) => planYurticiLabel(requestOf(run), key).cargoKeys[0]
    const summary = await runCarrierFaultRuns({
      runs: 500,
      random: mulberry32(42_025),
      faults: {
        kind: 'sequence',
        // Lost answers after commit weigh double: they are the case that buys twice when handled wrong.
        weights: {
          [YurticiFault.dropAfterCommit]: 2,
          [YurticiFault.halfResponse]: 1,
          [YurticiFault.malformedXml]: 1,
          [YurticiFault.http500]: 1,
          [YurticiFault.http503]: 1,
          [YurticiFault.unexpectedError]: 1,
        },
        // 0–4 consecutive faults (fewer than maxAttempts); they hit creates and confirming queries alike.
        maxPerRun: 4,
        arm: (sequence) => emu.queueFaults(sequence),
      },
      requests: () => emu.requests,
      create: (run, key) => connector.createShipment(requestOf(run), { idempotencyKey: key }),
      shipmentsFor: (key, run) => {
        const cargoKey = cargoKeyOf(run, key)
        return emu.shipments.filter((s) => s.cargoKey === cargoKey)
      },
      totalShipments: () => emu.shipments.length,
      check: (created, { run, key }) => {
        const expected = cargoKeyOf(run, key)
        expect(created.carrierShipmentId).toBe(expected)
        expect(emu.shipments.find((s) => s.cargoKey === expected)?.order.specialField1).toBe(`3$SIP-${run}#`)
      },
    })
    expect(summary.injected).toBeGreaterThan(500) // the faults really happened
    expect(summary.runsThatSent('queryShipment')).toBeGreaterThan(100) // and many runs went through 60020 + queryShipment
  },
  faultRunsTimeoutMs(500),
)
