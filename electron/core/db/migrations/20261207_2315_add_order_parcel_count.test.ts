import { describe, expect, it } from 'vitest'
import { orderRow, stationFileEachTest } from '../../../../tests/support/station-db'
import { getOrder, insertOrder } from '../../orders/orders.repository'

const NAME = '20261207_2315_add_order_parcel_count'
const station = stationFileEachTest('kj-mig-parcels-')
const recipient = { name: 'Ayşe', address: 'Atatürk Cd. 1', district: 'Kadıköy', city: 'İstanbul', postalCode: null, phone: null }

describe(NAME, () => {
  it('gives every order already there one parcel, and keeps the count a new order brings', async () => {
    const opened = await station.migrateOrders(NAME, [orderRow({ id: 'o1', order_number: 'SIP-1', barcode: 'KJ1', status: 'open' })])
    expect((await getOrder(opened.db, 'o1'))?.parcelCount).toBe(1)
    const id = await insertOrder(opened.db, { orderNumber: 'SIP-2', barcode: 'KJ2', recipient, parcelCount: 3, lines: [] })
    expect((await getOrder(opened.db, id))?.parcelCount).toBe(3)
  })

  it('refuses a count outside 1…99', async () => {
    const opened = await station.open()
    await expect(insertOrder(opened.db, { orderNumber: 'SIP-3', barcode: 'KJ3', recipient, parcelCount: 0, lines: [] })).rejects.toThrow(/CHECK constraint/)
  })
})
