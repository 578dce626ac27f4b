import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_STATION, startDemoReferenceCloud, type DemoCloud } from '../../sandbox/cloud/reference/demo-seed'
import { demoOrders } from '../../sandbox/cloud/demo-orders'
import { startComToHomeEmulator, type ComToHomeEmulator } from '../../sandbox/comtohome/comtohome.emulator'
import { startZebraEmulator, type ZebraEmulator } from '../../sandbox/zebra/zebra-emulator'
import { eventually } from '../support/eventually'
import { startServe, type ServeProcess } from '../support/serve-process'
import { E2E_ARTIFACTS as ARTIFACTS, launchChromium } from './pages/chromium'
import { PackingPage } from './pages/packing.page'

/**
 * Printer recovery in real Chromium against the Zebra emulator (issue 10): paper-out → printer back
 * → one key → exactly one more label, the banner gone and the order packed; and after a SIGKILL
 * mid-print, the label with an unknown outcome listed at start and answered with one key.
 * The emulators live in this process, so they outlive a killed desk.
 */
let browser: Browser
let dir: string
let zebra: ZebraEmulator
let carrier: ComToHomeEmulator
let cloud: DemoCloud
let serve: ServeProcess | null = null
const pages: Page[] = []

beforeAll(async () => {
  browser = await launchChromium()
}, 60_000)
afterAll(async () => {
  await browser?.close()
})

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kj-e2e-printer-'))
  zebra = await startZebraEmulator()
  carrier = await startComToHomeEmulator()
  cloud = await startDemoReferenceCloud()
  writeFileSync(
    join(dir, 'station.json'),
    JSON.stringify({
      demo: true,
      scale: { driver: 'simulated' },
      // A long status wait: the crash test kills the desk while it waits for the printer's answer.
      printer: { uri: zebra.uri, statusTimeoutMs: 8000 },
      carriers: { comtohome: { baseUrl: carrier.url, apiKey: 'demo-key' } },
      cloud: { baseUrl: cloud.url, apiKey: DEMO_STATION.apiKey, stationId: DEMO_STATION.id, pullIntervalMs: 60_000 },
    }),
  )
  serve = await startServe(['--no-demo', '--data', dir])
}, 60_000)

afterEach(async () => {
  for (const p of pages.splice(0)) await p.close().catch(() => undefined)
  await serve?.stop()
  serve = null
  await Promise.allSettled([zebra.close(), carrier.close(), cloud.cloud.close()])
  rmSync(dir, { recursive: true, force: true })
})

async function openDesk(): Promise<PackingPage> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
  pages.push(page)
  const desk = new PackingPage(page, 20_000)
  await desk.open(serve!.url)
  await desk.login('P1001')
  return desk
}

/** Scans the order and its items and the box, then puts the expected weight on the simulated scale. */
async function packUpToWeight(desk: PackingPage, barcode: string): Promise<void> {
  const order = demoOrders().find((o) => o.barcode === barcode)!
  await desk.scan(barcode)
  for (const line of order.lines) for (let i = 0; i < line.quantity; i++) await desk.scan(line.gtin!)
  await desk.scan('KOLI2')
  await desk.simulateScale('expected')
}

const shot = (desk: PackingPage, name: string) => desk.page.screenshot({ path: join(ARTIFACTS, `printer-${name}.png`) })

describe('printer recovery in Chromium with the Zebra emulator', () => {
  it('paper-out → printer back → F2 → exactly one more label, banner gone, order packed; no key prints a second copy', async () => {
    const desk = await openDesk()
    zebra.setState({ paperOut: true })
    await packUpToWeight(desk, 'KJ1001')
    await desk.waitForProblem('printer.paperOut')
    // The banner and the key chips name the same key.
    expect(await desk.problemKeys()).toEqual(['F2'])
    expect(await desk.litKeys()).toEqual(['F2'])
    await shot(desk, '1-paper-out')
    expect(carrier.consignments).toHaveLength(1)
    expect(zebra.jobs).toHaveLength(0)

    // F4 while the label is owed: refused, nothing printed.
    await desk.pressAndSettle('F4')
    expect(await desk.problemCode()).toBe('packing.wrongState')
    expect(zebra.jobs).toHaveLength(0)

    zebra.setState({ paperOut: false })
    await desk.page.getByTestId('problem').waitFor({ state: 'detached', timeout: 20_000 })
    await desk.page.locator('[data-testid="prompt"]', { hasText: 'F2' }).waitFor({ timeout: 20_000 })
    expect(await desk.litKeys()).toEqual(['F2'])
    await shot(desk, '2-back')
    expect(zebra.jobs).toHaveLength(0)

    await desk.pressAndSettle('F2')
    await desk.waitForStep('packed')
    await zebra.waitForJobs(1, 15_000)
    expect(await desk.problemCode()).toBeNull()
    await shot(desk, '3-packed')

    // Pressing on: F2 again, the outcome key, a re-scan of the order. Still one label.
    await desk.pressAndSettle('F2')
    await desk.press('F5')
    await desk.scan('KJ1001')
    expect(await desk.problemCode()).toBe('packing.orderAlreadyPacked')
    await desk.scan('KJ1002')
    expect(await desk.orderNumber()).toBe('SIP-1002')
    expect(zebra.jobs).toHaveLength(1)
    expect(zebra.jobs[0]).toContain(carrier.consignments[0]!.barcode)
    expect(carrier.consignments).toHaveLength(1)
  }, 120_000)

  it('a desk killed mid-print lists the label at start; a new order waits; F2 prints exactly one more; the list goes', async () => {
    const desk = await openDesk()
    // The label reaches the printer, which then stops answering: the desk waits for its status with
    // the row still "printing", and is killed there.
    const off = zebra.onDidPrintJob(() => zebra.setState({ mute: true }))
    await packUpToWeight(desk, 'KJ1001')
    await zebra.waitForJobs(1, 20_000)
    off()
    serve!.child.kill('SIGKILL')
    expect((await serve!.exited).signal).toBe('SIGKILL')
    zebra.setState({ mute: false })

    serve = await startServe(['--no-demo', '--data', dir])
    const after = await openDesk()
    await after.page.getByTestId('unconfirmed-labels').waitFor({ timeout: 20_000 })
    expect(await after.unconfirmedLabels()).toEqual([{ order: 'KJ1001', deferred: false }])
    expect(await after.litKeys()).toEqual(expect.arrayContaining(['F2', 'F5']))
    await shot(after, '4-unknown-at-start')

    await after.scan('KJ1002')
    expect(await after.problemCode()).toBe('print.outcomeUnknown')
    expect(await after.problemKeys()).toEqual(['F5', 'F2'])
    expect(await after.orderNumber()).toBeNull()
    await shot(after, '5-new-order-refused')

    await after.pressAndSettle('F2')
    await eventually(async () => zebra.jobs.length, (n) => n === 2, 15_000)
    await after.page.getByTestId('unconfirmed-labels').waitFor({ state: 'detached', timeout: 15_000 })
    await after.scan('KJ1002')
    expect(await after.orderNumber()).toBe('SIP-1002')
    await shot(after, '6-answered')
    expect(zebra.jobs).toHaveLength(2)
    expect(carrier.consignments).toHaveLength(1)
  }, 150_000)
})
