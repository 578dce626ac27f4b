import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PRODUCTS } from '../../sandbox/cloud/demo-orders'
import { DEFAULT_PROVIDERS, type ComToHomeProvider } from '../../sandbox/comtohome/comtohome.config'
import { call } from '../../sandbox/cloud/reference/cloud-test-client'
import { startCrashDesk, type CrashDesk } from '../support/crash-desk'
import { seriousAxeViolations } from '../support/axe'
import { E2E_ARTIFACTS as ARTIFACTS, launchChromium } from './pages/chromium'
import { PackingPage } from './pages/packing.page'

/**
 * Issue 12, the exceptions queue, in real Chromium by scanner and keyboard only: the faults come from the
 * emulators the desk talks to (an il/ilçe the Turkish list does not have, the ComToHome fault plan, the Zebra's
 * paper), the queue is opened with F12 or its barcode KJISTISNA, and each action is taken with keys: ↑/↓,
 * digits, Enter, typed il/ilçe, a scanned badge. axe finds nothing serious on the screen at each stage.
 */
const SCREENSHOTS = resolve(import.meta.dirname, '../../docs/screenshots')
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const

let browser: Browser
let rig: CrashDesk
let page: Page
let desk: PackingPage
/** The ComToHome emulator's providers for this customer: taking one out makes the carrier refuse it for good (provider not defined). */
const providers: ComToHomeProvider[] = [...DEFAULT_PROVIDERS]

const p = DEMO_PRODUCTS[0]
/** A demo-like order of one item, its recipient as given. */
function order(n: number, recipient: { city: string; district: string }) {
  return {
    id: `exc-order-${n}`,
    orderNumber: `EXC-${n}`,
    barcode: `EXC${n}`,
    marketplace: null,
    codAmountKurus: null,
    mandatedCarrierId: null,
    recipient: { name: 'Ayşe Yıldız', address: 'Moda Caddesi No:18', postalCode: null, phone: '+905321112233', ...recipient },
    lines: [{ sku: p.sku, gtin: p.gtin, name: p.name, quantity: 1, unitWeightGrams: p.unitWeightGrams, sizeMm: p.sizeMm }],
  }
}

beforeAll(async () => {
  browser = await launchChromium()
  rig = await startCrashDesk('e2e-exceptions', {}, { providers })
  await rig.cloud.cloud.addOrders([
    order(1, { city: 'Atlantis', district: 'Hiçbiryer' }),
    order(2, { city: 'İstanbul', district: 'Kadıköy' }),
    order(3, { city: 'İstanbul', district: 'Kadıköy' }),
    order(4, { city: 'İstanbul', district: 'Kadıköy' }),
    order(5, { city: 'İstanbul', district: 'Kadıköy' }),
    order(6, { city: 'İstanbul', district: 'Kadıköy' }),
    order(7, { city: 'İstanbul', district: 'Kadıköy' }),
    order(8, { city: 'İstanbul', district: 'Kadıköy' }),
  ])
  await rig.start()
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
  desk = new PackingPage(page, 20_000)
  await desk.open(rig.serve!.url)
  await desk.login('P1001')
}, 90_000)

afterAll(async () => {
  await browser?.close()
  await rig?.dispose()
})

/** Scans the order, its item and the box, and puts a weight on the simulated scale. */
async function packUpToWeight(n: number, weight: 'expected' | 'over' = 'expected'): Promise<void> {
  await desk.scan(`EXC${n}`)
  await desk.scan(p.gtin)
  await desk.scan('KOLI2')
  await desk.simulateScale(weight)
}

/** Keys typed into the exceptions screen's field (a scanner types the same way), then Enter. */
async function type(text: string): Promise<void> {
  const input = page.getByTestId('exceptions-input')
  if (text) await input.pressSequentially(text)
  await input.press('Enter')
}

const screen = () => page.getByTestId('exceptions')
const row = (orderNumber: string) => page.locator(`[data-testid="exception-row"][data-order="${orderNumber}"]`)

async function openQueue(how: 'F12' | 'barcode' = 'F12'): Promise<void> {
  if (how === 'F12') await desk.press('F12')
  else {
    // The screen's own barcode: the desk opens the screen, no command runs.
    await desk.scanInput.pressSequentially('KJISTISNA')
    await desk.scanInput.press('Enter')
  }
  await screen().waitFor({ timeout: 15_000 })
}

async function closeQueue(): Promise<void> {
  await desk.press('F12')
  await screen().waitFor({ state: 'detached', timeout: 15_000 })
}

/** Waits for the action to settle its row: the screen says so and the row is gone. */
async function settled(orderNumber: string): Promise<void> {
  await page.getByTestId('exceptions-done').waitFor({ timeout: 30_000 })
  await row(orderNumber).waitFor({ state: 'detached', timeout: 15_000 })
}

/** The action settled the row; back at the desk, the order is packed. */
async function settledAndPacked(orderNumber: string): Promise<void> {
  await settled(orderNumber)
  await closeQueue()
  await desk.waitForStep('packed')
}

/** axe on the screen as it is, then a picture of it for the record (.tmp/e2e). */
async function checkAndShoot(what: string, file: string): Promise<void> {
  await expectAxeClean(what)
  await page.screenshot({ path: join(ARTIFACTS, file) })
}

async function expectAxeClean(what: string): Promise<void> {
  const found = (await seriousAxeViolations(page)).map((v) => `axe ${v.id} (${v.impact}): ${v.targets.join(', ')}`)
  expect(found, what).toEqual([])
}

async function screenshots(name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  mkdirSync(ARTIFACTS, { recursive: true })
  for (const size of SIZES) {
    await page.setViewportSize(size)
    await expectAxeClean(`${name} at ${size.width}×${size.height}`)
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size.width}x${size.height}.png`) })
  }
  await page.setViewportSize(SIZES[0])
}

describe('the exceptions queue in Chromium, keyboard and scanner only', () => {
  it('unresolved address: queued, il/ilçe fixed from the Turkish list by typing, retried through the desk: packed with one label', async () => {
    await packUpToWeight(1)
    await desk.waitForProblem('address.unresolved')
    await openQueue('barcode')
    await row('EXC-1').waitFor({ timeout: 15_000 })
    expect(await row('EXC-1').getAttribute('data-kind')).toBe('address')
    expect(await row('EXC-1').innerText()).toContain('Hiçbiryer')
    await screenshots('exceptions')

    await type('') // Enter: the row's first action, the address fix
    await page.locator('[data-testid="exceptions"][data-stage="address"]').waitFor({ timeout: 15_000 })
    await page.getByTestId('exceptions-input').pressSequentially('istanbul kadık')
    await page.locator('[data-testid="place"][data-chosen="true"]', { hasText: 'Kadıköy / İstanbul' }).waitFor({ timeout: 15_000 })
    await checkAndShoot('the address fix with its suggestions', 'exceptions-address.png')
    await type('')
    await settledAndPacked('EXC-1')
    expect(rig.carrier.consignments).toHaveLength(1)
    expect(rig.carrier.consignments[0]!.body).toMatchObject({ consignee: { state: 'İstanbul', city: 'Kadıköy' } })
  }, 120_000)

  it('carrier refused: another carrier from the comparison, picked with ↓ and Enter; the refused purchase made no label', async () => {
    const cheapest = (rig.carrier.consignments[0]!.body as { provider_id: number }).provider_id
    const removed = providers.splice(
      providers.findIndex((x) => x.id === cheapest),
      1,
    )
    try {
      await packUpToWeight(2)
      await desk.waitForProblem('carrier.providerNotDefined')
      await openQueue()
      await row('EXC-2').waitFor({ timeout: 15_000 })
      expect(await row('EXC-2').getAttribute('data-kind')).toBe('carrier')
      expect(
        await row('EXC-2')
          .locator('[data-testid="exception-action"]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-action'))),
      ).toEqual(['retry', 'otherCarrier'])
      await type('2') // the second action: another carrier
      await page.getByTestId('carrier-choices').waitFor({ timeout: 15_000 })
      await checkAndShoot('the carrier choice', 'exceptions-carrier.png')
      await page.getByTestId('exceptions-input').press('ArrowDown')
      await page.locator('[data-testid="carrier-choice"][data-chosen="true"]').nth(0).waitFor({ timeout: 15_000 })
      const picked = (await page.locator('[data-testid="carrier-choice"][data-chosen="true"]').innerText()).replace(/^\d+\s*/, '').trim()
      await type('')
      await settledAndPacked('EXC-2')
      expect(await page.getByTestId('carriers').innerText()).toContain(picked)
      expect(rig.carrier.consignments).toHaveLength(2)
      expect((rig.carrier.consignments[1]!.body as { provider_id: number }).provider_id).not.toBe(cheapest)
    } finally {
      providers.push(...removed)
    }
  }, 120_000)

  it('carrier down (HTTP 500 from the fault plan, for the purchase’s four tries): retried from the queue with the same key, one label', async () => {
    rig.carrier.setFault('http500', { times: 4 })
    const before = rig.carrier.requests.length
    await packUpToWeight(3)
    await desk.waitForProblem('carrier.unavailable')
    await openQueue()
    await row('EXC-3').waitFor({ timeout: 15_000 })
    await type('') // the first action: retry
    await settledAndPacked('EXC-3')
    expect(rig.carrier.consignments).toHaveLength(3)
    const keys = new Set(rig.carrier.requests.slice(before).map((r) => r.headers['idempotency-key']))
    expect(keys.size).toBe(1)
  }, 120_000)
  it("weight out of tolerance: a reason digit and a supervisor's badge, scanned; a packer's badge is refused on the screen", async () => {
    await packUpToWeight(4, 'over')
    await desk.waitForProblem('packing.weightOutOfTolerance')
    await openQueue()
    await row('EXC-4').waitFor({ timeout: 15_000 })
    expect(await row('EXC-4').getAttribute('data-kind')).toBe('weight')
    await type('') // the only action: override
    await page.locator('[data-testid="exceptions"][data-stage="reason"]').waitFor({ timeout: 15_000 })
    await type('2') // Ek dolgu / Extra packing material
    await page.locator('[data-testid="exceptions"][data-stage="badge"]').waitFor({ timeout: 15_000 })
    expect(await page.locator('[data-testid="override-reason"][data-chosen="true"]').innerText()).toMatch(/dolgu|packing/)
    await type('P1001')
    await screen().locator('[data-testid="problem"][data-code="packing.supervisorRequired"]').waitFor({ timeout: 15_000 })
    await checkAndShoot('the override refused', 'exceptions-override.png')
    await type('S9001')
    await settledAndPacked('EXC-4')
    expect(rig.carrier.consignments).toHaveLength(4)
  }, 120_000)
  it('printer fault (the Zebra emulator out of paper): resolving while it is out is refused; once paper is in, the owed label prints once', async () => {
    const printed = rig.zebra.jobs.length
    rig.zebra.setState({ paperOut: true })
    await packUpToWeight(5)
    await desk.waitForProblem('printer.paperOut')
    await openQueue('barcode')
    await row('EXC-5').waitFor({ timeout: 15_000 })
    expect(await row('EXC-5').getAttribute('data-kind')).toBe('printer')
    await type('') // the only action: the printer is fixed, print the label
    await screen().locator('[data-testid="problem"][data-code="printer.paperOut"]').waitFor({ timeout: 15_000 })
    await expectAxeClean('the printer still out')
    expect(rig.zebra.jobs.length).toBe(printed)
    rig.zebra.setState({ paperOut: false })
    await type('')
    await settled('EXC-5')
    await page.getByTestId('exceptions-empty').waitFor({ timeout: 15_000 })
    await closeQueue()
    await desk.waitForStep('packed')
    expect(rig.zebra.jobs.length).toBe(printed + 1)
    expect(rig.carrier.consignments).toHaveLength(5)
  }, 120_000)
  it("sync conflict: another desk packed the order first; both desks' facts on screen, settled with a supervisor's badge", async () => {
    const other = await rig.cloud.cloud.stations.create({ id: 'desk-b', apiKey: 'key-b' })
    await desk.scan('EXC6') // this desk claims and opens it…
    const packedThere = await call(rig.cloud.url, '/api/v1/events', {
      apiKey: other.apiKey,
      body: {
        events: [
          {
            id: 'desk-b-1',
            seq: 1,
            kind: 'order.packed',
            orderId: 'exc-order-6',
            payload: { trackingNumber: 'B-1', packerId: 'b-packer' },
            createdAt: new Date().toISOString(),
          },
        ],
      },
    })
    expect(packedThere.status).toBe(200) // …while the other desk, packing on a local claim, is first at the cloud
    await desk.scan(p.gtin)
    await desk.scan('KOLI2')
    await desk.simulateScale('expected')
    await desk.waitForStep('packed')
    // The supervisor takes the desk by badge and runs a sync round now from the settings screen (F6, F8), keys only.
    await desk.scan('S9001')
    await desk.press('F6')
    await page.getByTestId('settings').waitFor({ timeout: 15_000 })
    await desk.press('F8')
    await desk.press('F6')
    await page.getByTestId('packing').waitFor({ timeout: 15_000 })
    await openQueue()
    await row('EXC-6').waitFor({ timeout: 20_000 })
    expect(await row('EXC-6').getAttribute('data-kind')).toBe('syncConflict')
    await type('') // the only action: settle
    await page.getByTestId('conflict-theirs').waitFor({ timeout: 15_000 })
    expect(await page.getByTestId('conflict-ours').innerText()).toContain('demo-station')
    expect(await page.getByTestId('conflict-theirs').innerText()).toContain('desk-b')
    await expectAxeClean("both desks' facts")
    await screenshots('exceptions-conflict')
    await type('1') // the other desk's pack stands
    await page.locator('[data-testid="exceptions"][data-stage="badge"]').waitFor({ timeout: 15_000 })
    await type('S9001')
    await settled('EXC-6')
    await closeQueue()
  }, 120_000)

  it('a restart in the middle: the desk is killed with a label owed to an empty printer; after the restart the row is still queued and resolving it prints that label once', async () => {
    const printed = rig.zebra.jobs.length
    await desk.scan('P1001') // the packer takes the desk back from the supervisor
    rig.zebra.setState({ paperOut: true })
    await packUpToWeight(7)
    await desk.waitForProblem('printer.paperOut')
    await rig.kill()
    await rig.start()
    await desk.open(rig.serve!.url)
    await desk.login('P1001')
    // The next order stops too (its weight), so the queue holds two rows: the order's slip scanned on the screen picks its own.
    await packUpToWeight(8, 'over')
    await desk.waitForProblem('packing.weightOutOfTolerance')
    await openQueue()
    await row('EXC-8').waitFor({ timeout: 20_000 })
    await row('EXC-7').waitFor({ timeout: 20_000 })
    expect(await row('EXC-7').getAttribute('data-kind')).toBe('printer')
    expect(await row('EXC-7').innerText()).not.toContain('masada') // the restart took the order off the desk; the queue still has it
    rig.zebra.setState({ paperOut: false })
    await type('EXC7') // a scan of the order's slip is never an action: it picks that row
    await page.locator('[data-testid="exception-row"][data-order="EXC-7"][data-chosen="true"]').waitFor({ timeout: 15_000 })
    await type('')
    await settled('EXC-7')
    expect(rig.zebra.jobs.length).toBe(printed + 1)
    expect(await row('EXC-8').getAttribute('data-kind')).toBe('weight') // untouched
    await type('') // EXC-8's override: a reason, then the supervisor's badge
    await type('1')
    await type('S9001')
    await settledAndPacked('EXC-8')
    await desk.scan('EXC7')
    await desk.waitForProblem('packing.orderAlreadyPacked') // packed from the queue, never lost, never printed twice
    expect(rig.zebra.jobs.length).toBe(printed + 2) // EXC-7's label once, EXC-8's once
  }, 120_000)
})
