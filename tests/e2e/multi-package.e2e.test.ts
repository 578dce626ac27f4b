import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { checkScanBack } from '../../electron/core/packing/scan-back.rules'
import { DEMO_MULTI_PARCELS } from '../../sandbox/cloud/demo-orders'
import { seriousAxeViolations } from '../support/axe'
import { eventually } from '../support/wait-for'
import { decodeBarcodes, renderZplToPng } from '../support/zpl-render'
import { E2E_ARTIFACTS as ARTIFACTS } from './pages/chromium'
import { scanDemoOrder } from './pages/demo-desk'
import { demoDeskForFile, signedInDemoPage } from './pages/file-demo-desk'

/**
 * Issue 12, "Multi-package orders", by scanner input only in Chromium at 1366×768: the demo's KJ1007 ships in three
 * parcels. Each is boxed (its box scanned) and weighed on the demo scale; the desk shows "Koli 1/3"…, buys one
 * ComToHome consignment of three pieces and prints three labels marked KOLİ 1/3…3/3, each carrying the shipment's
 * barcode as the desk's scan-back rule reads it; KJREPRINT and a digit reprint one parcel. axe finds nothing serious.
 */
const demo = demoDeskForFile('parcels')
const SCREENSHOTS = resolve(import.meta.dirname, '../../docs/screenshots')
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const
const BOXES = ['KOLI1', 'KOLI2', 'KOLI3'] as const

async function expectAxeClean(page: Page, what: string): Promise<void> {
  const found = (await seriousAxeViolations(page)).map((v) => `axe ${v.id} (${v.impact}): ${v.targets.join(', ')}`)
  expect(found, what).toEqual([])
}

/** The parcel screen at both sizes, axe-checked at each, into docs/screenshots/multi-package-<w>x<h>.png. */
async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  for (const size of SIZES) {
    await page.setViewportSize(size)
    await expectAxeClean(page, `${name} at ${size.width}×${size.height}`)
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size.width}x${size.height}.png`) })
  }
  await page.setViewportSize(SIZES[0])
}

describe('a multi-package order in Chromium, scanner only', () => {
  it('KJ1007: three parcels boxed and weighed → one consignment, three labels KOLİ 1/3…3/3, each with the shipment barcode; one parcel reprinted', async () => {
    const { page, desk } = await signedInDemoPage(demo, 'P1001')
    const counter = page.getByTestId('parcel-counter')
    const parcels = page.getByTestId('parcels')

    await scanDemoOrder(desk, 'KJ1007')
    await counter.waitFor({ timeout: 15_000 })
    expect(await parcels.getAttribute('data-count')).toBe(String(DEMO_MULTI_PARCELS))
    expect(await counter.innerText()).toContain('Koli 1/3')
    await expectAxeClean(page, 'parcel 1 of 3, choosing its box')

    for (const [i, box] of BOXES.entries()) {
      await desk.scan(box) // demo mode puts the parcel on the simulated scale
      if (i < BOXES.length - 1) {
        await page.getByTestId(`parcel-${i + 1}`).waitFor({ timeout: 15_000 })
        expect(await counter.innerText()).toContain(`Koli ${i + 2}/3`)
        expect((await desk.notice())?.text).toContain(`Koli ${i + 1}/3 tartıldı`)
        expect(await desk.step()).toBe('itemsVerified')
        if (i === 1) await screenshots(page, 'multi-package')
      }
    }
    await desk.waitForStep('packed').catch(async (err) => {
      await page.screenshot({ path: join(ARTIFACTS, 'multi-package-failed.png') })
      throw err
    })
    // The label's barcode: shown apart when it is not the tracking number (ComToHome's provider barcode is both).
    const barcodeShown = page.getByTestId('shipment-barcode')
    const barcode = (await barcodeShown.count()) > 0 ? (await barcodeShown.innerText()).trim() : (await desk.trackingNumber())!
    expect(await page.getByTestId('parcel-3').innerText()).toContain('KOLI3')
    await expectAxeClean(page, 'packed, three parcels')

    const labelsDir = join(demo.dir, 'printed-labels')
    const files = await eventually(
      async () => readdirSync(labelsDir).sort(),
      (f) => f.length >= 3,
    )
    expect(files).toHaveLength(3)
    const labels = files.map((f) => readFileSync(join(labelsDir, f), 'utf8'))
    expect(labels.map((zpl) => /KOLİ (\d)\/3/.exec(zpl)?.[1]).sort()).toEqual(['1', '2', '3'])
    for (const [i, zpl] of labels.entries()) {
      const png = join(ARTIFACTS, `parcel-label-${i + 1}.png`)
      writeFileSync(png, await renderZplToPng(zpl, { widthMm: 101.6, heightMm: 152.4, dpmm: 8 }))
      const decoded = await decodeBarcodes(png)
      expect(decoded.some((code) => checkScanBack(barcode, code) === null)).toBe(true)
    }

    await desk.scan('KJREPRINT') // which parcel? the next digit answers
    await page.getByTestId('parcel-reprint-pick').waitFor({ timeout: 15_000 })
    await expectAxeClean(page, 'reprint: which parcel')
    await desk.scan('2')
    expect((await desk.notice())?.text).toContain('Koli 2/3 etiketi yeniden yazdırıldı')
    const after = await eventually(
      async () => readdirSync(labelsDir),
      (f) => f.length >= 4,
    )
    const reprinted = after.filter((f) => !files.includes(f)).map((f) => readFileSync(join(labelsDir, f), 'utf8'))
    expect(reprinted).toHaveLength(1)
    expect(reprinted[0]).toContain('KOLİ 2/3')
    await page.close()
  }, 120_000)
})
