import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { E2E_ARTIFACTS as ARTIFACTS } from './pages/chromium'
import { packDemoOrder } from './pages/demo-desk'
import { demoDeskForFile, signedInDemoPage } from './pages/file-demo-desk'

/**
 * Issue 12, "Void": F8 on a shown label opens the void prompt; a reason by digit, then a supervisor's badge, by
 * scanner only in Chromium. A packer's badge is refused in the prompt; the demo carrier refuses the void, so the
 * prompt names the return path (KJIADE), which opens the return prompt. A successful void, the cancel window and
 * "never another order's label" are covered in tests/integration/shipment-cancel.test.ts.
 */
const demo = demoDeskForFile('void')

describe('void at the desk, in Chromium, scanner only', () => {
  it("F8 on the packed label: reason by digit, a packer badge refused, the supervisor's badge meets the carrier's refusal and the desk offers KJIADE", async () => {
    const { page, desk } = await signedInDemoPage(demo, 'P1001')
    const tracking = await packDemoOrder(page, desk, 'KJ1001')

    await page.locator('[data-key="F8"]', { hasText: /iptal et|Void/ }).waitFor({ timeout: 15_000 })
    await desk.press('F8')
    const prompt = page.getByTestId('void-prompt')
    await prompt.waitFor({ timeout: 15_000 })
    const input = page.getByTestId('void-input')
    await input.pressSequentially('3')
    await input.press('Enter')
    await page.locator('[data-testid="void-reason"][data-chosen="true"]', { hasText: /vazgeçti|cancelled/ }).waitFor({ timeout: 15_000 })
    await input.pressSequentially('P1001') // a packer's badge: refused, nothing voided
    await input.press('Enter')
    await prompt.locator('[data-testid="problem"][data-code="packing.supervisorRequired"]').waitFor({ timeout: 15_000 })
    await input.pressSequentially('S9001')
    await input.press('Enter')
    // The demo's carrier refuses to void (as a carrier whose parcel has moved): the desk says so and offers the return.
    await page.getByTestId('void-return-path').waitFor({ timeout: 15_000 })
    expect(await prompt.locator('[data-testid="problem"]').getAttribute('data-code')).toBe('carrier.notCancellable')
    expect(await page.getByTestId('void-return-path').innerText()).toContain('KJIADE')
    await page.screenshot({ path: join(ARTIFACTS, 'void-refused.png') })
    await desk.press('Escape')
    await prompt.waitFor({ state: 'detached', timeout: 15_000 })
    expect(await desk.trackingNumber()).toBe(tracking) // nothing voided: the label stands

    await desk.scan('KJIADE') // the return path it named opens the return prompt
    await page.getByTestId('return-prompt').waitFor({ timeout: 15_000 })
  }, 120_000)
})
