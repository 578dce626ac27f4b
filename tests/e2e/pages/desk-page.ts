import type { Locator, Page } from 'playwright-core'

const DEFAULT_TIMEOUT_MS = 10_000

/** The bit of the DOM used inside page functions (tsconfig.json has no DOM lib; they run in the browser). */
type BrowserGlobals = { document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null } }

/**
 * What the desk's page objects share: the Playwright page, how long a wait may take, and the page's scan field
 * (`data-testid={fieldTestId}`), whose `data-settled` counts the commands the desk has finished for it.
 */
export abstract class DeskPage {
  protected abstract readonly fieldTestId: string

  constructor(
    readonly page: Page,
    readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  protected get field(): Locator {
    return this.page.getByTestId(this.fieldTestId)
  }

  /** Count of finished commands; `scan` waits for it to move so the screen shows the result. */
  async settled(): Promise<number> {
    return Number((await this.field.getAttribute('data-settled')) ?? '0')
  }

  /** Types `text` into the scan field as a wedge scanner would (fast keys, then Enter) and waits until it is handled. */
  async scan(text: string): Promise<void> {
    const before = await this.settled()
    await this.field.pressSequentially(text)
    await this.field.press('Enter')
    await this.waitForSettled(before + 1)
  }

  async waitForSettled(atLeast: number): Promise<void> {
    await this.page.waitForFunction(
      ([id, n]) => Number((globalThis as unknown as BrowserGlobals).document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-settled') ?? '0') >= n,
      [this.fieldTestId, atLeast] as const,
      { timeout: this.timeoutMs },
    )
  }
}
