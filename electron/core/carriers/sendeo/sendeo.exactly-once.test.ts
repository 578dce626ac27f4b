import { expect } from 'vitest'
import { SAMPLE_SENDEO_SETTINGS, sampleSendeoRequest } from '../../../../sandbox/sendeo/sendeo.fixtures'
import { startSendeoEmulator } from '../../../../sandbox/sendeo/sendeo.emulator'
import { deepFaultSequence, itIsExactlyOnce, runRequest, WITHOUT_LOOK_BEFORE_BUY } from '../../../../tests/support/carrier-exactly-once'
import { parcelsOf } from '../../../../tests/support/carrier-fault-runs'
import type { ShipmentRequest } from '../carrier.port'
import { createSendeoConnector } from './sendeo.adapter'

// The exactly-once acceptance test. The emulator stores a repeated ReferenceNo as a second delivery
// (Sendeo documents no refusal), so any create the connector sends twice shows up as a duplicate.
// Faults strike logins, lookups and creates alike, before and after the delivery is stored.
itIsExactlyOnce({
  title: 'exactly once over 500 randomized runs of lost, cut, spoiled, throttled and failed answers',
  start: () => startSendeoEmulator({ trackCacheMs: 0 }),
  seed: 70_707,
  // Faults reach the creates behind the lookups (a failed lookup is retried before any create); a few runs also hang once until the timeout.
  faults: (emu) => deepFaultSequence(emu.faults),
  plan: (emu) => {
    const connector = createSendeoConnector({ origin: emu.origin, ...SAMPLE_SENDEO_SETTINGS, ...WITHOUT_LOOK_BEFORE_BUY })
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
