import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CloudErrorEnvelope, HeartbeatAccepted } from '../../../shared/contract/cloud'
import { ROUTES } from './cloud-routes'
import { call, manualClock, DESK_A as A, DESK_B as B } from './cloud-test-client'
import { disposeAfterEach } from '../../../tests/support/dispose-after-each'
import { startReferenceCloud, type ReferenceCloud } from './reference-cloud'

let cloud: ReferenceCloud | null = null
disposeAfterEach(
  () => [cloud],
  () => (cloud = null),
)

async function start(opts: Parameters<typeof startReferenceCloud>[0] = {}) {
  cloud = await startReferenceCloud({ stations: [A, B], ...opts })
  await cloud.seedOrders(2)
  return cloud
}

const beat = (stationId: string) => ({
  stationId,
  appVersion: '0.1.0',
  queueDepth: 7,
  parkedEvents: 1,
  syncMode: 'degraded',
  scale: { status: 'ok' },
  printer: { status: 'offline', detail: 'paper out' },
  sentAt: '2026-11-26T09:00:00.000Z',
})

describe('reference cloud: HTTP conventions (seed 001)', () => {
  it('limits each station to 300 requests per sliding minute: 429 with Retry-After, other stations unaffected', async () => {
    const clock = manualClock()
    const c = await start({ now: clock.now })
    for (let i = 0; i < 300; i++) {
      if (i === 150) clock.advance(30_000) // half the window later: the first 150 leave it 30 s from now
      expect((await call(c.url, '/api/v1/station/config', { apiKey: A.apiKey })).status).toBe(200)
    }
    const limited = await call(c.url, '/api/v1/station/config', { apiKey: A.apiKey })
    expect(limited.status).toBe(429)
    expect(limited.headers['retry-after']).toBe('30')
    expect(CloudErrorEnvelope.safeParse(limited.json).success).toBe(true)
    expect((await call(c.url, '/api/v1/station/config', { apiKey: B.apiKey })).status).toBe(200)
    clock.advance(29_999)
    expect((await call(c.url, '/api/v1/station/config', { apiKey: A.apiKey })).headers['retry-after']).toBe('1')
    clock.advance(1) // the first 150 have left the window
    expect((await call(c.url, '/api/v1/station/config', { apiKey: A.apiKey })).status).toBe(200)
    expect(c.stats().byStatus['429']).toBe(2)
  })

  it.each([
    ['no APIKEY', null],
    ['an unknown APIKEY', 'nope'],
  ])('answers 401 on APIKEY for %s', async (_what, apiKey) => {
    const c = await start()
    const res = await call(c.url, '/api/v1/orders', { apiKey })
    expect(res.status).toBe(401)
    expect(res.json).toEqual({ status: false, errors: [{ field: 'APIKEY', message: expect.any(String) }] })
  })

  it('refuses a POST without Idempotency-Key and does nothing', async () => {
    const c = await start()
    const res = await call(c.url, '/api/v1/orders/ref-000001/claim', { apiKey: A.apiKey, body: { stationId: A.id, leaseMs: 60_000 }, idempotencyKey: null })
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject({ status: false, errors: [{ field: 'Idempotency-Key' }] })
    expect((await c.getOrder('ref-000001'))?.claim).toBeNull()
  })

  it('refuses an Idempotency-Key reused with another body (422), and keys are per station', async () => {
    const c = await start()
    const claimBody = (stationId: string) => ({ stationId, leaseMs: 60_000 })
    expect((await call(c.url, '/api/v1/orders/ref-000001/claim', { apiKey: A.apiKey, body: claimBody(A.id), idempotencyKey: 'k' })).status).toBe(200)
    const reused = await call(c.url, '/api/v1/orders/ref-000002/claim', { apiKey: A.apiKey, body: claimBody(A.id), idempotencyKey: 'k' })
    expect(reused.status).toBe(422)
    expect(reused.json).toMatchObject({ errors: [{ field: 'Idempotency-Key' }] })
    expect((await c.getOrder('ref-000002'))?.claim).toBeNull()
    // The same key from another station is another request.
    expect((await call(c.url, '/api/v1/orders/ref-000002/claim', { apiKey: B.apiKey, body: claimBody(B.id), idempotencyKey: 'k' })).status).toBe(200)
  })

  it('answers 400 for a body that is not JSON, 404 for an unknown path and 405 for a wrong method', async () => {
    const c = await start()
    const bad = await call(c.url, '/api/v1/events', { apiKey: A.apiKey, rawBody: '{"events": [' })
    expect(bad.status).toBe(400)
    expect(CloudErrorEnvelope.safeParse(bad.json).success).toBe(true)
    expect((await call(c.url, '/api/v2/orders', { apiKey: A.apiKey })).status).toBe(404)
    const wrong = await call(c.url, '/api/v1/events', { apiKey: A.apiKey })
    expect(wrong.status).toBe(405)
    expect(wrong.headers.allow).toBe('POST')
  })

  it('records a heartbeat with scale, printer, queue depth and app version', async () => {
    const c = await start()
    const res = await call(c.url, '/api/v1/stations/heartbeat', { apiKey: A.apiKey, body: beat(A.id) })
    expect(res.status).toBe(200)
    expect(HeartbeatAccepted.parse(res.json).data.nextHeartbeatMs).toBe(30_000)
    const s = await c.stations.get(A.id)
    expect(s?.lastHeartbeat).toMatchObject({ appVersion: '0.1.0', queueDepth: 7, scale: { status: 'ok' }, printer: { status: 'offline', detail: 'paper out' } })
    expect(s?.lastSeenAt).not.toBeNull()
    const forged = await call(c.url, '/api/v1/stations/heartbeat', { apiKey: A.apiKey, body: beat(B.id) })
    expect(forged.status).toBe(403)
    expect((await c.stations.get(B.id))?.lastHeartbeat).toBeNull()
    const broken = await call(c.url, '/api/v1/stations/heartbeat', { apiKey: A.apiKey, body: { ...beat(A.id), queueDepth: -1 } })
    expect(broken.status).toBe(400)
    expect(broken.json).toMatchObject({ errors: [{ field: 'queueDepth' }] })
  })

  it('creates stations with their own keys', async () => {
    const c = await start()
    const s = await c.stations.create({ name: 'Masa 3' })
    expect(s).toMatchObject({ id: 'station-3', name: 'Masa 3' })
    expect(s.apiKey).toMatch(/^kj_station-3_[0-9a-f]{24}$/)
    expect((await call(c.url, '/api/v1/orders', { apiKey: s.apiKey })).status).toBe(200)
    expect((await c.stations.list()).map((x) => x.id)).toEqual([A.id, B.id, 'station-3'])
  })

  it('serves exactly the operations docs/cloud-api.openapi.yaml describes', () => {
    const doc = readFileSync(new URL('../../../docs/cloud-api.openapi.yaml', import.meta.url), 'utf8')
    const documented = [...doc.matchAll(/^ {2}(\/api\/\S+):\n {4}(get|post):\n(?: {6}.*\n)*? {6}operationId: (\S+)/gm)].map(
      (m) => `${m[2]!.toUpperCase()} ${m[1]} ${m[3]}`,
    )
    const served = ROUTES.map(
      (r) =>
        `${r.method} ${r.pattern.source
          .replace(/^\^|\$$/g, '')
          .replaceAll('\\/', '/')
          .replace('([^/]+)', '{orderId}')} ${r.route}`,
    )
    expect(documented.sort()).toEqual(served.sort())
  })
})
