import { expect } from 'vitest'
import { sampleKolayGelsinRequest, SAMPLE_KOLAYGELSIN_SETTINGS } from '../../../../sandbox/kolaygelsin/kolaygelsin.fixtures'
import { startKolayGelsinEmulator } from '../../../../sandbox/kolaygelsin/kolaygelsin.emulator'
import { FAULT_RUN_RETRY, itIsExactlyOnce, runRequest } from '../../../../tests/support/carrier-exactly-once'
import { httpFaultSequence, parcelsOf } from '../../../../tests/support/carrier-fault-runs'
import type { ShipmentRequest } from '../carrier.port'
import { createKolayGelsinConnector } from './kolaygelsin.adapter'

// The exactly-once acceptance test. The emulator stores a repeated CustomerSpecificCode as a second
// shipment (Kolay Gelsin documents no refusal), so any save the connector sends twice shows up.
// Faults strike recipient saves, shipment saves and the status lookups, before and after commit.
itIsExactlyOnce({
  title: 'exactly once over 500 randomized runs of lost, cut, spoiled, throttled and failed answers',
  start: () => startKolayGelsinEmulator(),
  seed: 80_808,
  // Up to 5 requests' fates, a fifth of them clean, so faults also reach the saves behind the recipient
  // save and the lookups; a few runs also hang once until the 200 ms timeout.
  faults: (emu) => httpFaultSequence(emu.faults, { maxPerRun: 5, cleanRate: 0.2, clearAfterRun: true }),
  plan: (emu) => {
    // Without the look-before-buy (tested in kolaygelsin.adapter.test.ts) every fault meets a save or the lookup after it.
    const connector = createKolayGelsinConnector({
      origin: emu.origin,
      ...SAMPLE_KOLAYGELSIN_SETTINGS,
      lookupBeforeCreate: false,
      timeoutMs: 200,
      retry: FAULT_RUN_RETRY,
    })
    const mine = (key: string) => {
      const code = connector.customerSpecificCodeFor(key)
      return emu.shipments.filter((s) => s.customerSpecificCode === code)
    }
    return {
      create: (run, key) => connector.createShipment(runRequest(sampleKolayGelsinRequest, run) as ShipmentRequest, { idempotencyKey: key }),
      shipmentsFor: mine,
      check: (created, { run, key }) => {
        const [stored] = mine(key)
        expect(stored?.items).toHaveLength(parcelsOf(run))
        expect(stored?.items[0]?.contentText).toBe(`Sipariş SIP-${run}`)
        expect(created).toMatchObject({ trackingNumber: stored?.shipmentId, barcode: `${connector.customerSpecificCodeFor(key)}01`, label: null })
      },
    }
  },
  // And many runs looked up after a doubtful save.
  verify: (summary) => expect(summary.runsThatSent('GetCorporateShipmentsStatus')).toBeGreaterThan(100),
})
