import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { demoOrders } from '../../sandbox/cloud/demo-orders'
import { eventually } from '../support/wait-for'
import { startCrashDesk, type CrashDesk } from '../support/crash-desk'
import { E2E_ARTIFACTS as ARTIFACTS, launchChromium } from './pages/chromium'
import { PackingPage } from './pages/packing.page'

/**
 * Printer recovery in real Chromium against the Zebra emulator: paper-out → printer back
 * → one key → exactly one more label, the banner gone and the order packed; and after a SIGKILL
 * mid-print, the label with an unknown outcome listed at start and answered with one key.
 * The emulators live in this process, so they outlive a killed desk.
 */
let browser: Browser
let rig: CrashDesk
const pages: Page[] = []

beforeAll(async () => {
  browser = await launchChromium()
}, 60_000)
afterAll(async () => {
  await browser?.close()
})

beforeEach(async () => {
  // A long status wait: the crash test kills the desk while it waits for the printer's answer.
  rig = await startCrashDesk('e2e-printer', { statusTimeoutMs: 8000 })
  await rig.start()
}, 60_000)

afterEach(async () => {
  for (const p of pages.splice(0)) await p.close().catch(() => undefined)
  await rig?.dispose()
})

async function openDesk(): Promise<PackingPage> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
  pages.push(page)
  const desk = new PackingPage(page, 20_000)
  await desk.open(rig.serve!.url)
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
    rig.zebra.setState({ paperOut: true })
    await packUpToWeight(desk, 'KJ1001')
    await desk.waitForProblem('printer.paperOut')
    // The banner and the key chips name the same key.
    expect(await desk.problemKeys()).toEqual(['F2'])
    expect(await desk.litKeys()).toEqual(['F2'])
    await shot(desk, '1-paper-out')
    expect(rig.carrier.consignments).toHaveLength(1)
    expect(rig.zebra.jobs).toHaveLength(0)

    // F4 while the label is owed: refused, nothing printed.
    await desk.pressAndSettle('F4')
    expect(await desk.problemCode()).toBe('packing.wrongState')
    expect(rig.zebra.jobs).toHaveLength(0)

    rig.zebra.setState({ paperOut: false })
    await desk.page.getByTestId('problem').waitFor({ state: 'detached', timeout: 20_000 })
    await desk.page.locator('[data-testid="prompt"]', { hasText: 'F2' }).waitFor({ timeout: 20_000 })
    expect(await desk.litKeys()).toEqual(['F2'])
    await shot(desk, '2-back')
    expect(rig.zebra.jobs).toHaveLength(0)

    await desk.pressAndSettle('F2')
    await desk.waitForStep('packed')
    await rig.zebra.waitForJobs(1, 15_000)
    expect(await desk.problemCode()).toBeNull()
    await shot(desk, '3-packed')

    // Pressing on: F2 again, the outcome key, a re-scan of the order. Still one label.
    await desk.pressAndSettle('F2')
    await desk.press('F5')
    await desk.scan('KJ1001')
    expect(await desk.problemCode()).toBe('packing.orderAlreadyPacked')
    await desk.scan('KJ1002')
    expect(await desk.orderNumber()).toBe('SIP-1002')
    expect(rig.zebra.jobs).toHaveLength(1)
    expect(rig.zebra.jobs[0]).toContain(rig.carrier.consignments[0]!.barcode)
    expect(rig.carrier.consignments).toHaveLength(1)
  }, 120_000)

  it('a desk killed mid-print lists the label at start; a new order waits; F2 prints exactly one more; the list goes', async () => {
    const desk = await openDesk()
    // The label reaches the printer, which then stops answering: the desk waits for its status with
    // the row still "printing", and is killed there.
    const off = rig.zebra.onDidPrintJob(() => rig.zebra.setState({ mute: true }))
    await packUpToWeight(desk, 'KJ1001')
    await rig.zebra.waitForJobs(1, 20_000)
    off()
    expect((await rig.kill()).signal).toBe('SIGKILL')
    rig.zebra.setState({ mute: false })

    await rig.start()
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
    await eventually(
      async () => rig.zebra.jobs.length,
      (n) => n === 2,
      15_000,
    )
    await after.page.getByTestId('unconfirmed-labels').waitFor({ state: 'detached', timeout: 15_000 })
    await after.scan('KJ1002')
    expect(await after.orderNumber()).toBe('SIP-1002')
    await shot(after, '6-answered')
    expect(rig.zebra.jobs).toHaveLength(2)
    expect(rig.carrier.consignments).toHaveLength(1)
  }, 150_000)
})
