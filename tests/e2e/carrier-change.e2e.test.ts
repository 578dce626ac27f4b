import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { E2E_ARTIFACTS as ARTIFACTS } from './pages/chromium'
import { scanDemoOrder } from './pages/demo-desk'
import { demoDeskForFile, signedInDemoPage } from './pages/file-demo-desk'
import { PackingPage } from './pages/packing.page'
import { checkAtBothSizes } from './pages/screens'

/**
 * Issue 12, "Box and carrier choice": the packer takes another carrier from the comparison, by keyboard only in
 * Chromium. KJ1002 (no cash on delivery) is suggested to ComToHome; Ctrl+K opens the carrier prompt, the demo's
 * own-contract Yurtiçi row is taken by its key, the reason by digit, and, dearer than the station's limit, a
 * supervisor's badge (a packer's is refused). The box scan closes the prompt and the label is bought from Yurtiçi,
 * with the reason on the comparison. The core side (rules, audit, restart, price bought) is
 * tests/integration/carrier-change.test.ts; over the WebSocket, ws-roles.test.ts.
 */
const demo = demoDeskForFile('carrier')
const SCREENSHOTS = process.env.KARGOJET_SCREENSHOTS === '1' ? resolve(import.meta.dirname, '../../docs/screenshots') : null

/** No serious axe violation at 1366×768 nor 1920×1080; the screen saved as docs/screenshots/<name>-<w>x<h>.png when KARGOJET_SCREENSHOTS=1. */
function check(page: Page, name: string): Promise<void> {
  return checkAtBothSizes(page, name, SCREENSHOTS ?? ARTIFACTS)
}

/** Types into the carrier prompt's own field, as the scanner or the keyboard does. */
async function typeInPrompt(page: Page, text: string): Promise<void> {
  const input = page.getByTestId('carrier-change-input')
  await input.pressSequentially(text)
  await input.press('Enter')
}

describe('carrier change from the comparison, in Chromium, keyboard and scanner only', () => {
  it('Ctrl+K → Yurtiçi by its key → reason by digit → supervisor badge → the box scan buys from Yurtiçi, reason on screen', async () => {
    const { page, desk } = await signedInDemoPage(demo, 'P1001')
    await scanDemoOrder(desk, 'KJ1002')
    const suggestion = page.getByTestId('box-suggestion')
    await suggestion.waitFor({ timeout: 15_000 })
    const boxKey = (await suggestion.locator('kbd').innerText()).trim()

    await page.locator('[data-key="Ctrl+K"]:not(.hint-off)').waitFor({ timeout: 15_000 })
    await desk.press('Control+k')
    const prompt = page.getByTestId('carrier-change-prompt')
    await prompt.waitFor({ timeout: 15_000 })
    const rows = page.getByTestId('carrier-change-row')
    await rows.first().waitFor({ timeout: 15_000 })
    expect(await rows.count()).toBe(6) // five ComToHome providers and the demo's Yurtiçi card
    expect(await prompt.locator('[data-testid="carrier-change-row"][data-suggested="true"]').getAttribute('data-carrier')).toBe('comtohome')
    expect(await prompt.locator('td.num', { hasText: 'TL' }).count()).toBe(0) // a packer sees no prices
    await check(page, 'carrier-change')

    // The same desk on a 1920×1080 screen shows the same prompt.
    const wide = await demo.browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const wideDesk = new PackingPage(wide, 15_000)
    await wideDesk.open(demo.serve.url)
    await wideDesk.press('Control+k')
    await wide.getByTestId('carrier-change-row').first().waitFor({ timeout: 15_000 })
    await check(wide, 'carrier-change')
    await wide.close()

    const yurtici = prompt.locator('[data-testid="carrier-change-row"][data-carrier="yurtici"]')
    expect(await yurtici.getAttribute('data-need')).toBe('supervisor') // 9,40 TL dearer: above the demo's 5 TL limit
    await typeInPrompt(page, (await yurtici.getAttribute('data-key'))!)
    await page.locator('[data-testid="carrier-change-prompt"][data-stage="reason"]').waitFor({ timeout: 15_000 })
    await typeInPrompt(page, '1')
    await page.locator('[data-testid="carrier-change-prompt"][data-stage="badge"]').waitFor({ timeout: 15_000 })
    expect(await page.locator('[data-testid="carrier-change-reason"][data-chosen="true"]').innerText()).toMatch(/Müşteri bu taşıyıcıyı istedi/)
    await check(page, 'carrier-change-badge')
    await typeInPrompt(page, 'P1001') // a packer's badge is not a supervisor's
    await prompt.locator('[data-testid="problem"][data-code="packing.supervisorRequired"]').waitFor({ timeout: 15_000 })
    await typeInPrompt(page, 'S9001')
    await page.getByTestId('carrier-change-done').waitFor({ timeout: 15_000 })
    expect(await prompt.locator('[data-testid="carrier-change-row"][data-picked="true"]').getAttribute('data-carrier')).toBe('yurtici')
    await check(page, 'carrier-change-done')

    // The box scan closes the prompt and goes on: weighed (the demo's scale) and bought from the picked carrier.
    await typeInPrompt(page, boxKey)
    await prompt.waitFor({ state: 'detached', timeout: 15_000 })
    await desk.waitForStep('packed')
    const chosen = page.locator('[data-testid="carrier-option"][data-chosen="true"]')
    expect(await chosen.getAttribute('data-carrier')).toBe('yurtici')
    expect(await chosen.locator('td.reason').innerText()).toMatch(/Paketçi değiştirdi: Müşteri bu taşıyıcıyı istedi/)
    expect(await chosen.locator('kbd').innerText()).toBe(await chosen.getAttribute('data-key')) // the row's key is on screen
    expect(await desk.trackingNumber()).toBeTruthy()
    // Bought: Ctrl+K no longer changes anything.
    expect(await page.locator('[data-key="Ctrl+K"]').getAttribute('class')).toMatch(/hint-off/)
    await check(page, 'carrier-changed')
    await page.close()
  }, 120_000)
})
