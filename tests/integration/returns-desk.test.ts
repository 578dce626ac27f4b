import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startSendeoEmulator, type SendeoEmulator } from '../../sandbox/sendeo/sendeo.emulator'
import { SAMPLE_SENDEO_SETTINGS } from '../../sandbox/sendeo/sendeo.fixtures'
import { startYurticiEmulator, type YurticiEmulator } from '../../sandbox/yurtici/yurtici.emulator'
import { disposeAfterEach } from '../support/dispose-after-each'
import { ownCard } from '../support/rate-cards'
import { packOrder, startHarness, type Harness } from '../support/station-harness'
import { decodeBarcodes, renderZplToPng } from '../support/zpl-render'

let h: Harness | null = null
let yk: YurticiEmulator | null = null
let snd: SendeoEmulator | null = null
let dir: string | null = null
disposeAfterEach(
  () => [h, yk, snd, dir],
  () => (h = yk = snd = dir = null),
)

const fast = { scale: { driver: 'simulated', settleMs: 10, intervalMs: 10 }, stability: { sampleCount: 2, minStableMs: 0 } }

async function pack(code: string) {
  await h!.station.handlers['scan.submit']({ code: 'P1001', source: 'scanner' })
  const done = await packOrder(h!, code)
  expect(done.problem).toBeNull()
  return done.shipment!
}

/** The slip the printer received last, rendered and decoded as a person and a branch scanner would. */
async function lastSlip(jobsBefore: number) {
  const jobs = await h!.zebra.waitForJobs(jobsBefore + 1)
  const zpl = jobs.at(-1)!
  dir ??= mkdtempSync(join(tmpdir(), 'kj-return-'))
  const png = join(dir, `slip-${jobs.length}.png`)
  writeFileSync(png, await renderZplToPng(zpl, { widthMm: 100, heightMm: 150, dpmm: 8 }))
  if (process.env.KJ_LABELS_DIR)
    writeFileSync(join(process.env.KJ_LABELS_DIR, 'return-slip.png'), await renderZplToPng(zpl, { widthMm: 100, heightMm: 150, dpmm: 8 }))
  return { zpl, barcodes: await decodeBarcodes(png) }
}

describe('returns (iade) at the desk', () => {
  it('Yurtiçi: a supervisor opens a return code for a shipped order; the slip prints with the code; asking again never makes a second', async () => {
    yk = await startYurticiEmulator()
    h = await startHarness({
      overrides: { carriers: { yurtici: { enabled: true, url: yk.url }, tracking: { enabled: false } }, rateCards: [ownCard()], ...fast },
    })
    const t = h.station.handlers
    await expect(t['returns.create']({ code: 'KJ1002', supervisorBadge: 'S9001', reason: 'müşteri iade etti', validDays: 14 })).rejects.toMatchObject({
      code: 'packing.wrongState',
    }) // not shipped yet
    const shipment = await pack('KJ1002')
    await expect(t['returns.create']({ code: 'KJ1002', supervisorBadge: 'P1001', reason: 'müşteri iade etti', validDays: 14 })).rejects.toMatchObject({
      code: 'packing.supervisorRequired',
    })
    expect(yk.returnCodes).toHaveLength(0)

    const jobs = h.zebra.jobs.length
    const made = await t['returns.create']({ code: shipment.trackingNumber!, supervisorBadge: 'S9001', reason: 'beden uymadı', validDays: 10 })
    expect(made).toMatchObject({ status: 'created', kind: 'code', orderNumber: 'SIP-1002', carrierId: 'yurtici', printed: true, error: null })
    expect(made.returnCode).toMatch(/^R[0-9A-Z]{12}$/)
    expect(yk.returnCodes).toHaveLength(1)
    expect(yk.returnCodes[0]!.returnCode).toBe(made.returnCode)
    const slip = await lastSlip(jobs)
    expect(slip.barcodes).toContain(made.returnCode)
    expect(slip.zpl).toContain('İADE KODU / RETURN CODE')

    // Asked again (the slip got lost): the same code, printed again, nothing new at the carrier.
    const again = await t['returns.create']({ code: 'KJ1002', supervisorBadge: 'S9001', reason: 'fiş kayboldu', validDays: 14 })
    expect(again.returnCode).toBe(made.returnCode)
    expect(yk.returnCodes).toHaveLength(1)
    expect((await lastSlip(jobs + 1)).barcodes).toContain(made.returnCode)
    expect(await t['returns.list']({ code: 'KJ1002' })).toHaveLength(1)
    const audit = await h.station.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'return.%').execute()
    expect(audit.map((a) => a.action).sort()).toEqual(['return.created', 'return.reprinted', 'return.requested'])
    // The manager's report lists the return with its reason.
    const report = await t['reports.summary']({})
    expect(report.exceptions.find((e) => e.action === 'return.created')).toMatchObject({
      orderNumber: 'SIP-1002',
      detail: expect.stringContaining('beden uymadı'),
    })
  }, 30_000)

  it('Yurtiçi: the answer is lost after the code is saved, then the carrier is down: the row keeps its key and the next ask finds the same code', async () => {
    yk = await startYurticiEmulator()
    // The breaker stays shut here: this test is about the key, not about the desk backing off a failing carrier.
    h = await startHarness({
      overrides: {
        carriers: { yurtici: { enabled: true, url: yk.url }, tracking: { enabled: false }, breaker: { failureThreshold: 100 } },
        rateCards: [ownCard()],
        ...fast,
      },
    })
    const t = h.station.handlers
    await pack('KJ1004')
    // Every attempt of the desk's retry (carriers.retry.maxAttempts, 4) fails: the first saves the code and drops the answer, the rest meet a 503.
    yk.queueFaults(['dropAfterCommit', 'http503', 'http503', 'http503'])
    const failed = await t['returns.create']({ code: 'KJ1004', supervisorBadge: 'S9001', reason: 'hasarlı geldi', validDays: 14 }).catch((e: unknown) => e)
    expect(failed).toMatchObject({ retryable: true })
    expect(yk.returnCodes).toHaveLength(1)
    const pending = await t['returns.list']({ code: 'KJ1004' })
    expect(pending).toMatchObject([{ status: 'requesting', returnCode: null }])
    expect(pending[0]!.error).toBeTruthy()

    expect(yk.requests.length).toBeGreaterThanOrEqual(4) // the queue is spent: the carrier is back
    const made = await t['returns.create']({ code: 'KJ1004', supervisorBadge: 'S9001', reason: 'hasarlı geldi', validDays: 14 })
    expect(made.status).toBe('created')
    expect(yk.returnCodes).toHaveLength(1)
    expect(yk.returnCodes[0]!.returnCode).toBe(made.returnCode)
  }, 30_000)

  it('Sendeo: a return shipment (DeliveryType 2, customer → warehouse) with its own label', async () => {
    snd = await startSendeoEmulator()
    const card = ownCard({ carrierId: 'sendeo', serviceCode: '1', name: 'Sendeo', supportsCod: true })
    h = await startHarness({
      overrides: {
        carriers: { sendeo: { enabled: true, origin: snd.origin, ...SAMPLE_SENDEO_SETTINGS }, tracking: { enabled: false } },
        rateCards: [card],
        sender: { name: 'KargoJet Depo', address: 'Samandıra Cd. 12', district: 'Sancaktepe', city: 'İstanbul', postalCode: '34885', phone: '+902165550000' },
        ...fast,
      },
    })
    const t = h.station.handlers
    await pack('KJ1003')
    const jobs = h.zebra.jobs.length
    const made = await t['returns.create']({ code: 'KJ1003', supervisorBadge: 'S9001', reason: 'yanlış ürün gönderildi', validDays: 14 })
    expect(made).toMatchObject({ status: 'created', kind: 'shipment', printed: true })
    const ret = snd.shipments.find((s) => s.deliveryType === 2)!
    expect(ret).toBeTruthy()
    expect(snd.shipments).toHaveLength(2)
    expect(made.trackingNumber).toBe(ret.trackingNumber)
    const slip = await lastSlip(jobs)
    expect(slip.barcodes.length).toBeGreaterThan(0)
  }, 30_000)

  it('a carrier without a documented return operation (ComToHome) is refused by name, and nothing is stored', async () => {
    h = await startHarness({ overrides: fast })
    await pack('KJ1002')
    await expect(
      h.station.handlers['returns.create']({ code: 'KJ1002', supervisorBadge: 'S9001', reason: 'müşteri iade etti', validDays: 14 }),
    ).rejects.toMatchObject({
      code: 'carrier.serviceUnsupported',
      message: expect.stringMatching(/iade işlemi yok/),
    })
    expect(await h.station.handlers['returns.list']({ code: 'KJ1002' })).toEqual([])
    await expect(h.station.handlers['returns.list']({ code: 'NOPE-1' })).rejects.toMatchObject({ code: 'input.notFound' })
  }, 30_000)
})
