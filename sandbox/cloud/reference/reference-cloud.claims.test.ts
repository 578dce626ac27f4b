import { describe, expect, it } from 'vitest'
import { ClaimGranted, CloudConflictEnvelope } from '../../../shared/contract/cloud'
import { call, manualClock, DESK_A as A, DESK_B as B } from './cloud-test-client'
import { disposeAfterEach } from '../../../tests/support/dispose-after-each'
import { startReferenceCloud, type ReferenceCloud } from './reference-cloud'

let cloud: ReferenceCloud | null = null
disposeAfterEach(
  () => [cloud],
  () => (cloud = null),
)

const ORDER = 'ref-000001'

async function start() {
  const clock = manualClock()
  cloud = await startReferenceCloud({ now: clock.now, stations: [A, B] })
  await cloud.seedOrders(3)
  return { c: cloud, clock }
}

const claim = (c: ReferenceCloud, s: typeof A, op: '' | '/renew' | '/release' = '', leaseMs = 60_000, order = ORDER) =>
  call(c.url, `/api/v1/orders/${order}/claim${op}`, { apiKey: s.apiKey, body: op === '/release' ? { stationId: s.id } : { stationId: s.id, leaseMs } })

describe('reference cloud: claims', () => {
  it('two stations racing for one order: exactly one gets it, the other is told who holds it', async () => {
    const { c } = await start()
    await c.seedOrders(17) // 20 orders, each raced by both stations at once
    const orders = Array.from({ length: 20 }, (_, i) => `ref-${String(i + 1).padStart(6, '0')}`)
    const races = await Promise.all(orders.map((o) => Promise.all([claim(c, A, '', 60_000, o), claim(c, B, '', 60_000, o)])))
    for (const [i, [ra, rb]] of races.entries()) {
      expect([ra.status, rb.status].sort()).toEqual([200, 409])
      const [won, lost, winner] = ra.status === 200 ? [ra, rb, A] : [rb, ra, B]
      expect(ClaimGranted.parse(won.json).data.claim).toMatchObject({ orderId: orders[i], stationId: winner.id, leaseMs: 60_000 })
      expect(CloudConflictEnvelope.parse(lost.json).conflict).toMatchObject({ reason: 'claimedByOtherStation', stationId: winner.id })
      expect((await c.getOrder(orders[i]!))?.claim?.stationId).toBe(winner.id)
    }
  })

  it('a claim is idempotent per station and order: the holder claiming again (its answer was lost) gets the same claim back, not a conflict', async () => {
    const { c, clock } = await start()
    c.setFaults([{ kind: 'dropAfterCommit', route: 'claims.claim', times: 1 }])
    await expect(claim(c, A)).rejects.toThrow() // granted and committed, but the answer never came
    expect((await c.getOrder(ORDER))?.claim?.stationId).toBe(A.id)
    clock.advance(1_000)
    const again = await claim(c, A) // the retry (a new Idempotency-Key, as after a desk restart)
    expect(again.status).toBe(200)
    const claimId = (await c.getOrder(ORDER))!.claim!.claimId
    expect(ClaimGranted.parse(again.json).data.claim).toMatchObject({ stationId: A.id, claimId })
    expect(ClaimGranted.parse((await claim(c, A)).json).data.claim.claimId).toBe(claimId)
    expect(CloudConflictEnvelope.parse((await claim(c, B)).json).conflict).toMatchObject({ reason: 'claimedByOtherStation', stationId: A.id })
  })

  it('an expired lease lets the other station in, with a new claim id', async () => {
    const { c, clock } = await start()
    const first = ClaimGranted.parse((await claim(c, A, '', 10_000)).json).data.claim
    clock.advance(9_999)
    expect((await claim(c, B)).status).toBe(409)
    clock.advance(1)
    const res = await claim(c, B)
    expect(res.status).toBe(200)
    const second = ClaimGranted.parse(res.json).data.claim
    expect(second.stationId).toBe(B.id)
    expect(second.claimId).not.toBe(first.claimId)
    // A's renew now fails: the order has passed to B.
    expect(CloudConflictEnvelope.parse((await claim(c, A, '/renew')).json).conflict).toMatchObject({ reason: 'claimedByOtherStation', stationId: B.id })
  })

  it('renew extends the lease from now and keeps the claim id; a station cannot renew what it does not hold', async () => {
    const { c, clock } = await start()
    const first = ClaimGranted.parse((await claim(c, A, '', 10_000)).json).data.claim
    clock.advance(8_000)
    const renewed = await claim(c, A, '/renew', 10_000)
    expect(renewed.status).toBe(200)
    const r = ClaimGranted.parse(renewed.json).data.claim
    expect(r.claimId).toBe(first.claimId)
    expect(Date.parse(r.expiresAt) - Date.parse(first.expiresAt)).toBe(8_000)
    clock.advance(9_000) // past the first expiry, inside the renewed one
    expect((await claim(c, B)).status).toBe(409)
    const notHeld = await claim(c, B, '/renew', 10_000, 'ref-000002')
    expect(notHeld.status).toBe(409)
    expect(CloudConflictEnvelope.parse(notHeld.json).conflict.reason).toBe('notHeld')
  })

  it('release frees the order at once; releasing what one does not hold changes nothing', async () => {
    const { c } = await start()
    expect((await claim(c, A)).status).toBe(200)
    const byB = await claim(c, B, '/release')
    expect(byB.json).toEqual({ status: true, data: { released: false } })
    expect((await c.getOrder(ORDER))?.claim?.stationId).toBe(A.id)
    expect((await claim(c, A, '/release')).json).toEqual({ status: true, data: { released: true } })
    expect((await claim(c, A, '/release')).json).toEqual({ status: true, data: { released: false } })
    expect((await claim(c, B)).status).toBe(200)
  })

  it('a packed or cancelled order cannot be claimed', async () => {
    const { c } = await start()
    await c.cancelOrder('ref-000002')
    const cancelled = await claim(c, A, '', 60_000, 'ref-000002')
    expect(cancelled.status).toBe(409)
    expect(CloudConflictEnvelope.parse(cancelled.json).conflict.reason).toBe('cancelled')
    const pushed = await call(c.url, '/api/v1/events', {
      apiKey: B.apiKey,
      body: { events: [{ id: 'e-1', kind: 'order.packed', orderId: ORDER, payload: {}, createdAt: '2026-11-26T09:00:00Z' }] },
    })
    expect(pushed.json.data.results[0].outcome).toBe('accepted')
    const packed = await claim(c, A)
    expect(CloudConflictEnvelope.parse(packed.json).conflict).toMatchObject({ reason: 'packed', stationId: B.id })
  })

  it.each([
    ['another station id in the body', { stationId: 'desk-b', leaseMs: 60_000 }, 403, 'stationId'],
    ['a lease under the minimum', { stationId: 'desk-a', leaseMs: 10 }, 400, 'leaseMs'],
    ['a lease over the maximum', { stationId: 'desk-a', leaseMs: 7_200_000 }, 400, 'leaseMs'],
    ['no leaseMs', { stationId: 'desk-a' }, 400, 'leaseMs'],
  ])('refuses %s, naming the field', async (_what, body, status, field) => {
    const { c } = await start()
    const res = await call(c.url, `/api/v1/orders/${ORDER}/claim`, { apiKey: A.apiKey, body })
    expect(res.status).toBe(status)
    expect(res.json).toMatchObject({ status: false, errors: [{ field }] })
    expect((await c.getOrder(ORDER))?.claim).toBeNull()
  })

  it('answers 404 for an unknown order', async () => {
    const { c } = await start()
    const res = await claim(c, A, '', 60_000, 'no-such-order')
    expect(res.status).toBe(404)
    expect(res.json).toMatchObject({ status: false, errors: [{ field: 'orderId' }] })
  })
})
