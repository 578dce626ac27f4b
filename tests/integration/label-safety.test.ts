import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { scanAllItems, startHarness, type Harness } from '../support/station-harness'
import { countRenderedLabels, decodeBarcodes, renderZplToPng } from '../support/zpl-render'

const HACK = '^XZ^XA^FO0,0^FDHACK'
let h: Harness | null = null
afterEach(async () => {
  await h?.dispose()
  h = null
})

async function packHackOrder(labelFormat: 'zpl' | 'pdf', carrierPdf: 'rasterize' | 'ownLabel' = 'ownLabel') {
  h = await startHarness({ overrides: { carriers: { comtohome: { labelFormat } }, printer: { carrierPdf } } })
  await h.addOrder({
    orderNumber: 'SIP-HACK',
    barcode: 'KJHACK',
    recipient: { name: HACK, address: 'Moda Caddesi No:18 ~DGR:EVIL', district: 'Kadıköy', city: 'İstanbul', postalCode: '34710', phone: '+905321112233' },
    lines: [{ sku: 'KUPA-01', gtin: null, name: 'Kupa ^FS~JR', quantity: 1, unitWeightGrams: 350 }],
  })
  const scan = (code: string) => h!.station.handlers['scan.submit']({ code, source: 'scanner' })
  await scan('P1001')
  await scan('KJHACK')
  await scanAllItems(h.station)
  const v = await scan('KOLI1')
  h.place(v.expectedGrams!)
  const done = await h.waitForView((x) => x.step === 'packed' || x.step === 'exception')
  if (done.step === 'exception') throw new Error(JSON.stringify(done.problem))
  const [zpl] = await h.zebra.waitForJobs(1)
  return { zpl: zpl!, barcode: done.shipment!.barcode! }
}

describe('customer data can never inject printer commands', () => {
  it('a carrier PDF is rasterized to one ^GF graphic label carrying the shipment barcode for the queue check', async () => {
    const { zpl, barcode } = await packHackOrder('pdf', 'rasterize')
    expect(zpl.match(/\^XA/g)).toHaveLength(1)
    expect(zpl).toContain('^GF')
    expect(zpl).toContain(barcode)
    expect(await countRenderedLabels(zpl, { widthMm: 101.6, heightMm: 152.4, dpmm: 8 })).toBe(1)
  }, 30_000)

  it.each(['zpl', 'pdf'] as const)(
    'carrier label format %s: one format, literal text, the right barcode',
    async (format) => {
      const { zpl, barcode } = await packHackOrder(format)
      expect(zpl.match(/\^XA/g)).toHaveLength(1)
      expect(zpl.match(/\^XZ/g)).toHaveLength(1)
      expect(zpl).not.toContain('~DGR')
      const size = { widthMm: 101.6, heightMm: 152.4, dpmm: 8 }
      expect(await countRenderedLabels(zpl, size)).toBe(1)
      const dir = mkdtempSync(join(tmpdir(), 'kj-hack-'))
      const png = join(dir, 'label.png')
      writeFileSync(png, await renderZplToPng(zpl, size))
      expect(await decodeBarcodes(png)).toContain(barcode)
      rmSync(dir, { recursive: true, force: true })
    },
    30_000,
  )
})
