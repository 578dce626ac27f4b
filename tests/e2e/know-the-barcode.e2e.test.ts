import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { E2E_ARTIFACTS as ARTIFACTS } from './pages/chromium'
import { scanDemoOrder } from './pages/demo-desk'
import { demoDeskForFile, signedInDemoPage } from './pages/file-demo-desk'

/**
 * Issue 12, "Know the barcode" and "Box and carrier choice", by scanner input only in Chromium: another order or
 * a badge mid-order is named, not read as an item; a box the items do not fit is refused and the suggestion names
 * the key that picks it; a tracking number at an idle desk shows its shipment (Esc closes it); a badge at an idle
 * desk hands it over; each banner's key chips are the keys its words name.
 */
const demo = demoDeskForFile('barcode')

describe('the desk knows the barcode, in Chromium, scanner only', () => {
  it('names another order, a badge, an unknown code and a box that does not fit; shows a shipment by its tracking number; hands over by badge', async () => {
    const { page, desk } = await signedInDemoPage(demo, 'P1001')
    const detail = () => page.locator('[data-testid="problem"] .banner-detail').innerText()

    await desk.scan('KJ1001')
    await desk.scan('KJ1002') // the next order's slip, while KJ1001 is open
    expect(await desk.problemCode()).toBe('packing.wrongState')
    expect(await detail()).toMatch(/SIP-1002/)
    expect(await desk.problemKeys()).toEqual(['F8']) // the chip is the key the words name
    expect(await desk.orderNumber()).toBe('SIP-1001')

    await desk.scan('S9001') // another person's badge mid-order
    expect(await desk.problemCode()).toBe('packing.wrongState')
    expect(await detail()).toMatch(/kart|badge/)

    await desk.scan('XQ-\u00a7NOPE') // nothing the desk knows
    expect(await desk.problemCode()).toBe('packing.itemNotInOrder')
    expect(await detail()).toMatch(/«XQ-/)
    await desk.press('F8') // twice with an order open: the first asks to confirm
    await page.getByTestId('confirm-cancel').waitFor({ timeout: 15_000 })
    await desk.pressAndSettle('F8')

    await scanDemoOrder(desk, 'KJ1001')
    // The suggestion's key is the key its row has in the list (the catalog lists KOLI1, ZARF1, KOLI2, KOLI3).
    const suggestion = page.getByTestId('box-suggestion')
    await suggestion.waitFor({ timeout: 15_000 })
    const suggested = (await suggestion.getAttribute('data-code'))!
    const codes = await page.getByTestId('box-option').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')))
    expect((await suggestion.locator('kbd').innerText()).trim()).toBe(String(codes.indexOf(suggested) + 1))
    expect((await desk.notice())?.text).toContain(`${codes.indexOf(suggested) + 1}`)

    const envelope = codes.indexOf('ZARF1') + 1
    await desk.scan(String(envelope)) // the envelope, marked "sığmaz"
    expect(await desk.problemCode()).toBe('packing.supervisorRequired')
    expect(await desk.problemKeys()).toEqual([]) // answered by a badge, not a key
    await page.getByTestId('box-awaiting').waitFor({ timeout: 15_000 })
    expect(await desk.step()).toBe('itemsVerified')
    await page.screenshot({ path: join(ARTIFACTS, 'box-refused.png') })

    await desk.scan(String(codes.indexOf(suggested) + 1)) // the suggestion's key: taken, the demo scale weighs it
    await desk.waitForStep('packed')
    const tracking = (await desk.trackingNumber())!

    await desk.scan(tracking) // at a desk with no order in hand: the shipment, not "order not found"
    const lookup = page.getByTestId('shipment-lookup')
    await lookup.waitFor({ timeout: 15_000 })
    expect(await desk.problemCode()).toBeNull()
    expect(await page.getByTestId('lookup-order').innerText()).toContain('SIP-1001')
    expect((await page.getByTestId('lookup-tracking').innerText()).trim()).toBe(tracking)
    await page.screenshot({ path: join(ARTIFACTS, 'shipment-lookup.png') })
    await desk.press('Escape')
    await lookup.waitFor({ state: 'detached', timeout: 15_000 })

    await desk.scan('S9001') // a badge at an idle desk: the desk passes to its owner
    expect(await desk.problemCode()).toBeNull()
    expect((await desk.notice())?.text).toMatch(/geçti|passed/)
    await desk.press('F6') // settings open for the supervisor now at the desk
    await page.getByTestId('settings').waitFor({ timeout: 15_000 })
  }, 120_000)
})
