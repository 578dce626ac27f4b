import { describe, expect, it } from 'vitest'
import { memoryStationEachTest, orderRow } from '../../../tests/support/station-db'
import { searchMatch, searchShipments } from './shipment-search'

const opened = memoryStationEachTest()

const names = new Map([['yurtici:std', 'Yurtiçi Kargo']])

async function order(n: number, name: string, phone: string | null): Promise<void> {
  await opened()
    .db.insertInto('orders')
    .values(orderRow({ id: `o${n}`, order_number: `SIP-${n}`, barcode: `KJ${n}`, status: 'packed', recipient_json: JSON.stringify({ name, phone }) }))
    .execute()
}

async function shipment(id: string, orderN: number, status: 'purchased' | 'cancelled', tracking: string | null): Promise<void> {
  await opened()
    .db.insertInto('shipments')
    .values({
      id,
      order_id: `o${orderN}`,
      carrier_id: 'yurtici',
      service_code: 'yurtici:std',
      status,
      idempotency_key: `k-${id}`,
      reference_no: `r-${id}`,
      request_json: '{}',
      tracking_number: tracking,
      barcode: tracking ? `B${tracking}` : null,
    })
    .execute()
}

const search = (q: string) => searchShipments(opened().db, q, names)

describe('searchMatch', () => {
  it('makes every word a required prefix, folds ı and İ, and drops quotes and punctuation-only words', () => {
    // ı and İ become i; the rest (I, ş…) the tokenizer folds itself.
    expect(searchMatch('Işık  YILMAZ')).toBe('"Işik"* "YILMAZ"*')
    expect(searchMatch('"a" -')).toBe('"a"*')
    expect(searchMatch('  - . ')).toBeNull()
  })

  it('reads a phone number written any common way as its ten digits', () => {
    expect(searchMatch('+90 (532) 123 45 67')).toBe('"5321234567"*')
    expect(searchMatch('0532 123 45 67')).toBe('"5321234567"*')
  })
})

describe('searchShipments (FTS5, kept in step by triggers)', () => {
  it('finds an order by recipient name with Turkish case folding: "ışık" finds IŞIK and "İPEK" finds ipek', async () => {
    await order(1, 'IŞIK YILMAZ', null)
    await order(2, 'ipek kaya', null)
    await order(3, 'Ayşe Demir', null)
    expect((await search('ışık')).map((h) => h.orderNumber)).toEqual(['SIP-1'])
    expect((await search('IŞIK')).map((h) => h.orderNumber)).toEqual(['SIP-1'])
    expect((await search('isik yıl')).map((h) => h.orderNumber)).toEqual(['SIP-1'])
    expect((await search('İPEK')).map((h) => h.orderNumber)).toEqual(['SIP-2'])
    expect((await search('ayse')).map((h) => h.orderNumber)).toEqual(['SIP-3'])
  })

  it('finds by order number, tracking number (and its label barcode) and phone, with the live shipment', async () => {
    await order(1, 'Ali Veli', '0532 123 45 67')
    await order(2, 'Can Er', '+905551112233')
    await shipment('s1', 1, 'purchased', '7001234567')
    expect(await search('7001234567')).toEqual([
      {
        orderId: 'o1',
        orderNumber: 'SIP-1',
        orderBarcode: 'KJ1',
        orderStatus: 'packed',
        recipientName: 'Ali Veli',
        shipmentId: 's1',
        trackingNumber: '7001234567',
        shipmentStatus: 'purchased',
        carrierName: 'Yurtiçi Kargo',
      },
    ])
    expect((await search('B7001234567')).map((h) => h.shipmentId)).toEqual(['s1'])
    expect((await search('SIP-2')).map((h) => [h.orderNumber, h.shipmentId])).toEqual([['SIP-2', null]])
    expect((await search('0555 111 22 33')).map((h) => h.orderNumber)).toEqual(['SIP-2'])
    expect((await search('532 123')).map((h) => h.orderNumber)).toEqual(['SIP-1'])
  })

  it('follows a void and a new label: the old tracking number still finds the order, which now shows its live shipment', async () => {
    await order(1, 'Ali Veli', null)
    await shipment('s1', 1, 'purchased', 'T1')
    await opened().db.updateTable('shipments').set({ status: 'cancelled' }).where('id', '=', 's1').execute()
    await shipment('s2', 1, 'purchased', 'T2')
    expect((await search('T1')).map((h) => h.shipmentId)).toEqual(['s2'])
    expect((await search('T2')).map((h) => h.shipmentId)).toEqual(['s2'])
  })

  it('re-indexes an order whose recipient changes and forgets a deleted one', async () => {
    await order(1, 'Ali Veli', null)
    await opened()
      .db.updateTable('orders')
      .set({ recipient_json: JSON.stringify({ name: 'Zeynep Şahin', phone: null }) })
      .where('id', '=', 'o1')
      .execute()
    expect(await search('ali')).toEqual([])
    expect((await search('şahin')).map((h) => h.orderNumber)).toEqual(['SIP-1'])
    await opened().db.deleteFrom('orders').where('id', '=', 'o1').execute()
    expect(await search('sahin')).toEqual([])
    expect(opened().sqlite.prepare(`select count(*) as n from order_search`).get()).toEqual({ n: 0 })
  })

  it('returns at most ten, and nothing for an empty or punctuation-only query', async () => {
    for (let n = 1; n <= 12; n++) await order(n, `Mehmet ${n}`, null)
    expect(await search('mehmet')).toHaveLength(10)
    expect(await search(' - ')).toEqual([])
  })
})
