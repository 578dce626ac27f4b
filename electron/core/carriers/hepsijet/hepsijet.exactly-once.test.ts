import { expect } from 'vitest'
import { SAMPLE_HEPSIJET_SETTINGS, sampleHepsiJetRequest } from '../../../../sandbox/hepsijet/hepsijet.fixtures'
import { startHepsiJetEmulator } from '../../../../sandbox/hepsijet/hepsijet.emulator'
import { FAULT_RUN_RETRY, itIsExactlyOnce, runRequest } from '../../../../tests/support/carrier-exactly-once'
import { httpFaultSequence, parcelsOf } from '../../../../tests/support/carrier-fault-runs'
import { createHepsiJetConnector } from './hepsijet.adapter'

// The exactly-once acceptance test: the emulator loses, cuts, spoils and refuses answers, before
// and after storing the delivery, on creates and on the lookups that follow them. Every run must
// end with exactly one delivery under the run's customerDeliveryNo and its labels in hand.
itIsExactlyOnce({
  title: 'exactly once over 500 randomized runs of lost, cut, spoiled, throttled and failed answers',
  start: () => startHepsiJetEmulator(),
  seed: 60_606,
  // 0–4 consecutive faults (fewer than maxAttempts); a few runs also hang once until the 200 ms timeout.
  faults: (emu) => httpFaultSequence(emu.faults, { maxPerRun: 4 }),
  plan: (emu) => {
    const connector = createHepsiJetConnector({ origin: emu.origin, ...SAMPLE_HEPSIJET_SETTINGS, timeoutMs: 200, retry: FAULT_RUN_RETRY })
    return {
      create: (run, key) => connector.createShipment(runRequest(sampleHepsiJetRequest, run), { idempotencyKey: key }),
      shipmentsFor: (key) => {
        const barcode = connector.customerDeliveryNoFor(key)
        return emu.shipments.filter((s) => s.customerDeliveryNo === barcode)
      },
      check: (created, { run, key }) => {
        const barcode = connector.customerDeliveryNoFor(key)
        expect(emu.shipments.find((s) => s.customerDeliveryNo === barcode)?.customerOrderId).toBe(`SIP-${run}`)
        expect(created.barcode).toBe(barcode)
        const zpl = Buffer.from(created.label ?? new Uint8Array()).toString('utf8')
        expect(zpl.match(/\^XA/g), `run ${run}`).toHaveLength(parcelsOf(run))
        expect(zpl).toContain(`^FD${barcode}^FS`)
      },
    }
  },
  // And many runs went through a lookup after a doubtful attempt.
  verify: (summary) => expect(summary.runsThatSent('generateZplBarcode')).toBeGreaterThan(100),
})
