import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatchCommand } from '../../shared/contract/dispatch'
import { ErrorCode } from '../../shared/errors'
import { scanAllItems, startHarness, type Harness } from '../support/station-harness'
import { noticeLine } from '../../shared/i18n/notice-text'

let h: Harness
const scan = (code: string) => h.station.handlers['scan.submit']({ code, source: 'scanner' })
const refusal = async (p: Promise<unknown>) => {
  try {
    await p
  } catch (err) {
    return (err as { code: string }).code
  }
  throw new Error('expected a refusal')
}
const outboxKinds = async () => (await h.station.database.db.selectFrom('outbox').select('kind').orderBy('seq').execute()).map((r) => r.kind)

beforeEach(async () => {
  h = await startHarness()
  await scan('P1001')
})
afterEach(async () => {
  await h.dispose()
})

async function packToScale(orderCode: string, box = 'KOLI2') {
  await scan(orderCode)
  await scanAllItems(h.station)
  return scan(box)
}

describe('packing an order end to end', () => {
  it('scan order, items, box, weight → one consignment, one label with its barcode, order packed', async () => {
    const v = await packToScale('KJ1001')
    expect(v.step).toBe('itemsVerified')
    h.place(v.expectedGrams!)
    const done = await h.waitForView((x) => x.step === 'packed' && noticeLine(x.notice).startsWith('Paketlendi'))
    expect(h.carrier.consignments).toHaveLength(1)
    const jobs = await h.zebra.waitForJobs(1)
    expect(jobs).toHaveLength(1)
    expect(jobs[0]).toContain(done.shipment!.barcode!)
    expect(jobs[0]).toContain('^CI28')
    expect(jobs[0]).toContain('Ğülşen Çağlayan İnce')
    expect(done.order!.status).toBe('packed')
    expect(await outboxKinds()).toEqual(['package.measured', 'shipment.created', 'order.packed'])
    expect(done.chosen?.eligible).toBe(true)
  })

  it('a parcel left on the scale from the previous order is not taken as the next weight', async () => {
    const first = await packToScale('KJ1009', 'KOLI2')
    h.place(first.expectedGrams!)
    await h.waitForView((x) => x.step === 'packed')
    const second = await packToScale('KJ1010', 'KOLI1')
    expect(second.step).toBe('itemsVerified')
    expect(second.measuredGrams).toBeNull()
    h.place(second.expectedGrams! + 3)
    const done = await h.waitForView((x) => x.step === 'packed' && x.order?.barcode === 'KJ1010')
    expect(done.measuredGrams).toBe(second.expectedGrams! + 3)
  })

  it('refuses an unknown order and changes nothing', async () => {
    expect(await refusal(scan('NOPE-1'))).toBe(ErrorCode.orderUnknown)
    expect(h.station.packing.view().problem?.code).toBe(ErrorCode.orderUnknown)
    expect(await outboxKinds()).toEqual([])
  })

  it('refuses a wrong item and an extra item with the reason, keeping the counts', async () => {
    await scan('KJ1002')
    expect(await refusal(scan('8690000099993'))).toBe(ErrorCode.itemNotInOrder)
    expect(await refusal(scan('8690000099994'))).toBe(ErrorCode.scanMalformed)
    const v = await scanAllItems(h.station)
    expect(v.step).toBe('itemsVerified')
    expect(v.problem).toBeNull() // a refusal stays on screen only until the next good scan
    const gtin = v.order!.lines[0]!.gtin!
    expect(await refusal(scan(gtin))).toBe(ErrorCode.itemOverQuantity)
    expect(h.station.packing.view().order!.lines[0]!.packedQuantity).toBe(1)
  })

  it('stops on a weight outside tolerance; only a supervisor may override, and it is audited', async () => {
    const v = await packToScale('KJ1002', 'KOLI1')
    h.place(v.expectedGrams! + 900)
    const stopped = await h.waitForView((x) => x.step === 'exception')
    expect(stopped.problem?.code).toBe(ErrorCode.weightOutOfTolerance)
    expect(h.carrier.consignments).toHaveLength(0)
    expect(await refusal(scan('P1002'))).toBe(ErrorCode.supervisorRequired)
    await scan('S9001')
    await h.waitForView((x) => x.step === 'packed')
    const audit = await h.station.database.db.selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'packing.override').execute()
    expect(audit).toEqual([{ action: 'packing.override', actor_id: 'super-1' }])
  })

  it('warns on an already packed order and reprints the same label without buying again', async () => {
    const v = await packToScale('KJ1003', 'KOLI2')
    h.place(v.expectedGrams!)
    await h.waitForView((x) => x.step === 'packed')
    expect(await refusal(scan('KJ1003'))).toBe(ErrorCode.orderAlreadyPacked)
    await scan('KJREPRINT')
    const jobs = await h.zebra.waitForJobs(2)
    expect(jobs[1]).toBe(jobs[0])
    expect(h.carrier.consignments).toHaveLength(1)
    const audit = await h.station.database.db.selectFrom('audit_log').select('action').where('action', '=', 'label.reprint').execute()
    expect(audit).toHaveLength(1)
  })

  it('a carrier outage keeps the idempotency key; retry resumes the same shipment', async () => {
    h.carrier.setFault('http500', { times: 20 })
    const v = await packToScale('KJ1004', 'KOLI1')
    h.place(v.expectedGrams!)
    const stopped = await h.waitForView((x) => x.step === 'exception', 15_000)
    expect(stopped.problem).toMatchObject({ code: ErrorCode.carrierUnavailable, retryable: true })
    const keys = new Set(h.carrier.requests.map((r) => r.headers['idempotency-key']))
    expect(keys.size).toBe(1)
    h.carrier.setFault(null)
    await h.station.handlers['packing.retry']({})
    await h.waitForView((x) => x.step === 'packed')
    expect(h.carrier.consignments).toHaveLength(1)
    expect(new Set(h.carrier.requests.map((r) => r.headers['idempotency-key'])).size).toBe(1)
  }, 30_000)

  it('paper out: the label stays queued, nothing is bought twice, retry prints it once', async () => {
    h.zebra.setState({ paperOut: true })
    const v = await packToScale('KJ1005', 'KOLI2')
    h.place(v.expectedGrams!)
    const stopped = await h.waitForView((x) => x.step === 'exception')
    expect(stopped.problem?.code).toBe(ErrorCode.printerPaperOut)
    expect(h.zebra.jobs).toHaveLength(0)
    expect(h.carrier.consignments).toHaveLength(1)
    h.zebra.setState({ paperOut: false })
    await scan('KJRETRY')
    await h.waitForView((x) => x.step === 'packed')
    expect(h.zebra.jobs).toHaveLength(1)
    expect(h.carrier.consignments).toHaveLength(1)
  })

  it('an order cancelled in the cloud is refused before any label is bought', async () => {
    await h.cloud.cancelOrder('demo-order-1006')
    await h.station.sync!.syncNow()
    expect(await refusal(scan('KJ1006'))).toBe(ErrorCode.orderCancelled)
    expect(h.carrier.consignments).toHaveLength(0)
  })

  it('a restart with a purchase left unanswered resumes it with the same key', async () => {
    const v = await packToScale('KJ1010', 'KOLI2') // a single-parcel order (KJ1007 ships in three)
    h.carrier.setFault('dropAfterCommit', { times: 20 })
    h.place(v.expectedGrams!)
    await h.waitForView((x) => x.step === 'exception', 15_000)
    h.carrier.setFault(null)
    const station = await h.restart()
    expect(await station.resumed).toHaveLength(1)
    expect(h.carrier.consignments).toHaveLength(1)
    await h.zebra.waitForJobs(1)
    expect(h.zebra.jobs).toHaveLength(1)
    const order = await station.database.db.selectFrom('orders').select('status').where('barcode', '=', 'KJ1010').executeTakeFirstOrThrow()
    expect(order.status).toBe('packed')
  }, 30_000)
})

describe('the contract refuses bad input before any handler runs', () => {
  it.each([
    ['scan.submit', { code: '' }, ErrorCode.inputInvalid],
    ['scan.submit', { code: 'a\u0000b' }, ErrorCode.inputInvalid],
    ['scan.submit', { code: 'x'.repeat(500) }, ErrorCode.inputInvalid],
    ['scan.submit', { code: 'KJ1001', extra: 1 }, ErrorCode.inputInvalid],
    ['packing.setDimensions', { lengthMm: -1, widthMm: 10, heightMm: 10 }, ErrorCode.inputInvalid],
    ['returns.create', { code: 'KJ1001', supervisorBadge: 'S9001', reason: 'iade', validDays: 0 }, ErrorCode.inputInvalid],
    ['returns.create', { code: 'KJ1001', supervisorBadge: 'S9001', reason: 'iade', validDays: 91 }, ErrorCode.inputInvalid],
    ['returns.create', { code: 'KJ1001', supervisorBadge: 'S9001', reason: 'x' }, ErrorCode.inputInvalid],
    ['returns.create', { code: '', supervisorBadge: 'S9001', reason: 'iade' }, ErrorCode.inputInvalid],
    ['nope.command', {}, ErrorCode.unknownCommand],
    [42, {}, ErrorCode.unknownCommand],
  ])('%s %j → %s', async (name, input, code) => {
    const before = await outboxKinds()
    const r = await dispatchCommand(h.station.handlers, name, input, h.station.access)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error.code).toBe(code)
    expect(h.station.packing.view().order).toBeNull()
    expect(await outboxKinds()).toEqual(before)
  })
})

describe('scan-back (per-station option)', () => {
  it('completes the order only when the scanned label matches the shipment barcode', async () => {
    await h.dispose()
    h = await startHarness({ overrides: { scanner: { scanBack: true } } })
    await scan('P1001')
    const v = await packToScale('KJ1008', 'KOLI1')
    h.place(v.expectedGrams!)
    const printed = await h.waitForView((x) => x.step === 'printed' && noticeLine(x.notice).includes('okutun'))
    expect(printed.order!.status).not.toBe('packed')
    expect(await refusal(scan('WRONG-LABEL-1'))).toBe(ErrorCode.scanBackMismatch)
    expect(h.station.packing.view().step).toBe('printed')
    const done = await scan(printed.shipment!.barcode!)
    expect(done.step).toBe('packed')
    expect(done.order!.status).toBe('packed')
  })

  it('repairs a US-layout scanner typing into a Turkish-Q keyboard when the station knows it', async () => {
    await h.dispose()
    h = await startHarness({ overrides: { scanner: { wedgeLayout: 'tr-q' } } })
    await scan('P1001')
    // "SIP-1009" read by a US scanner on TR-Q arrives with '-' typed as '*'.
    const v = await h.station.handlers['scan.submit']({ code: 'SIP*1009', source: 'scanner' })
    expect(v.order?.orderNumber).toBe('SIP-1009')
  })
})
