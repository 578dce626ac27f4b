import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PackingView } from '../../../shared/contract/views'
import { ErrorCode } from '../../../shared/errors'
import { noticeLine } from '../../../shared/i18n/notice-text'
import { FAST_WEIGHING, scanAllItems, startHarness, type Harness } from '../../../tests/support/station-harness'
import { decodeBarcodes, renderZplToPng } from '../../../tests/support/zpl-render'
import { checkScanBack } from './scan-back.rules'

/** KJ1007, the demo's multi-package order: three parcels (sandbox/cloud/demo-orders.ts). */
const ORDER = 'KJ1007'
const BOXES = ['KOLI1', 'KOLI2', 'KOLI3'] as const

let h: Harness
const scan = (code: string) => h.station.handlers['scan.submit']({ code, source: 'scanner' })
const consignmentPackages = () => h.carrier.consignments.map((c) => (c.body as { packages: unknown[] }).packages.length)

beforeEach(async () => {
  h = await startHarness({ overrides: FAST_WEIGHING })
  await scan('P1001')
})
afterEach(async () => {
  await h.dispose()
})

/** Boxes parcel `n` and puts it on the scale with the weight the desk expects; resolves once the desk took it. */
async function weighParcel(n: number, box: string): Promise<PackingView> {
  const v = await scan(box)
  expect(v.parcels).toMatchObject({ current: n })
  h.place(v.expectedGrams!)
  // A parcel before the last: kept, the desk waits for the next box. The last: the order is bought and packed (or stops).
  const kept = (x: PackingView) => x.step === 'itemsVerified' && (x.parcels?.weighed.length ?? 0) >= n
  const done = await h.waitForView((x) => kept(x) || x.step === 'packed' || x.problem !== null)
  h.place(0) // lifted off: the next parcel is a new settle
  return done
}

async function openAndCount(code = ORDER): Promise<PackingView> {
  await scan(code)
  return scanAllItems(h.station)
}

describe('a multi-package order (issue 12)', () => {
  it('three parcels, each boxed and weighed with its own desi → one ComToHome consignment of three pieces, labels KOLİ 1/3…3/3', async () => {
    const opened = await openAndCount()
    expect(opened.parcels).toMatchObject({ current: 1, count: 3, weighed: [] })
    // A parcel holds only some of the items: no box is marked as fitting them all, or as too small for them.
    expect(opened.boxSuggestions?.map((b) => b.fits)).toEqual(opened.boxSuggestions?.map(() => null))
    const first = await weighParcel(1, BOXES[0])
    expect(first.step).toBe('itemsVerified')
    expect(noticeLine(first.notice)).toContain('Koli 1/3 tartıldı ✓ — koli 2 için kutu okutun')
    expect(first.parcels?.weighed[0]).toMatchObject({ index: 1, boxCode: 'KOLI1', desi: 1 })
    expect(first.box).toBeNull()
    expect(h.carrier.consignments).toHaveLength(0) // nothing bought before the last parcel
    await weighParcel(2, BOXES[1])
    const done = await weighParcel(3, BOXES[2])
    expect(done.step).toBe('packed')
    expect(done.parcels?.weighed.map((p) => p.boxCode)).toEqual(['KOLI1', 'KOLI2', 'KOLI3'])
    expect(consignmentPackages()).toEqual([3])
    const sent = (h.carrier.consignments[0]!.body as { packages: { length: number; weight: number }[] }).packages
    expect(sent.map((p) => p.length)).toEqual([20, 30, 40])

    const jobs = await h.zebra.waitForJobs(3)
    expect(jobs).toHaveLength(3)
    const barcode = done.shipment!.barcode!
    const dir = mkdtempSync(join(tmpdir(), 'kj-parcels-'))
    for (const [i, job] of jobs.entries()) {
      expect(job).toContain(`KOLİ ${i + 1}/3`)
      // Rendered, the label still carries the shipment's barcode, and the desk's scan-back rule accepts it.
      const png = join(dir, `parcel-${i + 1}.png`)
      writeFileSync(png, await renderZplToPng(job, { widthMm: 102, heightMm: 152, dpmm: 8 }))
      const decoded = await decodeBarcodes(png)
      expect(decoded).toContain(barcode)
      expect(checkScanBack(barcode, decoded[0]!)).toBeNull()
    }
    const rows = await h.station.database.db.selectFrom('packages').select(['package_index', 'box_code']).orderBy('package_index').execute()
    expect(rows).toEqual([
      { package_index: 1, box_code: 'KOLI1' },
      { package_index: 2, box_code: 'KOLI2' },
      { package_index: 3, box_code: 'KOLI3' },
    ])
  }, 30_000)

  it('one parcel is reprinted: KJREPRINT asks which, the digit prints that parcel only', async () => {
    await openAndCount()
    for (const [i, box] of BOXES.entries()) await weighParcel(i + 1, box)
    await h.zebra.waitForJobs(3)
    const asked = await scan('KJREPRINT')
    expect(noticeLine(asked.notice)).toContain('Hangi koli? 1–3 arası rakamı okutun')
    expect(asked.parcels?.reprintPick).toBe(true)
    const reprinted = await scan('2')
    expect(noticeLine(reprinted.notice)).toContain('Koli 2/3 etiketi yeniden yazdırıldı')
    const jobs = await h.zebra.waitForJobs(4)
    expect(jobs[3]).toContain('KOLİ 2/3')
    expect(h.carrier.consignments).toHaveLength(1)
    await expect(h.station.handlers['labels.reprint']({ orderCode: ORDER, reason: 'yırtıldı / torn' })).resolves.toMatchObject({ step: 'packed' })
  }, 30_000)

  it('KJNEXTPKG adds a parcel to a one-parcel order; refused once the label is bought', async () => {
    await openAndCount('KJ1001')
    const added = await scan('KJNEXTPKG')
    expect(added.parcels).toMatchObject({ current: 1, count: 2 })
    expect(noticeLine(added.notice)).toContain('Sipariş 2 koli — bir koli daha eklendi')
    await weighParcel(1, 'KOLI1')
    const done = await weighParcel(2, 'KOLI2')
    expect(done.step).toBe('packed')
    expect(consignmentPackages()).toEqual([2])
    await expect(scan('KJNEXTPKG')).rejects.toMatchObject({ code: ErrorCode.wrongState })
  }, 30_000)

  it('a restart after parcel 2 was weighed resumes at parcel 3; nothing is bought twice', async () => {
    await openAndCount()
    await weighParcel(1, BOXES[0])
    await weighParcel(2, BOXES[1])
    await h.restart()
    await scan('P1001')
    const reopened = await scan(ORDER)
    expect(reopened.step).toBe('itemsVerified')
    expect(reopened.parcels).toMatchObject({ current: 3, count: 3 })
    expect(reopened.parcels?.weighed.map((p) => p.boxCode)).toEqual(['KOLI1', 'KOLI2'])
    const done = await weighParcel(3, BOXES[2])
    expect(done.step).toBe('packed')
    expect(consignmentPackages()).toEqual([3])
    expect(await h.zebra.waitForJobs(3)).toHaveLength(3)
  }, 30_000)

  it('a restart after the purchase, before the labels printed, prints the three labels once; nothing is bought twice', async () => {
    await openAndCount()
    await weighParcel(1, BOXES[0])
    await weighParcel(2, BOXES[1])
    h.zebra.setState({ paperOut: true })
    const stopped = await weighParcel(3, BOXES[2])
    expect(stopped.step).toBe('exception')
    expect(consignmentPackages()).toEqual([3])
    h.zebra.setState({ paperOut: false })
    const station = await h.restart()
    expect(await station.resumed).toHaveLength(1)
    expect(await h.zebra.waitForJobs(3)).toHaveLength(3)
    expect(h.zebra.jobs.map((j) => /KOLİ (\d)\/3/.exec(j)?.[1])).toEqual(['1', '2', '3'])
    expect(consignmentPackages()).toEqual([3])
    const order = await station.database.db.selectFrom('orders').select('status').where('barcode', '=', ORDER).executeTakeFirstOrThrow()
    expect(order.status).toBe('packed')
  }, 30_000)

  it('with scan-back on, the label of each parcel is scanned before the order completes', async () => {
    await h.dispose()
    h = await startHarness({ overrides: { ...FAST_WEIGHING, scanner: { scanBack: true } } })
    await scan('P1001')
    await openAndCount()
    await weighParcel(1, BOXES[0])
    await weighParcel(2, BOXES[1])
    h.place((await scan(BOXES[2])).expectedGrams!)
    const printed = await h.waitForView((x) => x.step === 'printed' && x.shipment !== null)
    const barcode = printed.shipment!.barcode!
    await expect(scan('WRONG-LABEL-1')).rejects.toMatchObject({ code: ErrorCode.scanBackMismatch })
    expect(noticeLine((await scan(barcode)).notice)).toContain('Koli 1/3 etiketi doğrulandı')
    expect((await scan(barcode)).step).toBe('printed')
    expect((await scan(barcode)).step).toBe('packed')
  }, 30_000)

  it('a parcel left on the scale is not taken for the next parcel', async () => {
    await openAndCount()
    const v = await scan(BOXES[0])
    h.place(v.expectedGrams!)
    await h.waitForView((x) => x.parcels?.weighed.length === 1)
    const next = await scan(BOXES[1]) // parcel 1 still on the scale
    expect(next.measuredGrams).toBeNull()
    expect(next.parcels).toMatchObject({ current: 2, count: 3 })
    h.place(next.expectedGrams!)
    const second = await h.waitForView((x) => x.parcels?.weighed.length === 2)
    expect(second.parcels?.weighed[1]?.weightGrams).toBe(next.expectedGrams)
  }, 30_000)

  it('cancel forgets the weighed parcels with the counted items', async () => {
    await openAndCount()
    await weighParcel(1, BOXES[0])
    await scan('KJCANCEL')
    expect(await h.station.database.db.selectFrom('packages').select('id').execute()).toEqual([])
    const again = await openAndCount()
    expect(again.parcels).toMatchObject({ current: 1, count: 3, weighed: [] })
  }, 30_000)
})
