import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DESK_CARRIERS as CARRIERS, type CarrierUnderTest } from '../support/desk-carriers'
import { ownCard } from '../support/rate-cards'
import { scanAllItems, startHarness, type Harness } from '../support/station-harness'
import { decodeBarcodes, renderZplToPng } from '../support/zpl-render'

let h: Harness | null = null
let emu: CarrierUnderTest | null = null
let dir = ''
afterEach(async () => {
  await h?.dispose()
  await emu?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
  h = null
  emu = null
  dir = ''
})

describe.each(CARRIERS)('packing with $id at the desk', (carrier) => {
  it('buys once, prints a label whose barcode scans as the tracking number, and tracks it', async () => {
    emu = await carrier.start()
    const card = ownCard({ carrierId: carrier.id, serviceCode: carrier.serviceCode, name: carrier.id, supportsCod: carrier.supportsCod })
    h = await startHarness({
      overrides: {
        carriers: { [carrier.id]: emu.section, tracking: { enabled: false, minIntervalMs: 0 } },
        rateCards: [card],
        ...(carrier.sender ? { sender: carrier.sender } : {}),
        scale: { driver: 'simulated', settleMs: 10, intervalMs: 10 },
        stability: { sampleCount: 2, minStableMs: 0 },
      },
    })
    const scan = (c: string) => h!.station.handlers['scan.submit']({ code: c, source: 'scanner' })
    await scan('P1001')
    await scan(carrier.orderCode ?? 'KJ1002') // prepaid demo order unless the carrier needs another
    await scanAllItems(h.station)
    const v = await scan('KOLI2')
    h.place(v.expectedGrams!)
    const done = await h.waitForView((x) => x.step === 'packed' || x.problem !== null)
    expect(done.problem?.message ?? null).toBeNull()
    expect(emu.count()).toBe(1)
    const tracking = done.shipment!.trackingNumber!
    const [zpl] = await h.zebra.waitForJobs(1)
    dir = mkdtempSync(join(tmpdir(), `kj-${carrier.id}-`))
    writeFileSync(join(dir, 'label.png'), await renderZplToPng(zpl!, { widthMm: 100, heightMm: 150, dpmm: 8 }))
    expect(await decodeBarcodes(join(dir, 'label.png'))).toContain(done.shipment!.barcode)
    // KJ_LABELS_DIR=docs/labels keeps each carrier's printed label for people to look at.
    if (process.env.KJ_LABELS_DIR) copyFileSync(join(dir, 'label.png'), join(process.env.KJ_LABELS_DIR, `desk-${carrier.id}.png`))

    const { expected } = emu.advanceTo(tracking)
    const pass = await h.station.handlers['tracking.pollNow']({})
    expect(pass.failed).toEqual([])
    expect((await h.station.handlers['shipments.timeline']({ code: tracking })).status).toBe(expected)
  }, 30_000)
})
