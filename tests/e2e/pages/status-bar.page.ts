import type { Page } from 'playwright-core'

/** What the status bar shows of the cloud sync: its tone and words, and the pending-event count. */
export type SyncShown = Readonly<{ tone: string | null; text: string; pending: number }>

/**
 * Page object for the status bar along the top of the desk (renderer/src/components/StatusBar.tsx):
 * read only, the way a packer glances at it. The sync item shows "çevrimiçi / online" in green, and
 * "N bekleyen / N pending" only while events wait in the outbox.
 */
export class StatusBarPage {
  constructor(readonly page: Page) {}

  async sync(): Promise<SyncShown> {
    const item = this.page.getByTestId('status-sync')
    const text = (await item.innerText()).replace(/\s+/g, ' ').trim()
    const pending = /(\d+)\s*(?:bekleyen|pending)/i.exec(text)
    return { tone: await item.getAttribute('data-tone'), text, pending: pending ? Number(pending[1]) : 0 }
  }
}
