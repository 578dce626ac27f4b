import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EventsPushed, OrdersPage, type CloudOrder } from '../../../shared/contract/cloud'
import { ErrorCode } from '../../../shared/errors'
import { demoOrders } from '../demo-orders'
import { call } from './cloud-test-client'
import { DEMO_STATION, startDemoReferenceCloud, type DemoCloud } from './demo-seed'

let dir: string
let demo: DemoCloud | null = null
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kj-demo-cloud-'))
})
afterEach(async () => {
  await demo?.cloud.close()
  demo = null
  rmSync(dir, { recursive: true, force: true })
})

const dbPath = () => join(dir, 'demo-cloud.sqlite3')

async function restart(): Promise<DemoCloud> {
  await demo?.cloud.close()
  demo = await startDemoReferenceCloud({ dbPath: dbPath() })
  return demo
}

async function pullAll(url: string): Promise<CloudOrder[]> {
  const res = await call(url, '/api/v1/orders?cursor=&limit=1000', { apiKey: DEMO_STATION.apiKey })
  expect(res.status).toBe(200)
  return OrdersPage.parse(res.json).data.orders
}

async function packAt(url: string, orderIds: string[]) {
  const events = orderIds.map((orderId) => ({
    id: `packed-${orderId}`,
    kind: 'order.packed',
    orderId,
    payload: { trackingNumber: `T-${orderId}` },
    createdAt: new Date().toISOString(),
  }))
  const res = await call(url, '/api/v1/events', { apiKey: DEMO_STATION.apiKey, body: { events } })
  expect(res.status).toBe(200)
  const answer = EventsPushed.parse(res.json).data
  // The contract's answer: one result per event (the old demo cloud sent no `results`).
  expect(answer.results.map((r) => r.outcome)).toEqual(orderIds.map(() => 'accepted'))
}

describe('demo mode cloud: the reference cloud seeded with the demo orders', () => {
  it('serves KJ1001…KJ1012 with their items and sizes to the demo station, faults off', async () => {
    const { url } = await restart()
    const orders = await pullAll(url)
    expect(orders.map((o) => o.barcode)).toEqual(Array.from({ length: 12 }, (_, i) => `KJ${1001 + i}`))
    const expected = demoOrders()
    for (const [i, o] of orders.entries()) {
      expect(o).toMatchObject({ id: expected[i]!.id, orderNumber: expected[i]!.orderNumber, status: 'open', version: 1, recipient: expected[i]!.recipient })
      expect(o.lines).toEqual(expected[i]!.lines)
    }
    const config = await call(url, '/api/v1/station/config', { apiKey: DEMO_STATION.apiKey })
    expect(config.json.data.packers.map((p: { badge: string }) => p.badge)).toEqual(['P1001', 'P1002', 'S9001', 'M5001', 'A7001'])
    expect(Object.values(demo!.cloud.stats().faults).every((n) => n === 0)).toBe(true)
    expect((await call(url, '/api/v1/orders', { apiKey: 'wrong-key' })).status).toBe(401)
  })

  it('shows the flows a demo needs: cash-on-delivery orders and one marketplace-label order (KJ1011)', async () => {
    const orders = await pullAll((await restart()).url)
    expect(orders.filter((o) => o.codAmountKurus !== null).map((o) => o.barcode)).toEqual(['KJ1003', 'KJ1006', 'KJ1009', 'KJ1012'])
    const labelled = orders.filter((o) => o.marketplaceLabelZpl)
    expect(labelled.map((o) => [o.barcode, o.marketplace])).toEqual([['KJ1011', 'n11']])
    expect(labelled[0]!.marketplaceLabelZpl).toMatch(/^\^XA[\s\S]*SIP-1011[\s\S]*\^XZ$/)
  })

  it('a restart keeps what was packed and seeds nothing twice', async () => {
    let { url } = await restart()
    await packAt(url, ['demo-order-1001', 'demo-order-1002'])
    ;({ url } = await restart())
    const orders = await pullAll(url)
    expect(orders).toHaveLength(12)
    expect((await demo!.cloud.stations.list()).map((s) => s.id)).toEqual([DEMO_STATION.id])
    expect(
      orders
        .filter((o) => o.packedByStationId === DEMO_STATION.id)
        .map((o) => o.barcode)
        .sort(),
    ).toEqual(['KJ1001', 'KJ1002'])
  })

  it('once every demo order is packed or cancelled, the next start adds KJ1013…KJ1024', async () => {
    let { url } = await restart()
    await demo!.cloud.cancelOrder('demo-order-1012')
    await packAt(
      url,
      demoOrders(11).map((o) => o.id),
    )
    ;({ url } = await restart())
    const open = (await pullAll(url)).filter((o) => o.status === 'open' && !o.packedByStationId)
    expect(open.map((o) => o.barcode)).toEqual(Array.from({ length: 12 }, (_, i) => `KJ${1013 + i}`))
    // A second restart with those still to pack adds nothing.
    ;({ url } = await restart())
    expect(await pullAll(url)).toHaveLength(24)
  })
})

describe('reference cloud: addOrders', () => {
  it('skips ids it already has and refuses a malformed order, naming it, without adding any', async () => {
    demo = await startDemoReferenceCloud()
    expect(await demo.cloud.addOrders(demoOrders(13))).toEqual(['demo-order-1013'])
    const bad = { ...demoOrders(1, 20)[0]!, lines: [{ sku: 'X', gtin: null, name: 'X', quantity: 0, unitWeightGrams: 10 }] }
    const good = demoOrders(1, 21)[0]!
    await expect(demo.cloud.addOrders([good, bad])).rejects.toMatchObject({ code: ErrorCode.inputInvalid, message: expect.stringContaining('demo-order-1021') })
    expect(await demo.cloud.getOrder(good.id)).toBeNull()
  })
})
