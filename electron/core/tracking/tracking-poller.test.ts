import { describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../../shared/errors'
import type { CarrierConnector, TrackingEvent } from '../carriers/carrier.port'
import { TrackingPoller } from './tracking-poller'
import { insertShipmentWithOrder, stationFileEachTest } from '../../../tests/support/station-db'

const station = stationFileEachTest('kj-track-')

async function dbWithShipments(rows: { id: string; carrierId: string; tracking: string }[]) {
  const { db } = await station.open()
  for (const r of rows) await insertShipmentWithOrder(db, r.id, r.carrierId, { tracking_number: r.tracking })
  return db
}

const ev = (status: TrackingEvent['status'], rawCode: string, at: string): TrackingEvent => ({ status, rawCode, rawText: rawCode, at, location: null })

describe('TrackingPoller', () => {
  it('uses the batch call where a carrier has one, and one carrier failing does not stop another', async () => {
    const db = await dbWithShipments([
      { id: 's1', carrierId: 'hepsijet', tracking: 'HJ1' },
      { id: 's2', carrierId: 'hepsijet', tracking: 'HJ2' },
      { id: 's3', carrierId: 'down', tracking: 'D1' },
    ])
    const batches: string[][] = []
    const hj = {
      // Batched because HepsiJET's declaration says so (carrier-capabilities.ts).
      id: 'hepsijet',
      displayName: 'HJ',
      createShipment: () => Promise.reject(new Error('unused')),
      trackMany: async (numbers: readonly string[]) => {
        batches.push([...numbers])
        return new Map([
          ['HJ1', [ev('created', 'NEO', '2026-11-25T08:00:00Z'), ev('delivered', 'DELIVERED', '2026-11-26T08:00:00Z')]],
          ['HJ2', [ev(null, 'WEIRD', '2026-11-25T08:00:00Z')]],
        ])
      },
    }
    const down: CarrierConnector = {
      id: 'down',
      displayName: 'Down',
      createShipment: () => Promise.reject(new Error('unused')),
      track: () => Promise.reject(new AppError(ErrorCode.carrierUnavailable, 'HTTP 503', { retryable: true })),
    }
    const poller = new TrackingPoller(
      db,
      new Map<string, CarrierConnector>([
        ['hepsijet', hj],
        ['down', down],
      ]),
      { minIntervalMs: 0 },
    )
    const pass = await poller.pollOnce()
    expect(batches).toEqual([['HJ1', 'HJ2']])
    expect(pass).toMatchObject({ asked: 2, changed: 1, failed: [{ carrierId: 'down' }] })
    const rows = await db.selectFrom('shipments').select(['id', 'tracking_status']).orderBy('id').execute()
    expect(rows).toEqual([
      { id: 's1', tracking_status: 'delivered' },
      { id: 's2', tracking_status: null }, // an unknown code is kept raw, never guessed
      { id: 's3', tracking_status: null },
    ])
    expect(await db.selectFrom('tracking_events').select('raw_code').where('shipment_id', '=', 's2').execute()).toEqual([{ raw_code: 'WEIRD' }])
    await poller.pollOnce()
    expect(batches[1]).toEqual(['HJ2']) // delivered is no longer asked
  })

  it("the carrier's own present state (Yurtiçi operationStatus) decides over a later scan; the timeline keeps the scan", async () => {
    const db = await dbWithShipments([{ id: 'y1', carrierId: 'yurtici', tracking: 'KJY1' }])
    const yk: CarrierConnector = {
      id: 'yurtici',
      displayName: 'Yurtiçi',
      createShipment: () => Promise.reject(new Error('unused')),
      track: async () => [
        { ...ev('delivered', 'operationStatus=DLV', '2026-11-26T08:00:00Z'), current: true },
        ev('in_transit', 'eventId=YK', '2026-11-26T15:00:00Z'),
      ],
    }
    await new TrackingPoller(db, new Map([['yurtici', yk]]), { minIntervalMs: 0 }).pollOnce()
    expect(await db.selectFrom('shipments').select('tracking_status').where('id', '=', 'y1').executeTakeFirst()).toEqual({ tracking_status: 'delivered' })
    expect((await db.selectFrom('tracking_events').select('raw_code').where('shipment_id', '=', 'y1').orderBy('at').execute()).map((r) => r.raw_code)).toEqual([
      'operationStatus=DLV',
      'eventId=YK',
    ])
  })
})
