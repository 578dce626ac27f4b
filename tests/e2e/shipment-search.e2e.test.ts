import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { E2E_ARTIFACTS as ARTIFACTS } from './pages/chromium'
import { packDemoOrder } from './pages/demo-desk'
import { demoDeskForFile, signedInDemoPage } from './pages/file-demo-desk'

/**
 * Issue 12, "Void and shipment search": the search box by keyboard only in Chromium. Ctrl+F opens it, typing
 * asks the core's FTS5 index (shipments.search), ↑/↓ and Enter open the lookup panel of the picked shipment,
 * Esc closes the box and gives the keys back to the scan field.
 */
const demo = demoDeskForFile('search')

describe('shipment search, in Chromium, keyboard only', () => {
  it('finds a packed order by tracking number and by order number, opens its shipment, and gives the keys back on Esc', async () => {
    const { page, desk } = await signedInDemoPage(demo, 'P1001')
    const tracking = await packDemoOrder(page, desk, 'KJ1001')

    const box = page.getByTestId('search-box')
    await desk.press('Control+f')
    await box.waitFor({ timeout: 15_000 })
    await page.keyboard.type(tracking)
    await page.getByTestId('search-hit').first().waitFor({ timeout: 15_000 })
    expect(await page.getByTestId('search-hit').count()).toBe(1)
    expect(await page.getByTestId('search-hit').first().innerText()).toContain('SIP-1001')
    await page.screenshot({ path: join(ARTIFACTS, 'shipment-search.png') })
    await desk.press('Enter')
    await box.waitFor({ state: 'detached', timeout: 15_000 })
    const lookup = page.getByTestId('shipment-lookup')
    await lookup.waitFor({ timeout: 15_000 })
    expect((await page.getByTestId('lookup-tracking').innerText()).trim()).toBe(tracking)
    await desk.press('Escape')
    await lookup.waitFor({ state: 'detached', timeout: 15_000 })

    await desk.press('Control+f')
    await box.waitFor({ timeout: 15_000 })
    await page.keyboard.type('sip-1001')
    await page.locator('[data-testid="search-hit"][data-chosen="true"]').waitFor({ timeout: 15_000 })
    expect(await page.getByTestId('search-hit').first().innerText()).toContain(tracking)
    await page.keyboard.type('zzzz')
    await page.getByTestId('search-none').waitFor({ timeout: 15_000 })
    await desk.press('Escape') // closes the search only
    await box.waitFor({ state: 'detached', timeout: 15_000 })
    expect(await page.getByTestId('scan-input').evaluate((el) => el.matches(':focus'))).toBe(true)
    await desk.scan(tracking) // the scan field has the keys again
    await lookup.waitFor({ timeout: 15_000 })
  }, 120_000)
})
