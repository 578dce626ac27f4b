import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Page, WebSocketRoute } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seriousAxeViolations } from '../support/axe'
import { PackingPage } from './pages/packing.page'
import { scanDemoOrder } from './pages/demo-desk'
import { demoDeskForFile } from './pages/file-demo-desk'

/**
 * Issue 12, "Layout and accessibility": every screen the desk reaches, at 1366×768 and 1920×1080, has no serious or
 * critical axe violation, nothing clipped, nothing wider than the window, and every region that scrolls can be
 * scrolled by keyboard. With KARGOJET_SCREENSHOTS=1 each screen is also saved to docs/screenshots/ (not on every CI run).
 */
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const

const SCREENSHOTS = process.env.KARGOJET_SCREENSHOTS === '1' ? resolve(import.meta.dirname, '../../docs/screenshots') : null

/**
 * Runs in the page (a string: tsconfig.json has no DOM lib). Lists what a packer cannot see or reach: the page wider or
 * taller than the window, an element past the window's sides, content cut off by overflow hidden, and a region that
 * scrolls but cannot take focus.
 */
const LAYOUT_PROBLEMS = `(() => {
  const vw = innerWidth, vh = innerHeight, out = []
  const name = (el) => el.dataset.testid ? '[data-testid=' + el.dataset.testid + ']'
    : el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
  const doc = document.documentElement
  if (doc.scrollWidth > vw) out.push('the page is wider than the window: ' + doc.scrollWidth + ' > ' + vw)
  if (doc.scrollHeight > vh) out.push('the page is taller than the window: ' + doc.scrollHeight + ' > ' + vh)
  for (const el of document.querySelectorAll('body *')) {
    const cs = getComputedStyle(el)
    if (cs.display === 'none' || cs.visibility === 'hidden' || cs.position === 'fixed' && cs.clip !== 'auto') continue
    const r = el.getBoundingClientRect()
    if (r.width <= 1 || r.height <= 1) continue
    if (r.right > vw + 1 || r.left < -1) out.push(name(el) + ' goes past the side of the window')
    const vClip = el.scrollHeight > el.clientHeight + 1, hClip = el.scrollWidth > el.clientWidth + 1 && cs.textOverflow !== 'ellipsis'
    const scrollY = cs.overflowY === 'auto' || cs.overflowY === 'scroll', scrollX = cs.overflowX === 'auto' || cs.overflowX === 'scroll'
    if ((vClip && scrollY) || (hClip && scrollX)) {
      if (el.tabIndex < 0) out.push(name(el) + ' scrolls but cannot take focus')
    } else if ((vClip && cs.overflowY !== 'visible') || (hClip && cs.overflowX !== 'visible')) out.push(name(el) + ' cuts off its content')
  }
  return out
})()`

/** Runs in the page: the focusable regions that scroll now, each as its data-testid. */
const SCROLLING_REGIONS = `[...document.querySelectorAll('[data-scroll-region]')]
  .filter((el) => el.scrollHeight > el.clientHeight + 1).map((el) => el.dataset.testid)`

const demo = demoDeskForFile('a11y')

describe.each(VIEWPORTS)('every screen at $width×$height', (viewport) => {
  const found: Record<string, string[]> = {}
  const paged: string[] = []

  /** Axe and the layout probe on the screen as it is now; what they find is collected under the screen's name. */
  async function check(page: Page, screen: string): Promise<void> {
    const problems = [
      ...(await seriousAxeViolations(page)).map((v) => `axe ${v.id} (${v.impact}): ${v.targets.join(', ')}`),
      ...((await page.evaluate(LAYOUT_PROBLEMS)) as string[]),
    ]
    if (problems.length) found[screen] = problems
    if (SCREENSHOTS) {
      mkdirSync(SCREENSHOTS, { recursive: true })
      await page.screenshot({ path: join(SCREENSHOTS, `${screen}-${viewport.width}x${viewport.height}.png`) })
    }
  }

  /** PageDown/PageUp typed at the desk (the scan field has the focus) scroll each region that has more than it shows. */
  async function scrollsByKeyboard(page: Page, desk: PackingPage): Promise<void> {
    const regions = (await page.evaluate(SCROLLING_REGIONS)) as string[]
    for (const id of regions) {
      const region = page.getByTestId(id)
      await desk.press('PageDown')
      expect(await region.evaluate((el) => el.scrollTop), `${id} scrolls by PageDown`).toBeGreaterThan(0)
      await desk.press('PageUp')
      expect(await region.evaluate((el) => el.scrollTop), `${id} back by PageUp`).toBe(0)
      paged.push(id)
    }
  }

  it('has no serious axe violation, clips nothing and scrolls by keyboard', async () => {
    const page = await demo.browser.newPage({ viewport })
    const desk = new PackingPage(page, 15_000)
    // The link to the station goes through Playwright, so the test can cut it at the end (the disconnected status bar).
    let linkDown = false
    const links: WebSocketRoute[] = []
    await page.routeWebSocket(/.*/, (ws) => {
      if (linkDown) return ws.close()
      ws.connectToServer()
      links.push(ws)
    })
    const order = viewport.width === 1366 ? 'KJ1001' : 'KJ1003'
    await desk.open(demo.serve.url)
    // The desk keeps its sign-in across pages: the size before this one left the admin at the desk.
    if (!(await desk.isLoginScreen())) await desk.press('F10')
    await page.getByTestId('login').waitFor({ timeout: 15_000 })
    await check(page, 'login')

    await desk.login('P1001')
    await check(page, 'idle')

    await desk.scan(order)
    await desk.waitForStep('orderOpen')
    await check(page, 'order-open')
    await scanDemoOrder(desk, order)
    await page.getByTestId('box-suggestion').waitFor({ timeout: 15_000 })
    await check(page, 'box-choice')
    await scrollsByKeyboard(page, desk)

    const codes = await page.getByTestId('box-option').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')))
    const suggested = (await page.getByTestId('box-suggestion').getAttribute('data-code'))!
    await desk.scan(String(codes.indexOf('ZARF1') + 1)) // the envelope the items do not fit: the red banner
    await desk.waitForProblem('packing.supervisorRequired')
    await check(page, 'box-refused')

    // The supervisor-override dialog opens on a weight mismatch, which the demo's own weighing (electron/cli/demo-env.ts) does not
    // make; it is named by its title like the return prompt checked below.
    await desk.scan(String(codes.indexOf(suggested) + 1))
    await desk.waitForStep('packed')
    await check(page, 'packed')
    // Status words in the desk's language, each upper-cased by its own locale: not "PURCHASİNG" (issue 12, "Status text").
    expect(await page.locator('[data-testid="shipment"] .status-chip').innerText()).toBe('SATIN ALINDI / PURCHASED')
    const tracking = (await desk.trackingNumber())!

    await desk.scan('KJIADE')
    await page.getByTestId('return-prompt').waitFor({ timeout: 15_000 })
    await check(page, 'return-prompt')
    await desk.press('Escape')
    await page.getByTestId('return-prompt').waitFor({ state: 'detached', timeout: 15_000 })

    await desk.scan(tracking)
    await page.getByTestId('shipment-lookup').waitFor({ timeout: 15_000 })
    await check(page, 'shipment-lookup')
    await desk.press('Escape')

    await desk.scan('A7001') // the admin takes the desk over: settings
    await desk.press('F6')
    await page.getByTestId('settings').waitFor({ timeout: 15_000 })
    await check(page, 'settings')
    await scrollsByKeyboard(page, desk)
    await desk.press('F6')
    await page.getByTestId('packing').waitFor({ timeout: 15_000 })

    await desk.openReports()
    await check(page, 'reports')
    await scrollsByKeyboard(page, desk)
    await desk.press('F9')

    linkDown = true
    for (const ws of links) await ws.close()
    await page
      .locator('[data-testid="connection"][data-status="closed"], [data-testid="connection"][data-status="connecting"]')
      .first()
      .waitFor({ timeout: 15_000 })
    await check(page, 'disconnected')
    await page.close()

    expect(found).toEqual({})
    // At 1366×768 the box choice, settings and reports hold more than the window: the keyboard check above ran.
    if (viewport.width === 1366) expect(paged.length).toBeGreaterThan(0)
  }, 180_000)
})
