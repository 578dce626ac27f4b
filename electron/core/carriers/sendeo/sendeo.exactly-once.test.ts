import { expect } from 'vitest'
import { SAMPLE_SENDEO_SETTINGS, sampleSendeoRequest } from '../../../../sandbox/sendeo/sendeo.fixtures'
import { startSendeoEmulator } from '../../../../sandbox/sendeo/sendeo.emulator'
import { FAULT_RUN_RETRY, itIsExactlyOnce, runRequest } from '../../../../tests/support/carrier-exactly-once'
import { httpFaultSequence, parcelsOf } from '../../../../tests/support/carrier-fault-runs'
import type { ShipmentRequest } from '../carrier.port'
import { createSendeoConnector } from './sendeo.adapter'

// The exactly-once acceptance test. The emulator stores a repeated ReferenceNo as a second delivery
// (Sendeo documents no refusal), so any create the connector sends twice shows up as a duplicate.
// Faults strike logins, lookups and creates alike, before and after the delivery is stored.
itIsExactlyOnce({
  title: 'exactly once over 500 randomized runs of lost, cut, spoiled, throttled and failed answers',
  start: () => startSendeoEmulator({ trackCacheMs: 0 }),
  seed: 70_707,
  // Up to 5 requests' fates, a fifth of them clean, so faults reach the creates behind the lookups
  // (a failed lookup is retried before any create); a few runs also hang once until the 200 ms timeout.
  faults: (emu) => httpFaultSequence(emu.faults, { maxPerRun: 5, cleanRate: 0.2, clearAfterRun: true }),
  plan: (emu) => {
    // Without the look-before-buy (tested in sendeo.adapter.test.ts) every fault meets a create or the lookup after it.
    const connector = createSendeoConnector({
      origin: emu.origin,
      ...SAMPLE_SENDEO_SETTINGS,
      lookupBeforeCreate: false,
      timeoutMs: 200,
      retry: FAULT_RUN_RETRY,
    })
    const mine = (key: string) => {
      const ref = connector.referenceNoFor(key)
      return emu.shipments.filter((s) => s.referenceNo === ref)
    }
    return {
      create: (run, key) => connector.createShipment(runRequest(sampleSendeoRequest, run) as ShipmentRequest, { idempotencyKey: key }),
      shipmentsFor: mine,
      check: (created, { run, key }) => {
        expect(mine(key)[0]?.customerReferenceType).toBe(`SIP-${run}`)
        expect(created.trackingNumber).toBe(mine(key)[0]?.trackingNumber)
        const zpl = Buffer.from(created.label ?? new Uint8Array()).toString('utf8')
        expect(zpl.match(/\^XA/g), `run ${run}`).toHaveLength(parcelsOf(run))
      },
    }
  },
  verify: (summary) => {
    // And many runs looked up again after a doubtful create.
    const lookedUpAfterCreate = summary.records.filter(({ operations: ops }) => ops?.slice(ops.indexOf('SETDELIVERY') + 1).includes('GETBARCODE'))
    expect(lookedUpAfterCreate.length).toBeGreaterThan(100)
  },
})
