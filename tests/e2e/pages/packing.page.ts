import type { Locator } from 'playwright-core'
import type { PackingStep } from '../../../shared/contract/views'
import { DeskPage } from './desk-page'

export type LineCount = Readonly<{ sku: string; packed: number; required: number }>

/**
 * Page object for the packing desk (renderer/). Drives it the way a packer does: codes typed
 * into the always-focused scan field and Enter, function keys for actions. Every locator is a
 * `data-testid`, so copy and layout can change without breaking tests.
 */
export class PackingPage extends DeskPage {
  protected readonly fieldTestId = 'scan-input'

  get scanInput(): Locator {
    return this.field
  }

  /** Opens the desk and waits until the station snapshot is on screen (login or packing). */
  async open(url: string): Promise<void> {
    await this.page.goto(url)
    await this.page.locator('[data-testid="login"], [data-testid="packing"]').first().waitFor({ timeout: this.timeoutMs })
  }

  /** Presses a function key (F2 retry, F4 reprint, F8 cancel, F9 reports, F10 logout…) without waiting. */
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key)
  }

  /** Presses a key that runs a command and waits until it has finished. */
  async pressAndSettle(key: string): Promise<void> {
    const before = await this.settled()
    await this.page.keyboard.press(key)
    await this.waitForSettled(before + 1)
  }

  async login(badge: string): Promise<void> {
    await this.scan(badge)
    await this.page.getByTestId('packing').waitFor({ timeout: this.timeoutMs })
  }

  async isLoginScreen(): Promise<boolean> {
    return this.page.getByTestId('login').isVisible()
  }

  /** The core's PackingStep (idle, orderOpen, itemsVerified, …), or null when not on the packing screen. */
  async step(): Promise<PackingStep | null> {
    const step = this.page.getByTestId('step')
    if ((await step.count()) === 0) return null
    return (await step.getAttribute('data-step')) as PackingStep | null
  }

  async waitForStep(step: PackingStep): Promise<void> {
    await this.page.locator(`[data-testid="step"][data-step="${step}"]`).waitFor({ timeout: this.timeoutMs })
  }

  async orderNumber(): Promise<string | null> {
    return this.textOrNull('order-number')
  }

  async lineCounts(): Promise<LineCount[]> {
    return this.page.getByTestId('order-line').evaluateAll((rows) =>
      rows.map((row) => {
        const count = row.querySelector('[data-testid="line-count"]')
        return {
          sku: row.getAttribute('data-sku') ?? '',
          packed: Number(count?.getAttribute('data-packed') ?? NaN),
          required: Number(count?.getAttribute('data-required') ?? NaN),
        }
      }),
    )
  }

  /** The live scale reading in grams and its state ('stable' | 'moving' | 'stale' | 'none'). */
  async weight(): Promise<{ grams: number | null; state: string | null }> {
    const w = this.page.getByTestId('weight')
    if ((await w.count()) === 0) return { grams: null, state: null }
    const grams = await w.getAttribute('data-grams')
    return { grams: grams ? Number(grams) : null, state: await w.getAttribute('data-state') }
  }

  /** The ErrorCode on the red banner, or null when there is no problem. */
  async problemCode(): Promise<string | null> {
    const banner = this.page.getByTestId('problem')
    if ((await banner.count()) === 0) return null
    return banner.first().getAttribute('data-code')
  }

  async waitForProblem(code: string): Promise<void> {
    await this.page.locator(`[data-testid="problem"][data-code="${code}"]`).first().waitFor({ timeout: this.timeoutMs })
  }

  async notice(): Promise<{ tone: string | null; text: string } | null> {
    const n = this.page.getByTestId('notice')
    if ((await n.count()) === 0) return null
    return { tone: await n.getAttribute('data-tone'), text: (await n.innerText()).trim() }
  }

  async trackingNumber(): Promise<string | null> {
    return this.textOrNull('tracking-number')
  }

  async packedCount(): Promise<number> {
    return Number(await this.page.getByTestId('packed-count').innerText())
  }

  async overridePromptVisible(): Promise<boolean> {
    return this.page.getByTestId('override-prompt').isVisible()
  }

  /** Supervisor override: reason number (1…) + Enter, then the supervisor's badge. */
  async override(supervisorBadge: string, reasonNumber = 1): Promise<void> {
    await this.page.getByTestId('override-prompt').waitFor({ timeout: this.timeoutMs })
    await this.scan(String(reasonNumber))
    await this.scan(supervisorBadge)
  }

  /** Demo mode: puts a weight on the simulated scale ('empty' | 'expected' | 'over' | 'fixed'). */
  async simulateScale(which: 'empty' | 'expected' | 'over' | 'fixed'): Promise<void> {
    await this.page.getByTestId(`sim-${which}`).click()
  }

  async openReports(): Promise<void> {
    await this.press('F9')
    await this.page.locator('[data-testid="reports"][data-loading="false"]').waitFor({ timeout: this.timeoutMs })
  }

  async connectionStatus(): Promise<string> {
    const banner = this.page.getByTestId('connection')
    if ((await banner.count()) === 0) return 'open'
    return (await banner.getAttribute('data-status')) ?? 'unknown'
  }

  /** The function keys lit along the bottom (the ones the screen asks for now). */
  async litKeys(): Promise<string[]> {
    return this.page.locator('[data-testid="key-hints"] .hint-lit').evaluateAll((els) => els.map((e) => e.getAttribute('data-key') ?? ''))
  }

  /** The keys the red banner names for its action (empty without a banner). */
  async problemKeys(): Promise<string[]> {
    return this.page.getByTestId('problem-key').allInnerTexts()
  }

  /** The big instruction under the step bar. */
  async prompt(): Promise<string | null> {
    return this.textOrNull('prompt')
  }

  /** Paid labels with an unknown print outcome listed on the desk: order barcode and whether deferred. */
  async unconfirmedLabels(): Promise<{ order: string; deferred: boolean }[]> {
    return this.page
      .getByTestId('unconfirmed-label')
      .evaluateAll((els) => els.map((e) => ({ order: e.getAttribute('data-order') ?? '', deferred: e.getAttribute('data-deferred') === 'true' })))
  }

  private async textOrNull(testId: string): Promise<string | null> {
    const el = this.page.getByTestId(testId)
    if ((await el.count()) === 0) return null
    return (await el.first().innerText()).trim()
  }
}
