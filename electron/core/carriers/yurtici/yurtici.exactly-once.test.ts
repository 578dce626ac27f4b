import { expect } from 'vitest'
import { startYurticiEmulator, YurticiFault } from '../../../../sandbox/yurtici/yurtici.emulator'
import { sampleShipmentRequest } from '../../../../sandbox/yurtici/yurtici.fixtures'
import { itIsExactlyOnce } from '../../../../tests/support/carrier-exactly-once'
import type { SequenceFaults } from '../../../../tests/support/carrier-fault-runs'
import { YurticiConnector } from './yurtici.adapter'
import { planYurticiLabel } from './yurtici.offline'

// The exactly-once fault test: the emulator loses, cuts or spoils answers after storing the
// shipment; every retry must find the same shipment (60020 → queryShipment), never make a second one.
const requestOf = (run: number) => sampleShipmentRequest({ referenceNo: `KJ-R${run}`, orderNumber: `SIP-${run}` })
const cargoKeyOf = (run: number, key: string) => planYurticiLabel(requestOf(run), key).cargoKeys[0]

itIsExactlyOnce({
  title: 'exactly once over 500 randomized runs of lost, cut, spoiled and refused answers',
  start: () => startYurticiEmulator(),
  seed: 42_025,
  faults: (emu): SequenceFaults<YurticiFault> => ({
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
  }),
  plan: (emu) => {
    const connector = new YurticiConnector({
      url: emu.url,
      accounts: { senderPays: { username: 'YKTEST', password: 'YK' } },
      timeoutMs: 1000,
      retry: { maxAttempts: 6, sleep: async () => {} },
    })
    return {
      create: (run, key) => connector.createShipment(requestOf(run), { idempotencyKey: key }),
      shipmentsFor: (key, run) => {
        const cargoKey = cargoKeyOf(run, key)
        return emu.shipments.filter((s) => s.cargoKey === cargoKey)
      },
      check: (created, { run, key }) => {
        const expected = cargoKeyOf(run, key)
        expect(created.carrierShipmentId).toBe(expected)
        expect(emu.shipments.find((s) => s.cargoKey === expected)?.order.specialField1).toBe(`3$SIP-${run}#`)
      },
    }
  },
  // And many runs went through 60020 + queryShipment.
  verify: (summary) => expect(summary.runsThatSent('queryShipment')).toBeGreaterThan(100),
})
