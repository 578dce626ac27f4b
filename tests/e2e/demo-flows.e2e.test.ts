import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startServe } from '../support/serve-process'
import { eventually } from '../support/wait-for'
import { E2E_ARTIFACTS as ARTIFACTS } from './pages/chromium'
import { packDemoOrder } from './pages/demo-desk'
import { demoDeskForFile, signedInDemoPage } from './pages/file-demo-desk'
import { PackingPage } from './pages/packing.page'

const demo = demoDeskForFile('flows')

describe('the demo shows its flows (station serve --demo), scanner only', () => {
  it("KJ1011 carries the marketplace's own label: the desk prints it untouched", async () => {
    const { page, desk } = await signedInDemoPage(demo, 'P1001')
    expect(await packDemoOrder(page, desk, 'KJ1011')).toBe('73300000001011')
    await page.screenshot({ path: join(ARTIFACTS, 'demo-marketplace-label.png') })
    const labelsDir = join(demo.dir, 'printed-labels')
    const files = await eventually(
      async () => readdirSync(labelsDir),
      (f) => f.length > 0,
    )
    expect(readFileSync(join(labelsDir, files[0]!), 'utf8')).toContain('n11 Express')
    await page.close()
  }, 60_000)

  it('--demo --reset wipes the demo folder and reseeds: KJ1011 is open again', async () => {
    await demo.serve.stop()
    expect(existsSync(join(demo.dir, '.kargojet-demo'))).toBe(true)
    const again = await startServe(['--demo', '--reset', '--data', demo.dir])
    try {
      expect(readdirSync(join(demo.dir, 'printed-labels'))).toEqual([])
      const page = await demo.browser.newPage({ viewport: { width: 1366, height: 768 } })
      const desk = new PackingPage(page, 15_000)
      await desk.open(again.url)
      await desk.login('P1001')
      await desk.scan('KJ1011')
      expect(await desk.orderNumber()).toBe('SIP-1011')
      await page.close()
    } finally {
      await again.stop()
    }
  }, 90_000)
})
