import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoOrders } from '../../sandbox/cloud/demo-orders'
import { DEMO_STATION } from '../../sandbox/cloud/reference/demo-seed'
import { startReferenceCloud } from '../../sandbox/cloud/reference/reference-cloud'
import type { SyncStatusView } from '../../shared/contract/views'
import { eventually } from '../support/wait-for'
import { startServe, type ServeProcess } from '../support/serve-process'
import { connectStation, type WsStationClient } from '../support/ws-client'
import { E2E_ARTIFACTS as ARTIFACTS, launchChromium } from './pages/chromium'
import { PackingPage } from './pages/packing.page'
import { StatusBarPage } from './pages/status-bar.page'

let dir: string
let serve: ServeProcess | null = null
let client: WsStationClient | null = null
let browser: Browser

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kj-e2e-demo-'))
  browser = await launchChromium()
}, 60_000)

afterAll(async () => {
  client?.close()
  await browser?.close()
  await serve?.stop()
  rmSync(dir, { recursive: true, force: true })
})

/** Waits until the status bar shows the sync green and nothing pending (the demo syncs every 5 s). */
async function waitForSyncedBar(bar: StatusBarPage) {
  return eventually(
    () => bar.sync(),
    (s) => s.tone === 'ok' && s.pending === 0,
    45_000,
    200,
  )
}

async function packByScanner(desk: PackingPage, page: Page, barcode: string) {
  const order = demoOrders().find((o) => o.barcode === barcode)!
  await desk.scan(order.barcode)
  expect(await desk.orderNumber()).toBe(order.orderNumber)
  for (const line of order.lines) for (let i = 0; i < line.quantity; i++) await desk.scan(line.gtin!)
  await desk.waitForStep('itemsVerified')
  const suggestion = page.getByTestId('box-suggestion')
  const box =
    (await suggestion
      .waitFor({ timeout: 15_000 })
      .then(() => suggestion.getAttribute('data-code'))
      .catch(() => null)) ?? 'KOLI3'
  await desk.scan(box) // demo mode puts the parcel on the simulated scale
  await desk.waitForStep('packed').catch(async (err) => {
    await page.screenshot({ path: join(ARTIFACTS, 'demo-sync-failed.png') })
    throw err
  })
}

describe('demo mode in Chromium: the desk and the reference cloud agree', () => {
  it('packs 5 demo orders by scanner; sync stays online and the pending count returns to 0 after each', async () => {
    serve = await startServe(['--demo', '--data', dir], {}, 60_000)
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
    const desk = new PackingPage(page, 20_000)
    const bar = new StatusBarPage(page)
    await desk.open(serve.url)
    await desk.login('P1001')
    await waitForSyncedBar(bar)

    // From the first round on, every sync status the desk announces is recorded: none may be offline.
    client = await connectStation(serve.url, serve.token)
    await client.call('station.getSnapshot', {})
    const barcodes = ['KJ1001', 'KJ1002', 'KJ1003', 'KJ1004', 'KJ1005']
    for (const barcode of barcodes) {
      await packByScanner(desk, page, barcode)
      const shown = await waitForSyncedBar(bar)
      expect(shown.text).not.toMatch(/çevrimdışı|offline/i)
    }
    expect(await desk.packedCount()).toBe(5)
    await page.screenshot({ path: join(ARTIFACTS, 'demo-sync.png') })

    const status = await client.call('sync.now', {})
    expect(status).toMatchObject({ mode: 'online', pendingEvents: 0, parkedEvents: 0, lastError: null })
    const announced = client.events.filter((e) => e.name === 'sync.statusChanged').map((e) => e.payload as SyncStatusView)
    expect(announced.length).toBeGreaterThan(0)
    expect(announced.filter((s) => s.mode !== 'online')).toEqual([])
    expect(announced.at(-1)).toMatchObject({ mode: 'online', pendingEvents: 0 })
    await page.close()
  }, 240_000)

  it('after a restart the 5 stay packed, the cloud holds their packs, and KJ1006 opens', async () => {
    client?.close()
    client = null
    await serve?.stop()
    serve = null
    // The demo cloud's own store, read while no desk runs: one accepted order.packed per order, from the demo station.
    const cloud = await startReferenceCloud({ dbPath: join(dir, 'demo-cloud.sqlite3') })
    try {
      const packs = (await cloud.appliedEvents({ stationId: DEMO_STATION.id })).filter((e) => e.kind === 'order.packed')
      expect(packs.map((e) => [e.orderId, e.outcome])).toEqual(['1001', '1002', '1003', '1004', '1005'].map((n) => [`demo-order-${n}`, 'accepted']))
    } finally {
      await cloud.close()
    }

    serve = await startServe(['--demo', '--data', dir], {}, 60_000)
    client = await connectStation(serve.url, serve.token)
    // sync.now and orders.list need a badge logged in (shared/contract/command-roles.ts).
    await client.call('scan.submit', { code: 'P1001' })
    const status = await eventually(
      () => client!.call('sync.now', {}),
      (s) => s.mode === 'online',
      30_000,
      200,
    )
    expect(status).toMatchObject({ pendingEvents: 0, parkedEvents: 0 })
    const packed = await client.call('orders.list', { status: 'packed', limit: 50 })
    expect(packed.map((o) => o.barcode).sort()).toEqual(['KJ1001', 'KJ1002', 'KJ1003', 'KJ1004', 'KJ1005'])
    const v = await client.call('scan.submit', { code: 'KJ1006' })
    expect(v.order?.orderNumber).toBe('SIP-1006')
  }, 120_000)
})
