import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ErrorCode } from '../../shared/errors'
import { failure } from '../support/app-error'
import { startCrashDesk, type CrashDesk } from '../support/crash-desk'
import { eventually } from '../support/wait-for'
import { connectStation, type WsStationClient } from '../support/ws-client'

/**
 * A desk killed (real SIGKILL) between the label purchase and the confirmed print: at the restart
 * the label with an unknown print outcome is listed before any order, a new order is refused until
 * it is answered, a supervisor's deferral is audited, and "print again" prints exactly one label.
 */
let desk: CrashDesk
let client: WsStationClient | null = null

beforeEach(async () => {
  // A long status wait, so the kill lands while the desk still waits for the printer's answer.
  desk = await startCrashDesk('crash-print', { statusTimeoutMs: 8000 })
})

afterEach(async () => {
  client?.close()
  client = null
  await desk?.dispose()
})

describe('a desk killed between the label purchase and the confirmed print', () => {
  it('lists the label at start; refuses a new order until answered; a supervisor defers (audited); "print again" prints exactly one', async () => {
    const { zebra, carrier } = desk
    let serve = await desk.start()
    let c = await connectStation(serve.url, serve.token)
    await c.call('scan.submit', { code: 'P1001' })
    let v = await c.call('scan.submit', { code: 'KJ1001' })
    for (const line of v.order!.lines) for (let i = 0; i < line.quantity; i++) v = await c.call('scan.submit', { code: line.gtin! })
    v = await c.call('scan.submit', { code: 'KOLI2' })
    // The label reaches the printer, which then stops answering: the desk waits with the row "printing".
    const off = zebra.onDidPrintJob(() => zebra.setState({ mute: true }))
    void c.call('scale.simulate', { grams: v.expectedGrams! }).catch(() => undefined)
    await zebra.waitForJobs(1, 20_000)
    off()
    expect((await desk.kill()).signal).toBe('SIGKILL')
    c.close()
    zebra.setState({ mute: false })
    expect(carrier.consignments).toHaveLength(1)

    serve = await desk.start()
    client = c = await connectStation(serve.url, serve.token)
    // At start, before anyone scans: the label is on the desk.
    const snap = await eventually(
      () => c.call('station.getSnapshot', {}),
      (s) => (s.packing.unconfirmedLabels ?? []).length === 1,
      20_000,
    )
    const [listed] = snap.packing.unconfirmedLabels!
    expect(listed).toMatchObject({ orderBarcode: 'KJ1001', orderNumber: 'SIP-1001', trackingNumber: expect.stringMatching(/\S/), deferred: false })
    expect(snap.packing.step).toBe('idle')
    expect(zebra.jobs).toHaveLength(1) // nothing resent on a guess
    expect(zebra.jobs[0]).toContain(carrier.consignments[0]!.barcode)

    await c.call('scan.submit', { code: 'P1001' })
    const refused = await failure(c.call('scan.submit', { code: 'KJ1002' }))
    expect(refused.code).toBe(ErrorCode.printOutcomeUnknown)
    expect(refused.meta.jobId).toBe(listed!.jobId)
    expect((await failure(c.call('orders.open', { code: 'KJ1002' }))).code).toBe(ErrorCode.printOutcomeUnknown)

    // A supervisor defers: audited, still listed, and the next order opens.
    const deferred = await c.call('scan.submit', { code: 'S9001' })
    expect(deferred.unconfirmedLabels).toEqual([expect.objectContaining({ jobId: listed!.jobId, deferred: true })])
    expect((await c.call('scan.submit', { code: 'KJ1002' })).order?.barcode).toBe('KJ1002')
    await c.call('packing.cancel', {})

    const answered = await c.call('labels.resolveUncertain', { decision: 'printAgain', jobId: listed!.jobId })
    expect(answered.unconfirmedLabels).toEqual([])
    expect(zebra.jobs).toHaveLength(2)
    expect(zebra.jobs[1]).toBe(zebra.jobs[0])
    const packed = await c.call('orders.list', { status: 'packed', limit: 10 })
    expect(packed.map((o) => o.barcode)).toEqual(['KJ1001'])
    await c.call('station.getSnapshot', {})
    expect(zebra.jobs).toHaveLength(2)
    expect(carrier.consignments).toHaveLength(1)

    const db = new Database(join(desk.dir, 'station.sqlite3'), { readonly: true })
    try {
      const actions = db.prepare(`SELECT action, actor_id FROM audit_log WHERE action LIKE 'label.%' ORDER BY rowid`).all() as {
        action: string
        actor_id: string | null
      }[]
      expect(actions.map((a) => a.action)).toEqual(['label.uncertainDeferred', 'label.printAgainAfterUnknown'])
      expect(actions[0]!.actor_id).not.toBe(actions[1]!.actor_id) // the supervisor deferred, the packer answered
    } finally {
      db.close()
    }
  }, 90_000)
})
