import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startYurticiEmulator, type YurticiEmulator } from '../../sandbox/yurtici/yurtici.emulator'
import { disposeAfterEach } from '../support/dispose-after-each'
import { ownCard } from '../support/rate-cards'
import { FAST_WEIGHING, scanAllItems, startHarness, startYurticiHarness, type Harness } from '../support/station-harness'
import { decodeBarcodes, renderZplToPng } from '../support/zpl-render'

let h: Harness | null = null
let yk: YurticiEmulator | null = null
let dir = ''
disposeAfterEach(
  () => [h, yk, dir],
  () => (h = yk = null),
)

describe('end-of-day manifest', () => {
  it("lists the day's Yurtiçi shipments as a PDF and on the Zebra, with scannable tracking numbers", async () => {
    yk = await startYurticiEmulator()
    h = await startYurticiHarness(yk, { carriers: { tracking: { enabled: false } }, ...FAST_WEIGHING })
    const scan = (c: string) => h!.station.handlers['scan.submit']({ code: c, source: 'scanner' })
    await scan('P1001')
    const barcodes: string[] = []
    for (const code of ['KJ1001', 'KJ1002']) {
      await scan(code)
      await scanAllItems(h.station)
      const v = await scan('KOLI2')
      h.place(v.expectedGrams!)
      const done = await h.waitForView((x) => (x.step === 'packed' && x.order?.barcode === code) || x.problem !== null)
      expect(done.problem).toBeNull()
      barcodes.push(done.shipment!.barcode!)
      h.place(0)
    }
    const built = await h.station.handlers['manifests.build']({ carrierId: 'yurtici' })
    expect(built.manifest.totals).toMatchObject({ shipments: 2, packages: 2 })
    expect(built.manifest.lines.map((l) => l.trackingNumber)).toEqual(barcodes)

    const mupdf = await import('mupdf')
    const pdf = mupdf.Document.openDocument(Buffer.from(built.pdfBase64!, 'base64'), 'application/pdf')
    const text = pdf.loadPage(0).toStructuredText('preserve-whitespace').asText()
    expect(text).toContain('Yurtiçi Kargo')
    for (const b of barcodes) expect(text).toContain(b)
    expect(text).toContain('Ğülşen') // Turkish letters survive in the PDF text

    const before = h.zebra.jobs.length
    await h.station.handlers['manifests.print']({ carrierId: 'yurtici' })
    const [zpl] = (await h.zebra.waitForJobs(before + 1)).slice(before)
    dir = mkdtempSync(join(tmpdir(), 'kj-manifest-'))
    writeFileSync(join(dir, 'manifest.png'), await renderZplToPng(zpl!, { widthMm: 100, heightMm: 150, dpmm: 8 }))
    expect((await decodeBarcodes(join(dir, 'manifest.png'))).sort()).toEqual([...barcodes].sort())
  }, 30_000)

  it('refuses a carrier the desk does not have', async () => {
    h = await startHarness()
    await expect(h.station.handlers['manifests.build']({ carrierId: 'nope' })).rejects.toMatchObject({ code: 'input.invalid' })
  })
})

describe('courier pickup', () => {
  it("asks PTT for a courier for today's parcels; a carrier without pickups says so", async () => {
    const { startPttEmulator } = await import('../../sandbox/ptt/ptt.emulator')
    const { SAMPLE_PTT_CREDENTIALS, SAMPLE_PTT_RANGE } = await import('../../sandbox/ptt/ptt.fixtures')
    const ptt = await startPttEmulator()
    try {
      h = await startHarness({
        overrides: {
          carriers: {
            ptt: { enabled: true, origin: ptt.origin, credentials: { ...SAMPLE_PTT_CREDENTIALS }, barcodeRange: SAMPLE_PTT_RANGE },
            tracking: { enabled: false },
          },
          rateCards: [ownCard({ carrierId: 'ptt', serviceCode: 'MH', name: 'PTT Kargo' })],
          ...FAST_WEIGHING,
        },
      })
      const scan = (c: string) => h!.station.handlers['scan.submit']({ code: c, source: 'scanner' })
      await scan('P1001')
      await scan('KJ1002')
      await scanAllItems(h.station)
      const v = await scan('KOLI2')
      h.place(v.expectedGrams!)
      expect((await h.waitForView((x) => x.step === 'packed' || x.problem !== null)).problem).toBeNull()
      const r = await h.station.handlers['carriers.requestPickup']({ carrierId: 'ptt' })
      expect(r).toMatchObject({ carrierId: 'ptt', parcels: 1 })
      expect(r.pickupId).not.toBe('')
      expect(ptt.pickups).toHaveLength(1)
      await expect(h.station.handlers['carriers.requestPickup']({ carrierId: 'comtohome' })).rejects.toMatchObject({ code: 'input.invalid' })
    } finally {
      await ptt.close()
    }
  }, 30_000)
})
