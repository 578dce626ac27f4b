import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { seriousAxeViolations } from '../../support/axe'

/** The two desk screens issue 12 names: a 1366×768 laptop and a 1920×1080 monitor. */
export const SCREEN_SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const

/**
 * The screen as it is now, at both sizes: axe finds no serious or critical violation at either (else it throws, naming the
 * rules), and it is saved as <dir>/<name>-<w>x<h>.png. The page's own viewport is put back after.
 */
export async function checkAtBothSizes(page: Page, name: string, dir: string): Promise<void> {
  const before = page.viewportSize()
  mkdirSync(dir, { recursive: true })
  for (const size of SCREEN_SIZES) {
    await page.setViewportSize(size)
    const found = (await seriousAxeViolations(page)).map((v) => `axe ${v.id} (${v.impact}): ${v.targets.join(', ')}`)
    if (found.length > 0) throw new Error(`${name} at ${size.width}×${size.height}:\n${found.join('\n')}`)
    await page.screenshot({ path: join(dir, `${name}-${size.width}x${size.height}.png`) })
  }
  if (before) await page.setViewportSize(before)
}
