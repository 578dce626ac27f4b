import type { Page } from 'playwright-core'
import { readThrough, startedAround } from '../../support/around-tests'
import { openDemoPage, startDemoDesk, type DemoDesk } from './demo-desk'
import type { PackingPage } from './packing.page'

/**
 * The demo desk of one e2e file: started before the file's tests (up to 60 s: `station serve --demo` and Chromium),
 * closed after them. `stationJson` may be a function: it is called when the desk starts, after the file's earlier
 * `beforeAll` hooks (an emulator whose URL it names). The desk answers inside the file's tests only.
 */
export function demoDeskForFile(name: string, stationJson?: Record<string, unknown> | (() => Record<string, unknown>)): DemoDesk {
  const start = () => startDemoDesk(name, typeof stationJson === 'function' ? stationJson() : stationJson)
  const current = startedAround('all', `the '${name}' demo desk`, start, (desk) => desk.close(), 60_000)
  return readThrough(current, ['dir', 'serve', 'browser', 'close'])
}

/** A new page on the demo desk (as `openDemoPage`), signed in with `badge`: P1001 is a packer, M5001 a manager. */
export async function signedInDemoPage(demo: DemoDesk, badge: string): Promise<{ page: Page; desk: PackingPage }> {
  const opened = await openDemoPage(demo)
  await opened.desk.login(badge)
  return opened
}
