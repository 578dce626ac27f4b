import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

/** One axe rule broken on a page: its id, impact, and the selectors of the elements that break it. */
export type AxeViolation = Readonly<{ id: string; impact: string; help: string; targets: readonly string[] }>

type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }

const SERIOUS = new Set(['serious', 'critical'])

let axeSource: string | null = null

/** axe-core's browser bundle (a devDependency), read once. */
function axeScript(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  return axeSource
}

/**
 * Evaluates axe-core in the page (once per document) and runs it on the whole document; returns the
 * serious and critical violations only (issue 12: "axe reports no serious or critical violation on any screen").
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined')
  // Evaluated, not a <script> tag: the desk's Content-Security-Policy (default-src 'self') refuses inline scripts.
  if (!loaded) await page.evaluate(`${axeScript()}\n;undefined`)
  const result = (await page.evaluate(() =>
    (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<unknown> } }).axe.run(
      (globalThis as unknown as { document: unknown }).document,
      { resultTypes: ['violations'] },
    ),
  )) as AxeResult
  return result.violations
    .filter((v) => SERIOUS.has(v.impact ?? ''))
    .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }))
}
