import { afterEach, describe, expect, it } from 'vitest'
import { CloudConfig, CloudOrder, CloudStationConfig, OrdersPage, type CloudOrder as Order } from '../../../shared/contract/cloud'
import { call } from './cloud-test-client'
import { startReferenceCloud, type ReferenceCloud } from './reference-cloud'

let cloud: ReferenceCloud | null = null
afterEach(async () => {
  await cloud?.close()
  cloud = null
})

const KEY = 'desk-1-key'
async function start(seed: number) {
  cloud = await startReferenceCloud({ stations: [{ id: 'desk-1', apiKey: KEY }], rateLimit: { limit: 100_000, windowMs: 60_000 } })
  await cloud.seedOrders(seed)
  return cloud
}

async function page(c: ReferenceCloud, cursor: string, limit: number) {
  const res = await call(c.url, `/api/v1/orders?cursor=${cursor}&limit=${limit}`, { apiKey: KEY })
  expect(res.status).toBe(200)
  return OrdersPage.parse(res.json).data
}

describe('reference cloud: orders change feed', () => {
  it('cursor paging delivers every change exactly once across pages, even with changes between pages', async () => {
    const c = await start(1000)
    const seen = new Map<string, Order>()
    const pairs = new Set<string>()
    let cursor = ''
    let pages = 0
    for (;;) {
      const p = await page(c, cursor, 97)
      for (const o of p.orders) {
        const pair = `${o.id}@${o.version}`
        expect(pairs.has(pair), `${pair} delivered twice`).toBe(false)
        pairs.add(pair)
        seen.set(o.id, o)
      }
      cursor = p.nextCursor
      pages++
      // Changes land while the desk is mid-feed: some behind the cursor, some ahead of it.
      if (pages === 3) {
        await c.cancelOrder('ref-000010')
        await c.updateOrder('ref-000500', { codAmountKurus: 99_900 })
        await c.seedOrders(5)
      }
      if (!p.hasMore) break
    }
    expect(pages).toBeGreaterThan(10)
    expect(seen.size).toBe(1005)
    expect(seen.get('ref-000010')).toMatchObject({ status: 'cancelled', version: 2 })
    expect(seen.get('ref-000500')).toMatchObject({ codAmountKurus: 99_900, version: 2 })
    // The changed orders came once in their old version (before the change) or not at all, and once in the new.
    expect(pairs.has('ref-000010@2')).toBe(true)
    expect(pairs.has('ref-000500@2')).toBe(true)

    // An incremental pull from the saved cursor: only what changed since, then nothing.
    await c.cancelOrder('ref-000020')
    const inc = await page(c, cursor, 100)
    expect(inc.orders.map((o) => [o.id, o.status, o.version])).toEqual([['ref-000020', 'cancelled', 2]])
    expect(inc.hasMore).toBe(false)
    const empty = await page(c, inc.nextCursor, 100)
    expect(empty.orders).toEqual([])
    expect(empty.nextCursor).toBe(inc.nextCursor)
  })

  it('serves marketplace-issued labels as ZPL on the orders that come with one', async () => {
    const c = await start(30)
    const p = await page(c, '', 30)
    const withLabel = p.orders.filter((o) => o.marketplaceLabelZpl)
    expect(withLabel.map((o) => o.id)).toEqual(['ref-000010', 'ref-000020', 'ref-000030'])
    for (const o of p.orders) expect(CloudOrder.safeParse(o).success).toBe(true)
    const zpl = withLabel[0]!.marketplaceLabelZpl!
    expect(zpl.startsWith('^XA')).toBe(true)
    expect(zpl.trimEnd().endsWith('^XZ')).toBe(true)
    expect(zpl).toContain(withLabel[0]!.orderNumber)
    expect(withLabel[0]!.marketplace).toBe('Trendyol')
  })

  it.each([
    ['cursor=abc', 'cursor'],
    ['cursor=-1', 'cursor'],
    ['limit=0', 'limit'],
    ['limit=1001', 'limit'],
    ['limit=2.5', 'limit'],
  ])('refuses %s with 400 naming the field', async (query, field) => {
    const c = await start(3)
    const res = await call(c.url, `/api/v1/orders?${query}`, { apiKey: KEY })
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject({ status: false, errors: [{ field }] })
  })

  it('serves the station config: packers, boxes, carriers, rate cards and rules', async () => {
    const c = await start(0)
    const res = await call(c.url, '/api/v1/station/config', { apiKey: KEY })
    expect(res.status).toBe(200)
    const cfg = CloudStationConfig.parse(res.json).data
    expect(cfg.packers.length).toBeGreaterThan(0)
    expect(cfg.boxes.length).toBeGreaterThan(0)
    expect(cfg.rateCards.map((r) => r.serviceCode)).toEqual(cfg.carriers[0]!.services.map((s) => s.serviceCode))
    expect(cfg.rules.maxPageLimit).toBe(1000)
    // Today's desk reads the answer with the older, smaller schema: it must still parse.
    expect(CloudConfig.safeParse(res.json).success).toBe(true)
  })

  it('seeds 50,000 orders (timing sanity, not a timed assertion) and pages through them', async () => {
    const c = await start(0)
    const r = await c.seedOrders(50_000)
    expect(r).toMatchObject({ firstId: 'ref-000001', lastId: 'ref-050000' })
    // Seeding 50,000 orders should take < ~10 s; logged for the record, asserted only loosely to catch a pathological regression.
    console.info(`seedOrders(50000): ${Math.round(r.ms)} ms`)
    expect(r.ms).toBeLessThan(60_000)
    let cursor = ''
    let count = 0
    for (;;) {
      const p = await page(c, cursor, 1000)
      count += p.orders.length
      cursor = p.nextCursor
      if (!p.hasMore) break
    }
    expect(count).toBe(50_000)
  })
})
