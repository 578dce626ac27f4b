import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { layoutProfiles, typeAsLayout } from '../../shared/scan/keyboard-layout'
import { seriousAxeViolations } from '../support/axe'
import { GS1_SELF_TEST, SCANNER_SELF_TEST_CODE } from '../../shared/scan/scanner-self-test'
import { startEscPosEmulator, type EscPosEmulator } from '../../sandbox/escpos/escpos-emulator'
import { eventually } from '../support/wait-for'
import { decodeBarcodes } from '../support/zpl-render'
import { E2E_ARTIFACTS as ARTIFACTS } from './pages/chromium'
import { openDemoPage } from './pages/demo-desk'
import { demoDeskForFile } from './pages/file-demo-desk'
import { SettingsPage } from './pages/settings.page'
import { checkAtBothSizes } from './pages/screens'

let receipt: EscPosEmulator
beforeAll(async () => {
  receipt = await startEscPosEmulator()
})
afterAll(() => receipt?.close())
// The desk's own station.json (a receipt printer): the self-test must add its layout and keep this.
const SCREENSHOTS = process.env.KARGOJET_SCREENSHOTS === '1' ? resolve(import.meta.dirname, '../../docs/screenshots') : null
const demo = demoDeskForFile('settings', () => ({ packingSlip: { enabled: true, uri: receipt.uri } }))

describe('settings (F6) in Chromium, keyboard only', () => {
  it('the box catalog: an admin adds a box by keyboard (Tab, Enter), a bad value is refused by the core, a box is taken out; a supervisor only reads it', async () => {
    const { page, desk } = await openDemoPage(demo)
    const settings = new SettingsPage(page, 15_000)
    await desk.login('A7001')
    await settings.open()
    const panel = page.getByTestId('settings-boxes')
    await panel.locator('[data-testid="box-row"]').first().waitFor({ timeout: 15_000 })
    // Ctrl+B takes the keys from the scanner self-test field to the catalog's first field; Tab moves on.
    await page.keyboard.press('Control+b')
    expect(await page.getByTestId('box-code').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    for (const value of ['koli9', 'Uzun koli 60×20×15', '600', '200', '150', '420']) {
      await page.keyboard.type(value)
      await page.keyboard.press('Tab')
    }
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Enter')
    await page.locator('[data-testid="box-saved"][data-code="KOLI9"]').waitFor({ timeout: 15_000 })
    expect(await panel.locator('[data-testid="box-row"][data-code="KOLI9"]').innerText()).toMatch(/Uzun koli.*600 × 200 × 150 mm.*420 g/s)
    await checkAtBothSizes(page, 'settings-boxes', SCREENSHOTS ?? ARTIFACTS) // axe-clean at 1366×768 and 1920×1080

    // Longer than a parcel may be (300 cm a side): the core refuses it, naming the field; the catalog is unchanged.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Control+a')
    await page.keyboard.type('4000')
    await page.keyboard.press('Enter')
    await panel.locator('[data-testid="problem"][data-code="input.invalid"]', { hasText: 'lengthMm' }).waitFor({ timeout: 15_000 })
    expect(await panel.locator('[data-testid="box-row"][data-code="KOLI9"]').innerText()).toMatch(/600 × 200 × 150 mm/)

    // Taken out by its code.
    await page.getByTestId('box-retire').focus()
    await page.keyboard.type('KOLI9')
    await page.keyboard.press('Enter')
    await panel.locator('[data-testid="box-row"][data-code="KOLI9"]').waitFor({ state: 'detached', timeout: 15_000 })

    // The label printer's address (Ctrl+P): refused when the desk could not open it, saved to station.json otherwise.
    await page.keyboard.press('Control+p')
    await page.keyboard.type('ftp://yazici')
    await page.keyboard.press('Enter')
    const address = page.getByTestId('settings-printer-address')
    await address.locator('[data-testid="problem"][data-code="printer.addressInvalid"]').waitFor({ timeout: 15_000 })
    await page.keyboard.press('Control+a')
    await page.keyboard.type('tcp://192.168.1.50:9100')
    await page.keyboard.press('Enter')
    await page.getByTestId('printer-address-saved').waitFor({ timeout: 15_000 })
    expect((JSON.parse(readFileSync(join(demo.dir, 'station.json'), 'utf8')) as { printer?: { uri?: string } }).printer?.uri).toBe('tcp://192.168.1.50:9100')
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.keyboard.press('Escape')
    await page.getByTestId('packing').waitFor()

    // A supervisor sees the catalog, without the form (the core refuses the commands too: ws-roles.test.ts).
    await desk.pressAndSettle('F10')
    await desk.login('S9001')
    await settings.open()
    await panel.locator('[data-testid="box-row"]').first().waitFor({ timeout: 15_000 })
    expect(await page.getByTestId('box-form').count()).toBe(0)
    await page.keyboard.press('Escape')
    await page.getByTestId('packing').waitFor()
    await desk.pressAndSettle('F10')
    await page.close()
  }, 90_000)

  it('a packer is refused; a supervisor prints a test label and fixes a Turkish-Q scanner layout with the self-test', async () => {
    const { page, desk } = await openDemoPage(demo)
    const settings = new SettingsPage(page, 15_000)
    const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `10-settings-${name}.png`) })

    await desk.login('P1001')
    await desk.pressAndSettle('F6')
    expect(await desk.problemCode()).toBe('packing.supervisorRequired')
    expect(await settings.isOpen()).toBe(false)
    await desk.pressAndSettle('F10')
    await desk.login('S9001')

    await settings.open()
    await settings.waitForLabelPrinterReady()
    await page.getByTestId('receipt-printer').getByText(receipt.uri).waitFor()
    // The barcode on screen is a real Code 128 of the self-test code.
    const barcodePng = join(ARTIFACTS, 'selftest-barcode.png')
    await settings.barcodePng(barcodePng)
    expect(await decodeBarcodes(barcodePng)).toEqual([SCANNER_SELF_TEST_CODE])
    await shot('start')

    // F2: the test label goes through the queue to the demo Zebra, which writes it to DATA/printed-labels.
    expect(await settings.printTestLabel()).toBe('printed')
    const labelsDir = join(demo.dir, 'printed-labels')
    const files = await eventually(
      async () => (existsSync(labelsDir) ? readdirSync(labelsDir) : []),
      (f) => f.length > 0,
    )
    expect(files).toHaveLength(1)
    const zpl = readFileSync(join(labelsDir, files[0]!), 'utf8')
    expect(zpl).toContain('TEST')
    expect(zpl).toContain('KJTEST0000001')

    // A US-layout scanner on a Turkish-Q desk: what the OS types for the self-test barcode.
    const typed = typeAsLayout(SCANNER_SELF_TEST_CODE, layoutProfiles['tr-q'])
    expect(typed).not.toBe(SCANNER_SELF_TEST_CODE)
    await settings.scan(typed)
    expect(await settings.layoutResult()).toEqual({ kind: 'propose', layout: 'tr-q' })
    await shot('layout-mismatch')
    await settings.useProposedLayout('tr-q')
    expect(await settings.layoutResult()).toEqual({ kind: 'saved', layout: 'tr-q' })
    const stationJson = JSON.parse(readFileSync(join(demo.dir, 'station.json'), 'utf8')) as { scanner?: { wedgeLayout?: string }; packingSlip?: unknown }
    expect(stationJson.scanner?.wedgeLayout).toBe('tr-q')
    expect(stationJson.packingSlip).toEqual({ enabled: true, uri: receipt.uri })

    // Step 2: GS1-128. A browser field never receives GS, so the FNC1 separator arrives dropped.
    expect(await settings.step()).toBe('gs1')
    const gs1Png = join(ARTIFACTS, 'selftest-gs1.png')
    await settings.barcodePng(gs1Png)
    expect(await decodeBarcodes(gs1Png)).toEqual([`${GS1_SELF_TEST.head}\x1d${GS1_SELF_TEST.tail}`])
    await settings.scan(typeAsLayout(`${GS1_SELF_TEST.head}${GS1_SELF_TEST.tail}`, layoutProfiles['tr-q']))
    expect(await settings.gs1Result()).toEqual({ status: 'ok', fnc1: 'dropped', aim: 'false' })
    expect(await settings.step()).toBe('done')
    await shot('done')
    await page.keyboard.press('F1')
    await page.getByText('Scanner self-test').waitFor()
    await shot('en-done')
    await page.keyboard.press('F1')

    // Esc: back at the desk, with the scan field focused again.
    await page.keyboard.press('Escape')
    await page.getByTestId('packing').waitFor()
    expect(await settings.isOpen()).toBe(false)
    await desk.scan('KJ1001')
    expect(await desk.orderNumber()).toBe('SIP-1001')
    await page.close()
  }, 90_000)
})
