import { describe, expect, it } from 'vitest'
import { CloudEventPayloads } from '../../../shared/contract/cloud'
import { OutboxKind, appendOutbox, pendingOutbox } from './outbox.repository'
import { stationFileEachTest } from '../../../tests/support/station-db'

describe('appendOutbox', () => {
  const station = stationFileEachTest('kj-outbox-')

  it('stores a payload the cloud contract accepts for its kind, extra fields kept', async () => {
    const { db } = await station.open()
    await appendOutbox(db, OutboxKind.shipmentCreated, null, { shipmentId: 's1', trackingNumber: 'T1', costKurus: 4_250, orderNumber: 'KJ1' })
    const [row] = await pendingOutbox(db, 10)
    expect(row?.kind).toBe('shipment.created')
    const parsed = CloudEventPayloads['shipment.created'].safeParse(JSON.parse(row?.payload_json ?? 'null'))
    expect(parsed.success).toBe(true)
    expect(parsed.data?.['orderNumber']).toBe('KJ1')
  })

  it('refuses at compile time a payload the cloud would refuse (npm test type-checks this file)', async () => {
    const { db } = await station.open()
    const wrong = [
      // @ts-expect-error trackingNumber is required for shipment.created
      () => appendOutbox(db, OutboxKind.shipmentCreated, null, { shipmentId: 's1' }),
      // @ts-expect-error costKurus is a number of kuruş, not text
      () => appendOutbox(db, OutboxKind.shipmentCreated, null, { shipmentId: 's1', trackingNumber: 'T1', costKurus: '42,50' }),
      // @ts-expect-error a tracking update needs its status
      () => appendOutbox(db, OutboxKind.trackingUpdated, null, { trackingNumber: 'T1', status: null }),
      // @ts-expect-error not an event kind of the cloud contract
      () => appendOutbox(db, 'order.lost', null, {}),
    ]
    expect(wrong).toHaveLength(4) // never called: the point is that tsc refuses each line
  })
})
