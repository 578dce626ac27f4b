import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { CarrierConnector } from '../../carriers/carrier.port'
import { openDatabase, type Db, type OpenedDatabase } from '../../db/database'
import { TrackingPoller } from '../tracking-poller'
import { findTrackableByKeys } from '../tracking.repository'
import { createWebhookSink } from './webhook-events'
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver'
import type { ShipmentsTable } from '../../db/schema'
import { insertShipmentWithOrder, stationFileEachTest } from '../../../../tests/support/station-db'
import { tempDirForFile } from '../../../../tests/support/temp-dir'

const station = stationFileEachTest('kj-webhook-')
let receiver: WebhookReceiver | null = null
// Registered after the station's own hooks, so the receiver stops before the database closes.
afterEach(async () => {
  await receiver?.close()
  receiver = null
})

type Row = {
  id: string
  carrierId: string
  status?: string
  csid: string | null
  tracking: string | null
  ref?: string
  createdAt?: string
  trackingStatus?: string
}

async function dbWith(rows: Row[]): Promise<Db> {
  const { db } = await station.open()
  await insertRows(db, rows)
  return db
}

async function insertRows(db: Db, rows: Row[]): Promise<void> {
  for (const r of rows) {
    await insertShipmentWithOrder(db, r.id, r.carrierId, {
      status: (r.status ?? 'purchased') as ShipmentsTable['status'],
      reference_no: r.ref ?? `REF-${r.id}`,
      carrier_shipment_id: r.csid,
      tracking_number: r.tracking,
      tracking_status: r.trackingStatus ?? null,
      ...(r.createdAt ? { created_at: r.createdAt } : {}),
    })
  }
}

describe('findTrackableByKeys', () => {
  const rows: Row[] = [
    { id: 's1', carrierId: 'aras', csid: '1000000000000001', tracking: '3400000000001' },
    { id: 's2', carrierId: 'kolaygelsin', csid: '5001', tracking: '5001', ref: 'R-2', trackingStatus: 'delivered' },
    { id: 's3', carrierId: 'aras', status: 'failed', csid: '1000000000000003', tracking: null },
    { id: 's4', carrierId: 'aras', status: 'cancelled', csid: '1000000000000004', tracking: '1000000000000004' },
    { id: 's5', carrierId: 'yurtici', csid: '1000000000000001', tracking: 'YK1' },
    { id: 's6', carrierId: 'aras', status: 'cancelled', csid: '1000000000000006', tracking: '1000000000000006', createdAt: '2026-11-20T08:00:00.000Z' },
    { id: 's7', carrierId: 'aras', csid: '1000000000000006', tracking: '1000000000000006', createdAt: '2026-11-19T08:00:00.000Z' },
    { id: 's8', carrierId: 'aras', status: 'purchasing', csid: '1000000000000008', tracking: '1000000000000008' },
  ]
  // One database for the whole table (read-only queries).
  let shared: OpenedDatabase
  tempDirForFile('kj-webhook-keys-', async (dir) => {
    shared = await openDatabase(join(dir, 's.sqlite3'))
    await insertRows(shared.db, rows)
  })
  // Registered after the folder's own hook, so the database closes before the folder is removed.
  afterAll(() => shared.close())
  it.each([
    ['aras', { carrierShipmentId: '1000000000000001' }, 's1'],
    ['aras', { trackingNumber: '3400000000001' }, 's1'],
    ['aras', { carrierShipmentId: 'nope', trackingNumber: '3400000000001' }, 's1'],
    ['aras', { carrierShipmentId: ' 1000000000000001 ' }, 's1'],
    ['kolaygelsin', { carrierShipmentId: '1000000000000001' }, null], // another carrier's key
    ['yurtici', { carrierShipmentId: '1000000000000001' }, 's5'],
    ['kolaygelsin', { carrierShipmentId: '5001' }, 's2'], // delivered rows are still found (late pushes)
    ['kolaygelsin', { referenceNo: 'R-2' }, 's2'],
    ['aras', { carrierShipmentId: '1000000000000003' }, null], // failed: never bought
    ['aras', { carrierShipmentId: '1000000000000008' }, null], // purchasing: not registered yet
    ['aras', { carrierShipmentId: '1000000000000004' }, 's4'], // cancelled: still reported by the carrier
    ['aras', { carrierShipmentId: '1000000000000006' }, 's7'], // the purchased one before a newer cancelled one
    ['aras', {}, null],
    ['aras', { carrierShipmentId: '', trackingNumber: '  ' }, null],
  ] as const)('%s %j → %s', async (carrierId, keys, expected) => {
    const found = await findTrackableByKeys(shared.db, carrierId, keys)
    expect(found?.id ?? null).toBe(expected)
    if (expected === 's2')
      expect(found).toEqual({ id: 's2', orderId: 'o-s2', carrierId: 'kolaygelsin', trackingNumber: '5001', carrierKey: '5001', trackingStatus: 'delivered' })
  })
})

describe('createWebhookSink behind the receiver (real SQLite, real HTTP)', () => {
  const KG_AUTH = { scheme: 'hash', value: 'h' } as const
  const post = (body: unknown) =>
    fetch(`${receiver!.url}/webhooks/kolaygelsin`, { method: 'POST', headers: { 'content-type': 'application/json', hash: 'h' }, body: JSON.stringify(body) })
  const event = (type: string, at: string) => ({ CargoEventType: type, ShipmentId: '5001', TimeStamp: at, LocationName: 'VARIŞ TM' })

  async function setup() {
    const db = await dbWith([{ id: 's1', carrierId: 'kolaygelsin', csid: '5001', tracking: '5001', trackingStatus: 'in_transit' }])
    const poller = new TrackingPoller(db, new Map<string, CarrierConnector>())
    // replayWindowMs 0: every post reaches the database, so the dedup below is the table's own.
    receiver = await startWebhookReceiver({ kolaygelsin: { auth: KG_AUTH }, replayWindowMs: 0, rateLimit: null, onEvents: createWebhookSink(db, poller) })
    return db
  }
  const state = (db: Db) => db.selectFrom('shipments').select(['tracking_status', 'tracking_raw_code']).where('id', '=', 's1').executeTakeFirstOrThrow()
  const events = (db: Db) => db.selectFrom('tracking_events').select(['raw_code', 'status']).where('shipment_id', '=', 's1').orderBy('at').execute()
  const updates = (db: Db) => db.selectFrom('outbox').select('payload_json').where('kind', '=', 'tracking.updated').execute()

  it('the same event posted twice is stored once and announced once', async () => {
    const db = await setup()
    for (let i = 0; i < 2; i++) expect((await post(event('29', '2026-11-25T14:00:00+03:00'))).status).toBe(200)
    expect(await events(db)).toEqual([{ raw_code: '29', status: 'delivered' }])
    expect(await state(db)).toEqual({ tracking_status: 'delivered', tracking_raw_code: '29' })
    expect((await updates(db)).map((u) => JSON.parse(u.payload_json))).toMatchObject([{ shipmentId: 's1', status: 'delivered', previous: 'in_transit' }])
    expect(receiver!.stats).toMatchObject({ stored: 2, duplicates: 0 })
  })

  it('an older event arriving after a newer one does not move the status back', async () => {
    const db = await setup()
    await post(event('29', '2026-11-25T14:00:00+03:00'))
    await post(event('18', '2026-11-25T10:00:00+03:00'))
    expect(await state(db)).toMatchObject({ tracking_status: 'delivered' })
    expect((await events(db)).map((e) => e.raw_code)).toEqual(['18', '29'])
    expect(await updates(db)).toHaveLength(1)
  })

  it('a shipment we do not have → 200, nothing written', async () => {
    const db = await setup()
    const res = await post({ ...event('29', '2026-11-25T14:00:00+03:00'), ShipmentId: '9999' })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true, stored: 0, unknown: 1 })
    expect(await db.selectFrom('tracking_events').selectAll().execute()).toEqual([])
    expect(await state(db)).toMatchObject({ tracking_status: 'in_transit' })
  })
})
