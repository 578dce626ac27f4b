import Database from 'better-sqlite3'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startYurticiEmulator, type YurticiEmulator } from '../../sandbox/yurtici/yurtici.emulator'
import { seriousAxeViolations } from '../support/axe'
import { E2E_ARTIFACTS as ARTIFACTS } from './pages/chromium'
import { packDemoOrder } from './pages/demo-desk'
import { demoDeskForFile, signedInDemoPage } from './pages/file-demo-desk'
import type { PackingPage } from './pages/packing.page'

/**
 * Issue 12, "Void": F8 on a shown label opens the void prompt; a reason by digit, then a supervisor's badge, by
 * scanner only in Chromium. A packer's badge is refused in the prompt; the demo carrier refuses the void, so the
 * prompt names the return path (KJIADE), which opens the return prompt. A demo COD order ships with Yurtiçi, which
 * voids until pickup: that void succeeds, at the carrier, with the order back in the queue and the audit written.
 * The cancel window and "never another order's label" are covered in tests/integration/shipment-cancel.test.ts.
 */
let yk: YurticiEmulator
beforeAll(async () => {
  yk = await startYurticiEmulator()
})
afterAll(() => yk?.close())
// The demo's own cards and carriers, with the demo's Yurtiçi card bought from this file's emulator (so the test sees the cancel arrive).
const ykUser = { username: 'YKTEST', password: 'YK' }
const demo = demoDeskForFile('void', () => ({ carriers: { yurtici: { enabled: true, url: yk.url, accounts: { senderPays: ykUser, codCash: ykUser } } } }))

/** F8 on the shown label: waits for the void prompt; `type` sends a code into its own field (digits + Enter, or a badge). */
async function openVoidPrompt(page: Page, desk: PackingPage) {
  await page.locator('[data-key="F8"]', { hasText: /iptal et|Void/ }).waitFor({ timeout: 15_000 })
  await desk.press('F8')
  const prompt = page.getByTestId('void-prompt')
  await prompt.waitFor({ timeout: 15_000 })
  const input = page.getByTestId('void-input')
  const type = async (code: string) => {
    await input.pressSequentially(code)
    await input.press('Enter')
  }
  return { prompt, type }
}

describe('void at the desk, in Chromium, scanner only', () => {
  it("F8 on the packed label: reason by digit, a packer badge refused, the supervisor's badge meets the carrier's refusal and the desk offers KJIADE", async () => {
    const { page, desk } = await signedInDemoPage(demo, 'P1001')
    const tracking = await packDemoOrder(page, desk, 'KJ1001')

    const { prompt, type } = await openVoidPrompt(page, desk)
    await type('3')
    await page.locator('[data-testid="void-reason"][data-chosen="true"]', { hasText: /vazgeçti|cancelled/ }).waitFor({ timeout: 15_000 })
    await type('P1001') // a packer's badge: refused, nothing voided
    await prompt.locator('[data-testid="problem"][data-code="packing.supervisorRequired"]').waitFor({ timeout: 15_000 })
    await type('S9001')
    // The demo's carrier refuses to void (as a carrier whose parcel has moved): the desk says so and offers the return.
    await page.getByTestId('void-return-path').waitFor({ timeout: 15_000 })
    expect(await prompt.locator('[data-testid="problem"]').getAttribute('data-code')).toBe('carrier.notCancellable')
    expect(await page.getByTestId('void-return-path').innerText()).toContain('KJIADE')
    await page.screenshot({ path: join(ARTIFACTS, 'void-refused.png') })
    await desk.press('Escape')
    await prompt.waitFor({ state: 'detached', timeout: 15_000 })
    expect(await desk.trackingNumber()).toBe(tracking) // nothing voided: the label stands

    await desk.scan('KJIADE') // the return path it named opens the return prompt
    await page.getByTestId('return-prompt').waitFor({ timeout: 15_000 })
    await desk.press('Escape') // no return made: the desk is free for the next order
    await page.getByTestId('return-prompt').waitFor({ state: 'detached', timeout: 15_000 })
    await page.close()
  }, 120_000)

  it("a successful void: KJ1003 shipped with Yurtiçi, F8 → reason → supervisor's badge → cancelled at the carrier, the order open again (packed anew with a new label), audited", async () => {
    const { page, desk } = await signedInDemoPage(demo, 'P1001')
    const tracking = await packDemoOrder(page, desk, 'KJ1003')
    expect(await page.locator('[data-testid="carrier-option"][data-chosen="true"]').getAttribute('data-carrier')).toBe('yurtici')
    const parcel = yk.shipments.find((s) => s.cargoKey === tracking || s.docId === tracking) ?? yk.shipments.at(-1)!
    expect(parcel.status).toBe('NOP')

    const { prompt, type } = await openVoidPrompt(page, desk)
    await type('1')
    await page.locator('[data-testid="void-reason"][data-chosen="true"]').first().waitFor({ timeout: 15_000 })
    expect(await seriousAxeViolations(page)).toEqual([])
    await type('S9001')
    await page.getByTestId('void-done').waitFor({ timeout: 15_000 })
    expect(await prompt.locator('[data-testid="problem"]').count()).toBe(0)
    expect(parcel.status).toBe('CNL') // cancelled at the carrier
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(ARTIFACTS, 'void-done.png') })
    await desk.press('Escape')
    await prompt.waitFor({ state: 'detached', timeout: 15_000 })

    // In the desk's own SQLite file: audited (who, which shipment, why), the shipment cancelled, the order back in the queue (open).
    const db = new Database(join(demo.dir, 'station.sqlite3'), { readonly: true, fileMustExist: true })
    try {
      const audit = db.prepare("SELECT actor_id, detail_json FROM audit_log WHERE action = 'shipment.cancelled'").all() as {
        actor_id: string
        detail_json: string
      }[]
      expect(audit).toHaveLength(1)
      expect(audit[0]!.actor_id).toBe('super-1')
      expect(JSON.parse(audit[0]!.detail_json)).toMatchObject({ trackingNumber: tracking, reason: expect.any(String) })
      const order = db.prepare("SELECT id, status FROM orders WHERE barcode = 'KJ1003'").get() as { id: string; status: string }
      expect(order.status).toBe('open')
      const shipments = db.prepare('SELECT status FROM shipments WHERE order_id = ?').all(order.id) as { status: string }[]
      expect(shipments.map((x) => x.status)).toEqual(['cancelled'])
    } finally {
      db.close()
    }

    // The cloud opens the voided order again (docs/sync-guarantees.md §4.9): the same desk packs it anew, a new label.
    const again = await packDemoOrder(page, desk, 'KJ1003')
    expect(again).not.toBe(tracking)
    await page.close()
  }, 120_000)
})
