import type { Locator } from 'playwright-core'
import { DeskPage } from './desk-page'

/**
 * Page object for the settings screen (F6, supervisors): printers, the scanner self-test, the scale.
 * Driven by function keys and the self-test field, the way a supervisor at the desk does it.
 */
export class SettingsPage extends DeskPage {
  get root(): Locator {
    return this.page.getByTestId('settings')
  }

  /** The self-test field: `scan` types into it, and waits for the verdict. */
  protected readonly fieldTestId = 'selftest-input'

  get selfTestInput(): Locator {
    return this.field
  }

  /** F6 from the desk; waits until the settings are loaded. */
  async open(): Promise<void> {
    await this.page.keyboard.press('F6')
    await this.page.locator('[data-testid="settings"][data-loaded="true"]').waitFor({ timeout: this.timeoutMs })
  }

  async isOpen(): Promise<boolean> {
    return this.root.isVisible()
  }

  /** Waits until the label printer has answered ~HS at least once. */
  async waitForLabelPrinterReady(): Promise<void> {
    await this.page.locator('[data-testid="label-printer-status"][data-ready="true"]').waitFor({ timeout: this.timeoutMs })
  }

  /** F2: prints the test label and waits for the outcome ('printed' or 'failed'). */
  async printTestLabel(): Promise<string | null> {
    await this.page.keyboard.press('F2')
    const result = this.page.getByTestId('test-label-result')
    await result.waitFor({ timeout: this.timeoutMs })
    return result.getAttribute('data-state')
  }

  /** The self-test verdict for the layout barcode: its kind (ok, propose, saved…) and the layout it names. */
  async layoutResult(): Promise<{ kind: string | null; layout: string | null }> {
    const r = this.page.getByTestId('selftest-result')
    if ((await r.count()) === 0) return { kind: null, layout: null }
    return { kind: await r.getAttribute('data-kind'), layout: (await r.getAttribute('data-layout')) || null }
  }

  /** F3 "use this layout": waits until the saved layout shown is `layout`. */
  async useProposedLayout(layout: string): Promise<void> {
    await this.page.keyboard.press('F3')
    await this.page.locator(`[data-testid="saved-layout"][data-layout="${layout}"]`).waitFor({ timeout: this.timeoutMs })
  }

  async step(): Promise<string | null> {
    return this.page.getByTestId('selftest').getAttribute('data-step')
  }

  async gs1Result(): Promise<{ status: string | null; fnc1: string | null; aim: string | null }> {
    const r = this.page.getByTestId('gs1-result')
    if ((await r.count()) === 0) return { status: null, fnc1: null, aim: null }
    return { status: await r.getAttribute('data-status'), fnc1: await r.getAttribute('data-fnc1'), aim: await r.getAttribute('data-aim') }
  }

  /** A PNG of the on-screen self-test barcode, for a decoder to read. */
  async barcodePng(path: string): Promise<void> {
    await this.page.locator('.barcode-card').screenshot({ path })
  }
}
