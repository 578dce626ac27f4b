import { expect } from 'vitest'
import { sampleKolayGelsinRequest, SAMPLE_KOLAYGELSIN_SETTINGS } from '../../../../sandbox/kolaygelsin/kolaygelsin.fixtures'
import { startKolayGelsinEmulator } from '../../../../sandbox/kolaygelsin/kolaygelsin.emulator'
import { deepFaultSequence, itIsExactlyOnce, runRequest, WITHOUT_LOOK_BEFORE_BUY } from '../../../../tests/support/carrier-exactly-once'
import { parcelsOf } from '../../../../tests/support/carrier-fault-runs'
import type { ShipmentRequest } from '../carrier.port'
import { createKolayGelsinConnector } from './kolaygelsin.adapter'

// The exactly-once acceptance test. The emulator stores a repeated CustomerSpecificCode as a second
// shipment (Kolay Gelsin documents no refusal), so any save the connector sends twice shows up.
// Faults strike recipient saves, shipment saves and the status lookups, before and after commit.
itIsExactlyOnce({
  title: 'exactly once over 500 randomized runs of lost, cut, spoiled, throttled and failed answers',
  start: () => startKolayGelsinEmulator(),
  seed: 80_808,
  // Faults reach the saves behind the recipient save and the lookups; a few runs also hang once until the timeout.
  faults: (emu) => deepFaultSequence(emu.faults),
  plan: (emu) => {
    const connector = createKolayGelsinConnector({ origin: emu.origin, ...SAMPLE_KOLAYGELSIN_SETTINGS, ...WITHOUT_LOOK_BEFORE_BUY })
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
