import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startReferenceCloud, type ReferenceCloud } from '../../sandbox/cloud/reference/reference-cloud'
import { ErrorCode } from '../../shared/errors'
import { disposeAfterEach } from '../support/dispose-after-each'
import { scanAllItems, startHarness, type Harness } from '../support/station-harness'

let cloud: ReferenceCloud | null = null
const desks: Harness[] = []
let dir: string | null = null
disposeAfterEach(
  () => [...desks.splice(0), cloud, dir],
  () => (cloud = dir = null),
)

/** The test's cloud, its store in the test's folder (made on the first start); `port` restarts it where it was. */
async function startCloud(port = 0) {
  dir ??= mkdtempSync(join(tmpdir(), 'kj-sync-'))
  return startReferenceCloud({ port, dbPath: join(dir, 'cloud.sqlite3'), marketplaceLabelEvery: 0, rateLimit: { limit: 100_000, windowMs: 60_000 } })
}

async function desk(stationId: string, apiKey: string, url: string) {
  // A fast simulated scale: 100 packs in a few seconds (the settle rule is not what this file tests).
  const h = await startHarness({
    overrides: {
      scale: { driver: 'simulated', settleMs: 20, intervalMs: 10 },
      stability: { minStableMs: 20 },
      cloud: { baseUrl: url, apiKey, stationId, pullIntervalMs: 3_600_000 },
    },
  })
  desks.push(h)
  await h.station.handlers['scan.submit']({ code: 'P1001', source: 'scanner' })
  return h
}

async function pack(h: Harness, orderCode: string) {
  const scan = (code: string) => h.station.handlers['scan.submit']({ code, source: 'scanner' })
  h.place(0) // the previous parcel comes off the scale
  await scan(orderCode)
  await scanAllItems(h.station)
  const v = await scan('KOLI2')
  h.place(v.expectedGrams! + (Math.random() < 0.5 ? 1 : 2))
  const done = await h.waitForView((x) => (x.step === 'packed' && x.order?.barcode === orderCode) || x.step === 'exception', 15_000)
  if (done.step === 'exception') throw new Error(`${orderCode}: ${JSON.stringify(done.problem)}`)
}

const statusOf = async (h: Harness) => h.station.sync!.status()

describe('desk ↔ reference cloud', () => {
  it('two desks: a claimed order is refused at the other desk', async () => {
    cloud = await startCloud()
    const a = await cloud.stations.create({ id: 'desk-a', apiKey: 'key-a' })
    const b = await cloud.stations.create({ id: 'desk-b', apiKey: 'key-b' })
    await cloud.seedOrders(3)
    const deskA = await desk(a.id, a.apiKey, cloud.url)
    const deskB = await desk(b.id, b.apiKey, cloud.url)
    await deskA.station.handlers['scan.submit']({ code: 'KJR100001', source: 'scanner' })
    await expect(deskB.station.handlers['scan.submit']({ code: 'KJR100001', source: 'scanner' })).rejects.toMatchObject({ code: ErrorCode.orderBusy })
    expect((await cloud.getOrder('ref-000001'))?.claim?.stationId).toBe('desk-a')
  }, 30_000)

  it('the cloud is down while 100 orders are packed; when it is back every event arrives once', async () => {
    cloud = await startCloud()
    const port = Number(new URL(cloud.url).port)
    const a = await cloud.stations.create({ id: 'desk-a', apiKey: 'key-a' })
    await cloud.seedOrders(100)
    const deskA = await desk(a.id, a.apiKey, cloud.url)
    expect((await deskA.station.handlers['orders.list']({ status: 'open', limit: 500 })).length).toBe(100)
    await cloud.close()
    cloud = null
    for (let n = 1; n <= 100; n++) await pack(deskA, `KJR${100000 + n}`)
    await deskA.station.sync!.syncNow()
    expect((await statusOf(deskA)).mode).toBe('offline')
    expect((await statusOf(deskA)).pendingEvents).toBe(300)

    cloud = await startCloud(port)
    await deskA.station.sync!.syncNow()
    const st = await statusOf(deskA)
    expect(st).toMatchObject({ mode: 'online', pendingEvents: 0, parkedEvents: 0 })
    const applied = await cloud.appliedEvents({ stationId: 'desk-a' })
    expect(applied.filter((e) => e.kind === 'order.packed')).toHaveLength(100)
    expect(new Set(applied.map((e) => e.id)).size).toBe(applied.length)
    for (let n = 1; n <= 100; n++) expect((await cloud.getOrder(`ref-${String(n).padStart(6, '0')}`))?.packedByStationId).toBe('desk-a')
  }, 120_000)

  it('an order packed by two offline desks is reported as a conflict to both', async () => {
    cloud = await startCloud()
    const port = Number(new URL(cloud.url).port)
    const a = await cloud.stations.create({ id: 'desk-a', apiKey: 'key-a' })
    const b = await cloud.stations.create({ id: 'desk-b', apiKey: 'key-b' })
    const c = await cloud.stations.create({ id: 'desk-c', apiKey: 'key-c' })
    await cloud.seedOrders(2)
    const deskA = await desk(a.id, a.apiKey, cloud.url)
    const deskB = await desk(b.id, b.apiKey, cloud.url)
    const deskC = await desk(c.id, c.apiKey, cloud.url)
    await cloud.close()
    cloud = null
    await pack(deskA, 'KJR100002')
    await pack(deskB, 'KJR100002')
    cloud = await startCloud(port)
    await deskA.station.sync!.syncNow()
    await deskC.station.sync!.syncNow() // a third desk sees the order packed elsewhere…
    await deskB.station.sync!.syncNow()
    await deskA.station.sync!.syncNow() // the winner hears of the conflict on its next pull
    await deskC.station.sync!.syncNow() // …and the conflict, which is not its own
    for (const d of [deskA, deskB]) {
      const conflicts = await d.station.database.db.selectFrom('audit_log').select('action').where('action', '=', 'sync.conflict').execute()
      expect(conflicts.length).toBeGreaterThan(0)
    }
    expect(await deskC.station.database.db.selectFrom('audit_log').select('action').where('action', '=', 'sync.conflict').execute()).toEqual([])
    expect((await statusOf(deskB)).parkedEvents).toBeGreaterThan(0)
    expect((await statusOf(deskB)).mode).toBe('degraded')
  }, 60_000)
})
