import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatchCommand } from '../../shared/contract/dispatch'
import type { PackingView } from '../../shared/contract/views'
import { ErrorCode } from '../../shared/errors'
import { PRINTER_BACK_NOTICE } from '../../electron/core/packing/printer-recovery.rules'
import { failure } from '../support/app-error'
import { scanAllItems, startHarness, type Harness } from '../support/station-harness'
import { noticeLine } from '../../shared/i18n/notice-text'

/**
 * Printer recovery that cannot double-print: after paper-out the banner clears once the
 * printer is ready, one key prints the owed label once and the order finishes; labels whose print
 * outcome is unknown are listed at start and hold new orders until answered or deferred.
 */
let h: Harness
const scan = (code: string) => h.station.handlers['scan.submit']({ code, source: 'scanner' })
const audit = async (action: string) => h.station.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute()
const orderStatus = async (barcode: string) =>
  (await h.station.database.db.selectFrom('orders').select('status').where('barcode', '=', barcode).executeTakeFirstOrThrow()).status

beforeEach(async () => {
  h = await startHarness()
  await scan('P1001')
})
afterEach(async () => {
  await h.dispose()
})

/** Packs `code` up to the label with the printer out of paper: the label is bought and owed. */
async function stopOnPaperOut(code: string): Promise<PackingView> {
  h.zebra.setState({ paperOut: true })
  await scan(code)
  await scanAllItems(h.station)
  const v = await scan('KOLI2')
  h.place(v.expectedGrams!)
  const stopped = await h.waitForView((x) => x.step === 'exception' && x.problem !== null, 15_000)
  h.place(0)
  return stopped
}

describe('paper-out, then the printer comes back', () => {
  it('the banner clears by itself, F4 cannot print a copy of the owed label, F2 prints it once and packs; F2 again prints nothing', async () => {
    const stopped = await stopOnPaperOut('KJ1005')
    expect(stopped.problem?.code).toBe(ErrorCode.printerPaperOut)
    expect(stopped.printPending).toBe(true)
    expect(h.carrier.consignments).toHaveLength(1)

    // F4 (reprint) while the label is owed: refused, nothing printed, nothing queued.
    const early = await failure(h.station.handlers['labels.reprint']({ orderCode: 'KJ1005', reason: 'yeniden yazdırma / reprint' }))
    expect(early.code).toBe(ErrorCode.wrongState)
    expect(await audit('label.reprint')).toHaveLength(0)

    h.zebra.setState({ paperOut: false })
    // The status poll (every 2 s while the printer is down) sees it ready: banner gone, F2 offered.
    const back = await h.waitForView((x) => x.problem === null && noticeLine(x.notice) === noticeLine(PRINTER_BACK_NOTICE), 20_000)
    expect(back.step).toBe('exception')
    expect(back.printPending).toBe(true)
    expect(h.zebra.jobs).toHaveLength(0)

    const done = await h.station.handlers['packing.retry']({})
    expect(done.step).toBe('packed')
    expect(done.problem).toBeNull()
    expect(done.printPending).toBe(false)
    expect(h.zebra.jobs).toHaveLength(1)
    expect(h.zebra.jobs[0]).toContain(done.shipment!.barcode!)
    expect(await orderStatus('KJ1005')).toBe('packed')

    // Any key sequence after that: F2 refuses, a re-scan says "already packed"; no second label.
    expect((await failure(h.station.handlers['packing.retry']({}))).code).toBe(ErrorCode.wrongState)
    expect((await failure(scan('KJRETRY'))).code).toBe(ErrorCode.wrongState)
    expect((await failure(scan('KJ1005'))).code).toBe(ErrorCode.orderAlreadyPacked)
    await h.station.handlers['station.getSnapshot']({})
    expect(h.zebra.jobs).toHaveLength(1)
    expect(h.carrier.consignments).toHaveLength(1)

    // Only the explicit reprint prints a copy, and it is audited.
    await h.station.handlers['labels.reprint']({ orderCode: 'KJ1005', reason: 'etiket yırtıldı / label torn' })
    expect(h.zebra.jobs).toHaveLength(2)
    expect(await audit('label.reprint')).toHaveLength(1)
  }, 60_000)

  it('a reprint stopped by paper-out is printed once by F2 when the printer is back', async () => {
    await scan('KJ1004')
    await scanAllItems(h.station)
    const v = await scan('KOLI2')
    h.place(v.expectedGrams!)
    await h.waitForView((x) => x.step === 'packed')
    h.zebra.setState({ paperOut: true })
    expect((await failure(h.station.handlers['labels.reprint']({ orderCode: 'KJ1004', reason: 'etiket yırtıldı / label torn' }))).code).toBe(
      ErrorCode.printerPaperOut,
    )
    // A second F4 while the reprint is owed adds no second copy.
    expect((await failure(h.station.handlers['labels.reprint']({ orderCode: 'KJ1004', reason: 'etiket yırtıldı / label torn' }))).code).toBe(
      ErrorCode.wrongState,
    )
    h.zebra.setState({ paperOut: false })
    await h.station.handlers['packing.retry']({})
    expect(h.zebra.jobs).toHaveLength(2)
    expect((await failure(h.station.handlers['packing.retry']({}))).code).toBe(ErrorCode.wrongState)
    expect(h.zebra.jobs).toHaveLength(2)
    expect(h.station.packing.view().packedCount).toBe(1)
  }, 60_000)
})

/** A label bought and sent, with the desk gone before the row said "printed" (as a SIGKILL leaves it). */
async function leaveUnconfirmed(code: string): Promise<string> {
  await stopOnPaperOut(code)
  h.zebra.setState({ paperOut: false })
  const db = h.station.database.db
  const job = await db
    .selectFrom('print_jobs')
    .innerJoin('orders', 'orders.id', 'print_jobs.order_id')
    .select('print_jobs.id')
    .where('orders.barcode', '=', code)
    .executeTakeFirstOrThrow()
  await db.updateTable('print_jobs').set({ status: 'printing' }).where('id', '=', job.id).execute()
  await h.restart()
  await scan('P1001')
  return job.id
}

describe('labels with an unknown print outcome at start', () => {
  it('are listed; a new order is refused until answered or deferred; "print again" prints exactly one label', async () => {
    const jobId = await leaveUnconfirmed('KJ1003')
    const listed = await h.waitForView((x) => (x.unconfirmedLabels ?? []).length === 1)
    expect(listed.unconfirmedLabels![0]).toMatchObject({ jobId, orderBarcode: 'KJ1003', deferred: false })
    expect(listed.unconfirmedLabels![0]!.trackingNumber).toMatch(/\S/)
    expect(listed.step).toBe('idle')

    const refused = await failure(scan('KJ1008'))
    expect(refused.code).toBe(ErrorCode.printOutcomeUnknown)
    expect(refused.meta.jobId).toBe(jobId)
    expect(await orderStatus('KJ1008')).toBe('open')
    // A packer's badge does not defer; a supervisor's does, audited.
    expect((await failure(h.station.handlers['labels.deferUncertain']({ supervisorBadge: 'P1001' }))).code).toBe(ErrorCode.supervisorRequired)
    const deferred = await scan('S9001')
    expect(deferred.unconfirmedLabels).toEqual([expect.objectContaining({ jobId, deferred: true })])
    expect((await audit('label.uncertainDeferred')).map((a) => a.order_id)).toHaveLength(1)
    expect((await failure(h.station.handlers['labels.deferUncertain']({ supervisorBadge: 'S9001' }))).code).toBe(ErrorCode.wrongState)

    expect((await scan('KJ1008')).order?.barcode).toBe('KJ1008')
    await h.station.handlers['packing.cancel']({})
    expect(h.zebra.jobs).toHaveLength(0)

    const answered = await h.station.handlers['labels.resolveUncertain']({ decision: 'printAgain', jobId })
    expect(answered.unconfirmedLabels).toEqual([])
    expect(h.zebra.jobs).toHaveLength(1)
    expect(await orderStatus('KJ1003')).toBe('packed')
    expect(await audit('label.printAgainAfterUnknown')).toHaveLength(1)
    expect((await failure(h.station.handlers['labels.resolveUncertain']({ decision: 'printAgain', jobId }))).code).toBe(ErrorCode.wrongState)
    expect(h.zebra.jobs).toHaveLength(1)
  }, 60_000)

  it('"printed" prints nothing, packs the order and lets the next one open', async () => {
    await leaveUnconfirmed('KJ1002')
    await h.waitForView((x) => (x.unconfirmedLabels ?? []).length === 1)
    const answered = await h.station.handlers['labels.resolveUncertain']({ decision: 'printed' })
    expect(answered.unconfirmedLabels).toEqual([])
    expect(noticeLine(answered.notice)).toContain('SIP-1002')
    expect(await orderStatus('KJ1002')).toBe('packed')
    expect(await audit('label.confirmedPrinted')).toHaveLength(1)
    expect((await scan('KJ1008')).order?.barcode).toBe('KJ1008')
    expect(h.zebra.jobs).toHaveLength(0)
  }, 60_000)

  it('refuses an answer for a job that is not listed, and bad input at the contract', async () => {
    expect((await failure(h.station.handlers['labels.resolveUncertain']({ decision: 'printed' }))).code).toBe(ErrorCode.wrongState)
    expect((await failure(h.station.handlers['labels.resolveUncertain']({ decision: 'printed', jobId: 'no-such-job' }))).code).toBe(ErrorCode.wrongState)
    expect((await failure(h.station.handlers['labels.deferUncertain']({ supervisorBadge: 'S9001' }))).code).toBe(ErrorCode.wrongState)
    for (const [name, input] of [
      ['labels.resolveUncertain', { decision: 'printed', jobId: '' }],
      ['labels.resolveUncertain', { decision: 'maybe' }],
      ['labels.resolveUncertain', { decision: 'printed', extra: 1 }],
      ['labels.deferUncertain', {}],
      ['labels.deferUncertain', { supervisorBadge: '' }],
    ] as const) {
      const r = await dispatchCommand(h.station.handlers, name, input, h.station.access)
      expect(r.ok).toBe(false)
      expect(!r.ok && r.error.code).toBe(ErrorCode.inputInvalid)
    }
  })
})
