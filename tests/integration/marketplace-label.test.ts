import { afterEach, describe, expect, it } from 'vitest'
import { DEMO_PRODUCTS } from '../../sandbox/cloud/demo-orders'
import { marketplaceLabelZpl } from '../../sandbox/cloud/reference/order-generator'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { decodeBarcodes, renderZplToPng } from '../support/zpl-render'
import { FAST_WEIGHING, packOrder, startHarness, type Harness } from '../support/station-harness'

let h: Harness | null = null
afterEach(async () => {
  await h?.dispose()
  h = null
})

const recipient = { name: 'Ayşe Yıldız', address: 'Moda Caddesi No:18 D:2', district: 'Kadıköy', city: 'İstanbul', postalCode: '34710', phone: '+905321112233' }
const p = DEMO_PRODUCTS[0]
const lines = [{ sku: p.sku, gtin: p.gtin, name: p.name, quantity: 1, unitWeightGrams: p.unitWeightGrams }]

async function addOrder(harness: Harness, n: number, zpl: string | null) {
  await harness.addOrder({ orderNumber: `TY-${n}`, barcode: `TY${n}`, marketplace: 'Trendyol', recipient, lines, marketplaceLabelZpl: zpl })
}

describe('marketplace-issued labels in the packing flow', () => {
  it('prints the label that came with the order, untouched, buys nothing and records its barcode', async () => {
    h = await startHarness({ overrides: FAST_WEIGHING })
    const zpl = marketplaceLabelZpl({ orderNumber: 'TY-1', marketplace: 'Trendyol', recipient }, '7330000000011')
    await addOrder(h, 1, zpl)
    await h.station.handlers['scan.submit']({ code: 'P1001', source: 'scanner' })
    const v = await packOrder(h, 'TY1', 'KOLI1')
    expect(v.problem).toBeNull()
    expect(v.chosen).toMatchObject({ carrierId: 'marketplace', priceKurus: null })
    expect(v.shipment).toMatchObject({ barcode: '7330000000011', trackingNumber: '7330000000011' })
    const [printed] = await h.zebra.waitForJobs(1)
    expect(printed?.trim()).toBe(zpl.trim())
    const dir = mkdtempSync(join(tmpdir(), 'kj-mp-'))
    try {
      writeFileSync(join(dir, 'label.png'), await renderZplToPng(printed!, { widthMm: 100, heightMm: 150, dpmm: 8 }))
      expect(await decodeBarcodes(join(dir, 'label.png'))).toContain('7330000000011')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    expect(h.carrier.consignments).toHaveLength(0) // nothing bought from ComToHome
    const created = await h.station.database.db.selectFrom('outbox').select('payload_json').where('kind', '=', 'shipment.created').execute()
    expect(JSON.parse(created[0]!.payload_json)).toMatchObject({ carrierId: 'marketplace', trackingNumber: '7330000000011' })
  }, 30_000)

  it('stops on a marketplace label without a barcode, printing nothing', async () => {
    h = await startHarness({ overrides: FAST_WEIGHING })
    await addOrder(h, 2, '^XA^FO40,40^A0N,44,44^FDno barcode here^FS^XZ')
    await h.station.handlers['scan.submit']({ code: 'P1001', source: 'scanner' })
    const v = await packOrder(h, 'TY2', 'KOLI1')
    expect(v.problem?.code).toBe('carrier.badResponse')
    expect(h.zebra.jobs).toHaveLength(0)
  }, 30_000)
})
