import { afterEach, describe, expect, it } from 'vitest'
import { scanAllItems, startHarness, type Harness } from '../support/station-harness'
import { noticeLine } from '../../shared/i18n/notice-text'

let h: Harness | null = null
afterEach(async () => {
  await h?.dispose()
  h = null
})

const fast = { scale: { driver: 'simulated', settleMs: 10, intervalMs: 10 }, stability: { sampleCount: 2, minStableMs: 0 } }
const recipient = { name: 'Ayşe Yıldız', address: 'Moda Cd. 18', district: 'Kadıköy', city: 'İstanbul', postalCode: '34710', phone: '05321112233' }

describe('box suggestion on the packing screen', () => {
  it('once the items are complete, the desk ranks the catalog: boxes the items fit in first, then the cheapest band', async () => {
    h = await startHarness({ overrides: fast })
    // Two 25×18×6 cm towels: too long for the 20×15×10 small box, too thick for the envelope; the 30×20×15 box is the first that fits.
    await h.addOrder({
      orderNumber: 'BOX-1',
      barcode: 'BOX1',
      recipient,
      lines: [{ sku: 'HAVLU', name: 'Havlu', quantity: 2, unitWeightGrams: 400, sizeMm: { lengthMm: 250, widthMm: 180, heightMm: 60 } }],
    })
    const scan = (c: string) => h!.station.handlers['scan.submit']({ code: c, source: 'scanner' })
    await scan('M5001') // a manager: the suggestions' prices are for managers and up
    const opened = await scan('BOX1')
    expect(opened.boxSuggestions ?? null).toBeNull() // not while items are still being scanned
    const v = await scanAllItems(h.station)
    expect(v.step).toBe('itemsVerified')
    const s = v.boxSuggestions!
    expect(s.map((x) => x.code).slice(0, 2)).toEqual(['KOLI2', 'KOLI3'])
    expect(s).toHaveLength(4) // the whole catalog, each with its fit and price
    expect(s[0]).toMatchObject({ fits: true, carrierName: expect.any(String), priceKurus: expect.any(Number) })
    expect(s.slice(2).map((x) => x.fits)).toEqual([false, false])
    expect(s[2]!.reason).toMatch(/Sığmıyor/)
    expect(noticeLine(v.notice)).toMatch(/önerilen koli: .*KOLI2/)

    // The suggestion is only a hint: once a box is chosen it leaves the screen and the quote takes its place.
    const chosen = await scan('KOLI3')
    expect(chosen.boxSuggestions ?? null).toBeNull()
  }, 30_000)

  it('items without sizes: the fit is unknown and the suggestion says so instead of guessing', async () => {
    h = await startHarness({ overrides: fast })
    await h.addOrder({ orderNumber: 'BOX-2', barcode: 'BOX2', recipient, lines: [{ sku: 'X', name: 'Ölçüsüz ürün', quantity: 1, unitWeightGrams: 300 }] })
    const scan = (c: string) => h!.station.handlers['scan.submit']({ code: c, source: 'scanner' })
    await scan('P1001')
    await scan('BOX2')
    const v = await scanAllItems(h.station)
    expect(v.boxSuggestions!.every((x) => x.fits === null)).toBe(true)
    expect(v.boxSuggestions![0]!.reason).toMatch(/sığma denetlenmedi/)
    expect(noticeLine(v.notice)).not.toMatch(/önerilen/) // an unchecked fit is listed, never announced
  }, 30_000)
})
