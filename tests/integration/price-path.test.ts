import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_PROVIDERS } from '../../sandbox/comtohome/comtohome.config'
import { startYurticiEmulator } from '../../sandbox/yurtici/yurtici.emulator'
import type { CloudStationConfig } from '../../shared/contract/cloud'
import type { PackingView } from '../../shared/contract/views'
import { QuoteReason } from '../../shared/rates'
import { DESK_CARRIERS } from '../support/desk-carriers'
import { ownCard } from '../support/rate-cards'
import { packOrder, startHarness, type Harness } from '../support/station-harness'

/**
 * One price (docs/carriers.md "Where prices come from"): the price compared, the price on the shipment panel, the cost stored and the
 * cost in the report are one number, for every carrier. The card is a Sürat example: a
 * 110,00 TL band on the platform agreement (+10%) = 121,00 TL.
 */
const PRICE = 12100
const priced = (carrierId: string, serviceCode: string, over: Record<string, unknown> = {}) =>
  ownCard({
    carrierId,
    serviceCode,
    name: `${carrierId} ${serviceCode}`,
    contract: 'platform',
    commissionBp: 1000,
    supportsCod: true,
    bands: [{ upToKg: 30, priceKurus: 11000 }],
    ...over,
  }) as CloudRateCard

type CloudRateCard = CloudStationConfig['data']['rateCards'][number]

type Priced = Readonly<{
  id: string
  serviceCode: string
  supportsCod: boolean
  orderCode?: string
  sender?: Record<string, unknown>
  /** carriers.<id> for station.json (null: the harness's ComToHome as it is). */
  start(): Promise<{ section: Record<string, unknown> | null; close(): Promise<void> }>
}>

const EVERY_CARRIER: readonly Priced[] = [
  // ComToHome's provider 5 (Sürat) as in the issue; the emulator answers with its own total_cost.
  { id: 'comtohome', serviceCode: 'provider:5', supportsCod: true, start: async () => ({ section: null, close: async () => undefined }) },
  {
    id: 'yurtici',
    serviceCode: 'GO',
    supportsCod: true,
    start: async () => {
      const yk = await startYurticiEmulator()
      return { section: { enabled: true, url: yk.url }, close: () => yk.close() }
    },
  },
  ...DESK_CARRIERS,
]

let h: Harness | null = null
let closeCarrier: (() => Promise<void>) | null = null
afterEach(async () => {
  await h?.dispose()
  await closeCarrier?.()
  h = null
  closeCarrier = null
})

const shipmentRow = (id: string) =>
  h!.station.database.db
    .selectFrom('shipments')
    .select(['status', 'service_code', 'quoted_kurus', 'cost_kurus', 'charged_kurus'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()

async function packAs(code: string): Promise<PackingView> {
  // A manager: prices are for managers and up (shared/contract/cost-visibility.ts).
  await h!.station.handlers['scan.submit']({ code: 'M5001', source: 'scanner' })
  return packOrder(h!, code)
}

describe.each(EVERY_CARRIER)('one price with $id', (carrier) => {
  it('the comparison, the shipment panel, the database and the report carry the same kuruş; the carrier’s own figure is kept beside it', async () => {
    const emu = await carrier.start()
    closeCarrier = emu.close
    h = await startHarness({
      overrides: {
        carriers: { ...(emu.section ? { [carrier.id]: emu.section } : {}), tracking: { enabled: false, minIntervalMs: 0 } },
        rateCards: [priced(carrier.id, carrier.serviceCode, { supportsCod: carrier.supportsCod })],
        ...(carrier.sender ? { sender: carrier.sender } : {}),
        scale: { driver: 'simulated', settleMs: 10, intervalMs: 10 },
        stability: { sampleCount: 2, minStableMs: 0 },
      },
    })
    const done = await packAs(carrier.orderCode ?? 'KJ1002')
    expect(done.problem?.message ?? null).toBeNull()
    expect(done.step).toBe('packed')

    // 1. The comparison the packer saw.
    const compared = done.quote!.find((o) => o.carrierId === carrier.id && o.serviceCode === carrier.serviceCode)
    expect(compared).toMatchObject({ eligible: true, priceKurus: PRICE })
    expect(done.chosen?.priceKurus).toBe(PRICE)
    // 2. The shipment panel.
    expect(done.shipment!.costKurus).toBe(PRICE)
    // 3. The database.
    const row = await shipmentRow(done.shipment!.id)
    expect(row).toMatchObject({ status: 'purchased', service_code: carrier.serviceCode, quoted_kurus: PRICE, cost_kurus: PRICE })
    // 4. The report.
    const report = await h.station.handlers['reports.summary']({})
    expect(report.byCarrier).toEqual([expect.objectContaining({ carrierId: carrier.serviceCode, count: 1, costKurus: PRICE })])
    expect(report.totalCostKurus).toBe(PRICE)
    // 5. The event the cloud gets says the same.
    await h.station.sync!.syncNow()
    const created = (await h.cloud.appliedEvents({ orderId: done.order!.id })).find((e) => e.kind === 'shipment.created')
    expect(created?.payload).toMatchObject({ costKurus: PRICE, chargedKurus: row.charged_kurus })

    // Where the carrier names its own figure and it differs, both are kept and the difference is shown.
    const charged = row.charged_kurus
    if (carrier.id === 'comtohome') {
      const consignment = h.carrier.consignments.at(-1)!
      expect(consignment.providerId).toBe(5)
      expect(charged).toBe(Math.round(consignment.totalCost * 100))
      expect(charged).not.toBe(PRICE)
    }
    const differs = charged !== null && charged !== PRICE
    expect(done.shipment!.chargedKurus ?? null).toBe(charged)
    expect(done.shipment!.priceDifferenceKurus ?? null).toBe(differs ? charged - PRICE : null)
    expect(report.priceDifferences).toEqual(
      differs
        ? [expect.objectContaining({ orderNumber: done.order!.orderNumber, costKurus: PRICE, chargedKurus: charged, differenceKurus: charged - PRICE })]
        : [],
    )
    expect(report.totalChargedKurus).toBe(charged ?? 0)
  }, 60_000)
})

const ACCOUNT_WITHOUT_SURAT = { providers: DEFAULT_PROVIDERS.filter((p) => p.id !== 5) }
const COMTOHOME_1_TO_4 = {
  id: 'comtohome',
  name: 'ComToHome',
  enabled: true,
  services: [1, 2, 3, 4].map((n) => ({ serviceCode: `provider:${n}`, name: `P${n}` })),
}

describe('rate cards from the cloud', () => {
  it('the desk prices with the cloud’s cards over station.json’s, keeps them across a restart without the cloud, and says so', async () => {
    h = await startHarness({
      // station.json has a cheaper card: were it used, it would win.
      overrides: { rateCards: [priced('comtohome', 'provider:2', { bands: [{ upToKg: 30, priceKurus: 1000 }] })] },
      cloudConfig: {
        rateCards: [
          priced('comtohome', 'provider:5', { name: 'Sürat Kargo' }),
          priced('comtohome', 'provider:1', { name: 'Yurtiçi Kargo', bands: [{ upToKg: 30, priceKurus: 13000 }] }),
        ],
      },
    })
    expect((await h.station.snapshot()).devices.rates).toMatchObject({ source: 'cloud', count: 2, available: 2 })
    const done = await packAs('KJ1002')
    expect(done.problem?.message ?? null).toBeNull()
    expect(done.quote!.map((o) => o.serviceCode).sort()).toEqual(['provider:1', 'provider:5'])
    expect(done.chosen).toMatchObject({ serviceCode: 'provider:5', priceKurus: PRICE })
    expect(done.shipment).toMatchObject({ carrierName: 'Sürat Kargo', costKurus: PRICE })
    // ComToHome charges its own figure: both kept, the difference on the panel and in the report.
    const charged = Math.round(h.carrier.consignments.at(-1)!.totalCost * 100)
    expect(done.shipment).toMatchObject({ chargedKurus: charged, priceDifferenceKurus: charged - PRICE })
    expect(await shipmentRow(done.shipment!.id)).toMatchObject({ quoted_kurus: PRICE, cost_kurus: PRICE, charged_kurus: charged })
    const report = await h.station.handlers['reports.summary']({})
    expect(report).toMatchObject({ totalCostKurus: PRICE, totalChargedKurus: charged })
    expect(report.priceDifferences).toEqual([
      expect.objectContaining({ carrierName: 'Sürat Kargo', costKurus: PRICE, chargedKurus: charged, differenceKurus: charged - PRICE }),
    ])

    const before = (await h.station.snapshot()).devices.rates
    await h.cloud.close()
    await h.restart()
    expect((await h.station.snapshot()).sync.mode).not.toBe('online')
    expect((await h.station.snapshot()).devices.rates).toEqual(before)
  }, 60_000)

  it('a bad card list from the cloud is refused and logged; packers, boxes and orders still sync and the desk keeps its cards', async () => {
    const bad = { ...priced('comtohome', 'provider:1'), bands: [] }
    h = await startHarness({ cloudConfig: { rateCards: [bad] } })
    const snap = await h.station.snapshot()
    expect(snap.sync.mode).toBe('online')
    expect(snap.devices.rates).toMatchObject({ source: 'builtin', count: 5 })
    const refused = await h.station.database.db.selectFrom('audit_log').select('detail_json').where('action', '=', 'rates.cloudRefused').execute()
    expect(refused).toHaveLength(1)
    expect(JSON.parse(refused[0]!.detail_json)).toMatchObject({ path: 'rateCards.0.bands' })
    expect((await packAs('KJ1001')).step).toBe('packed')
  }, 60_000)
})

describe('a ComToHome account without a provider', () => {
  it('a cloud card for a provider the account does not have is shown as excluded and never chosen', async () => {
    h = await startHarness({
      carrierOptions: ACCOUNT_WITHOUT_SURAT,
      cloudConfig: {
        rateCards: [priced('comtohome', 'provider:5', { bands: [{ upToKg: 30, priceKurus: 5000 }] }), priced('comtohome', 'provider:1')],
        carriers: [COMTOHOME_1_TO_4],
      },
    })
    const done = await packAs('KJ1002')
    expect(done.problem?.message ?? null).toBeNull()
    expect(done.quote!.find((o) => o.serviceCode === 'provider:5')).toMatchObject({
      eligible: false,
      priceKurus: null,
      reasonCode: QuoteReason.excludedUnavailable,
    })
    expect(done.chosen).toMatchObject({ serviceCode: 'provider:1', priceKurus: PRICE })
    expect(h.carrier.consignments.map((c) => c.providerId)).toEqual([1])
    expect((await h.station.snapshot()).devices.rates).toMatchObject({ source: 'cloud', count: 2, available: 1 })
  }, 60_000)

  it('station.json carriers.comtohome.providers keeps the built-in Sürat card out when the cloud says nothing about the account', async () => {
    h = await startHarness({
      carrierOptions: ACCOUNT_WITHOUT_SURAT,
      // The cloud sends no cards and no carrier list: only the desk's own configuration knows the account.
      cloudConfig: { rateCards: [], carriers: [] },
      overrides: { carriers: { comtohome: { providers: [1, 2, 3, 4] } } },
    })
    expect((await h.station.snapshot()).devices.rates).toMatchObject({ source: 'builtin', count: 5, available: 4 })
    const done = await packAs('KJ1001')
    expect(done.problem?.message ?? null).toBeNull()
    expect(done.quote!.find((o) => o.serviceCode === 'provider:5')).toMatchObject({ eligible: false, reason: expect.stringMatching(/no provider 5$/) })
    expect(done.chosen?.serviceCode).not.toBe('provider:5')
    expect(h.carrier.consignments.map((c) => c.providerId)).not.toContain(5)
    expect(done.shipment!.costKurus).toBe(done.chosen!.priceKurus)
  }, 60_000)
})
