import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { demoOrders } from '../../sandbox/cloud/demo-orders'
import { eventually } from '../support/wait-for'
import { decodeBarcodes, renderZplToPng } from '../support/zpl-render'
import { E2E_ARTIFACTS as ARTIFACTS } from './pages/chromium'
import { demoDeskForFile, signedInDemoPage } from './pages/file-demo-desk'

const demo = demoDeskForFile('pack')

describe('packing a demo order in Chromium, typing scanner input', () => {
  it('badge → order → items → box → weight → label printed with the shipment barcode and the Turkish name under ^CI28', async () => {
    const { page, desk } = await signedInDemoPage(demo, 'P1001')

    const order = demoOrders().find((o) => o.barcode === 'KJ1001')!
    await desk.scan(order.barcode)
    expect(await desk.orderNumber()).toBe(order.orderNumber)
    // The claim at the cloud is on screen as a chip (granted: the demo's cloud is up).
    expect(await page.getByTestId('claim').getAttribute('data-state')).toBe('granted')
    expect(await page.getByTestId('claim').textContent()).toMatch(/Bulutta ayrıldı|Claimed in the cloud/)
    await desk.scan('8690000010018') // a misread: wrong check digit
    expect(await desk.problemCode()).toBe('scan.malformed')
    for (const line of order.lines) for (let i = 0; i < line.quantity; i++) await desk.scan(line.gtin!)
    await desk.waitForStep('itemsVerified')
    // The towels do not fit the small box: the desk suggests the medium one, and marks it in the list.
    const suggestion = page.getByTestId('box-suggestion')
    await suggestion.waitFor({ timeout: 15_000 })
    expect(await suggestion.getAttribute('data-code')).toBe('KOLI2')
    expect(await page.locator('[data-testid="box-option"][data-code="KOLI1"]').getAttribute('data-fits')).toBe('false')
    await page.screenshot({ path: join(ARTIFACTS, 'box-suggestion.png') })
    await desk.scan('KOLI2') // demo mode puts the parcel on the simulated scale
    await desk.waitForStep('packed').catch(async (err) => {
      await page.screenshot({ path: join(ARTIFACTS, 'failed.png') })
      throw err
    })
    const tracking = await desk.trackingNumber()
    expect(tracking).toMatch(/\S+/)
    await page.screenshot({ path: join(ARTIFACTS, 'packed.png') })

    const labelsDir = join(demo.dir, 'printed-labels')
    const files = await eventually(
      async () => readdirSync(labelsDir),
      (f) => f.length > 0,
    )
    expect(files).toHaveLength(1)
    const zpl = readFileSync(join(labelsDir, files[0]!), 'utf8')
    expect(zpl).toContain('^CI28')
    expect(Buffer.from(zpl, 'utf8').includes(Buffer.from(order.recipient.name, 'utf8'))).toBe(true)
    const png = join(ARTIFACTS, 'label.png')
    writeFileSync(png, await renderZplToPng(zpl, { widthMm: 101.6, heightMm: 152.4, dpmm: 8 }))
    expect(await decodeBarcodes(png)).toContain(tracking)

    // The next order can start at once, with no mouse.
    await desk.scan('KJ1002')
    expect(await desk.orderNumber()).toBe('SIP-1002')
    await page.close()
  }, 90_000)
})
