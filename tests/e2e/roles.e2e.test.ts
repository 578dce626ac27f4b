import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../../shared/errors'
import { E2E_ARTIFACTS as ARTIFACTS } from './pages/chromium'
import { demoDeskForFile, signedInDemoPage } from './pages/file-demo-desk'
import { SettingsPage } from './pages/settings.page'

const demo = demoDeskForFile('roles')

type Reply = Readonly<{ ok: boolean; error?: { code: string; meta: Record<string, unknown> } }>

/**
 * A raw call from inside the page, past the UI: a second WebSocket to the same desk with the token the
 * server wrote into the page, as any script on the desk's screen could open.
 */
function rawCall(page: Page, name: string, input: unknown): Promise<Reply> {
  // A string, not a function: this file is type-checked without the DOM library (as a11y-layout's probes).
  const script = `new Promise((resolve, reject) => {
    const token = document.querySelector('meta[name="kargojet-token"]')?.getAttribute('content') ?? ''
    const ws = new WebSocket('ws://' + location.host + '/ws?token=' + encodeURIComponent(token))
    ws.onerror = () => reject(new Error('websocket error'))
    ws.onopen = () => ws.send(JSON.stringify({ id: 1, name: ${JSON.stringify(name)}, input: ${JSON.stringify(input)} }))
    ws.onmessage = (e) => {
      const msg = JSON.parse(String(e.data))
      if (msg.type !== 'reply' || msg.id !== 1) return
      ws.close()
      resolve(msg.result)
    }
  })`
  return page.evaluate(script) as Promise<Reply>
}

const range = () => ({ from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date().toISOString() })

describe('roles are enforced in the core, in Chromium over the WebSocket', () => {
  it("a packer's raw calls are refused with the role error, a manager's work; the UI words the refusal", async () => {
    const { page, desk } = await signedInDemoPage(demo, 'P1001')

    const report = await rawCall(page, 'reports.summary', range())
    expect(report.ok).toBe(false)
    expect(report.error?.code).toBe(ErrorCode.roleRequired)
    expect(report.error?.meta).toMatchObject({ command: 'reports.summary', required: 'manager', role: 'packer' })
    const pause = await rawCall(page, 'sync.setPaused', { paused: true })
    expect(pause.error?.code).toBe(ErrorCode.supervisorRequired)

    // The UI: F9 (reports) for a packer shows the core's refusal, worded, not a blank screen.
    await desk.press('F9')
    const banner = page.locator(`[data-testid="problem"][data-code="${ErrorCode.roleRequired}"]`).first()
    await banner.waitFor({ timeout: 15_000 })
    expect(await banner.innerText()).toContain('Rolünüz bu işlemi yapamaz')
    expect(await banner.innerText()).toContain('müdür kartı')
    await page.screenshot({ path: join(ARTIFACTS, 'roles-packer-refused.png') })
    await desk.press('F9')

    await desk.pressAndSettle('F10')
    await desk.login('M5001')
    const allowed = await rawCall(page, 'reports.summary', range())
    expect(allowed.ok).toBe(true)
    expect((await rawCall(page, 'sync.setPaused', { paused: false })).ok).toBe(true)

    // F6 settings links the printable command sheet, which the desk serves as a PDF.
    await new SettingsPage(page, 15_000).open()
    const link = page.getByTestId('command-sheet-link')
    const sheet = await page.request.get(new URL((await link.getAttribute('href'))!, demo.serve.url).toString())
    expect(sheet.headers()['content-type']).toBe('application/pdf')
    expect((await sheet.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    await page.screenshot({ path: join(ARTIFACTS, 'roles-settings-command-sheet.png') })
  }, 60_000)
})
