import { afterAll, beforeAll, expect, it } from 'vitest'
import { SAMPLE_SENDEO_SETTINGS, sampleSendeoRequest } from '../../../../sandbox/sendeo/sendeo.fixtures'
import { startSendeoEmulator, type SendeoEmulator } from '../../../../sandbox/sendeo/sendeo.emulator'
import { faultRunsTimeoutMs, httpFaultSequence, mulberry32, parcelsLike, parcelsOf, runCarrierFaultRuns } from '../../../../tests/support/carrier-fault-runs'
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

it(
  'exactly once over 500 randomized runs of lost, cut, spoiled, throttled and failed answers',
  async () => {
    // Without the look-before-buy (tested in sendeo.adapter.test.ts) every fault meets a create or the lookup after it.
    const connector = createSendeoConnector({
      origin: emu.origin,
      ...SAMPLE_SENDEO_SETTINGS,
      lookupBeforeCreate: false,
      timeoutMs: 200,
      retry: { maxAttempts: 8, sleep: async () => {} },
    })
    const mine = (key: string) => {
      const ref = connector.referenceNoFor(key)
      return emu.shipments.filter((s) => s.referenceNo === ref)
    }
    const summary = await runCarrierFaultRuns({
      runs: 500,
      random: mulberry32(70_707),
      // Up to 5 requests' fates, a fifth of them clean, so faults reach the creates behind the lookups
      // (a failed lookup is retried before any create); a few runs also hang once until the 200 ms timeout.
      faults: httpFaultSequence(emu.faults, { maxPerRun: 5, cleanRate: 0.2, clearAfterRun: true }),
      requests: () => emu.requests,
      create: (run, key) => {
        const request = sampleSendeoRequest({
          orderNumber: `SIP-${run}`,
          packages: parcelsLike(sampleSendeoRequest().packages, parcelsOf(run)),
        }) as ShipmentRequest
        return connector.createShipment(request, { idempotencyKey: key })
      },
      shipmentsFor: mine,
      totalShipments: () => emu.shipments.length,
      check: (created, { run, key }) => {
        expect(mine(key)[0]?.customerReferenceType).toBe(`SIP-${run}`)
        expect(created.trackingNumber).toBe(mine(key)[0]?.trackingNumber)
        const zpl = Buffer.from(created.label ?? new Uint8Array()).toString('utf8')
        expect(zpl.match(/\^XA/g), `run ${run}`).toHaveLength(parcelsOf(run))
      },
    })
    expect(summary.injected).toBeGreaterThan(500) // the faults really happened
    // And many runs looked up again after a doubtful create.
    const lookedUpAfterCreate = summary.records.filter(({ operations: ops }) => ops?.slice(ops.indexOf('SETDELIVERY') + 1).includes('GETBARCODE'))
    expect(lookedUpAfterCreate.length).toBeGreaterThan(100)
  },
  faultRunsTimeoutMs(500),
)
