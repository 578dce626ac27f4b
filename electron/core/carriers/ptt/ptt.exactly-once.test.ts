import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpFault } from '../../../../sandbox/common/http-emulator'
import { startPttEmulator, type PttEmulator } from '../../../../sandbox/ptt/ptt.emulator'
import { SAMPLE_PTT_CREDENTIALS, SAMPLE_PTT_RANGE, samplePttRequest } from '../../../../sandbox/ptt/ptt.fixtures'
import { firstBarcodeInZpl } from '../../../../shared/zpl/zpl-barcode'
import { createPttConnector } from './ptt.adapter'
import { createMemoryPttBarcodeAllocator } from './ptt.barcode'

// The exactly-once acceptance test: the emulator loses, cuts, spoils and refuses answers, before
// and after storing the upload, on kabulEkle2 and on the gonderiSorgu/etiketGetir calls that follow.
// Every run must end with exactly one upload per order, under the barcode its key was given.
describe('exactly once', () => {
  let emu: PttEmulator
  beforeAll(async () => {
    emu = await startPttEmulator()
  })
  afterAll(() => emu.close())

  it('500 randomized runs of lost, cut, spoiled, throttled and failed answers', async () => {
    const allocator = createMemoryPttBarcodeAllocator(SAMPLE_PTT_RANGE)
    const connector = createPttConnector({ origin: emu.origin, credentials: SAMPLE_PTT_CREDENTIALS, allocator, timeoutMs: 200, retry: { maxAttempts: 8, sleep: async () => {} } })
    let seed = 40_404
    const random = () => {
      // mulberry32: a seeded PRNG, so a failing run can be replayed.
      seed = (seed + 0x6d2b79f5) | 0
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
    // Lost answers after commit weigh double: they are the case that uploads twice when handled wrong.
    const faults = [
      HttpFault.dropAfterCommit,
      HttpFault.dropAfterCommit,
      HttpFault.halfResponse,
      HttpFault.malformed,
      HttpFault.http500,
      HttpFault.http503,
      HttpFault.http429,
      HttpFault.connectionReset,
    ] as const
    let lookups = 0
    for (let run = 0; run < 500; run++) {
      // 0–4 consecutive faults (fewer than maxAttempts); a few runs also hang once until the 200 ms timeout.
      const sequence: (HttpFault | null)[] = Array.from({ length: Math.floor(random() * 5) }, () => faults[Math.floor(random() * faults.length)] ?? null)
      if (run % 100 === 7) sequence.unshift(HttpFault.timeout)
      emu.faults.queue(sequence)
      const before = emu.requests.length
      const key = `run-${run}`
      const parcels = run % 5 === 0 ? 2 : 1
      const base = samplePttRequest()
      const request = samplePttRequest({ orderNumber: `SIP-${run}`, referenceNo: `KJ-${run}`, packages: Array.from({ length: parcels }, (_, i) => ({ ...base.packages[0]!, index: i })) })
      const created = await connector.createShipment(request, { idempotencyKey: key })
      const mine = emu.shipments.filter((s) => s.musteriReferansNo === `KJ-${run}`)
      expect(mine, `run ${run}: ${sequence.join(',')}`).toHaveLength(parcels)
      expect(mine[0]?.barcode).toBe(allocator.next(key))
      expect(created.barcode).toBe(mine[0]?.barcode)
      const zpl = Buffer.from(created.label ?? new Uint8Array()).toString('utf8')
      expect(zpl.match(/\^XA/g), `run ${run}`).toHaveLength(parcels)
      expect(firstBarcodeInZpl(zpl)).toBe(created.barcode)
      if (emu.requests.slice(before).some((r) => r.operation === 'gonderiSorgu')) lookups++
    }
    const parcelsTotal = 500 + 100 // every fifth run has two parcels
    expect(emu.shipments).toHaveLength(parcelsTotal)
    expect(new Set(emu.shipments.map((s) => s.barcode)).size).toBe(parcelsTotal)
    expect(allocator.allocated.size).toBe(parcelsTotal) // no barcode was burnt by a retry
    expect(emu.requests.filter((r) => r.fault !== null).length).toBeGreaterThan(500) // the faults really happened
    expect(lookups).toBeGreaterThan(100) // and many runs went through a lookup after a doubtful attempt
  })
})
