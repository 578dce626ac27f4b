import { describe, expect, it } from 'vitest'
import { orderRow, stationFileEachTest } from '../../../../tests/support/station-db'

const NAME = '20261207_2030_create_search_index'
const station = stationFileEachTest('kj-mig-search-')

describe(NAME, () => {
  it('indexes the orders and shipments already there (backfill)', async () => {
    const old = await station.openBefore(NAME)
    await old.db
      .insertInto('orders')
      .values(
        orderRow({
          id: 'o1',
          order_number: 'SIP-1',
          barcode: 'KJ1',
          status: 'packed',
          recipient_json: JSON.stringify({ name: 'IŞIK Yılmaz', phone: '0532 123 45 67' }),
        }),
      )
      .execute()
    await old.db
      .insertInto('shipments')
      .values({
        id: 's1',
        order_id: 'o1',
        carrier_id: 'aras',
        service_code: 'aras:std',
        status: 'purchased',
        idempotency_key: 'k1',
        reference_no: 'r1',
        request_json: '{}',
        tracking_number: '4455667788',
        barcode: null,
      })
      .execute()
    await old.close()

    const opened = await station.open()
    const find = (q: string) => opened.sqlite.prepare(`select order_id from order_search where order_search match ?`).all(q)
    expect(find('"isik"')).toEqual([{ order_id: 'o1' }])
    expect(find('"yilmaz"')).toEqual([{ order_id: 'o1' }])
    expect(find('"5321234567"')).toEqual([{ order_id: 'o1' }])
    expect(find('"4455667788"')).toEqual([{ order_id: 'o1' }])
    expect(opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })
})
