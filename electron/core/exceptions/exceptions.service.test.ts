import { describe, expect, it } from 'vitest'
import { DEMO_PRODUCTS } from '../../../sandbox/cloud/demo-orders'
import { DEFAULT_PROVIDERS, type ComToHomeProvider } from '../../../sandbox/comtohome/comtohome.config'
import { call } from '../../../sandbox/cloud/reference/cloud-test-client'
import { dispatchCommand } from '../../../shared/contract/dispatch'
import { disposeAfterEach } from '../../../tests/support/dispose-after-each'
import { FAST_WEIGHING, scanAllItems, startHarness, type Harness } from '../../../tests/support/station-harness'
import { suggestPlaces } from './place-suggest'

/** The exceptions queue on a whole station (real SQLite file, emulated ComToHome, Zebra and cloud on 127.0.0.1). */
let h: Harness | null = null
disposeAfterEach(
  () => [h],
  () => (h = null),
)

const item = DEMO_PRODUCTS[0]
const lines = [{ sku: item.sku, gtin: item.gtin, name: item.name, quantity: 1, unitWeightGrams: item.unitWeightGrams }]
const fast = FAST_WEIGHING
const nowhere = { name: 'Ali Veli', address: 'Bir Sokak 1', district: 'Hiçbiryer', city: 'Atlantis', postalCode: null, phone: '05321112233' }
const istanbul = { ...nowhere, city: 'İstanbul', district: 'Kadıköy' }

async function stopAt(harness: Harness, code: string, grams?: (expected: number) => number) {
  const scan = (c: string) => harness.station.handlers['scan.submit']({ code: c, source: 'scanner' })
  await scan('P1001')
  await scan(code)
  await scanAllItems(harness.station)
  const v = await scan('KOLI2')
  harness.place(grams ? grams(v.expectedGrams!) : v.expectedGrams!)
  return harness.waitForView((x) => x.step === 'packed' || x.problem !== null)
}

/** The queue's rows once the desk's stop is recorded (the record follows the view). */
async function queued(harness: Harness, n = 1) {
  for (let i = 0; i < 50; i++) {
    const rows = await harness.station.handlers['exceptions.list']({})
    if (rows.length >= n) return rows
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error(`the queue never held ${n} row(s)`)
}

/** The desk restarted (its session gone, the database kept), a packer logged in again: the queue as it reads then. */
async function restartAndList(harness: Harness) {
  await harness.restart()
  await harness.station.resumed
  await harness.station.handlers['scan.submit']({ code: 'P1001', source: 'scanner' })
  return harness.station.handlers['exceptions.list']({})
}

const auditOf = (harness: Harness, orderId: string) =>
  harness.station.database.db.selectFrom('audit_log').select(['action', 'actor_id', 'detail_json']).where('order_id', '=', orderId).orderBy('seq').execute()

describe('place suggestions (the address fix autocomplete)', () => {
  it('folds Turkish letters and case, matches il and ilçe words, and ranks ilçe matches first', () => {
    expect(suggestPlaces('kadık')).toContainEqual({ city: 'İstanbul', district: 'Kadıköy' })
    expect(suggestPlaces('KADIK')).toContainEqual({ city: 'İstanbul', district: 'Kadıköy' })
    const izmir = suggestPlaces('izmir kar')
    expect(izmir).toContainEqual({ city: 'İzmir', district: 'Karşıyaka' })
    expect(izmir.every((x) => x.city === 'İzmir')).toBe(true)
    expect(suggestPlaces('   ')).toEqual([])
    expect(suggestPlaces('zzzz')).toEqual([])
    expect(suggestPlaces('a').length).toBeLessThanOrEqual(8)
  })
})

describe('exceptions queue: unresolved address', () => {
  it('queues the stop; the fix takes a real il/ilçe only, then the desk retries through its own purchase path: one label, audited', async () => {
    h = await startHarness({ overrides: fast })
    const id = await h.addOrder({ orderNumber: 'ADR-1', barcode: 'ADR1', recipient: nowhere, lines })
    expect((await stopAt(h, 'ADR1')).problem?.code).toBe('address.unresolved')
    const [row] = await queued(h)
    expect(row).toMatchObject({ orderId: id, orderNumber: 'ADR-1', kind: 'address', atDesk: true, actions: ['fixAddress'], code: 'address.unresolved' })
    expect(row!.facts).toMatchObject({ city: 'Atlantis', district: 'Hiçbiryer' })

    await expect(h.station.handlers['exceptions.fixAddress']({ id: row!.id, city: 'İstanbul', district: 'Çankaya' })).rejects.toMatchObject({
      code: 'address.unresolved',
    })
    expect(h.carrier.consignments).toHaveLength(0)

    const after = await h.station.handlers['exceptions.fixAddress']({ id: row!.id, city: 'istanbul', district: 'KADIKÖY' })
    expect(after).toEqual([])
    const v = await h.waitForView((x) => x.step === 'packed')
    expect(v.order?.recipient).toMatchObject({ city: 'İstanbul', district: 'Kadıköy' })
    expect(h.carrier.consignments).toHaveLength(1)
    const body = h.carrier.consignments[0]!.body as { consignee: { state: string; city: string } }
    expect(body.consignee).toMatchObject({ state: 'İstanbul', city: 'Kadıköy' })
    const actions = (await auditOf(h, id)).map((a) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['exception.opened', 'exception.addressFixed', 'exception.fixAddress', 'order.packed']))
    const fixed = (await auditOf(h, id)).find((a) => a.action === 'exception.addressFixed')!
    expect(fixed.actor_id).toBe('packer-1')
    expect(JSON.parse(fixed.detail_json)).toMatchObject({ from: { city: 'Atlantis', district: 'Hiçbiryer' }, to: { city: 'İstanbul', district: 'Kadıköy' } })
    // Settled: acting on it again is refused.
    await expect(h.station.handlers['exceptions.retry']({ id: row!.id })).rejects.toMatchObject({ code: 'packing.wrongState' })
  }, 30_000)

  it('survives a restart: the row is still queued, the fix is kept, and the next scan of the order packs it with the fixed address', async () => {
    h = await startHarness({ overrides: fast })
    const id = await h.addOrder({ orderNumber: 'ADR-2', barcode: 'ADR2', recipient: nowhere, lines })
    await stopAt(h, 'ADR2')
    await queued(h)
    const [row] = await restartAndList(h)
    expect(row).toMatchObject({ orderId: id, kind: 'address', atDesk: false })
    await h.station.handlers['exceptions.fixAddress']({ id: row!.id, city: 'Ankara', district: 'Çankaya' })
    expect(await h.station.handlers['exceptions.list']({})).toEqual([])
    expect(h.carrier.consignments).toHaveLength(0) // nothing bought from the queue without the order on the scale
    const scan = (c: string) => h!.station.handlers['scan.submit']({ code: c, source: 'scanner' })
    await scan('ADR2')
    const v = await scan('KOLI2')
    h.place(v.expectedGrams! + 1)
    const done = await h.waitForView((x) => x.step === 'packed' || x.problem !== null)
    expect(done.problem).toBeNull()
    expect(done.order?.recipient).toMatchObject({ city: 'Ankara', district: 'Çankaya' })
    expect(h.carrier.consignments).toHaveLength(1)
  }, 30_000)

  it('refuses bad input and an unknown row with a clear error, and a locked desk before anything', async () => {
    h = await startHarness({ overrides: fast })
    const station = h.station
    const call = (name: 'exceptions.fixAddress' | 'exceptions.list', input: unknown) => dispatchCommand(station.handlers, name, input, station.access)
    expect(await call('exceptions.list', {})).toMatchObject({ ok: false, error: { code: 'session.required' } })
    await station.handlers['scan.submit']({ code: 'P1001', source: 'scanner' })
    expect(await call('exceptions.fixAddress', { id: 'nope', city: 'Ankara', district: 'Çankaya' })).toMatchObject({
      ok: false,
      error: { code: 'input.invalid' },
    })
    expect(await call('exceptions.fixAddress', { id: 'x-00000000-0000-0000-0000-000000000000', city: 'Ankara', district: 'Çankaya' })).toMatchObject({
      ok: false,
      error: { code: 'input.notFound' },
    })
  }, 30_000)
})

describe('exceptions queue: carrier refused or down', () => {
  it('refused (the provider is not defined for the customer): another eligible carrier of the comparison, audited; one label, never two', async () => {
    const providers: ComToHomeProvider[] = [...DEFAULT_PROVIDERS]
    h = await startHarness({ overrides: fast, carrierOptions: { providers } })
    await h.addOrder({ orderNumber: 'CAR-0', barcode: 'CAR0', recipient: istanbul, lines })
    const id = await h.addOrder({ orderNumber: 'CAR-1', barcode: 'CAR1', recipient: istanbul, lines })
    expect((await stopAt(h, 'CAR0')).problem).toBeNull()
    const first = (h.carrier.consignments[0]!.body as { provider_id: number }).provider_id
    providers.splice(
      providers.findIndex((x) => x.id === first),
      1,
    ) // the carrier no longer takes the cheapest provider for this customer
    h.place(0)
    const v = await stopAt(h, 'CAR1')
    expect(v.problem?.code).toBe('carrier.providerNotDefined')
    const [row] = await queued(h)
    expect(row).toMatchObject({ orderId: id, kind: 'carrier', atDesk: true, actions: ['retry', 'otherCarrier'] })
    expect(row!.carriers.length).toBeGreaterThan(0)
    expect(row!.carriers.map((c) => c.serviceCode)).not.toContain(v.chosen?.serviceCode)

    await expect(h.station.handlers['exceptions.useCarrier']({ id: row!.id, serviceCode: 'nope:1' })).rejects.toMatchObject({ code: 'input.invalid' })
    const pick = row!.carriers[0]!
    await h.station.handlers['exceptions.useCarrier']({ id: row!.id, serviceCode: pick.serviceCode })
    const done = await h.waitForView((x) => x.step === 'packed')
    expect(done.chosen?.serviceCode).toBe(pick.serviceCode)
    expect(h.carrier.consignments).toHaveLength(2) // CAR-0's and CAR-1's: the refused request made none
    const shipments = await h.station.database.db.selectFrom('shipments').select(['status', 'service_code']).where('order_id', '=', id).execute()
    expect(shipments.map((s) => s.status).sort()).toEqual(['failed', 'purchased'])
    const audit = (await auditOf(h, id)).map((a) => a.action)
    expect(audit).toEqual(expect.arrayContaining(['exception.opened', 'exception.carrierChosen', 'exception.otherCarrier']))
  }, 40_000)

  it('down (HTTP 500 from the fault plan): retry from the queue resumes the same purchase with its own key; no other carrier while it is live', async () => {
    // A short breaker: the retries while the carrier is down open it; it lets a call through again soon after.
    h = await startHarness({ overrides: { ...fast, carriers: { breaker: { failureThreshold: 5, openMs: 300 } } } })
    const id = await h.addOrder({ orderNumber: 'CAR-2', barcode: 'CAR2', recipient: istanbul, lines })
    h.carrier.setFault('http500')
    const v = await stopAt(h, 'CAR2')
    expect(v.problem?.code).toBe('carrier.unavailable')
    const [row] = await queued(h)
    expect(row).toMatchObject({ orderId: id, kind: 'carrier', atDesk: true, actions: ['retry'] }) // a live purchase: the same carrier only
    await expect(h.station.handlers['exceptions.retry']({ id: row!.id })).rejects.toMatchObject({
      code: expect.stringMatching(/^carrier\.(unavailable|circuitOpen)$/),
    })
    expect(await h.station.handlers['exceptions.list']({})).toMatchObject([{ id: row!.id }]) // still queued
    h.carrier.setFault(null)
    await new Promise((r) => setTimeout(r, 400)) // the breaker lets the next call through
    expect(await h.station.handlers['exceptions.retry']({ id: row!.id })).toEqual([])
    await h.waitForView((x) => x.step === 'packed')
    expect(h.carrier.consignments).toHaveLength(1)
    const keys = new Set(h.carrier.requests.filter((r) => r.method === 'POST').map((r) => r.headers['idempotency-key']))
    expect(keys.size).toBe(1)
    const outcomes = (await auditOf(h, id)).filter((a) => a.action === 'exception.retry').map((a) => JSON.parse(a.detail_json).outcome)
    expect(outcomes).toEqual(['failed', 'resolved'])
  }, 40_000)
})

describe('exceptions queue: weight out of tolerance', () => {
  it("takes a supervisor's badge and a reason (a packer's badge is refused, the row stays), audited with the supervisor as the actor", async () => {
    h = await startHarness({ overrides: fast })
    const id = await h.addOrder({ orderNumber: 'KG-1', barcode: 'KG1', recipient: istanbul, lines })
    const v = await stopAt(h, 'KG1', (g) => Math.round(g * 1.6))
    expect(v.problem?.code).toBe('packing.weightOutOfTolerance')
    const [row] = await queued(h)
    expect(row).toMatchObject({ orderId: id, kind: 'weight', atDesk: true, actions: ['override'] })
    expect(row!.facts).toMatchObject({ expectedGrams: v.expectedGrams, measuredGrams: v.measuredGrams })
    const reason = 'Ek dolgu / ambalaj / Extra packing material'
    await expect(h.station.handlers['exceptions.override']({ id: row!.id, supervisorBadge: 'P1001', reason })).rejects.toMatchObject({
      code: 'packing.supervisorRequired',
    })
    expect(await h.station.handlers['exceptions.list']({})).toMatchObject([{ id: row!.id }])
    expect(h.carrier.consignments).toHaveLength(0)
    await h.station.handlers['exceptions.override']({ id: row!.id, supervisorBadge: 'S9001', reason })
    await h.waitForView((x) => x.step === 'packed')
    expect(h.carrier.consignments).toHaveLength(1)
    const audit = await auditOf(h, id)
    const override = audit.find((a) => a.action === 'exception.overrideApproved')!
    expect(override.actor_id).not.toBe('packer-1')
    expect(JSON.parse(override.detail_json)).toMatchObject({ reason })
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['packing.override', 'order.packed']))
  }, 30_000)

  it('after a restart the weighing is gone: the override is refused until the order is weighed at the desk again', async () => {
    h = await startHarness({ overrides: fast })
    await h.addOrder({ orderNumber: 'KG-2', barcode: 'KG2', recipient: istanbul, lines })
    await stopAt(h, 'KG2', (g) => Math.round(g * 1.6))
    await queued(h)
    const [row] = await restartAndList(h)
    expect(row).toMatchObject({ kind: 'weight', atDesk: false })
    await expect(h.station.handlers['exceptions.override']({ id: row!.id, supervisorBadge: 'S9001', reason: 'kontrol edildi' })).rejects.toMatchObject({
      code: 'packing.wrongState',
    })
    expect(h.carrier.consignments).toHaveLength(0)
  }, 30_000)
})

describe('exceptions queue: printer fault', () => {
  it('paper out: resolving while the printer is still out is refused and the row stays; once it is back the owed label prints once', async () => {
    h = await startHarness({ overrides: fast })
    const id = await h.addOrder({ orderNumber: 'PR-1', barcode: 'PR1', recipient: istanbul, lines })
    h.zebra.setState({ paperOut: true })
    const v = await stopAt(h, 'PR1')
    expect(v.problem?.code).toBe('printer.paperOut')
    const [row] = await queued(h)
    expect(row).toMatchObject({ orderId: id, kind: 'printer', atDesk: true, actions: ['resolvePrinter'] })
    await expect(h.station.handlers['exceptions.resolvePrinter']({ id: row!.id })).rejects.toMatchObject({ code: 'printer.paperOut' })
    expect(await h.station.handlers['exceptions.list']({})).toMatchObject([{ id: row!.id }])
    h.zebra.setState({ paperOut: false })
    expect(await h.station.handlers['exceptions.resolvePrinter']({ id: row!.id })).toEqual([])
    await h.waitForView((x) => x.step === 'packed')
    expect(h.zebra.jobs).toHaveLength(1)
    expect(h.carrier.consignments).toHaveLength(1)
    await expect(h.station.handlers['exceptions.resolvePrinter']({ id: row!.id })).rejects.toMatchObject({ code: 'packing.wrongState' })
    expect(h.zebra.jobs).toHaveLength(1) // settled: a second key press prints nothing
  }, 30_000)

  it('survives a restart with the paper still out: the row stays queued, and resolving it from the queue prints the owed label once and packs the order', async () => {
    h = await startHarness({ overrides: fast })
    const id = await h.addOrder({ orderNumber: 'PR-2', barcode: 'PR2', recipient: istanbul, lines })
    h.zebra.setState({ paperOut: true })
    await stopAt(h, 'PR2')
    await queued(h)
    const [row] = await restartAndList(h)
    expect(row).toMatchObject({ orderId: id, kind: 'printer', atDesk: false })
    h.zebra.setState({ paperOut: false })
    await h.station.handlers['exceptions.resolvePrinter']({ id: row!.id })
    const order = await h.station.database.db.selectFrom('orders').select('status').where('id', '=', id).executeTakeFirstOrThrow()
    expect(order.status).toBe('packed')
    expect(h.zebra.jobs).toHaveLength(1)
    expect(h.carrier.consignments).toHaveLength(1)
  }, 30_000)
})

describe('exceptions queue: sync conflict between two desks', () => {
  it("shows both desks' facts and is settled with a supervisor's badge; the decision and both sides are audited", async () => {
    h = await startHarness({ overrides: fast })
    const other = await h.cloud.stations.create({ id: 'desk-b', apiKey: 'key-b' })
    const id = await h.addOrder({ orderNumber: 'SYN-1', barcode: 'SYN1', recipient: istanbul, lines })
    const scan = (c: string) => h!.station.handlers['scan.submit']({ code: c, source: 'scanner' })
    await scan('P1001')
    await scan('SYN1')
    // The other desk packed the same order first (it packed offline on a local claim): the cloud takes its pack.
    const packedThere = await call(h.cloud.url, '/api/v1/events', {
      apiKey: other.apiKey,
      body: {
        events: [
          {
            id: 'b-evt-1',
            seq: 1,
            kind: 'order.packed',
            orderId: id,
            payload: { trackingNumber: 'B-123', packerId: 'b-packer' },
            createdAt: new Date().toISOString(),
          },
        ],
      },
    })
    expect(packedThere.status).toBe(200)
    await scanAllItems(h.station)
    const v = await scan('KOLI2')
    h.place(v.expectedGrams!)
    await h.waitForView((x) => x.step === 'packed')
    await h.station.sync!.syncNow()
    const [row] = await queued(h)
    expect(row).toMatchObject({ orderId: id, kind: 'syncConflict', code: 'sync.conflict', actions: ['settle'] })
    expect(row!.conflict).toMatchObject({
      ours: { stationId: 'demo-station', packerId: 'packer-1', carrierName: 'comtohome' },
      theirs: { stationId: 'desk-b' },
    })
    expect(row!.conflict!.ours.trackingNumber).toBeTruthy()
    expect(row!.facts).toMatchObject({ reason: 'packedByOtherStation', winnerStationId: 'desk-b' })

    await expect(h.station.handlers['exceptions.settle']({ id: row!.id, supervisorBadge: 'P1001', choice: 'theirs' })).rejects.toMatchObject({
      code: 'packing.supervisorRequired',
    })
    expect(await h.station.handlers['exceptions.settle']({ id: row!.id, supervisorBadge: 'S9001', choice: 'theirs' })).toEqual([])
    const settled = (await auditOf(h, id)).find((a) => a.action === 'exception.settledConflict')!
    expect(JSON.parse(settled.detail_json)).toMatchObject({ choice: 'theirs', ours: { stationId: 'demo-station' }, theirs: { stationId: 'desk-b' } })
    // The same parked events do not queue it again.
    expect(await h.station.handlers['exceptions.list']({})).toEqual([])
  }, 30_000)
})
