import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { demoOrders } from '../../../sandbox/cloud/demo-orders'
import type { CloudOrder } from '../../../shared/contract/cloud'
import { startServe, type ServeProcess } from '../../support/serve-process'
import { launchChromium } from './chromium'
import { PackingPage } from './packing.page'

/** The demo desk of an e2e file: `station serve --demo` on its own data folder, and Chromium. */
export type DemoDesk = Readonly<{ dir: string; serve: ServeProcess; browser: Browser; close(): Promise<void> }>

/**
 * Starts the demo desk (emulated Zebra, scale and cloud) on a fresh `kj-e2e-<name>-` folder; the
 * desk's own `stationJson`, when given, is written there first. `close` stops it all and removes the folder.
 */
export async function startDemoDesk(name: string, stationJson?: Record<string, unknown>): Promise<DemoDesk> {
  const dir = mkdtempSync(join(tmpdir(), `kj-e2e-${name}-`))
  let serve: ServeProcess | null = null
  let browser: Browser | null = null
  const close = async () => {
    await browser?.close()
    await serve?.stop()
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    if (stationJson) writeFileSync(join(dir, 'station.json'), JSON.stringify(stationJson, null, 2))
    serve = await startServe(['--demo', '--data', dir])
    browser = await launchChromium()
    return { dir, serve, browser, close }
  } catch (err) {
    await close()
    throw err
  }
}

/** A new 1366×768 page on the desk's screen, not signed in yet, and its packing page object. */
export async function openDemoPage(demo: DemoDesk, timeoutMs = 15_000): Promise<{ page: Page; desk: PackingPage }> {
  const page = await demo.browser.newPage({ viewport: { width: 1366, height: 768 } })
  const desk = new PackingPage(page, timeoutMs)
  await desk.open(demo.serve.url)
  return { page, desk }
}

/** Scans a demo order's slip and every item it holds, and waits until the desk calls the items verified. */
export async function scanDemoOrder(desk: PackingPage, barcode: string): Promise<CloudOrder> {
  const order = demoOrders().find((o) => o.barcode === barcode)
  if (!order) throw new Error(`no demo order ${barcode}`)
  await desk.scan(order.barcode)
  for (const line of order.lines) for (let i = 0; i < line.quantity; i++) await desk.scan(line.gtin!)
  await desk.waitForStep('itemsVerified')
  return order
}

/** Packs a demo order in the suggested box (scanned by its key) and returns its tracking number once packed. */
export async function packDemoOrder(page: Page, desk: PackingPage, barcode: string): Promise<string> {
  await scanDemoOrder(desk, barcode)
  const suggestion = page.getByTestId('box-suggestion')
  await suggestion.waitFor({ timeout: 15_000 })
  await desk.scan((await suggestion.locator('kbd').innerText()).trim())
  await desk.waitForStep('packed')
  return (await desk.trackingNumber())!
}
