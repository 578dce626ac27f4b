import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { startReferenceCloud } from '../sandbox/cloud/reference/reference-cloud'
import { openDatabase } from '../electron/core/db/database'
import { CloudSyncService } from '../electron/core/sync/cloud-sync.service'

/**
 * Initial sync of 50,000 orders from the reference cloud (HTTP on loopback, pages of 500, each page
 * applied in one transaction with FULL sync) into a fresh desk database, then an incremental sync
 * of 1,000 new and 500 cancelled orders.
 */
export async function benchSync(orders = 50_000) {
  const dir = mkdtempSync(join(tmpdir(), 'kj-bench-sync-'))
  const cloud = await startReferenceCloud({ rateLimit: { limit: 100_000, windowMs: 60_000 }, marketplaceLabelEvery: 0 })
  const station = await cloud.stations.create({ id: 'bench', apiKey: 'bench-key' })
  await cloud.seedOrders(orders)
  const { db, close } = await openDatabase(join(dir, 'station.sqlite3'))
  const sync = new CloudSyncService(db, { baseUrl: cloud.url, apiKey: station.apiKey, pullIntervalMs: 3_600_000 })
  const countOrders = async (status?: 'cancelled') => {
    const all = db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n'))
    return Number((await (status ? all.where('status', '=', status) : all).executeTakeFirstOrThrow()).n)
  }
  let t0 = performance.now()
  await sync.syncNow()
  const initialMs = performance.now() - t0
  const count = await countOrders()
  if (count !== orders) throw new Error(`initial sync brought ${count} of ${orders}`)
  await cloud.seedOrders(1000)
  for (let n = 1; n <= 500; n++) await cloud.cancelOrder(`ref-${String(n * 7).padStart(6, '0')}`)
  t0 = performance.now()
  await sync.syncNow()
  const incrementalMs = performance.now() - t0
  const cancelled = await countOrders('cancelled')
  if (cancelled !== 500) throw new Error(`incremental sync applied ${cancelled} of 500 cancellations`)
  await sync.dispose()
  await close()
  await cloud.close()
  rmSync(dir, { recursive: true, force: true })
  return { initialMs, incrementalMs, orders }
}
