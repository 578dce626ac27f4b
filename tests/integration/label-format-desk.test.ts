import { describe, expect, it } from 'vitest'
import { DEFAULT_QUERY_USERS, DEFAULT_USERS, startArasEmulator, type ArasEmulator } from '../../sandbox/aras/aras.emulator'
import { disposeAfterEach } from '../support/dispose-after-each'
import { ownCard } from '../support/rate-cards'
import { FAST_WEIGHING, packOrder, startHarness, type Harness } from '../support/station-harness'

let h: Harness | null = null
let aras: ArasEmulator | null = null
disposeAfterEach(
  () => [h, aras],
  () => (h = aras = null),
)

async function requestedLabelFormat(station: Harness['station'], carrierId: string): Promise<string> {
  const row = await station.database.db.selectFrom('shipments').select('request_json').where('carrier_id', '=', carrierId).executeTakeFirstOrThrow()
  return (JSON.parse(row.request_json) as { labelFormat: string }).labelFormat
}

// station.json `carriers.comtohome.labelFormat` is ComToHome's own setting: it once went into every carrier's request.
describe("the label format a shipment asks for is its own carrier's", () => {
  it("ComToHome set to PDF: an Aras shipment still asks for ZPL, and gets Aras's own ZPL label", async () => {
    aras = await startArasEmulator({ validateSchema: true, users: DEFAULT_USERS.map((u) => ({ ...u, barcodePermitted: true })) })
    h = await startHarness({
      overrides: {
        carriers: {
          comtohome: { labelFormat: 'pdf' },
          aras: { enabled: true, environment: 'live', origin: aras.origin, barcodePermitted: true, query: { ...DEFAULT_QUERY_USERS[0] } },
          tracking: { enabled: false, minIntervalMs: 0 },
        },
        rateCards: [ownCard({ carrierId: 'aras', serviceCode: 'GO', name: 'Aras Kargo' })],
        ...FAST_WEIGHING,
      },
    })
    await h.station.handlers['session.login']({ badge: 'P1001' })
    const done = await packOrder(h, 'KJ1002')
    expect(done.problem?.message ?? null).toBeNull()
    expect(await requestedLabelFormat(h.station, 'aras')).toBe('zpl')
    // A PDF request never asks for Aras ZPL (aras.adapter.ts); a ZPL one does.
    expect(aras.requests.map((r) => r.operation)).toContain('GetBarcode')
  }, 30_000)

  it('ComToHome set to PDF: a ComToHome shipment asks for PDF', async () => {
    h = await startHarness({ overrides: { carriers: { comtohome: { labelFormat: 'pdf' } }, ...FAST_WEIGHING } })
    await h.station.handlers['session.login']({ badge: 'P1001' })
    const done = await packOrder(h, 'KJ1002')
    expect(done.problem?.message ?? null).toBeNull()
    expect(await requestedLabelFormat(h.station, 'comtohome')).toBe('pdf')
  }, 30_000)
})
