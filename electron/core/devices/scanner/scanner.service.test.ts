import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { Emitter } from '../../../../shared/emitter'
import type { NormalizedScan } from '../../../../shared/scan/normalize-scan'
// Tests may drive the sandbox emulators; production core code never imports sandbox/.
import { startSerialScannerEmulator, type SerialScannerEmulator } from '../../../../sandbox/scanners/serial-scanner.emulator'
import { createPtyPair, type PtyPair } from '../../../../sandbox/scales/socat-pair'
import { SerialScannerDriver } from './serial-scanner.driver'
import type { RawScan, ScannerDriver } from './scanner.port'
import { ScannerService, type ScannerSource, type ScannerStatus } from './scanner.service'
import { waitFor } from '../../../../tests/support/wait-for'

/** A driver the test drives by hand. */
class FakeDriver implements ScannerDriver {
  readonly kind = 'fake'
  readonly scans = new Emitter<RawScan>()
  readonly errors = new Emitter<AppError>()
  readonly gone = new Emitter<AppError>()
  closed = false
  constructor(private readonly failOpen: boolean) {}
  onDidScan = this.scans.event
  onDidError = this.errors.event
  onDidDisconnect = this.gone.event
  async open() {
    if (this.failOpen) throw new AppError(ErrorCode.scannerDisconnected, 'no such port', { retryable: true })
  }
  async close() {
    this.closed = true
  }
  scan(text: string, aim: string | null = null) {
    this.scans.fire({ text, aim, at: 1 })
  }
}

type Seen = { scans: Array<[NormalizedScan, string]>; errors: AppError[]; statuses: ScannerStatus[] }

function makeService(sources: ScannerSource[]) {
  const service = new ScannerService({ sources, backoff: { initialMs: 10, maxMs: 40 } })
  const seen: Seen = { scans: [], errors: [], statuses: [] }
  service.onDidScan((scan, source) => seen.scans.push([scan, source]))
  service.onDidError((e) => seen.errors.push(e))
  service.onDidChangeStatus((s) => seen.statuses.push(s))
  return { service, seen }
}

describe('ScannerService with fake drivers', () => {
  let service: ScannerService | undefined
  afterEach(async () => {
    await service?.dispose()
    service = undefined
  })

  it('normalizes every scan and names its source; HID AIM out of band is honoured', async () => {
    const driver = new FakeDriver(false)
    const made = makeService([{ id: 'hid:1', createDriver: () => driver, normalize: { fnc1: '|' } }])
    service = made.service
    service.start()
    await waitFor(service.onDidChangeStatus, (s) => s.connected)
    driver.scan('0108691234567890' + '10ABC|21X', ']C1')
    driver.scan(']E06291041500213')
    expect(made.seen.scans.map(([s, source]) => [s.code, s.symbology?.name, s.gs1, source])).toEqual([
      ['8691234567890', 'gs1-128', { '01': '08691234567890', '10': 'ABC', '21': 'X' }, 'hid:1'],
      ['6291041500213', 'ean13', null, 'hid:1'],
    ])
  })

  it('a malformed scan is an error with its source and raw text, not a scan', async () => {
    const driver = new FakeDriver(false)
    const made = makeService([{ id: 'serial:a', createDriver: () => driver }])
    service = made.service
    service.start()
    await waitFor(service.onDidChangeStatus, (s) => s.connected)
    driver.scan(']E06291041500214')
    driver.errors.fire(new AppError(ErrorCode.scannerFrameInvalid, 'noise', { meta: { hex: '00' } }))
    expect(made.seen.scans).toEqual([])
    expect(made.seen.errors.map((e) => [e.code, e.meta.source])).toEqual([
      [ErrorCode.scanMalformed, 'serial:a'],
      [ErrorCode.scannerFrameInvalid, 'serial:a'],
    ])
    expect(made.seen.errors[0]?.meta.raw).toBe(']E06291041500214')
  })

  it('reconnects with backoff after failed opens and after a disconnect', async () => {
    const drivers: FakeDriver[] = []
    const made = makeService([{ id: 's', createDriver: () => (drivers.push(new FakeDriver(drivers.length < 2)), drivers.at(-1)!) }])
    service = made.service
    service.start()
    await waitFor(service.onDidChangeStatus, (s) => s.connected)
    expect(drivers.length).toBe(3) // two failed opens, then up
    expect(made.seen.statuses[0]).toMatchObject({ connected: false, error: { code: ErrorCode.scannerDisconnected } })
    drivers[2]!.gone.fire(new AppError(ErrorCode.scannerDisconnected, 'unplugged', { retryable: true }))
    await waitFor(service.onDidChangeStatus, (s) => s.connected)
    expect(drivers.length).toBe(4)
    expect(drivers[2]!.closed).toBe(true)
    drivers[2]!.scan('LATE') // an old driver's events are ignored
    drivers[3]!.scan('NEW')
    expect(made.seen.scans.map(([s]) => s.code)).toEqual(['NEW'])
  })

  it('a throwing listener does not stop the scans', async () => {
    const driver = new FakeDriver(false)
    const made = makeService([{ id: 's', createDriver: () => driver }])
    service = made.service
    service.onDidScan(() => {
      throw new Error('listener bug')
    })
    service.start()
    await waitFor(service.onDidChangeStatus, (s) => s.connected)
    driver.scan('A1')
    driver.scan('A2')
    expect(made.seen.scans.map(([s]) => s.code)).toEqual(['A1', 'A2'])
    expect(made.seen.errors.map((e) => e.code)).toEqual([ErrorCode.internal, ErrorCode.internal])
  })

  it('dispose closes the drivers and stops reconnecting', async () => {
    const drivers: FakeDriver[] = []
    const made = makeService([{ id: 's', createDriver: () => (drivers.push(new FakeDriver(true)), drivers.at(-1)!) }])
    made.service.start()
    await waitFor(made.service.onDidChangeStatus)
    await made.service.dispose()
    const count = drivers.length
    await new Promise((resolve) => setTimeout(resolve, 60)) // longer than the 40 ms backoff cap: no new attempt may start
    expect(drivers.length).toBe(count)
  })
})

describe('ScannerService with a serial scanner on a socat pty', () => {
  let dir: string
  let pair: PtyPair
  let emulator: SerialScannerEmulator | undefined
  let service: ScannerService | undefined

  afterEach(async () => {
    await service?.dispose()
    await emulator?.close()
    await pair?.kill()
    await rm(dir, { recursive: true, force: true })
  })

  it('reads scans, survives the cable being pulled and reconnects when it is back', async () => {
    dir = await mkdtemp(join(tmpdir(), 'scanner-svc-'))
    pair = await createPtyPair(dir)
    emulator = await startSerialScannerEmulator({ path: pair.b })
    const path = pair.a
    const made = makeService([{ id: `serial:${path}`, createDriver: () => new SerialScannerDriver({ path }) }])
    service = made.service
    service.start()
    await waitFor(service.onDidChangeStatus, (s) => s.connected)

    const first = waitFor(service.onDidScan)
    await emulator.scan('00000123456000012343', { aim: ']C1' })
    await first
    expect(made.seen.scans[0]?.[0]).toMatchObject({ code: '000123456000012343', gs1: { '00': '000123456000012343' } })

    await emulator.close()
    emulator = undefined
    const down = waitFor(service.onDidChangeStatus, (s) => !s.connected)
    await pair.kill() // unplug
    expect((await down).error?.code).toBe(ErrorCode.scannerDisconnected)

    const up = waitFor(service.onDidChangeStatus, (s) => s.connected, 5000)
    pair = await createPtyPair(dir) // plugged back in: same device path
    emulator = await startSerialScannerEmulator({ path: pair.b })
    await up
    const again = waitFor(service.onDidScan)
    await emulator.scan('TR1234567890')
    expect((await again).code).toBe('TR1234567890')
  })
})
