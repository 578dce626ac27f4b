import { describe, expect, it } from 'vitest'
import { EventsAccepted, EventsPushed, OrdersPage, type CloudEvent } from '../../../shared/contract/cloud'
import { call, DESK_A as A, DESK_B as B } from './cloud-test-client'
import { disposeAfterEach } from '../../../tests/support/dispose-after-each'
import { startReferenceCloud, type ReferenceCloud } from './reference-cloud'

let cloud: ReferenceCloud | null = null
disposeAfterEach(
  () => [cloud],
  () => (cloud = null),
)

const X = 'ref-000001'
const Y = 'ref-000002'

async function start() {
  cloud = await startReferenceCloud({ stations: [A, B] })
  await cloud.seedOrders(5)
  return cloud
}

let n = 0
const ev = (kind: string, orderId: string | null, payload: Record<string, unknown> = {}, extra: Partial<CloudEvent> = {}): CloudEvent => ({
  id: `ev-${++n}`,
  kind,
  orderId,
  payload,
  createdAt: '2026-11-26T09:00:00.000Z',
  ...extra,
})
const shipment = (id: string, tracking: string) => ({
  shipmentId: id,
  trackingNumber: tracking,
  carrierId: 'comtohome',
  serviceCode: 'provider:1',
  costKurus: 9800,
})

async function push(c: ReferenceCloud, station: typeof A, events: unknown[], idempotencyKey?: string) {
  const res = await call(c.url, '/api/v1/events', { apiKey: station.apiKey, body: { events }, idempotencyKey })
  expect(res.status).toBe(200)
  return EventsPushed.parse(res.json).data
}

describe('reference cloud: events', () => {
  it('applies an event exactly once when it is delivered twice (another batch, or twice in one batch)', async () => {
    const c = await start()
    const e1 = ev('package.measured', X, { measuredWeightGrams: 1210, declaredWeightGrams: 1200, desi: 2.1, declaredDesi: 2 })
    const e2 = ev('order.packed', X, { trackingNumber: null })
    const first = await push(c, A, [e1, e2])
    expect(first.results.map((r) => r.outcome)).toEqual(['accepted', 'accepted'])
    const again = await push(c, A, [e1, e2, e2])
    expect(again.results.map((r) => r.outcome)).toEqual(['duplicate', 'duplicate', 'duplicate'])
    // The legacy list still tells today's desk loop which ids it may mark sent.
    expect(EventsAccepted.parse({ status: true, data: again }).data.accepted).toEqual([e1.id, e2.id, e2.id])
    expect((await c.appliedEvents()).map((e) => e.id)).toEqual([e1.id, e2.id])
    expect((await c.getOrder(X))?.version).toBe(2) // one pack, one change
  })

  it('replays the stored answer for a repeated Idempotency-Key and does nothing again', async () => {
    const c = await start()
    const e = ev('package.measured', Y, { measuredWeightGrams: 500 })
    const a = await call(c.url, '/api/v1/events', { apiKey: A.apiKey, body: { events: [e] }, idempotencyKey: 'batch-1' })
    const b = await call(c.url, '/api/v1/events', { apiKey: A.apiKey, body: { events: [e] }, idempotencyKey: 'batch-1' })
    expect(b.status).toBe(a.status)
    expect(b.text).toBe(a.text)
    expect(b.headers['idempotent-replayed']).toBe('true')
    expect(a.headers['idempotent-replayed']).toBeUndefined()
    expect(c.stats().replays).toBe(1)
    expect(await c.appliedEvents()).toHaveLength(1)
  })

  it('keeps the order of events per order, and refuses an event older than one already applied', async () => {
    const c = await start()
    const batch = [
      ev('package.measured', X, { measuredWeightGrams: 900 }, { seq: 1 }),
      ev('package.measured', Y, { measuredWeightGrams: 400 }, { seq: 2 }),
      ev('shipment.created', X, shipment('s-x', 'TRX1'), { seq: 3 }),
      ev('shipment.created', Y, shipment('s-y', 'TRY1'), { seq: 4 }),
      ev('order.packed', X, { shipmentId: 's-x', trackingNumber: 'TRX1' }, { seq: 5 }),
      ev('tracking.updated', X, { trackingNumber: 'TRX1', status: 'in_transit' }, { seq: 6 }),
    ]
    expect((await push(c, A, batch)).results.every((r) => r.outcome === 'accepted')).toBe(true)
    expect((await c.appliedEvents({ orderId: X })).map((e) => e.kind)).toEqual(['package.measured', 'shipment.created', 'order.packed', 'tracking.updated'])
    expect((await c.appliedEvents({ orderId: Y })).map((e) => e.seq)).toEqual([2, 4])

    const late = ev('label.reprinted', X, { trackingNumber: 'TRX1', reason: 'smudged' }, { seq: 4 })
    const [r] = (await push(c, A, [late])).results
    expect(r).toMatchObject({ id: late.id, outcome: 'rejected', reason: 'outOfOrder', field: 'seq' })
    // A lower seq from another station is not "late": ordering is per station and order.
    expect((await push(c, B, [ev('package.measured', X, { measuredWeightGrams: 901 }, { seq: 1 })])).results[0]?.outcome).toBe('accepted')
    expect(await c.appliedEvents({ orderId: X, stationId: A.id })).toHaveLength(4)
  })

  it('refuses an event that depends on one the cloud has not seen (tracking before its shipment)', async () => {
    const c = await start()
    const tracking = ev('tracking.updated', Y, { trackingNumber: 'TRY9', status: 'delivered' })
    expect((await push(c, A, [tracking])).results[0]).toMatchObject({ outcome: 'rejected', reason: 'unknownShipment' })
    const res = await push(c, A, [ev('shipment.created', Y, shipment('s-9', 'TRY9')), tracking])
    expect(res.results.map((r) => r.outcome)).toEqual(['accepted', 'accepted'])
  })

  it('reports a conflict when two stations push order.packed for one order: first wins, both see it', async () => {
    const c = await start()
    const packA = ev('order.packed', X, { shipmentId: 's-a', trackingNumber: 'TA' })
    const shipB = ev('shipment.created', X, shipment('s-b', 'TB'))
    const packB = ev('order.packed', X, { shipmentId: 's-b', trackingNumber: 'TB' })
    expect((await push(c, A, [ev('shipment.created', X, shipment('s-a', 'TA')), packA])).results.map((r) => r.outcome)).toEqual(['accepted', 'accepted'])
    const lost = (await push(c, B, [shipB, packB])).results
    for (const r of lost) expect(r).toMatchObject({ outcome: 'conflict', reason: 'packedByOtherStation', winnerStationId: A.id })
    // Redelivered (say the answer was lost): the same conflict again, not "duplicate".
    expect((await push(c, B, [packB])).results[0]).toMatchObject({ outcome: 'conflict', winnerStationId: A.id })
    // The loser can cancel its own duplicate shipment: that is accepted.
    expect((await push(c, B, [ev('shipment.cancelled', X, { shipmentId: 's-b', reason: 'conflict' })])).results[0]?.outcome).toBe('accepted')
    // The winner learns of the conflict on its next pull.
    const page = OrdersPage.parse((await call(c.url, '/api/v1/orders?limit=10', { apiKey: A.apiKey })).json).data
    expect(page.orders.find((o) => o.id === X)).toMatchObject({ packedByStationId: A.id, conflictStationIds: [B.id] })
    const recorded = await c.appliedEvents({ orderId: X })
    expect(recorded.filter((e) => e.kind === 'order.packed').map((e) => [e.stationId, e.outcome])).toEqual([
      [A.id, 'accepted'],
      [B.id, 'conflict'],
    ])
  })

  it("a void by the packing desk opens the order again; a loser's cancel does not", async () => {
    const c = await start()
    await push(c, A, [ev('shipment.created', X, shipment('s-a', 'TA')), ev('order.packed', X, { shipmentId: 's-a', trackingNumber: 'TA' })])
    await push(c, B, [ev('shipment.created', X, shipment('s-b', 'TB'))])
    // The loser voids its duplicate: the winner's pack stands.
    expect((await push(c, B, [ev('shipment.cancelled', X, { shipmentId: 's-b', reason: 'conflict' })])).results[0]?.outcome).toBe('accepted')
    expect((await c.getOrder(X))?.packedByStationId).toBe(A.id)
    // The packing desk voids its label: the order is open again, and can be claimed and packed anew.
    expect((await push(c, A, [ev('shipment.cancelled', X, { shipmentId: 's-a', reason: 'wrongCarrier' })])).results[0]?.outcome).toBe('accepted')
    expect((await c.getOrder(X))?.packedByStationId).toBeNull()
    const again = await push(c, A, [ev('shipment.created', X, shipment('s-a2', 'TA2')), ev('order.packed', X, { shipmentId: 's-a2', trackingNumber: 'TA2' })])
    expect(again.results.map((r) => r.outcome)).toEqual(['accepted', 'accepted'])
    expect((await c.getOrder(X))?.packedByStationId).toBe(A.id)
  })

  it('reports a pack of an order cancelled in the cloud as a conflict with no winning station', async () => {
    const c = await start()
    await c.cancelOrder(Y)
    expect((await push(c, A, [ev('order.packed', Y)])).results[0]).toMatchObject({ outcome: 'conflict', reason: 'orderCancelled', winnerStationId: null })
    expect((await c.getOrder(Y))?.packedByStationId).toBeNull()
  })

  it('rejects poison events with a reason, stores nothing for them, and still applies the rest of the batch', async () => {
    const c = await start()
    const good1 = ev('package.measured', X, { measuredWeightGrams: 1 })
    const reused = { ...good1, payload: { measuredWeightGrams: 2 } }
    const batch = [
      good1,
      ev('order.teleported', X),
      ev('package.measured', X, { measuredWeightGrams: -5 }),
      ev('shipment.created', X, { shipmentId: 's-1' }),
      ev('order.packed', 'no-such-order'),
      ev('order.packed', null),
      { id: 'ev-bad-shape', kind: 'order.packed', orderId: X, payload: 'not an object', createdAt: 'x' },
      reused,
      ev('shipment.cancelled', X, { shipmentId: 'never-created' }),
      ev('label.reprinted', X, { trackingNumber: 'nothing' }),
    ]
    const good2 = ev('order.packed', X)
    const res = (await push(c, A, [...batch, good2])).results
    expect(res.map((r) => (r.outcome === 'rejected' ? r.reason : r.outcome))).toEqual([
      'accepted',
      'unknownKind',
      'invalidPayload',
      'invalidPayload',
      'unknownOrder',
      'invalidEvent',
      'invalidEvent',
      'idReused',
      'unknownShipment',
      'unknownShipment',
      'accepted',
    ])
    for (const r of res) if (r.outcome === 'rejected') expect(r.message.length).toBeGreaterThan(10)
    expect((await c.appliedEvents()).map((e) => e.id)).toEqual([good1.id, good2.id])
  })

  it.each([
    ['an event without an id', { events: [{ kind: 'order.packed', orderId: X, payload: {} }] }, 400, 'events[0].id'],
    ['an empty batch', { events: [] }, 400, 'events'],
    ['no events list', { orders: [] }, 400, 'events'],
    ['more events than the batch limit', { events: Array.from({ length: 501 }, (_, i) => ({ id: `b-${i}` })) }, 413, 'events'],
  ])('refuses %s as a whole batch, applying nothing', async (_what, body, status, field) => {
    const c = await start()
    const res = await call(c.url, '/api/v1/events', { apiKey: A.apiKey, body })
    expect(res.status).toBe(status)
    expect(res.json).toMatchObject({ status: false, errors: [{ field }] })
    expect(await c.appliedEvents()).toEqual([])
  })
})
