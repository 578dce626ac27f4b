import { afterAll, beforeAll, expect, it } from 'vitest'
import { SAMPLE_HEPSIJET_SETTINGS, sampleHepsiJetRequest } from '../../../../sandbox/hepsijet/hepsijet.fixtures'
import { startHepsiJetEmulator, type HepsiJetEmulator } from '../../../../sandbox/hepsijet/hepsijet.emulator'
import { faultRunsTimeoutMs, httpFaultSequence, mulberry32, parcelsLike, parcelsOf, runCarrierFaultRuns } from '../../../../tests/support/carrier-fault-runs'
import { createHepsiJetConnector } from './hepsijet.adapter'

// The exactly-once acceptance test: the emulator loses, cuts, spoils and refuses answers, before
// and after storing the delivery, on creates and on the lookups that follow them. Every run must
// end with exactly one delivery under the run's customerDeliveryNo and its labels in hand.
let emu: HepsiJetEmulator
beforeAll(async () => {
  emu = await startHepsiJetEmulator()
})
afterAll(() => emu.close())

it(
  'exactly once over 500 randomized runs of lost, cut, spoiled, throttled and failed answers',
  async () => {
    const connector = createHepsiJetConnector({
      origin: emu.origin,
      ...SAMPLE_HEPSIJET_SETTINGS,
      timeoutMs: 200,
      retry: { maxAttempts: 8, sleep: async () => {} },
    })
    const summary = await runCarrierFaultRuns({
      runs: 500,
      random: mulberry32(60_606),
      // 0–4 consecutive faults (fewer than maxAttempts); a few runs also hang once until the 200 ms timeout.
      faults: httpFaultSequence(emu.faults, { maxPerRun: 4 }),
      requests: () => emu.requests,
      create: (run, key) => {
        const request = sampleHepsiJetRequest({ orderNumber: `SIP-${run}`, packages: parcelsLike(sampleHepsiJetRequest().packages, parcelsOf(run)) })
        return connector.createShipment(request, { idempotencyKey: key })
      },
      shipmentsFor: (key) => {
        const barcode = connector.customerDeliveryNoFor(key)
        return emu.shipments.filter((s) => s.customerDeliveryNo === barcode)
      },
      totalShipments: () => emu.shipments.length,
      check: (created, { run, key }) => {
        const barcode = connector.customerDeliveryNoFor(key)
        expect(emu.shipments.find((s) => s.customerDeliveryNo === barcode)?.customerOrderId).toBe(`SIP-${run}`)
        expect(created.barcode).toBe(barcode)
        const zpl = Buffer.from(created.label ?? new Uint8Array()).toString('utf8')
        expect(zpl.match(/\^XA/g), `run ${run}`).toHaveLength(parcelsOf(run))
        expect(zpl).toContain(`^FD${barcode}^FS`)
      },
    })
    expect(summary.injected).toBeGreaterThan(500) // the faults really happened
    expect(summary.runsThatSent('generateZplBarcode')).toBeGreaterThan(100) // and many runs went through a lookup after a doubtful attempt
  },
  faultRunsTimeoutMs(500),
)
