import { describe, expect } from 'vitest'
import { startPttEmulator } from '../../../../sandbox/ptt/ptt.emulator'
import { SAMPLE_PTT_CREDENTIALS, SAMPLE_PTT_RANGE, samplePttRequest } from '../../../../sandbox/ptt/ptt.fixtures'
import { firstBarcodeInZpl } from '../../../../shared/zpl/zpl-barcode'
import { FAULT_RUN_RETRY, itIsExactlyOnce, runRequest } from '../../../../tests/support/carrier-exactly-once'
import { httpFaultSequence, parcelsOf } from '../../../../tests/support/carrier-fault-runs'
import { createPttConnector } from './ptt.adapter'
import { createMemoryPttBarcodeAllocator } from './ptt.barcode'

// The exactly-once acceptance test: the emulator loses, cuts, spoils and refuses answers, before
// and after storing the upload, on kabulEkle2 and on the gonderiSorgu/etiketGetir calls that follow.
// Every run must end with exactly one upload per order, under the barcode its key was given.
describe('exactly once', () => {
  const allocator = createMemoryPttBarcodeAllocator(SAMPLE_PTT_RANGE)
  itIsExactlyOnce({
    title: '500 randomized runs of lost, cut, spoiled, throttled and failed answers',
    start: () => startPttEmulator({ labelOperation: true }),
    seed: 40_404,
    // 0–4 consecutive faults (fewer than maxAttempts); a few runs also hang once until the 200 ms timeout.
    faults: (emu) => httpFaultSequence(emu.faults, { maxPerRun: 4 }),
    plan: (emu) => {
      const connector = createPttConnector({ origin: emu.origin, credentials: SAMPLE_PTT_CREDENTIALS, allocator, timeoutMs: 200, retry: FAULT_RUN_RETRY })
      const mine = (run: number) => {
        const ref = `KJ-${run}`
        return emu.shipments.filter((s) => s.musteriReferansNo === ref)
      }
      return {
        create: (run, key) => connector.createShipment(runRequest(samplePttRequest, run, { referenceNo: `KJ-${run}` }), { idempotencyKey: key }),
        // PTT stores each parcel as its own upload (its own barcode): one order is one upload per parcel.
        shipmentsFor: (_, run) => mine(run),
        expectedPerRun: parcelsOf,
        check: (created, { run, key }) => {
          expect(mine(run)[0]?.barcode).toBe(allocator.next(key))
          expect(created.barcode).toBe(mine(run)[0]?.barcode)
          const zpl = Buffer.from(created.label ?? new Uint8Array()).toString('utf8')
          expect(zpl.match(/\^XA/g), `run ${run}`).toHaveLength(parcelsOf(run))
          expect(firstBarcodeInZpl(zpl)).toBe(created.barcode)
        },
      }
    },
    verify: (summary, emu) => {
      const parcelsTotal = 500 + 100 // every fifth run has two parcels
      expect(new Set(emu.shipments.map((s) => s.barcode)).size).toBe(parcelsTotal)
      expect(allocator.allocated.size).toBe(parcelsTotal) // no barcode was burnt by a retry
      expect(summary.runsThatSent('gonderiSorgu')).toBeGreaterThan(100) // and many runs went through a lookup after a doubtful attempt
    },
  })
})
