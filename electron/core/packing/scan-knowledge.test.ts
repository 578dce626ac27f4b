import { afterEach, describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../shared/errors'
import { failure } from '../../../tests/support/app-error'
import { scanAllItems, startHarness, type Harness } from '../../../tests/support/station-harness'
import { findOrderByCode } from '../orders/orders.repository'
import { classifyScan, shownCode } from './scan-classifier'

/**
 * The desk knows the barcode (issue 12): a badge, an order, an item, a box, a command or a tracking number
 * is told apart by the desk's own records, and a scan that does not fit the step says what it was.
 */
let h: Harness | null = null
afterEach(async () => {
  await h?.dispose()
  h = null
})

const scan = (code: string) => h!.station.handlers['scan.submit']({ code, source: 'scanner' })
/** The refusal a scan meets: its error code and the catalog notice (code and params) it carries. */
const refusal = async (code: string) => {
  const err = await failure(scan(code))
  return { code: err.code, notice: err.notice?.code, params: err.notice?.params }
}
/** A fresh desk with packer P1001 signed in and this order open. */
const deskWithOrder = async (orderBarcode: string) => {
  h = await startHarness()
  await scan('P1001')
  await scan(orderBarcode)
  return h
}
const audits = (action: string) => h!.station.database.db.selectFrom('audit_log').select(['actor_id', 'detail_json']).where('action', '=', action).execute()

describe('the classifier', () => {
  it('tells a badge, an order, an item (of this order / another), a box, a command and an unknown code apart', async () => {
    h = await startHarness()
    const db = h.station.database.db
    await scan('P1001')
    const open = (await scan('KJ1001')).order!
    const otherOrder = await findOrderByCode(db, 'KJ1002')
    expect((await classifyScan(db, 'S9001', open)).kind).toBe('badge')
    expect(await classifyScan(db, 'KJ1002', open)).toMatchObject({ kind: 'order', order: { orderNumber: 'SIP-1002' } })
    expect(await classifyScan(db, open.lines[0]!.gtin ?? open.lines[0]!.sku, open)).toMatchObject({ kind: 'item', ofOpenOrder: true })
    const foreign = otherOrder!.lines.find((l) => !open.lines.some((x) => x.sku === l.sku))
    if (foreign) expect(await classifyScan(db, foreign.gtin ?? foreign.sku, open)).toMatchObject({ kind: 'item', ofOpenOrder: false, orderNumber: 'SIP-1002' })
    expect(await classifyScan(db, 'koli2', open)).toMatchObject({ kind: 'box', code: 'KOLI2' })
    expect((await classifyScan(db, 'KJCANCEL', open)).kind).toBe('command')
    expect((await classifyScan(db, 'KJIADE', null)).kind).toBe('command')
    expect((await classifyScan(db, 'NOTHING-HERE', null)).kind).toBe('unknown')
  }, 30_000)

  it('quotes a code back shortened and without control characters', () => {
    expect(shownCode('AB\u0000C\u001dD')).toBe('ABCD')
    expect(shownCode('X'.repeat(60))).toBe(`${'X'.repeat(23)}…`)
  })
})

describe('the desk says what it saw', () => {
  it('another order during an open order: "this is order X; finish or cancel (F8) the current one", nothing counted', async () => {
    h = await deskWithOrder('KJ1001')
    const r = await refusal('KJ1002')
    expect(r).toMatchObject({ code: ErrorCode.wrongState, notice: 'scan.otherOrder', params: { orderNumber: 'SIP-1002', openOrderNumber: 'SIP-1001' } })
    const v = h.station.packing.view()
    expect(v.order?.orderNumber).toBe('SIP-1001')
    expect(v.order?.lines.every((l) => l.packedQuantity === 0)).toBe(true)
    // The same order again is no error.
    expect((await scan('KJ1001')).notice?.code).toBe('scan.sameOrder')
  }, 30_000)

  it("another packer's badge during an order says whose it is; at the box step too", async () => {
    h = await deskWithOrder('KJ1001')
    expect(await refusal('S9001')).toMatchObject({ code: ErrorCode.wrongState, notice: 'scan.badgeDuringOrder', params: { orderNumber: 'SIP-1001' } })
    await scanAllItems(h.station)
    expect(await refusal('S9001')).toMatchObject({ notice: 'scan.badgeDuringOrder' })
    expect(h.station.packing.view().packer?.badge).toBe('P1001')
  }, 30_000)

  it('a badge at an idle desk hands it over: logout and login, audited; the own badge changes nothing', async () => {
    h = await startHarness()
    await scan('P1001')
    expect((await scan('P1001')).notice?.code).toBe('session.alreadyYours')
    const v = await scan('S9001')
    expect(v.packer?.badge).toBe('S9001')
    expect(v.notice).toMatchObject({ code: 'session.handedOver' })
    const [handover] = await audits('session.handover')
    expect(JSON.parse(handover!.detail_json)).toMatchObject({ fromBadge: 'P1001' })
    expect(await audits('session.logout')).toHaveLength(1)
    expect(await audits('session.login')).toHaveLength(2) // P1001, then S9001
  }, 30_000)

  it('an unknown code, an item or a box at an idle desk say what they are and what to do', async () => {
    h = await startHarness()
    await scan('P1001')
    expect(await refusal('ZZZ-\u0007NOPE')).toMatchObject({ code: ErrorCode.orderUnknown, notice: 'scan.unknownAtIdle', params: { code: 'ZZZ-NOPE' } })
    expect(await refusal('KOLI2')).toMatchObject({ code: ErrorCode.wrongState, notice: 'scan.boxAtIdle' })
    await scan('KJ1001')
    const item = h.station.packing.view().order!.lines[0]!
    await h.station.handlers['packing.cancel']({})
    expect(await refusal(item.gtin ?? item.sku)).toMatchObject({ code: ErrorCode.wrongState, notice: 'scan.itemAtIdle', params: { orderNumber: 'SIP-1001' } })
  }, 30_000)

  it('an unknown code or a box while items are scanned: named, not "item not in order" of nothing', async () => {
    h = await deskWithOrder('KJ1001')
    expect(await refusal('QQQ123')).toMatchObject({ code: ErrorCode.itemNotInOrder, notice: 'scan.unknownInOrder', params: { orderNumber: 'SIP-1001' } })
    expect(await refusal('KOLI2')).toMatchObject({ code: ErrorCode.itemsIncomplete, notice: 'scan.boxBeforeItems' })
  }, 30_000)
})

describe('a shipment by its tracking number', () => {
  it('at an idle desk shows the shipment, its order and carrier; the next scan closes it', async () => {
    h = await deskWithOrder('KJ1002')
    await scanAllItems(h.station)
    const v = await scan('KOLI2')
    h.place(v.expectedGrams!)
    const packed = await h.waitForView((x) => x.step === 'packed')
    h.place(0)
    const tracking = packed.shipment!.trackingNumber!
    const shown = await scan(tracking)
    expect(shown.lookup).toMatchObject({ orderNumber: 'SIP-1002', orderBarcode: 'KJ1002', trackingNumber: tracking, status: 'purchased' })
    expect(shown.notice?.code).toBe('shipment.lookedUp')
    expect(shown.problem).toBeNull()
    expect((await scan('KJ1003')).lookup).toBeNull()
  }, 30_000)
})

describe('a box the items do not fit', () => {
  it('is refused; a packer badge does not let it through; a supervisor badge does (audited with the reason)', async () => {
    h = await deskWithOrder('KJ1001')
    const done = await scanAllItems(h.station)
    // The suggestion names the key that picks it on screen (the catalog lists KOLI1, ZARF1, KOLI2, KOLI3).
    const boxes = await h.station.handlers['boxes.list']({})
    const best = done.boxSuggestions!.find((s) => s.fits === true)!
    expect(done.notice).toMatchObject({
      code: 'packing.itemsCompleteSuggested',
      params: { boxCode: best.code, boxKey: String(boxes.findIndex((b) => b.code === best.code) + 1) },
    })
    const noFit = done.boxSuggestions!.find((s) => s.fits === false)!
    expect(await refusal(noFit.code)).toMatchObject({ code: ErrorCode.supervisorRequired, notice: 'box.doesNotFit' })
    expect(h.station.packing.view().box).toBeNull()
    expect(h.station.packing.view().boxFitPending?.code).toBe(noFit.code)
    // By its key too: the digit is the nth box, refused the same way.
    const key = String(boxes.findIndex((b) => b.code === noFit.code) + 1)
    expect(await refusal(key)).toMatchObject({ notice: 'box.doesNotFit' })
    expect(await refusal('P1001')).toMatchObject({ code: ErrorCode.supervisorRequired })
    const v = await scan('S9001')
    expect(v.box?.code).toBe(noFit.code)
    expect(v.boxFitPending).toBeNull()
    const [audit] = await audits('packing.boxFitOverride')
    expect(JSON.parse(audit!.detail_json)).toMatchObject({ boxCode: noFit.code, reason: expect.stringContaining('sığmayan') })
  }, 30_000)

  it('a fitting box after a refusal is taken at once, and the badge is no longer an override', async () => {
    h = await deskWithOrder('KJ1001')
    const done = await scanAllItems(h.station)
    const noFit = done.boxSuggestions!.find((s) => s.fits === false)!
    await refusal(noFit.code)
    const fit = done.boxSuggestions!.find((s) => s.fits === true)!
    expect((await scan(fit.code)).box?.code).toBe(fit.code)
    expect(await audits('packing.boxFitOverride')).toHaveLength(0)
  }, 30_000)
})
