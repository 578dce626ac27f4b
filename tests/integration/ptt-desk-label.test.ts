import { describe, expect, it } from 'vitest'
import { startPttEmulator, type PttEmulator } from '../../sandbox/ptt/ptt.emulator'
import { SAMPLE_PTT_CREDENTIALS, SAMPLE_PTT_RANGE } from '../../sandbox/ptt/ptt.fixtures'
import { firstBarcodeInZpl } from '../../shared/zpl/zpl-barcode'
import { disposeAfterEach } from '../support/dispose-after-each'
import { ownCard } from '../support/rate-cards'
import { FAST_WEIGHING, packOrder, startHarness, type Harness } from '../support/station-harness'

// PTT at the desk: etiketGetir is in neither published WSDL. Without it the parcel is
// registered online and the desk prints its own PTT label with the range barcode; the order is packed.
let h: Harness | null = null
let ptt: PttEmulator | null = null
disposeAfterEach(
  () => [h, ptt],
  () => (h = ptt = null),
)

async function packWithPtt(labelOperation: boolean) {
  ptt = await startPttEmulator({ labelOperation })
  h = await startHarness({
    overrides: {
      carriers: {
        ptt: { enabled: true, origin: ptt.origin, credentials: { ...SAMPLE_PTT_CREDENTIALS }, barcodeRange: SAMPLE_PTT_RANGE },
        tracking: { enabled: false, minIntervalMs: 0 },
      },
      rateCards: [ownCard({ carrierId: 'ptt', serviceCode: 'MH', name: 'PTT Kargo', supportsCod: false })],
      ...FAST_WEIGHING,
    },
  })
  await h.station.handlers['scan.submit']({ code: 'P1001', source: 'scanner' })
  const done = await packOrder(h, 'KJ1002')
  const [zpl] = await h.zebra.waitForJobs(1)
  return { done, zpl: zpl! }
}

describe('PTT label at the desk', () => {
  it('without etiketGetir (the published WSDL): registered online, the desk label carries the range barcode', async () => {
    const { done, zpl } = await packWithPtt(false)
    expect(done.problem).toBeNull()
    expect(done.shipment).toMatchObject({ offline: false, barcode: '2740000000010' })
    expect(ptt!.shipments.map((s) => s.barcode)).toEqual(['2740000000010'])
    expect(ptt!.requests.filter((r) => r.operation === 'etiketGetir').map((r) => r.status)).toEqual([500])
    expect(firstBarcodeInZpl(zpl)).toBe('2740000000010')
    // The desk's own label: its header names the carrier and the order; the tracking caption shows the range barcode.
    expect(zpl).toContain('^FDPTT KARGO^FS')
    expect(zpl).toContain('SİPARİŞ NO / ORDER')
    expect(zpl).toContain('TAKİP NO / TRACKING')
  }, 60_000)

  it("with etiketGetir: PTT's own label, the same barcode", async () => {
    const { done, zpl } = await packWithPtt(true)
    expect(done.problem).toBeNull()
    expect(ptt!.requests.filter((r) => r.operation === 'etiketGetir').map((r) => r.status)).toEqual([200])
    expect(firstBarcodeInZpl(zpl)).toBe(done.shipment!.barcode)
    expect(zpl).not.toContain('SİPARİŞ NO / ORDER')
  }, 60_000)
})
