import { afterEach, describe, expect, it } from 'vitest'
import { startReferenceCloud, type ReferenceCloud } from '../../../sandbox/cloud/reference/reference-cloud'
import { ErrorCode } from '../../../shared/errors'
import { call } from '../../../sandbox/cloud/reference/cloud-test-client'
import { createOrderClaims, type OrderClaims, type OrderClaimsOptions } from './order-claims'

/** Claims against the reference cloud over real HTTP, its faults injected per route. */
let cloud: ReferenceCloud | null = null
const made: OrderClaims[] = []
afterEach(async () => {
  for (const c of made.splice(0)) c.dispose()
  await cloud?.close()
  cloud = null
})

async function start() {
  cloud = await startReferenceCloud({
    stations: [
      { id: 'desk-a', apiKey: 'key-a' },
      { id: 'desk-b', apiKey: 'key-b' },
    ],
    rateLimit: { limit: 100_000, windowMs: 60_000 },
  })
  await cloud.seedOrders(4)
  return cloud
}
function desk(c: ReferenceCloud, id: 'a' | 'b', extra: Partial<OrderClaimsOptions> = {}): OrderClaims {
  const claims = createOrderClaims({
    baseUrl: c.url,
    apiKey: `key-${id}`,
    stationId: `desk-${id}`,
    leaseMs: 60_000,
    renewEveryMs: 600_000,
    retryBaseMs: 20,
    retryMaxMs: 100,
    ...extra,
  })
  made.push(claims)
  return claims
}
const claimAttempts = (c: ReferenceCloud) => Object.values(c.stats().byRoute['claims.claim'] ?? {}).reduce((a, b) => a + b, 0)

describe('order claims: retried within a bounded time, local only when the cloud is really unreachable', () => {
  it('a grant whose answer was dropped after the commit is found again on the retry (same claim), and the other desk is told who holds it', async () => {
    const c = await start()
    c.setFaults([{ kind: 'dropAfterCommit', route: 'claims.claim', times: 1 }])
    const a = desk(c, 'a')
    expect(await a.claim('ref-000001')).toBe('granted')
    expect(c.stats().faults.dropAfterCommit).toBe(1)
    const held = (await c.getOrder('ref-000001'))!.claim!
    expect(held.stationId).toBe('desk-a')
    expect(a.held('ref-000001')).toMatchObject({ state: 'granted', claimId: held.claimId })
    await expect(desk(c, 'b').claim('ref-000001')).rejects.toMatchObject({
      code: ErrorCode.orderBusy,
      meta: { claim: { reason: 'claimedByOtherStation', stationId: 'desk-a' } },
    })
  })

  it('500, 429 and a reset are retried through; Retry-After is waited out', async () => {
    const c = await start()
    c.setFaults([
      { kind: 'serverError', route: 'claims.claim', times: 1 },
      { kind: 'connectionReset', route: 'claims.claim', times: 1 },
      { kind: 'tooManyRequests', route: 'claims.claim', times: 1, retryAfterSeconds: 1 },
    ])
    const t0 = Date.now()
    expect(await desk(c, 'a').claim('ref-000002')).toBe('granted')
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950)
    expect(c.stats().faults).toMatchObject({ serverError: 1, connectionReset: 1, tooManyRequests: 1 })
  })

  it('a cloud that keeps failing for the whole retry time → a local claim, after several tries and within the bound', async () => {
    const c = await start()
    c.setFaults([{ kind: 'serverError', route: 'claims.claim' }])
    const t0 = Date.now()
    expect(await desk(c, 'a', { retryMs: 600 }).claim('ref-000001')).toBe('local')
    const took = Date.now() - t0
    expect(took).toBeGreaterThanOrEqual(590)
    expect(took).toBeLessThan(5000)
    expect(claimAttempts(c)).toBeGreaterThan(2)
  })

  it('a Retry-After beyond the retry time is not waited for', async () => {
    const c = await start()
    c.setFaults([{ kind: 'tooManyRequests', route: 'claims.claim', retryAfterSeconds: 60 }])
    const t0 = Date.now()
    expect(await desk(c, 'a', { retryMs: 2000 }).claim('ref-000001')).toBe('local')
    expect(Date.now() - t0).toBeLessThan(1500)
    expect(claimAttempts(c)).toBe(1)
  })

  it('a stopped cloud (connection refused) → local claim; with offlinePacking refuse → sync.offline and nothing held', async () => {
    const c = await start()
    const a = desk(c, 'a', { retryMs: 300 })
    const r = desk(c, 'b', { retryMs: 300, offlinePacking: 'refuse' })
    await c.close()
    expect(await a.claim('ref-000001')).toBe('local')
    expect(a.held('ref-000001')).toMatchObject({ state: 'local', holder: null })
    await expect(r.claim('ref-000001')).rejects.toMatchObject({ code: ErrorCode.syncOffline, meta: { offlinePacking: 'refuse' } })
    expect(r.held('ref-000001')).toBeNull()
  })

  it('once the sync has known the cloud offline for the retry time, a claim tries once and does not wait; back online it waits again', async () => {
    const c = await start()
    c.setFaults([{ kind: 'serverError', route: 'claims.claim' }])
    let t = 1_000_000
    const a = desk(c, 'a', { retryMs: 400, now: () => t })
    a.noteSyncStatus({ mode: 'offline' })
    t += 399 // offline, but not for the whole retry time yet: the claim still retries
    expect(await a.claim('ref-000001')).toBe('local')
    expect(claimAttempts(c)).toBeGreaterThan(1)
    a.noteSyncStatus({ mode: 'online' }) // …and the claim's own unreachable is forgotten too
    a.noteSyncStatus({ mode: 'offline' })
    t += 400
    const before = claimAttempts(c)
    expect(await a.claim('ref-000002')).toBe('local')
    expect(claimAttempts(c) - before).toBe(1)
    a.noteSyncStatus({ mode: 'online' })
    const again = claimAttempts(c)
    expect(await a.claim('ref-000003')).toBe('local')
    expect(claimAttempts(c) - again).toBeGreaterThan(1)
  })

  it('after a claim found the cloud unreachable for the whole retry time, the next tries once; the first answer from the cloud ends that', async () => {
    const c = await start()
    c.setFaults([{ kind: 'serverError', route: 'claims.claim' }])
    const a = desk(c, 'a', { retryMs: 300 })
    expect(await a.claim('ref-000001')).toBe('local')
    const n = claimAttempts(c)
    expect(await a.claim('ref-000002')).toBe('local')
    expect(claimAttempts(c) - n).toBe(1)
    c.setFaults([{ kind: 'serverError', route: 'claims.claim', times: 1 }]) // back, one more 500 first
    expect(await a.claim('ref-000003')).toBe('local') // still one try: that one failed
    expect(await a.claim('ref-000004')).toBe('granted') // it answers: retries are back
    c.setFaults([{ kind: 'serverError', route: 'claims.claim', times: 2 }])
    expect(await a.confirm('ref-000003')).toMatchObject({ state: 'granted' })
  })

  it('confirm(): a local claim is granted when the cloud is back, lost (naming the holder) when another desk took the order', async () => {
    const c = await start()
    c.setFaults([{ kind: 'serverError', route: 'claims.claim' }])
    const a = desk(c, 'a', { retryMs: 200 })
    expect(await a.claim('ref-000001')).toBe('local')
    expect(await a.claim('ref-000002')).toBe('local')
    c.setFaults([])
    expect(await desk(c, 'b').claim('ref-000002')).toBe('granted')
    expect(await a.confirm('ref-000001')).toMatchObject({ state: 'granted', holder: null })
    expect((await c.getOrder('ref-000001'))!.claim?.stationId).toBe('desk-a')
    const stop = a.confirm('ref-000002')
    await expect(stop).rejects.toMatchObject({ code: ErrorCode.orderBusy, meta: { claim: { stationId: 'desk-b' } } })
    await expect(stop).rejects.toThrow(/desk-b/)
    expect(a.held('ref-000002')).toMatchObject({ state: 'lost', holder: 'desk-b' })
    // Lost stays lost without asking the cloud again.
    const n = claimAttempts(c)
    await expect(a.confirm('ref-000002')).rejects.toMatchObject({ code: ErrorCode.orderBusy })
    expect(claimAttempts(c)).toBe(n)
  })

  it('confirm(): still unreachable → the local claim stands (offline packing allowed)', async () => {
    const c = await start()
    c.setFaults([{ kind: 'serverError', route: 'claims.claim' }])
    const a = desk(c, 'a', { retryMs: 200 })
    expect(await a.claim('ref-000003')).toBe('local')
    expect(await a.confirm('ref-000003')).toMatchObject({ state: 'local' })
  })
})

describe('order claims: a desk that voided its own label (sync-guarantees §4.9)', () => {
  const event = (id: string, kind: string, payload: Record<string, unknown>) => ({
    id,
    kind,
    orderId: 'ref-000001',
    payload,
    createdAt: '2026-12-07T09:00:00.000Z',
  })
  const pushAs = async (c: ReferenceCloud, id: 'a' | 'b', events: unknown[]) => {
    const res = await call(c.url, '/api/v1/events', { apiKey: `key-${id}`, body: { events } })
    expect(res.status).toBe(200)
  }
  const packedByA = async (c: ReferenceCloud) =>
    pushAs(c, 'a', [
      event('e1', 'shipment.created', { shipmentId: 's-1', trackingNumber: 'T1', carrierId: 'comtohome', serviceCode: 'provider:1', costKurus: 9800 }),
      event('e2', 'order.packed', { shipmentId: 's-1', trackingNumber: 'T1' }),
    ])

  it('refused as packed by itself while the void is unsent: pushes what it owes, then is granted; the other desk is still refused until then', async () => {
    const c = await start()
    await packedByA(c)
    const a = desk(c, 'a')
    const b = desk(c, 'b')
    await expect(b.claim('ref-000001')).rejects.toMatchObject({ code: ErrorCode.orderBusy, meta: { claim: { reason: 'packed', stationId: 'desk-a' } } })
    let pushes = 0
    a.useOwedPush(async () => {
      pushes++
      await pushAs(c, 'a', [event('e3', 'shipment.cancelled', { shipmentId: 's-1', reason: 'void' })])
    })
    expect(await a.claim('ref-000001')).toBe('granted')
    expect(pushes).toBe(1)
  })

  it.each([
    ['nothing owed (the order really is packed here): one push, then the same refusal, no loop', 'a', 1],
    ['packed by another desk: no push is tried, the refusal names that desk', 'b', 0],
  ] as const)('%s', async (_, id, expectedPushes) => {
    const c = await start()
    await packedByA(c)
    const d = desk(c, id)
    let pushes = 0
    d.useOwedPush(async () => void pushes++)
    await expect(d.claim('ref-000001')).rejects.toMatchObject({ code: ErrorCode.orderBusy, meta: { claim: { reason: 'packed', stationId: 'desk-a' } } })
    expect(pushes).toBe(expectedPushes)
  })
})
