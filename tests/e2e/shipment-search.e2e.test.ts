import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { E2E_ARTIFACTS as ARTIFACTS } from './pages/chromium'
import { packDemoOrder } from './pages/demo-desk'
import { demoDeskForFile, signedInDemoPage } from './pages/file-demo-desk'
import { checkAtBothSizes } from './pages/screens'

/**
 * Issue 12, "Void and shipment search": the search box by keyboard only in Chromium. Ctrl+F opens it, typing
 * asks the core's FTS5 index (shipments.search), ↑/↓ and Enter open the lookup panel of the picked shipment,
 * Esc closes the box and gives the keys back to the scan field. The lookup shows the stored label as an image (the core
 * renders its ZPL), names F4/F8/KJIADE/Esc, F8 voids and KJIADE returns the shipment on the panel; axe-clean at both sizes.
 */
const demo = demoDeskForFile('search')
const SCREENSHOTS = process.env.KARGOJET_SCREENSHOTS === '1' ? resolve(import.meta.dirname, '../../docs/screenshots') : null

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
    // The stored ZPL label, rendered by the core after the panel showed: a real image, named in Turkish first.
    const label = page.getByTestId('lookup-label-image')
    await label.waitFor({ timeout: 15_000 })
    await page.waitForFunction(
      () =>
        ((globalThis as unknown as { document: { querySelector(s: string): { complete: boolean; naturalWidth: number } | null } }).document.querySelector(
          '[data-testid="lookup-label-image"]',
        )?.naturalWidth ?? 0) > 0,
    )
    expect(await label.getAttribute('alt')).toBe(`Gönderi etiketi, takip no ${tracking} — Shipping label, tracking no ${tracking}`)
    // F8 (void) and KJIADE (return) are named with F4 and Esc; at 1366×768 the label is height-limited and the keys line stays in sight.
    const keys = page.getByTestId('lookup-keys')
    expect(await keys.locator('kbd').allInnerTexts()).toEqual(['F4', 'F8', 'KJIADE', 'Esc'])
    const viewport = page.viewportSize()!
    expect(viewport).toEqual({ width: 1366, height: 768 })
    const [img, line, area] = [await label.boundingBox(), await keys.boundingBox(), await page.locator('.desk-left').boundingBox()]
    expect(img!.height / img!.width).toBeCloseTo(1.5, 1) // 100×150 mm, ratio kept
    for (const box of [img!, line!]) expect(box.y + box.height).toBeLessThanOrEqual(area!.y + area!.height) // not cut off by the order area
    await checkAtBothSizes(page, 'shipment-lookup', SCREENSHOTS ?? ARTIFACTS)
    // F8 opens the void prompt for THIS shipment; Esc leaves it untouched.
    await desk.press('F8')
    const voidPrompt = page.getByTestId('void-prompt')
    await voidPrompt.waitFor({ timeout: 15_000 })
    expect(await voidPrompt.innerText()).toContain(tracking)
    await desk.press('Escape')
    await voidPrompt.waitFor({ state: 'detached', timeout: 15_000 })
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
    await page.getByTestId('lookup-label-image').waitFor({ timeout: 15_000 })
    await desk.scan('KJIADE') // the return, for the shipment on the panel
    const returnPrompt = page.getByTestId('return-prompt')
    await returnPrompt.waitFor({ timeout: 15_000 })
    expect(await returnPrompt.getAttribute('data-stage')).toBe('confirm')
    expect(await page.getByTestId('return-order').innerText()).toContain('KJ1001')
    await desk.press('Escape')
    await returnPrompt.waitFor({ state: 'detached', timeout: 15_000 })
  }, 120_000)
})
