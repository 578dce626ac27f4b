import { afterEach, describe, expect, it } from 'vitest'
import { startArasEmulator, type ArasEmulator } from '../../../../sandbox/aras/aras.emulator'
import { sampleArasRequest } from '../../../../sandbox/aras/aras.fixtures'
import { startKolayGelsinEmulator, type KolayGelsinEmulator } from '../../../../sandbox/kolaygelsin/kolaygelsin.emulator'
import { sampleKolayGelsinRequest, SAMPLE_KOLAYGELSIN_SETTINGS } from '../../../../sandbox/kolaygelsin/kolaygelsin.fixtures'
import { createArasConnector } from '../../carriers/aras/aras.adapter'
import type { CarrierConnector, CreatedShipment, ShipmentRequest } from '../../carriers/carrier.port'
import { createKolayGelsinConnector } from '../../carriers/kolaygelsin/kolaygelsin.adapter'
import type { Db } from '../../db/database'
import { TrackingPoller } from '../tracking-poller'
import { createWebhookSink } from './webhook-events'
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver'
import { insertShipmentWithOrder, stationFileEachTest } from '../../../../tests/support/station-db'

/**
 * End to end: the carrier emulators push to the desk's receiver over real HTTP, and the shipment's
 * status in SQLite moves (in_transit → delivered) without a single poll.
 */

const station = stationFileEachTest('kj-webhook-e2e-')
let receiver: WebhookReceiver | null = null
let kg: KolayGelsinEmulator | null = null
let aras: ArasEmulator | null = null
// Registered after the station's own hooks, so emulators and receiver stop before the database closes.
afterEach(async () => {
  await kg?.close()
  await aras?.close()
  await receiver?.close()
  kg = aras = receiver = null
})

const KG_AUTH = { scheme: 'basic', username: 'kg-hook', password: 'kg-hook-pass' } as const
const ARAS_PUSH = { username: 'aras-push', password: 'aras-push-pass' }

/** A clock that moves one second per reading, so each pushed event has its own instant. */
function ticking(startMs: number): () => number {
  let t = startMs
  return () => (t += 1000)
}

async function desk(): Promise<{ db: Db; receiver: WebhookReceiver }> {
  const { db } = await station.open()
  const poller = new TrackingPoller(db, new Map<string, CarrierConnector>())
  receiver = await startWebhookReceiver({
    allowIps: ['127.0.0.1'],
    kolaygelsin: { auth: KG_AUTH },
    aras: { auth: ARAS_PUSH },
    onEvents: createWebhookSink(db, poller),
  })
  return { db, receiver }
}

/** The row the purchaser leaves after a successful createShipment (shipments.repository markShipmentPurchased). */
async function recordPurchase(db: Db, id: string, carrierId: string, created: CreatedShipment): Promise<void> {
  await insertShipmentWithOrder(db, id, carrierId, {
    carrier_shipment_id: created.carrierShipmentId,
    tracking_number: created.trackingNumber,
    barcode: created.barcode,
  })
}

/** Aras's connector against the emulator, with the sandbox's test account. */
function arasConnector(origin: string): CarrierConnector {
  return createArasConnector({
    environment: 'test',
    origin,
    credentials: { username: 'neodyum', password: 'nd2580' },
    query: { username: 'neodyum', password: 'nd2580', customerCode: '1932448851342' },
    timeoutMs: 2000,
    retry: { maxAttempts: 1 },
  })
}

const statusOf = async (db: Db, id: string) =>
  (await db.selectFrom('shipments').select('tracking_status').where('id', '=', id).executeTakeFirstOrThrow()).tracking_status
const announced = async (db: Db) =>
  (await db.selectFrom('outbox').select('payload_json').where('kind', '=', 'tracking.updated').execute()).map(
    (r) => JSON.parse(r.payload_json).status as string,
  )

describe('carrier pushes → receiver → SQLite', () => {
  it('Kolay Gelsin: the emulator’s webhook sender moves the shipment in_transit → delivered', async () => {
    const { db, receiver: r } = await desk()
    kg = await startKolayGelsinEmulator({ webhook: { url: `${r.url}/webhooks/kolaygelsin`, auth: KG_AUTH }, now: ticking(Date.UTC(2026, 10, 25, 7)) })
    const connector = createKolayGelsinConnector({ origin: kg.origin, ...SAMPLE_KOLAYGELSIN_SETTINGS, timeoutMs: 2000, retry: { maxAttempts: 1 } })
    const created = await connector.createShipment(sampleKolayGelsinRequest() as ShipmentRequest, { idempotencyKey: 'k-kg-1' })
    await kg.flushWebhooks() // "created" was pushed before the desk recorded the purchase: unknown, answered 200
    expect(r.stats).toMatchObject({ unknown: 1, stored: 0 })
    await recordPurchase(db, 'kg1', 'kolaygelsin', created)

    // One step per push: the emulator stamps every event of one advance call with the same instant,
    // and posts of one instant may arrive in any order.
    const stepTo = async (eventType: number) => {
      while (kg!.shipments.find((x) => x.shipmentId === created.carrierShipmentId)?.events.at(-1)?.type !== eventType) {
        kg!.advance(created.carrierShipmentId)
        await kg!.flushWebhooks()
      }
    }
    await stepTo(14) // at the delivery transfer centre
    expect(await statusOf(db, 'kg1')).toBe('in_transit')
    await stepTo(29)
    expect(await statusOf(db, 'kg1')).toBe('delivered')

    expect(kg.webhookDeliveries.every((d) => d.status === 200)).toBe(true)
    const timeline = await db.selectFrom('tracking_events').select('raw_code').where('shipment_id', '=', 'kg1').orderBy('at').execute()
    expect(timeline.map((e) => e.raw_code)).toEqual(['2', '12', '13', '14', '17', '18', '29'])
    expect(await announced(db)).toEqual(['created', 'picked_up', 'in_transit', 'out_for_delivery', 'delivered'])
    expect(r.stats.refused).toMatchObject({ unauthorized: 0, badBody: 0, ipNotAllowed: 0 })
  })

  it('Aras: the emulator’s push sender (SOAP) moves the shipment in_transit → delivered', async () => {
    const { db, receiver: r } = await desk()
    aras = await startArasEmulator({ push: { url: `${r.url}/webhooks/aras`, ...ARAS_PUSH, retryDelayMs: 0 }, now: ticking(Date.UTC(2026, 10, 25, 7)) })
    const connector = arasConnector(aras.origin)
    const created = await connector.createShipment(sampleArasRequest() as ShipmentRequest, { idempotencyKey: 'k-aras-1' })
    await recordPurchase(db, 'ar1', 'aras', created)

    aras.advance(created.carrierShipmentId, '2')
    await aras.flushPushes()
    expect(await statusOf(db, 'ar1')).toBe('in_transit')
    aras.advance(created.carrierShipmentId, '6')
    await aras.flushPushes()
    expect(await statusOf(db, 'ar1')).toBe('delivered')

    expect(aras.pushDeliveries.map((d) => [d.cargoStatus, d.delivered, d.attempts.length])).toEqual([
      ['2', true, 1],
      ['6', true, 1],
    ])
    expect(await announced(db)).toEqual(['in_transit', 'delivered'])
    expect(r.stats).toMatchObject({ stored: 2, unknown: 0, failed: 0 })
  })

  it('Aras: a push with the wrong password is refused (Result false), retried, and changes nothing', async () => {
    const { db, receiver: r } = await desk()
    aras = await startArasEmulator({ push: { url: `${r.url}/webhooks/aras`, username: ARAS_PUSH.username, password: 'wrong', attempts: 2, retryDelayMs: 0 } })
    const connector = arasConnector(aras.origin)
    const created = await connector.createShipment(sampleArasRequest() as ShipmentRequest, { idempotencyKey: 'k-aras-2' })
    await recordPurchase(db, 'ar2', 'aras', created)
    aras.advance(created.carrierShipmentId, '6')
    await aras.flushPushes()
    expect(aras.pushDeliveries).toMatchObject([
      {
        delivered: false,
        attempts: [
          { status: 401, result: false },
          { status: 401, result: false },
        ],
      },
    ])
    expect(await statusOf(db, 'ar2')).toBeNull()
    expect(r.stats.refused.unauthorized).toBe(2)
  })
})
