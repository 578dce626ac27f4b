import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium, type Browser } from 'playwright-core'

/** Screenshots and rendered labels of the e2e tests, for people to look at. */
export const E2E_ARTIFACTS = resolve(import.meta.dirname, '../../../.tmp/e2e')

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** Debian's Chromium (installed by .ci/run), headless and quiet; the artifacts folder made ready. */
export function launchChromium(): Promise<Browser> {
  mkdirSync(E2E_ARTIFACTS, { recursive: true })
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
}
