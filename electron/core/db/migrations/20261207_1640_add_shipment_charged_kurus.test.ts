import { describe, expect, it } from 'vitest'
import { orderRow, stationFileEachTest } from '../../../../tests/support/station-db'

const NAME = '20261207_1640_add_shipment_charged_kurus'
const station = stationFileEachTest('kj-mig-price-')

const shipment = (id: string, status: string, quoted: number | null, cost: number | null) => ({
  id,
  // One order each: a partial unique index allows one live shipment per order.
  order_id: `o-${id}`,
  carrier_id: 'comtohome',
  service_code: 'provider:5',
  status: status as 'purchased',
  idempotency_key: `kj-${id}`,
  reference_no: `r-${id}`,
  request_json: '{}',
  quoted_kurus: quoted,
  cost_kurus: cost,
})

describe(NAME, () => {
  it('moves the carrier figure of bought shipments to charged_kurus and makes the quoted card price their cost', async () => {
    const old = await station.openBefore(NAME)
    for (const n of [1, 2, 3, 4, 5]) {
      await old.db
        .insertInto('orders')
        .values(orderRow({ id: `o-s${n}`, order_number: `SIP-${n}`, barcode: `KJ${n}`, status: 'packed' }))
        .execute()
    }
    // The Sürat parcel: 121,00 TL compared, 95,98 TL from ComToHome stored as the cost.
    await old.db
      .insertInto('shipments')
      .values(shipment('s1', 'cancelled', 12100, 9598))
      .execute()
    await old.db
      .insertInto('shipments')
      .values(shipment('s2', 'purchased', null, 4000))
      .execute() // a marketplace label: no card price
    await old.db
      .insertInto('shipments')
      .values(shipment('s3', 'purchased', 5000, null))
      .execute() // a carrier that names no price
    await old.db
      .insertInto('shipments')
      .values(shipment('s4', 'purchasing', 7000, null))
      .execute()
    await old.db
      .insertInto('shipments')
      .values(shipment('s5', 'failed', 7000, null))
      .execute()
    await old.close()

    const opened = await station.open()
    expect(opened.backupPath).not.toBeNull()
    const rows = await opened.db.selectFrom('shipments').select(['id', 'quoted_kurus', 'cost_kurus', 'charged_kurus']).orderBy('id').execute()
    expect(rows).toEqual([
      { id: 's1', quoted_kurus: 12100, cost_kurus: 12100, charged_kurus: 9598 },
      { id: 's2', quoted_kurus: null, cost_kurus: 4000, charged_kurus: 4000 },
      { id: 's3', quoted_kurus: 5000, cost_kurus: 5000, charged_kurus: null },
      { id: 's4', quoted_kurus: 7000, cost_kurus: null, charged_kurus: null },
      { id: 's5', quoted_kurus: 7000, cost_kurus: null, charged_kurus: null },
    ])
    expect(opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('migrates a fresh database: the column is there and nullable', async () => {
    const opened = await station.open()
    expect(opened.backupPath).toBeNull()
    const cols = opened.sqlite.prepare(`select name, "notnull" as required from pragma_table_info('shipments') where name = 'charged_kurus'`).all()
    expect(cols).toEqual([{ name: 'charged_kurus', required: 0 }])
  })
})
