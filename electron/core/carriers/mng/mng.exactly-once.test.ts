import { expect } from 'vitest'
import { RepeatBarcode, startMngEmulator } from '../../../../sandbox/mng/mng.emulator'
import { SAMPLE_MNG_CREDENTIALS, sampleMngRequest } from '../../../../sandbox/mng/mng.fixtures'
import { FAULT_RUN_RETRY, itIsExactlyOnce } from '../../../../tests/support/carrier-exactly-once'
import { httpFaultSequence } from '../../../../tests/support/carrier-fault-runs'
import { createMngConnector } from './mng.adapter'

// The acceptance fault test: the emulator loses, cuts, spoils or refuses answers before and after
// storing orders and shipments; every retry must find what was stored (getshipment / getorder, 3002),
// never make a second one. The emulator runs in its worst mode: a repeated createbarcode would make
// a second shipment instead of being refused, so a connector that asks twice is caught.
let labelled = 0
itIsExactlyOnce({
  title: 'exactly once over 500 randomized runs of lost, cut, spoiled, refused and throttled answers',
  start: () => startMngEmulator({ repeatBarcode: RepeatBarcode.newShipment, barcodeNotReady: { attempts: 0 } }),
  seed: 30_303,
  // 0–4 consecutive faults (fewer than maxAttempts); they hit writes and lookups alike. A few runs also start
  // with a hung request (a real 200 ms timeout each).
  faults: (emu) => httpFaultSequence(emu.faults, { maxPerRun: 4 }),
  plan: (emu) => {
    const connector = createMngConnector({ origin: emu.origin, ...SAMPLE_MNG_CREDENTIALS, timeoutMs: 200, retry: FAULT_RUN_RETRY, sleep: async () => {} })
    return {
      create: (run, key) => connector.createShipment(sampleMngRequest({ orderNumber: `SIP-${run}` }), { idempotencyKey: key }),
      // MNG stores an order and then a shipment for it: both must be there exactly once.
      shipmentsFor: (key) => {
        const ref = connector.referenceIdFor(key)
        return emu.shipments.filter((s) => s.referenceId === ref)
      },
      check: (created, { key, sequence }) => {
        const ref = connector.referenceIdFor(key)
        expect(
          emu.orders.filter((o) => o.referenceId === ref),
          `${key}: ${sequence?.join(',')}`,
        ).toHaveLength(1)
        expect(created).toMatchObject({ carrierShipmentId: ref, barcode: emu.shipments.find((s) => s.referenceId === ref)?.shipmentId })
        if (created.label) labelled++
      },
    }
  },
  verify: (summary, emu) => {
    expect(emu.orders).toHaveLength(500)
    expect(new Set(emu.shipments.map((s) => s.shipmentId)).size).toBe(500)
    expect(summary.runsThatSent('getshipment')).toBeGreaterThan(100) // and many runs went through the lookup path
    expect(labelled).toBeGreaterThan(250) // most still got MNG's label
  },
})
