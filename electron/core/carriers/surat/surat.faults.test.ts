import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpFault } from '../../../../sandbox/common/http-emulator'
import { sampleSuratRequest } from '../../../../sandbox/surat/surat.fixtures'
import { DEFAULT_ACCOUNT, startSuratEmulator, SuratOp, type SuratEmulator } from '../../../../sandbox/surat/surat.emulator'
import { itIsExactlyOnce } from '../../../../tests/support/carrier-exactly-once'
import type { RateFaults } from '../../../../tests/support/carrier-fault-runs'
import { createSuratConnector } from './surat.adapter'

describe('Sürat exactly-once under faults', () => {
  // Sürat refuses a second create under one OzelKargoTakipNo with 009 (docs/reference/carriers.md §5), and that is
  // what closes the one window a probe cannot: a create the connector gave up on (timeout) that
  // Sürat still processes after the probe. The connector must read 009 as "mine, already made",
  // confirm it and hand back the stored barcode, never fail or invent another.
  itIsExactlyOnce({
    title: '500 seeded runs with dropped, cut, garbled, refused and hung answers: one shipment per order',
    start: () => startSuratEmulator(),
    seed: 20260301,
    faults: (emu): RateFaults<HttpFault> => ({
      kind: 'rates',
      rates: {
        [HttpFault.dropAfterCommit]: 0.07,
        [HttpFault.halfResponse]: 0.05,
        [HttpFault.malformed]: 0.05,
        [HttpFault.http500]: 0.04,
        [HttpFault.http503]: 0.03,
        [HttpFault.http429]: 0.03,
        [HttpFault.connectionReset]: 0.02,
        [HttpFault.timeout]: 0.002,
      },
      arm: (rates, rng) => emu.faults.randomly(rates, rng),
      disarm: () => emu.faults.randomly(null),
    }),
    // The connector's retries draw their jitter from the runs' seeded PRNG too.
    plan: (emu, random) => {
      const c = createSuratConnector({
        soapOrigin: emu.origin,
        trackingOrigin: emu.origin,
        credentials: DEFAULT_ACCOUNT,
        // Ten runs share the CPU: on a busy machine an answer can take longer than a short timeout, and
        // a timeout on every attempt is not the fault under test. A hang (rate 0.002) costs this much.
        timeoutMs: 1000,
        retry: { sleep: async () => {}, maxAttempts: 30, random },
      })
      const mine = (key: string) => {
        const ozelKargoTakipNo = c.keyFor(key)
        return emu.shipments.filter((s) => s.ozelKargoTakipNo === ozelKargoTakipNo)
      }
      return {
        // Ten desks' worth at a time: loopback latency, not CPU, is what a run costs.
        concurrency: 10,
        keyOf: (i) => `fault-run-${i}`,
        create: (i, idempotencyKey) => c.createShipment(sampleSuratRequest({ orderNumber: `F-${i}`, referenceNo: `F-${i}` }), { idempotencyKey }),
        shipmentsFor: mine,
        check: (r, { key }) => {
          expect(r.barcode).toBe(mine(key)[0]?.barcode)
          expect(
            Buffer.from(r.label ?? [])
              .subarray(0, 5)
              .toString('latin1'),
          ).toBe('%PDF-')
        },
      }
    },
    // About 0.27 faults a request over more than 1,000 requests.
    minInjected: 100,
    verify: (_, emu) => {
      // The run really was hostile: creates were committed and their answers lost.
      const lostCreates = emu.requests.filter(
        (q) =>
          q.operation === SuratOp.siparisBarkod &&
          (q.fault === HttpFault.dropAfterCommit || q.fault === HttpFault.halfResponse || q.fault === HttpFault.malformed),
      )
      expect(lostCreates.length).toBeGreaterThan(20)
    },
  })
})

describe('Sürat: a lost answer is probed, not re-sent', () => {
  // rejectDuplicates off: the emulator would store a second create, so only the connector's probe
  // (REST tracking by WebSiparisKodu) stands between a lost answer and a duplicate parcel.
  let emu: SuratEmulator
  beforeAll(async () => {
    emu = await startSuratEmulator({ rejectDuplicates: false })
  })
  afterAll(() => emu.close())

  it.each([
    ['create answer dropped', [HttpFault.dropAfterCommit]],
    ['create answer cut', [HttpFault.halfResponse]],
    ['create answer garbled', [HttpFault.malformed]],
    ['label answer dropped', [null, HttpFault.dropAfterCommit]],
    ['create answer dropped, then the probe refused once', [HttpFault.dropAfterCommit, HttpFault.http503]],
  ])('%s → one shipment, same barcode', async (_, faults) => {
    const c = createSuratConnector({
      soapOrigin: emu.origin,
      trackingOrigin: emu.origin,
      credentials: DEFAULT_ACCOUNT,
      retry: { sleep: async () => {}, maxAttempts: 5 },
    })
    const idempotencyKey = `probe-${faults.join('-')}`
    emu.faults.queue(faults)
    const r = await c.createShipment(sampleSuratRequest(), { idempotencyKey })
    const stored = emu.shipments.filter((s) => s.ozelKargoTakipNo === c.keyFor(idempotencyKey))
    expect(stored).toHaveLength(1)
    expect(r.barcode).toBe(stored[0]?.barcode)
    expect(r.label).not.toBeNull()
  })

  it('a refusal before the operation (HTTP 500) is probed, found absent, and created once', async () => {
    const c = createSuratConnector({
      soapOrigin: emu.origin,
      trackingOrigin: emu.origin,
      credentials: DEFAULT_ACCOUNT,
      retry: { sleep: async () => {}, maxAttempts: 5 },
    })
    emu.faults.queue([HttpFault.http500])
    const from = emu.requests.length
    const r = await c.createShipment(sampleSuratRequest(), { idempotencyKey: 'probe-500' })
    expect(emu.requests.slice(from).map((q) => q.operation)).toEqual([
      SuratOp.siparisBarkod,
      'KargoTakipHareketDetayi',
      SuratOp.siparisBarkod,
      SuratOp.kargoBarkodu,
    ])
    expect(emu.shipments.filter((s) => s.ozelKargoTakipNo === r.carrierShipmentId)).toHaveLength(1)
  })
})

describe('Sürat and a rate limit', () => {
  it('a connector honouring Retry-After never hits the limiter twice in a row nor over the limit', async () => {
    let clock = 1_000_000
    const limit = 4
    const windowMs = 1000
    const emu = await startSuratEmulator({ rateLimit: { limit, windowMs }, now: () => clock })
    try {
      const c = createSuratConnector({
        soapOrigin: emu.origin,
        trackingOrigin: emu.origin,
        credentials: DEFAULT_ACCOUNT,
        // The waits advance the emulator's clock instead of real time.
        retry: { maxAttempts: 10, random: () => 0.5, sleep: async (ms) => void (clock += ms) },
      })
      for (let i = 0; i < 6; i++) await c.createShipment(sampleSuratRequest(), { idempotencyKey: `burst-${i}` })
      expect(emu.shipments).toHaveLength(6)
      const log = emu.requests
      const limited = log.filter((q) => q.status === 429)
      expect(limited.length).toBeGreaterThan(0)
      log.forEach((q, i) => {
        if (q.status !== 429) return
        const next = log[i + 1]
        expect(next?.status).not.toBe(429)
        expect((next?.at ?? 0) - q.at).toBeGreaterThanOrEqual(1000)
      })
      const served = log.filter((q) => q.status !== 429)
      for (const q of served) expect(served.filter((o) => o.at > q.at - windowMs && o.at <= q.at).length).toBeLessThanOrEqual(limit)
    } finally {
      await emu.close()
    }
  })
})
