import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ExceptionView } from '../../shared/contract/exceptions'
import { ErrorCode, type Result } from '../../shared/errors'
import { startHeadlessServer, type HeadlessServer } from '../../electron/core/server/headless.server'
import { hashPin } from '../../electron/core/packers/pin-hash'
import { MAX_PIN_ATTEMPTS } from '../../electron/core/packers/pin-attempts'
import { DEMO_PACKERS } from '../../sandbox/cloud/demo-orders'
import { startHarness, type Harness } from '../support/station-harness'
import { connectStation, type WsStationClient } from '../support/ws-client'

/**
 * Issue 12: roles are enforced in the core, over the real WebSocket of the headless server: a
 * client that skips the UI gets the same refusals. The badges and the PIN come from the cloud's
 * packer records, as at a real desk: a manager M5901 with PIN 4821 and an admin A7901 without one.
 */
let h: Harness
let server: HeadlessServer
let rendererDir: string
let ws: WsStationClient

beforeAll(async () => {
  const packers = [
    ...DEMO_PACKERS,
    { id: 'manager-pin', name: 'Mert Müdür', badge: 'M5901', role: 'manager' as const, pinHash: await hashPin('4821') },
    { id: 'admin-x', name: 'Ada Yönetici', badge: 'A7901', role: 'admin' as const },
  ]
  h = await startHarness({ cloudConfig: { packers } })
  rendererDir = mkdtempSync(join(tmpdir(), 'kj-ui-'))
  writeFileSync(join(rendererDir, 'index.html'), '<html></html>')
  server = await startHeadlessServer({ handlers: h.station.handlers, access: h.station.access, subscribe: h.station.subscribe, rendererDir, port: 0 })
  ws = await connectStation(server.url, server.token)
}, 60_000)
afterAll(async () => {
  ws?.close()
  await server?.close()
  await h?.dispose()
  rmSync(rendererDir, { recursive: true, force: true })
})
beforeEach(async () => {
  await ws.call('session.logout', {})
})

const codeOf = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code)
const paused = async () => (await h.station.sync!.status()).mode === 'paused'

describe('the core refuses a command below its role, over the WebSocket', () => {
  it('the commands issue 12 names: refused with no login and with a packer, allowed to a supervisor', async () => {
    const calls = [
      ['sync.setPaused', { paused: true }],
      ['manifests.print', { carrierId: 'comtohome' }],
      ['sync.parked', {}],
      ['carriers.exchanges', {}],
      ['tracking.pollNow', {}],
    ] as const
    for (const [name, input] of calls) expect([name, codeOf(await ws.raw(name, input))]).toEqual([name, ErrorCode.sessionRequired])
    await ws.call('session.login', { badge: 'P1001' })
    for (const [name, input] of calls) expect([name, codeOf(await ws.raw(name, input))]).toEqual([name, ErrorCode.supervisorRequired])
    // Refused before the handler ran: sync was not paused.
    expect(await paused()).toBe(false)

    await ws.call('session.login', { badge: 'S9001' })
    expect((await ws.call('sync.setPaused', { paused: true })).mode).toBe('paused')
    expect((await ws.call('sync.setPaused', { paused: false })).mode).not.toBe('paused')
    expect(codeOf(await ws.raw('sync.parked', {}))).toBe('ok')
    expect(codeOf(await ws.raw('carriers.exchanges', {}))).toBe('ok')
  })

  it('a locked desk still shows itself and takes a badge; reports (costs) wait for a manager', async () => {
    expect(codeOf(await ws.raw('station.getSnapshot', {}))).toBe('ok')
    expect(codeOf(await ws.raw('orders.list', {}))).toBe(ErrorCode.sessionRequired)
    expect(codeOf(await ws.raw('shipments.labelImage', { shipmentId: 'x' }))).toBe(ErrorCode.sessionRequired)
    await ws.call('scan.submit', { code: 'S9001', source: 'scanner' })
    expect(codeOf(await ws.raw('orders.list', {}))).toBe('ok')
    expect(codeOf(await ws.raw('shipments.labelImage', { shipmentId: 'x' }))).toBe(ErrorCode.notFound) // past the role check
    const refused = await ws.raw('reports.summary', {})
    expect(refused.ok ? null : [refused.error.code, refused.error.meta]).toEqual([
      ErrorCode.roleRequired,
      { command: 'reports.summary', required: 'manager', role: 'supervisor' },
    ])
    await ws.call('session.login', { badge: 'A7901' })
    expect(codeOf(await ws.raw('reports.summary', {}))).toBe('ok')
  })
})

describe('the carrier change, over the WebSocket', () => {
  it('refused with no login; a change above the limit needs a supervisor badge the core checks; a packer sees no prices', async () => {
    expect(codeOf(await ws.raw('packing.carrierOptions', {}))).toBe(ErrorCode.sessionRequired)
    expect(codeOf(await ws.raw('packing.changeCarrier', { carrierId: 'comtohome', serviceCode: 'provider:1' }))).toBe(ErrorCode.sessionRequired)
    await ws.call('scan.submit', { code: 'P1001', source: 'scanner' })
    const opened = await ws.call('scan.submit', { code: 'KJ1004', source: 'scanner' })
    for (const line of opened.order!.lines) for (let i = 0; i < line.quantity; i++) await ws.call('scan.submit', { code: line.gtin!, source: 'scanner' })
    await ws.call('scan.submit', { code: 'KOLI2', source: 'scanner' })
    const rows = (await ws.call('packing.carrierOptions', {})).rows
    expect(rows.every((r) => r.option.priceKurus === null)).toBe(true)
    const above = rows.find((r) => r.need === 'supervisor')!.option
    const change = { carrierId: above.carrierId, serviceCode: above.serviceCode, reason: 'carrierChange.reason.area' as const }
    expect(codeOf(await ws.raw('packing.changeCarrier', change))).toBe(ErrorCode.supervisorRequired)
    expect(codeOf(await ws.raw('packing.changeCarrier', { ...change, supervisorBadge: 'P1002' }))).toBe(ErrorCode.supervisorRequired)
    expect(codeOf(await ws.raw('packing.changeCarrier', { ...change, reason: 'carrierChange.reason.nope' }))).toBe(ErrorCode.inputInvalid)
    const taken = await ws.call('packing.changeCarrier', { ...change, supervisorBadge: 'S9001' })
    expect(taken.rows.find((r) => r.picked)?.option.serviceCode).toBe(above.serviceCode)
    await ws.call('packing.cancel', {})
  })
})

describe('the exceptions queue, over the WebSocket', () => {
  it("refused with no login; a packer reads the queue, and the override's badge is checked in the core", async () => {
    const id = 'x-00000000-0000-0000-0000-000000000000'
    const calls = [
      ['exceptions.list', {}],
      ['exceptions.suggestPlaces', { query: 'kadık' }],
      ['exceptions.fixAddress', { id, city: 'Ankara', district: 'Çankaya' }],
      ['exceptions.retry', { id }],
      ['exceptions.useCarrier', { id, serviceCode: 'provider:1' }],
      ['exceptions.override', { id, supervisorBadge: 'S9001', reason: 'kontrol edildi' }],
      ['exceptions.resolvePrinter', { id }],
      ['exceptions.settle', { id, supervisorBadge: 'S9001', choice: 'ours' }],
    ] as const
    for (const [name, input] of calls) expect([name, codeOf(await ws.raw(name, input))]).toEqual([name, ErrorCode.sessionRequired])
    await ws.call('scan.submit', { code: 'P1001', source: 'scanner' })
    const opened = await ws.call('scan.submit', { code: 'KJ1005', source: 'scanner' })
    for (const line of opened.order!.lines) for (let i = 0; i < line.quantity; i++) await ws.call('scan.submit', { code: line.gtin!, source: 'scanner' })
    const boxed = await ws.call('scan.submit', { code: 'KOLI2', source: 'scanner' })
    h.place(Math.round(boxed.expectedGrams! * 1.6))
    await h.waitForView((v) => v.problem?.code === ErrorCode.weightOutOfTolerance)
    let rows: ExceptionView[] = []
    for (let i = 0; i < 50 && rows.length === 0; i++) rows = await ws.call('exceptions.list', {})
    const row = rows.find((r) => r.kind === 'weight')!
    const override = { id: row.id, supervisorBadge: 'P1001', reason: 'kontrol edildi' }
    expect(codeOf(await ws.raw('exceptions.override', override))).toBe(ErrorCode.supervisorRequired)
    expect(codeOf(await ws.raw('exceptions.settle', { id: row.id, supervisorBadge: 'S9001', choice: 'ours' }))).toBe(ErrorCode.wrongState) // not this row's action
    await ws.call('packing.cancel', {})
    h.place(0)
  })
})

describe('the box catalog, over the WebSocket', () => {
  it('admins only: a packer and a supervisor are refused; bad values refused by name; saved and taken out with the audit', async () => {
    const box = { code: 'koli9', name: 'Uzun koli', lengthMm: 600, widthMm: 200, heightMm: 150, tareGrams: 420 }
    expect(codeOf(await ws.raw('boxes.save', box))).toBe(ErrorCode.sessionRequired)
    for (const badge of ['P1001', 'S9001']) {
      await ws.call('session.login', { badge })
      expect(codeOf(await ws.raw('boxes.save', box))).toBe(ErrorCode.roleRequired)
      expect(codeOf(await ws.raw('boxes.retire', { code: 'KOLI1' }))).toBe(ErrorCode.roleRequired)
    }
    await ws.call('session.login', { badge: 'A7901' })
    const tooLong = await ws.raw('boxes.save', { ...box, lengthMm: 3001 })
    expect(tooLong.ok ? null : tooLong.error.code).toBe(ErrorCode.inputInvalid)
    expect(tooLong.ok ? '' : tooLong.error.message).toContain('lengthMm')
    expect(codeOf(await ws.raw('boxes.save', { ...box, code: '9X' }))).toBe(ErrorCode.inputInvalid)
    expect(codeOf(await ws.raw('boxes.save', { ...box, tareGrams: -1 }))).toBe(ErrorCode.inputInvalid)
    const saved = await ws.call('boxes.save', box)
    expect(saved.find((b) => b.code === 'KOLI9')).toEqual({ ...box, code: 'KOLI9' })
    const out = await ws.call('boxes.retire', { code: 'koli9' })
    expect(out.map((b) => b.code)).not.toContain('KOLI9')
    expect(codeOf(await ws.raw('boxes.retire', { code: 'KOLI9' }))).toBe(ErrorCode.notFound)
    const audit = await h.station.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('action', 'like', 'settings.box%')
      .orderBy('seq')
      .execute()
    expect(audit).toEqual([
      { action: 'settings.boxSaved', actor_id: 'admin-x' },
      { action: 'settings.boxRetired', actor_id: 'admin-x' },
    ])
  })
})

describe('the label printer address, over the WebSocket', () => {
  it('admins only; an address the desk cannot open is refused by name; a good one goes to station.json, audited', async () => {
    await ws.call('session.login', { badge: 'S9001' })
    expect(codeOf(await ws.raw('settings.setPrinter', { uri: 'tcp://192.168.1.50:9100' }))).toBe(ErrorCode.roleRequired)
    await ws.call('session.login', { badge: 'A7901' })
    for (const uri of ['ftp://printer', 'tcp://:9100', 'tcp://10.0.0.5:70000', 'not a uri']) {
      expect([uri, codeOf(await ws.raw('settings.setPrinter', { uri }))]).toEqual([uri, ErrorCode.printerAddressInvalid])
    }
    expect(await ws.call('settings.setPrinter', { uri: 'tcp://192.168.1.50:9100' })).toEqual({ uri: 'tcp://192.168.1.50:9100', restartRequired: true })
    const file = JSON.parse(readFileSync(join(h.dir, 'station.json'), 'utf8')) as { printer?: { uri?: string } }
    expect(file.printer?.uri).toBe('tcp://192.168.1.50:9100')
    const audit = await h.station.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'detail_json'])
      .where('action', '=', 'settings.printerChanged')
      .execute()
    expect(audit.map((a) => [a.actor_id, JSON.parse(a.detail_json).to])).toEqual([['admin-x', 'tcp://192.168.1.50:9100']])
  })
})

describe('a badge with a PIN', () => {
  it('asks for the PIN, refuses a wrong one, and logs in with the right one', async () => {
    expect(codeOf(await ws.raw('session.login', { badge: 'M5901' }))).toBe(ErrorCode.pinRequired)
    // The scanner entry is a login too: it must not let the badge in without its PIN.
    expect(codeOf(await ws.raw('scan.submit', { code: 'M5901', source: 'scanner' }))).toBe(ErrorCode.pinRequired)
    const wrong = await ws.raw('session.login', { badge: 'M5901', pin: '0000' })
    expect(wrong.ok ? null : [wrong.error.code, wrong.error.meta?.attemptsLeft]).toEqual([ErrorCode.pinWrong, MAX_PIN_ATTEMPTS - 1])
    expect((await ws.call('station.getSnapshot', {})).packing.packer).toBeNull()
    expect(codeOf(await ws.raw('reports.summary', {}))).toBe(ErrorCode.sessionRequired)

    expect((await ws.call('session.login', { badge: 'M5901', pin: '4821' })).role).toBe('manager')
    expect(codeOf(await ws.raw('reports.summary', {}))).toBe('ok')
  })

  it('locks the badge after too many wrong PINs, even for the right one', async () => {
    for (let i = 0; i < MAX_PIN_ATTEMPTS - 1; i++) expect(codeOf(await ws.raw('session.login', { badge: 'M5901', pin: '1111' }))).toBe(ErrorCode.pinWrong)
    expect(codeOf(await ws.raw('session.login', { badge: 'M5901', pin: '1111' }))).toBe(ErrorCode.pinLocked)
    expect(codeOf(await ws.raw('session.login', { badge: 'M5901', pin: '4821' }))).toBe(ErrorCode.pinLocked)
    expect((await ws.call('station.getSnapshot', {})).packing.packer).toBeNull()
    // Other badges are not affected.
    expect((await ws.call('session.login', { badge: 'S9001' })).role).toBe('supervisor')
  })
})
