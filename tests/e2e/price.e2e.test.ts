import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { E2E_ARTIFACTS as ARTIFACTS } from './pages/chromium'
import { scanDemoOrder } from './pages/demo-desk'
import { demoDeskForFile, signedInDemoPage } from './pages/file-demo-desk'
import { SettingsPage } from './pages/settings.page'

const demo = demoDeskForFile('price')

/** "1.234,56 TL" → 123456 */
const kurus = (text: string | null) => Number((text ?? '').replace(/[^\d,-]/g, '').replace(',', ''))

describe('one price on screen (issue 10)', () => {
  it('the chosen row of the comparison, the shipment panel and the report show the same TL; ComToHome’s own figure is shown as a difference; F6 names the cloud as the source', async () => {
    // A manager: prices and reports are for managers and up (issue 12); a packer's screen shows none.
    const { page, desk } = await signedInDemoPage(demo, 'M5001')
    const order = await scanDemoOrder(desk, 'KJ1002')
    await desk.scan('KOLI2')
    await desk.waitForStep('packed').catch(async (err) => {
      await page.screenshot({ path: join(ARTIFACTS, 'price-failed.png') })
      throw err
    })

    const compared = await page.locator('[data-testid="carrier-option"][data-chosen="true"] td.num').first().textContent()
    const shown = await page.getByTestId('shipment-price').textContent()
    expect(kurus(compared)).toBeGreaterThan(0)
    expect(kurus(shown)).toBe(kurus(compared))
    // The demo's ComToHome sandbox prices with its own table: its figure and the difference are on the panel.
    await expect(page.getByTestId('shipment-price-difference').textContent()).resolves.toMatch(/Taşıyıcının bildirdiği: .+ TL \(fark [+-]?.+ TL\)/)
    await page.screenshot({ path: join(ARTIFACTS, 'price-shipment.png') })

    await desk.press('F9')
    await page.locator('[data-testid="reports"][data-loading="false"]').waitFor({ timeout: 15_000 })
    const total = await page.locator('.tile').nth(3).locator('.tile-value').textContent()
    expect(kurus(total)).toBe(kurus(compared))
    const diffRow = page.getByTestId('report-price-differences').locator('tbody tr').first()
    await expect(diffRow.locator('td').first().textContent()).resolves.toBe(order.orderNumber)
    await expect(diffRow.locator('td').nth(2).textContent().then(kurus)).resolves.toBe(kurus(compared))
    await page.screenshot({ path: join(ARTIFACTS, 'price-report.png') })

    // F6 (supervisor) says where the prices come from: the demo's reference cloud sends its cards.
    await desk.press('F9')
    await desk.pressAndSettle('F10')
    await desk.login('S9001')
    await new SettingsPage(page, 15_000).open()
    const rates = page.getByTestId('carrier-rates')
    await rates.scrollIntoViewIfNeeded()
    expect(await rates.getAttribute('data-source')).toBe('cloud')
    expect(await rates.textContent()).toMatch(/^Fiyatlar: buluttan — 6 kart, 6 kullanılabilir/)
    await page.screenshot({ path: join(ARTIFACTS, 'price-settings.png') })
    await page.close()
  }, 90_000)
})
