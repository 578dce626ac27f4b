import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CommandName, CommandOutput } from '../../shared/contract/commands'
import { dispatchCommand } from '../../shared/contract/dispatch'
import { ErrorCode } from '../../shared/errors'
import { startHarness, type Harness } from '../support/station-harness'
import { stationEvents, waitFor } from '../support/wait-for'

let h: Harness
const scan = (code: string) => h.station.handlers['scan.submit']({ code, source: 'scanner' })
const login = (badge: string) => h.station.handlers['session.login']({ badge })

/** Through the contract, as the UI sends it: input parsed with zod, errors as the envelope. */
async function call<K extends CommandName>(name: K, input: unknown = {}): Promise<CommandOutput<K>> {
  const r = await dispatchCommand(h.station.handlers, name, input, h.station.access)
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error)
  return r.value as CommandOutput<K>
}
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'no refusal',
    (e: { code: string }) => e.code,
  )
const stationFile = () => join(h.dir, 'station.json')
const printJobs = () => h.station.database.db.selectFrom('print_jobs').selectAll().execute()

beforeEach(async () => {
  h = await startHarness()
})
afterEach(async () => {
  await h.dispose()
})

describe('who may use the settings commands', () => {
  it.each([
    ['settings.get', {}],
    ['settings.setScannerLayout', { layout: 'tr-q' }],
    ['printers.testLabel', {}],
    ['scale.zero', {}],
  ] as const)('%s: nobody logged in → session.required; a packer → packing.supervisorRequired; nothing changes', async (name, input) => {
    expect(await refusal(call(name, input))).toBe(ErrorCode.sessionRequired)
    await login('P1001')
    expect(await refusal(call(name, input))).toBe(ErrorCode.supervisorRequired)
    expect(existsSync(stationFile())).toBe(false)
    expect(await printJobs()).toEqual([])
    expect(h.zebra.jobs).toEqual([])
  })

  it('printer status and slip reprint need a session, not a supervisor', async () => {
    expect(await refusal(call('printers.status'))).toBe(ErrorCode.sessionRequired)
    expect(await refusal(call('slips.reprint', { orderCode: 'KJ1001' }))).toBe(ErrorCode.sessionRequired)
    await login('P1001')
    expect((await call('printers.status')).label.status?.ready).toBe(true)
    // No receipt printer at this desk: a clear refusal, not a crash.
    expect(await refusal(call('slips.reprint', { orderCode: 'KJ1001' }))).toBe(ErrorCode.wrongState)
  })

  it('bad input is refused by the contract', async () => {
    await login('S9001')
    expect(await refusal(call('settings.setScannerLayout', { layout: 'dvorak' }))).toBe(ErrorCode.inputInvalid)
    expect(await refusal(call('settings.setScannerLayout', {}))).toBe(ErrorCode.inputInvalid)
    expect(await refusal(call('printers.testLabel', { copies: 3 }))).toBe(ErrorCode.inputInvalid)
    expect(await refusal(call('slips.reprint', { orderCode: '' }))).toBe(ErrorCode.inputInvalid)
    expect(existsSync(stationFile())).toBe(false)
  })
})

describe('settings.get and settings.setScannerLayout', () => {
  it('saves the layout into station.json (other keys kept), applies it to the next wedge scan, and keeps it after a restart', async () => {
    writeFileSync(stationFile(), JSON.stringify({ stationName: 'Masa 7', tolerance: { absGrams: 150 } }, null, 2))
    await login('S9001')
    const before = await call('settings.get')
    expect(before.scanner.wedgeLayout).toBeNull()
    expect(before.stationFile).toBe(stationFile())
    expect(before.printer).toEqual({ uri: h.zebra.uri, dpi: 203, size: '100x150' })
    expect(before.scale).toMatchObject({ driver: 'simulated', path: null })

    // Before: "SIP-1009" typed by a US scanner into a Turkish-Q desk is not found.
    expect(await refusal(scan('SIP*1009'))).toBe(ErrorCode.orderUnknown)
    const after = await call('settings.setScannerLayout', { layout: 'tr-q' })
    expect(after.scanner.wedgeLayout).toBe('tr-q')
    expect(JSON.parse(readFileSync(stationFile(), 'utf8'))).toEqual({ stationName: 'Masa 7', tolerance: { absGrams: 150 }, scanner: { wedgeLayout: 'tr-q' } })
    expect(readdirSync(h.dir).filter((f) => f.includes('station.json'))).toEqual(['station.json'])
    // Live: the same scan now opens the order. Typed by hand it is not repaired.
    expect((await scan('SIP*1009')).order?.orderNumber).toBe('SIP-1009')
    await h.station.handlers['packing.cancel']({})
    expect(await refusal(h.station.handlers['scan.submit']({ code: 'SIP*1009', source: 'keyboard' }))).toBe(ErrorCode.orderUnknown)
    const audit = await h.station.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'detail_json'])
      .where('action', '=', 'settings.scannerLayout')
      .execute()
    expect(audit).toEqual([{ actor_id: 'super-1', detail_json: JSON.stringify({ from: null, to: 'tr-q' }) }])

    const station = await h.restart()
    await station.handlers['session.login']({ badge: 'S9001' })
    expect((await station.handlers['settings.get']({})).scanner.wedgeLayout).toBe('tr-q')
    expect((await station.snapshot()).stationName).toBe('Masa 7')
  })

  it('a station.json that is not JSON is refused untouched, and the layout is not applied', async () => {
    writeFileSync(stationFile(), '{ "stationName": ')
    await login('S9001')
    expect(await refusal(call('settings.setScannerLayout', { layout: 'tr-q' }))).toBe(ErrorCode.settingsWriteFailed)
    expect(readFileSync(stationFile(), 'utf8')).toBe('{ "stationName": ')
    expect((await call('settings.get')).scanner.wedgeLayout).toBeNull()
    expect(await refusal(scan('SIP*1009'))).toBe(ErrorCode.orderUnknown)
  })
})

describe('printers.status and printers.testLabel against the Zebra TCP emulator', () => {
  it('reports every ~HS field, and paper-out as the problem', async () => {
    await login('P1001')
    const ok = await call('printers.status')
    expect(ok.label).toMatchObject({ uri: h.zebra.uri, dpi: 203, size: '100x150', canReportStatus: true, problem: null, queued: 0 })
    expect(ok.label.status).toMatchObject({ ready: true, paperOut: false, headOpen: false, paused: false, ribbonOut: false })
    expect(ok.receipt).toBeNull()
    h.zebra.setState({ paperOut: true })
    const out = await call('printers.status')
    expect(out.label.status).toMatchObject({ ready: false, paperOut: true, headOpen: false })
    expect(out.label.problem?.code).toBe(ErrorCode.printerNotReady)
    expect((await h.station.snapshot()).devices.printer.ready).toBe(false) // the status bar follows
  })

  it('prints the test label through the queue as a recorded job of kind test, linked to no order', async () => {
    await login('S9001')
    const result = await call('printers.testLabel')
    expect(result.printerUri).toBe(h.zebra.uri)
    const [zpl] = await h.zebra.waitForJobs(1)
    expect(zpl).toContain('TEST')
    expect(zpl).toContain('^CI28')
    expect(zpl).toContain('KJTEST0000001')
    const jobs = await printJobs()
    expect(jobs).toHaveLength(1)
    expect(jobs[0]).toMatchObject({
      id: result.jobId,
      kind: 'test',
      order_id: null,
      shipment_id: null,
      status: 'printed',
      requested_by: 'super-1',
      printer_uri: h.zebra.uri,
    })
    const audit = await h.station.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'order_id'])
      .where('action', '=', 'printer.testLabel')
      .execute()
    expect(audit).toEqual([{ action: 'printer.testLabel', actor_id: 'super-1', order_id: null }])
    // A test label is no packed order: reports and the queue stay as they were.
    expect((await h.station.snapshot()).devices.printer.queued).toBe(0)
  })

  it('head open: refused with the reason, the job is closed as failed (never resumed), nothing printed', async () => {
    await login('S9001')
    h.zebra.setState({ headOpen: true })
    expect(await refusal(call('printers.testLabel'))).toBe(ErrorCode.printerHeadOpen)
    const jobs = await printJobs()
    expect(jobs.map((j) => [j.kind, j.status, j.error_code])).toEqual([['test', 'failed', ErrorCode.printerHeadOpen]])
    h.zebra.setState({ headOpen: false })
    const station = await h.restart()
    await station.resumed
    expect(h.zebra.jobs).toEqual([])
    expect((await station.snapshot()).devices.printer.queued).toBe(0)
  })
})

describe('scale.zero', () => {
  it('zeroes the simulated scale: the load on it now reads 0', async () => {
    await login('S9001')
    h.place(1200)
    await eventuallyGrams((g) => g === 1200)
    expect(await call('scale.zero')).toBeNull()
    await eventuallyGrams((g) => g === 0)
    const audit = await h.station.database.db.selectFrom('audit_log').select('actor_id').where('action', '=', 'scale.zero').execute()
    expect(audit).toEqual([{ actor_id: 'super-1' }])
  })
})

/** Waits for the next stable reading that satisfies `accept` (the scale pushes one every tick). */
function eventuallyGrams(accept: (grams: number) => boolean, timeoutMs = 5000): Promise<number> {
  return waitFor(stationEvents(h.station, 'scale.reading'), (r) => r !== null && r.stable && accept(r.grams), timeoutMs, 'such a reading').then((r) => r!.grams)
}
