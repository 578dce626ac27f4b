import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { seriousAxeViolations } from '../support/axe'
import { eventually } from '../support/wait-for'
import { decodeBarcodes, renderZplToPng } from '../support/zpl-render'
import { E2E_ARTIFACTS as ARTIFACTS } from './pages/chromium'
import { packDemoOrder } from './pages/demo-desk'
import { demoDeskForFile, signedInDemoPage } from './pages/file-demo-desk'

// The plain demo (no station.json): its cash-on-delivery orders ship with the demo's Yurtiçi emulator, a carrier that makes returns.
const demo = demoDeskForFile('ret')

describe('a return (iade) in the demo, in Chromium, scanner only', () => {
  it('KJ1003 (COD) ships with Yurtiçi → KJIADE → reason 2 → supervisor badge → the return code on screen and its slip on the printer', async () => {
    const { page, desk } = await signedInDemoPage(demo, 'P1001')
    await packDemoOrder(page, desk, 'KJ1003')
    expect(await page.locator('[data-testid="carrier-option"][data-chosen="true"]').getAttribute('data-carrier')).toBe('yurtici')
    const labelsDir = join(demo.dir, 'printed-labels')
    await eventually(
      async () => readdirSync(labelsDir),
      (f) => f.length === 1,
    )

    await desk.scan('KJIADE') // the packed order on screen is the one returned
    const prompt = page.getByTestId('return-prompt')
    await prompt.waitFor({ timeout: 15_000 })
    expect(await prompt.getAttribute('data-stage')).toBe('confirm')
    await desk.scan('2')
    expect(await page.locator('[data-testid="return-reason"][data-chosen="true"]').count()).toBe(1)
    await desk.scan('P1001') // a packer's badge is not enough
    await page.getByTestId('return-problem').waitFor({ timeout: 15_000 })
    await desk.scan('S9001')
    await page.getByTestId('return-result').waitFor({ timeout: 15_000 })
    const code = (await page.getByTestId('return-code').textContent())!.trim()
    expect(code).toMatch(/^R[0-9A-Z]{12}$/) // Yurtiçi's return code (saveReturnShipmentCode at the demo's emulator)
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(ARTIFACTS, 'return.png') })

    const files = await eventually(
      async () => readdirSync(labelsDir).sort(),
      (f) => f.length === 2,
    )
    const slip = readFileSync(join(labelsDir, files[1]!), 'utf8')
    const png = join(ARTIFACTS, 'return-slip.png')
    writeFileSync(png, await renderZplToPng(slip, { widthMm: 101.6, heightMm: 152.4, dpmm: 8 }))
    expect(await decodeBarcodes(png)).toContain(code)

    // The next scan closes the prompt and is work again.
    await desk.scan('KJ1004')
    expect(await prompt.count()).toBe(0)
    expect(await desk.orderNumber()).toBe('SIP-1004')
    await page.close()
  }, 90_000)
})
