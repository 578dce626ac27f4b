import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../shared/errors'
import { call, DESK_A as A } from './cloud-test-client'
import { disposeAfterEach } from '../../../tests/support/dispose-after-each'
import { CloudFault, CloudRoute, type FaultRule } from './fault-injector'
import { startReferenceCloud, type ReferenceCloud } from './reference-cloud'

let cloud: ReferenceCloud | null = null
disposeAfterEach(
  () => [cloud],
  () => (cloud = null),
)

async function start(rngSeed = 1) {
  cloud = await startReferenceCloud({ stations: [A], rngSeed, rateLimit: { limit: 100_000, windowMs: 60_000 } })
  await cloud.seedOrders(30)
  return cloud
}

const packBody = (id: string) => ({ events: [{ id, kind: 'order.packed', orderId: 'ref-000001', payload: {}, createdAt: '2026-11-26T09:00:00Z' }] })
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'answered',
    (e: NodeJS.ErrnoException) => e.code,
  )

describe('reference cloud: fault injection', () => {
  it('latency: the answer comes after the configured delay', async () => {
    const c = await start()
    c.setFaults([{ kind: CloudFault.latency, latencyMs: 150, route: CloudRoute.configGet }])
    const res = await call(c.url, '/api/v1/station/config', { apiKey: A.apiKey })
    expect(res.status).toBe(200)
    expect(res.elapsedMs).toBeGreaterThanOrEqual(145)
    expect(c.stats().faults.latency).toBe(1)
  })

  it('5xx: answers the status with the error envelope and applies nothing', async () => {
    const c = await start()
    c.setFaults([{ kind: CloudFault.serverError, status: 502, times: 1 }])
    const res = await call(c.url, '/api/v1/events', { apiKey: A.apiKey, body: packBody('e-1') })
    expect(res.status).toBe(502)
    expect(res.json).toMatchObject({ status: false, errors: [{ field: null }] })
    expect(await c.appliedEvents()).toEqual([])
    // `times: 1`: the retry goes through.
    expect((await call(c.url, '/api/v1/events', { apiKey: A.apiKey, body: packBody('e-1') })).status).toBe(200)
    expect(c.stats().byStatus).toMatchObject({ '502': 1, '200': 1 })
  })

  it('429: answers Too Many Requests with Retry-After and applies nothing', async () => {
    const c = await start()
    c.setFaults([{ kind: CloudFault.tooManyRequests, retryAfterSeconds: 7 }])
    const res = await call(c.url, '/api/v1/events', { apiKey: A.apiKey, body: packBody('e-1') })
    expect(res.status).toBe(429)
    expect(res.headers['retry-after']).toBe('7')
    expect(await c.appliedEvents()).toEqual([])
  })

  it('connection reset: the socket is reset before anything is applied', async () => {
    const c = await start()
    c.setFaults([{ kind: CloudFault.connectionReset, route: CloudRoute.eventsPush }])
    expect(await codeOf(call(c.url, '/api/v1/events', { apiKey: A.apiKey, body: packBody('e-1') }))).toBe('ECONNRESET')
    expect(await c.appliedEvents()).toEqual([])
    expect(c.stats().byStatus.noResponse).toBe(1)
  })

  it('response dropped after commit: no answer, the event is applied, and the retry under the same key gets the stored answer', async () => {
    const c = await start()
    c.setFaults([{ kind: CloudFault.dropAfterCommit, times: 1 }])
    const opts = { apiKey: A.apiKey, body: packBody('e-1'), idempotencyKey: 'batch-e-1' }
    expect(await codeOf(call(c.url, '/api/v1/events', opts))).toBe('ECONNRESET')
    expect((await c.appliedEvents()).map((e) => e.id)).toEqual(['e-1'])
    const retry = await call(c.url, '/api/v1/events', opts)
    expect(retry.headers['idempotent-replayed']).toBe('true')
    expect(retry.json.data.results).toEqual([{ id: 'e-1', outcome: 'accepted' }])
    // A retry under a new key (a desk that lost its key) is deduplicated by event id instead.
    const fresh = await call(c.url, '/api/v1/events', { ...opts, idempotencyKey: 'another' })
    expect(fresh.json.data.results).toEqual([{ id: 'e-1', outcome: 'duplicate' }])
    expect(await c.appliedEvents()).toHaveLength(1)
  })

  it('duplicate delivery: the previous page of the feed is served again', async () => {
    const c = await start()
    const p1 = await call(c.url, '/api/v1/orders?limit=10', { apiKey: A.apiKey })
    c.setFaults([{ kind: CloudFault.duplicateDelivery, route: CloudRoute.ordersList, times: 1 }])
    const p2 = await call(c.url, `/api/v1/orders?limit=10&cursor=${p1.json.data.nextCursor}`, { apiKey: A.apiKey })
    expect(p2.text).toBe(p1.text)
    const p3 = await call(c.url, `/api/v1/orders?limit=10&cursor=${p2.json.data.nextCursor}`, { apiKey: A.apiKey })
    expect(p3.json.data.orders[0].id).toBe('ref-000011')
    expect(c.stats().faults.duplicateDelivery).toBe(1)
  })

  it('slow drip: the body arrives in small delayed chunks and is still whole', async () => {
    const c = await start()
    c.setFaults([{ kind: CloudFault.slowDrip, chunkBytes: 512, chunkDelayMs: 15 }])
    const res = await call(c.url, '/api/v1/orders?limit=5', { apiKey: A.apiKey })
    expect(res.status).toBe(200)
    const pieces = Math.ceil(Buffer.byteLength(res.text) / 512)
    expect(pieces).toBeGreaterThan(3)
    expect(res.chunks).toBeGreaterThan(3)
    expect(res.elapsedMs).toBeGreaterThanOrEqual((pieces - 1) * 15 - 5)
    expect(res.json.data.orders).toHaveLength(5)
  })

  it('probabilistic faults follow the seeded RNG: the same seed gives the same statuses', async () => {
    const rules: FaultRule[] = [
      { kind: CloudFault.serverError, probability: 0.2 },
      { kind: CloudFault.tooManyRequests, probability: 0.1 },
    ]
    const run = async (seed: number) => {
      const c = await start(seed)
      c.setFaults(rules)
      const statuses: number[] = []
      for (let i = 0; i < 60; i++) statuses.push((await call(c.url, '/api/v1/station/config', { apiKey: A.apiKey })).status)
      await c.close()
      cloud = null
      return statuses
    }
    const first = await run(42)
    expect(await run(42)).toEqual(first)
    expect(first.filter((s) => s === 503).length).toBeGreaterThan(3)
    expect(first.filter((s) => s === 429).length).toBeGreaterThan(1)
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(30)
    expect(await run(43)).not.toEqual(first)
  })

  it.each<[string, FaultRule]>([
    ['an unknown kind', { kind: 'meteor' as never }],
    ['a probability above 1', { kind: CloudFault.serverError, probability: 1.5 }],
    ['an unknown route', { kind: CloudFault.latency, route: 'orders.delete' as never }],
    ['duplicate delivery on a POST route', { kind: CloudFault.duplicateDelivery, route: CloudRoute.eventsPush }],
    ['a negative latency', { kind: CloudFault.latency, latencyMs: -1 }],
  ])('setFaults refuses %s and keeps the rules it had', async (_what, rule) => {
    const c = await start()
    c.setFaults([{ kind: CloudFault.serverError }])
    expect(() => c.setFaults([rule])).toThrow(expect.objectContaining({ code: ErrorCode.inputInvalid }))
    expect((await call(c.url, '/api/v1/station/config', { apiKey: A.apiKey })).status).toBe(503)
  })
})
