import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startReferenceCloud } from '../../sandbox/cloud/reference/reference-cloud'
import type { PackingView } from '../../shared/contract/views'
import { ErrorCode } from '../../shared/errors'
import { eventually } from '../support/wait-for'
import { trackedAfterEach } from '../support/dispose-after-each'
import { scanAllItems, startHarness, type Harness } from '../support/station-harness'

/**
 * Claim renewal (docs/sync-guarantees.md §4.3): a desk keeps the lease of the order it has
 * open alive for as long as the pack takes, stops when the order is packed and releases it when the
 * order is abandoned. Leases here are 600 ms (renewed every 150 ms) so a "long pack" takes a second.
 */
const LEASE_MS = 600
const RENEW_MS = 150

const track = trackedAfterEach()

async function setup(cloudOverrides: Record<string, unknown> = {}) {
  const dir = track(mkdtempSync(join(tmpdir(), 'kj-claims-')))
  const cloud = track(
    await startReferenceCloud({
      dbPath: join(dir, 'cloud.sqlite3'),
      marketplaceLabelEvery: 0,
      rateLimit: { limit: 100_000, windowMs: 60_000 },
      claimLeaseBoundsMs: { min: 100, max: 3_600_000 },
    }),
  )
  await cloud.seedOrders(3)
  const desk = async (id: string) => {
    const s = await cloud.stations.create({ id, apiKey: `key-${id}` })
    const h = track(
      await startHarness({
        overrides: {
          cloud: {
            baseUrl: cloud.url,
            apiKey: s.apiKey,
            stationId: s.id,
            pullIntervalMs: 3_600_000,
            claimLeaseMs: LEASE_MS,
            claimRenewMs: RENEW_MS,
            ...cloudOverrides,
          },
        },
      }),
    )
    await h.station.handlers['scan.submit']({ code: 'P1001', source: 'scanner' })
    return h
  }
  return { cloud, a: await desk('desk-a'), b: await desk('desk-b') }
}

const scan = (h: Harness, code: string) => h.station.handlers['scan.submit']({ code, source: 'scanner' })

/** Items and box, then the weight: resolves with the packed or exception view. */
async function finishPack(h: Harness) {
  await scanAllItems(h.station)
  h.place(0)
  const v = await scan(h, 'KOLI2')
  h.place(v.expectedGrams! + 2)
  return h.waitForView((x) => x.step === 'packed' || x.step === 'exception', 15_000)
}

describe('claims: a desk keeps the lease of an open order alive', () => {
  it('a pack longer than the lease: the claim stays ours (renewed, same claim id), another desk is refused; renewing stops once packed', async () => {
    const { cloud, a, b } = await setup()
    await scan(a, 'KJR100001')
    const first = (await cloud.getOrder('ref-000001'))!.claim!
    expect(first).toMatchObject({ stationId: 'desk-a', leaseMs: LEASE_MS })

    // Well past the first lease's end, the order is still desk A's, under the same claim.
    await eventually(
      async () => a.station.claims!.held('ref-000001')!.renewals,
      (n) => n >= 5,
      5_000,
      20,
    )
    expect(Date.now()).toBeGreaterThan(Date.parse(first.expiresAt))
    const now = (await cloud.getOrder('ref-000001'))!.claim
    expect(now).toMatchObject({ stationId: 'desk-a', claimId: first.claimId })
    expect(Date.parse(now!.expiresAt)).toBeGreaterThan(Date.parse(first.expiresAt))
    await expect(scan(b, 'KJR100001')).rejects.toMatchObject({
      code: ErrorCode.orderBusy,
      meta: { claim: { reason: 'claimedByOtherStation', stationId: 'desk-a' } },
    })

    expect((await finishPack(a)).step).toBe('packed')
    await eventually(
      async () => a.station.claims!.held('ref-000001'),
      (h) => h === null,
      2_000,
      10,
    )
    const renewsAtPack = cloud.stats().byRoute['claims.renew']?.['200'] ?? 0
    // Packed: the order.packed event closes the claim at the cloud; the desk renews nothing more.
    await a.station.sync!.syncNow()
    expect(await cloud.getOrder('ref-000001')).toMatchObject({ packedByStationId: 'desk-a', claim: null })
    await new Promise((r) => setTimeout(r, 3 * RENEW_MS)) // three renewal periods with nothing to renew
    expect(cloud.stats().byRoute['claims.renew']?.['200'] ?? 0).toBe(renewsAtPack)
  }, 30_000)

  it('an abandoned order is released at once: the other desk can take it without waiting for the lease', async () => {
    const { cloud, a, b } = await setup()
    await scan(a, 'KJR100002')
    expect((await cloud.getOrder('ref-000002'))!.claim?.stationId).toBe('desk-a')
    await a.station.handlers['packing.cancel']({})
    expect(a.station.claims!.held('ref-000002')).toBeNull()
    await eventually(
      async () => (await cloud.getOrder('ref-000002'))!.claim,
      (c) => c === null,
      2_000,
      20,
    )
    const v = await scan(b, 'KJR100002')
    expect(v.order?.barcode).toBe('KJR100002')
    expect((await cloud.getOrder('ref-000002'))!.claim?.stationId).toBe('desk-b')
  }, 30_000)

  it('a desk that could not renew in time loses the order to another desk, and buys no label for it', async () => {
    const { cloud, a, b } = await setup()
    await scan(a, 'KJR100003')
    // The desk pushes the change to the packing screen as soon as a renewal learns it.
    const pushed = new Promise<unknown>((resolve) => {
      const off = a.station.subscribe((name, payload) => {
        if (name === 'packing.changed' && (payload as PackingView).claim?.state === 'lost') (off(), resolve(payload))
      })
    })
    cloud.setFaults([{ kind: 'serverError', route: 'claims.renew' }])
    await eventually(
      async () => (await cloud.getOrder('ref-000003'))!.claim,
      (c) => c === null,
      3_000,
      20,
    ) // the lease ran out
    await scan(b, 'KJR100003')
    cloud.setFaults([])
    const lost = await eventually(
      async () => a.station.claims!.held('ref-000003'),
      (h) => h?.state === 'lost',
      3_000,
      20,
    )
    expect(lost?.holder).toBe('desk-b')
    expect(await pushed).toMatchObject({ claim: { state: 'lost', holder: 'desk-b' }, order: { id: 'ref-000003' } })

    const end = await finishPack(a)
    expect(end).toMatchObject({ step: 'exception', problem: { code: ErrorCode.orderBusy } })
    expect(a.carrier.consignments).toHaveLength(0)
    expect((await cloud.getOrder('ref-000003'))!.claim?.stationId).toBe('desk-b')
  }, 30_000)

  it('one failed claim request is retried, not taken for an unreachable cloud: the claim is granted', async () => {
    const { cloud, a, b } = await setup()
    cloud.setFaults([
      { kind: 'serverError', route: 'claims.claim', times: 1 },
      { kind: 'connectionReset', route: 'claims.claim', times: 1 },
    ])
    const v = await scan(a, 'KJR100001')
    expect(v.notice?.tone).toBe('ok')
    expect(v.claim).toEqual({ state: 'granted', holder: null })
    expect(cloud.stats().faults).toMatchObject({ serverError: 1, connectionReset: 1 })
    await expect(scan(b, 'KJR100001')).rejects.toMatchObject({ code: ErrorCode.orderBusy, meta: { claim: { stationId: 'desk-a' } } })
  }, 30_000)

  it('an order opened on a local claim (cloud unreachable for the whole retry time) becomes a real claim at the next renewal', async () => {
    const { cloud, a, b } = await setup({ claimRetryMs: 300 })
    cloud.setFaults([{ kind: 'serverError', route: 'claims.claim' }])
    const v = await scan(a, 'KJR100001')
    expect(v.notice?.tone).toBe('warn') // packing on a local claim
    expect(v.claim).toEqual({ state: 'local', holder: null })
    expect(cloud.stats().faults.serverError).toBeGreaterThan(1) // retried, not given up after one
    expect(a.station.claims!.held('ref-000001')?.state).toBe('local')
    cloud.setFaults([])
    await eventually(
      async () => a.station.claims!.held('ref-000001')?.state,
      (s) => s === 'granted',
      3_000,
      20,
    )
    expect((await cloud.getOrder('ref-000001'))!.claim?.stationId).toBe('desk-a')
    await expect(scan(b, 'KJR100001')).rejects.toMatchObject({ code: ErrorCode.orderBusy })
  }, 30_000)

  it('before the label is bought a local claim is tried again: another desk holds the order → the packer is stopped, told which desk, nothing bought', async () => {
    // Renewals far apart, so only the pre-purchase check can find out.
    const { cloud, a, b } = await setup({ claimRetryMs: 300, claimLeaseMs: 60_000, claimRenewMs: 600_000 })
    cloud.setFaults([{ kind: 'serverError', route: 'claims.claim' }])
    expect((await scan(a, 'KJR100002')).claim?.state).toBe('local')
    cloud.setFaults([])
    expect((await scan(b, 'KJR100002')).claim?.state).toBe('granted')
    const end = await finishPack(a)
    expect(end).toMatchObject({
      step: 'exception',
      problem: { code: ErrorCode.orderBusy, meta: { claim: { stationId: 'desk-b' } } },
      claim: { state: 'lost', holder: 'desk-b' },
    })
    expect(end.problem?.message).toContain('desk-b')
    expect(a.carrier.consignments).toHaveLength(0)
    // The holder packs it: one label in all.
    expect((await finishPack(b)).step).toBe('packed')
    expect(a.carrier.consignments.length + b.carrier.consignments.length).toBe(1)
  }, 30_000)

  it('before the label is bought a local claim the cloud now grants turns into a real claim, and the order ships', async () => {
    const { cloud, a } = await setup({ claimRetryMs: 300, claimLeaseMs: 60_000, claimRenewMs: 600_000 })
    cloud.setFaults([{ kind: 'serverError', route: 'claims.claim' }])
    expect((await scan(a, 'KJR100003')).claim?.state).toBe('local')
    cloud.setFaults([])
    expect((await finishPack(a)).step).toBe('packed')
    expect(a.carrier.consignments).toHaveLength(1)
    expect(cloud.stats().byRoute['claims.claim']?.['200']).toBe(1)
  }, 30_000)

  it("offlinePacking 'refuse': with the cloud unreachable the order is not opened, and the packer is told why", async () => {
    const { cloud, a } = await setup({ claimRetryMs: 300, offlinePacking: 'refuse' })
    cloud.setFaults([{ kind: 'tooManyRequests', route: 'claims.claim', retryAfterSeconds: 0 }])
    await expect(scan(a, 'KJR100001')).rejects.toMatchObject({ code: ErrorCode.syncOffline, meta: { offlinePacking: 'refuse' } })
    expect(a.station.claims!.held('ref-000001')).toBeNull()
    expect(a.station.handlers['station.getSnapshot'] ? (await a.station.handlers['station.getSnapshot']({})).packing.order : null).toBeNull()
  }, 30_000)
})
