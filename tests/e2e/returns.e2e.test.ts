import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startYurticiEmulator, type YurticiEmulator } from '../../sandbox/yurtici/yurtici.emulator'
import { eventually } from '../support/wait-for'
import { ownCard } from '../support/rate-cards'
import { decodeBarcodes, renderZplToPng } from '../support/zpl-render'
import { E2E_ARTIFACTS as ARTIFACTS } from './pages/chromium'
import { scanDemoOrder } from './pages/demo-desk'
import { demoDeskForFile, signedInDemoPage } from './pages/file-demo-desk'

let yk: YurticiEmulator
beforeAll(async () => {
  yk = await startYurticiEmulator()
})
afterAll(() => yk?.close())
// The demo desk (emulated Zebra, scale, cloud) with Yurtiçi on the seller's own contract, cheapest for every order.
const demo = demoDeskForFile('ret', () => ({
  carriers: { yurtici: { enabled: true, url: yk.url } },
  rateCards: [ownCard({ supportsCod: true, bands: [{ upToKg: 30, priceKurus: 1000 }] })],
}))

describe('a return (iade) at the desk, in Chromium, scanner only', () => {
  it('pack → KJIADE → reason 2 → supervisor badge → the return code on screen and its slip on the printer', async () => {
    const { page, desk } = await signedInDemoPage(demo, 'P1001')
    const order = await scanDemoOrder(desk, 'KJ1002')
    await desk.scan('KOLI2')
    await desk.waitForStep('packed')
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
    expect(yk.returnCodes).toHaveLength(0)
    await desk.scan('S9001')
    await page.getByTestId('return-result').waitFor({ timeout: 15_000 })
    const code = (await page.getByTestId('return-code').textContent())!.trim()
    expect(code).toMatch(/^R[0-9A-Z]{12}$/)
    expect(yk.returnCodes.map((r) => r.returnCode)).toEqual([code])
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
