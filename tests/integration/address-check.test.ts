import { afterEach, describe, expect, it } from 'vitest'
import { DEMO_PRODUCTS } from '../../sandbox/cloud/demo-orders'
import type { NewOrder } from '../../electron/core/orders/orders.repository'
import { FAST_WEIGHING, scanAllItems, startHarness, type Harness } from '../support/station-harness'

let h: Harness | null = null
afterEach(async () => {
  await h?.dispose()
  h = null
})

const p = DEMO_PRODUCTS[0]
const lines = [{ sku: p.sku, gtin: p.gtin, name: p.name, quantity: 1, unitWeightGrams: p.unitWeightGrams }]

/** An il/ilçe that matches nothing, and a misspelt one. */
const NOWHERE: NewOrder['recipient'] = {
  name: 'Ali Veli',
  address: 'Bir Sokak 1',
  district: 'Hiçbiryer',
  city: 'Atlantis',
  postalCode: null,
  phone: '05321112233',
}
const MISSPELT: NewOrder['recipient'] = {
  name: 'Ayşe Yıldız',
  address: 'Moda Cd. 18',
  district: 'Kadkoy',
  city: 'istanbul',
  postalCode: '34710',
  phone: '05321112233',
}

/** Adds order ADR<n> (one demo item) for `recipient` to the harness's cloud; resolves with the order's id. */
function addAdrOrder(harness: Harness, n: number, recipient: NewOrder['recipient']): Promise<string> {
  return harness.addOrder({ orderNumber: `ADR-${n}`, barcode: `ADR${n}`, recipient, lines })
}

async function packUntilStop(harness: Harness, code: string) {
  const scan = (c: string) => harness.station.handlers['scan.submit']({ code: c, source: 'scanner' })
  await scan('P1001')
  await scan(code)
  await scanAllItems(harness.station)
  const v = await scan('KOLI1')
  harness.place(v.expectedGrams!)
  return harness.waitForView((x) => x.step === 'packed' || x.problem !== null)
}

describe('address check before any label is bought', () => {
  it('an il/ilçe that matches nothing stops the packer, queues the order as an exception and buys nothing', async () => {
    h = await startHarness({ overrides: FAST_WEIGHING })
    const db = h.station.database.db
    const id = await addAdrOrder(h, 1, NOWHERE)
    const v = await packUntilStop(h, 'ADR1')
    expect(v.problem?.code).toBe('address.unresolved')
    expect(v.problem?.message).toMatch(/Atlantis/)
    expect(h.carrier.consignments).toHaveLength(0)
    expect(h.zebra.jobs).toHaveLength(0)
    expect((await db.selectFrom('orders').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('exception')
    const report = await h.station.handlers['reports.summary']({})
    expect(report.exceptions.map((e) => e.action)).toContain('order.addressUnresolved')

    // A supervisor who checked the address lets it go as written: now the carrier itself is asked (and refuses it too).
    await h.station.handlers['packing.override']({ supervisorBadge: 'S9001', reason: 'müşteri ile teyit edildi' }).catch(() => undefined)
    const done = await h.waitForView((x) => x.step === 'packed' || (x.problem !== null && x.problem.code !== 'address.unresolved'))
    expect(done.problem?.code).toBe('carrier.addressUnresolved')
    expect(h.carrier.requests.length).toBeGreaterThan(0)
    expect(h.carrier.consignments).toHaveLength(0)
  }, 30_000)

  it('a misspelt il/ilçe goes to the carrier as the official names, and the correction is audited', async () => {
    h = await startHarness({ overrides: FAST_WEIGHING })
    const db = h.station.database.db
    const id = await addAdrOrder(h, 2, MISSPELT)
    const v = await packUntilStop(h, 'ADR2')
    expect(v.problem).toBeNull()
    const body = h.carrier.consignments[0]!.body as { consignee: { state: string; city: string } }
    expect(body.consignee).toMatchObject({ state: 'İstanbul', city: 'Kadıköy' })
    const audit = await db.selectFrom('audit_log').select('action').where('order_id', '=', id).execute()
    expect(audit.map((a) => a.action)).toContain('order.addressCorrected')
  }, 30_000)
})
