import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { ErrorCode, type AppError } from '../../../../shared/errors'
import { hidPosScanReports } from '../../../../sandbox/scanners/hid-pos-reports'
import { HidPosScannerDriver, listHidPosScanners, type HidScannerBackend, type HidScannerHandle, type HidScannerInfo } from './hid-pos-scanner.driver'
import type { RawScan } from './scanner.port'

/** Stands in for node-hid's HIDAsync below the driver: the test pushes report bytes, the driver reads them. */
class FakeHid extends EventEmitter implements HidScannerHandle {
  readonly featureReports: number[][] = []
  closed = false
  failFeature = false
  async sendFeatureReport(data: number[]): Promise<number> {
    if (this.failFeature) throw new Error('feature report not supported')
    this.featureReports.push(data)
    return data.length
  }
  async close(): Promise<void> {
    this.closed = true
  }
  /** As node-hid emits them: one Buffer per input report, report ID first. */
  send(reports: Uint8Array[]): void {
    for (const r of reports) this.emit('data', Buffer.from(r))
  }
}

function backend(device: FakeHid | Error, list: HidScannerInfo[] = []): HidScannerBackend & { opened: string[] } {
  const opened: string[] = []
  return {
    opened,
    devices: async () => list,
    open: async (path) => {
      opened.push(path)
      if (device instanceof Error) throw device
      return device
    },
  }
}

async function connect(options: { vendorId?: number; honeywellHidMode?: boolean } = {}) {
  const device = new FakeHid()
  const driver = new HidPosScannerDriver({ path: '/dev/hidraw3', backend: backend(device), now: () => 42, ...options })
  const scans: RawScan[] = []
  const errors: AppError[] = []
  const gone: AppError[] = []
  driver.onDidScan((s) => scans.push(s))
  driver.onDidError((e) => errors.push(e))
  driver.onDidDisconnect((e) => gone.push(e))
  await driver.open()
  return { device, driver, scans, errors, gone }
}

describe('HidPosScannerDriver with a fake node-hid device', () => {
  it('emits one scan per report series, AIM out of band', async () => {
    const { device, scans, errors } = await connect()
    device.send(hidPosScanReports('6291041500213', { aim: ']E0' }))
    device.send(hidPosScanReports(`0108691234567890\x1d10${'L'.repeat(60)}`, { aim: ']d2' }))
    expect(scans).toEqual([
      { text: '6291041500213', aim: ']E0', at: 42 },
      { text: `0108691234567890\x1d10${'L'.repeat(60)}`, aim: ']d2', at: 42 },
    ])
    expect(errors).toEqual([])
  })

  it('ignores reports with another ID', async () => {
    const { device, scans } = await connect()
    const status = new Uint8Array(64)
    status[0] = 0x04
    device.send([status, ...hidPosScanReports('TR1')])
    expect(scans.map((s) => s.text)).toEqual(['TR1'])
  })

  it('reports a broken report and reads the next scan', async () => {
    const { device, scans, errors } = await connect()
    const broken = hidPosScanReports('X')[0]!
    broken[1] = 200 // length beyond the data area
    device.send([broken, ...hidPosScanReports('TR2')])
    expect(errors.map((e) => [e.code, e.meta.reason, e.meta.path])).toEqual([[ErrorCode.scannerFrameInvalid, 'length 200 > 56', '/dev/hidraw3']])
    expect(scans.map((s) => s.text)).toEqual(['TR2'])
  })

  it.each([
    { name: 'Honeywell by vendor ID', options: { vendorId: 0x0c2e }, sent: [[0xfe, 0x01]] },
    { name: 'forced on', options: { honeywellHidMode: true }, sent: [[0xfe, 0x01]] },
    { name: 'another vendor', options: { vendorId: 0x05e0 }, sent: [] },
  ])('HID POS mode switch: $name', async ({ options, sent }) => {
    const { device } = await connect(options)
    expect(device.featureReports).toEqual(sent)
  })

  it('a refused mode switch is an error, not a failed open', async () => {
    const device = new FakeHid()
    device.failFeature = true
    const driver = new HidPosScannerDriver({ path: 'p', vendorId: 0x0c2e, backend: backend(device) })
    const errors: AppError[] = []
    driver.onDidError((e) => errors.push(e))
    await driver.open()
    expect(errors.map((e) => e.meta.reason)).toEqual(['modeSwitch'])
  })

  it('a read error (unplug) is scanner.disconnected, once, and the handle is released', async () => {
    const { device, gone, scans } = await connect()
    device.emit('error', new Error('could not read from HID device'))
    device.emit('error', new Error('again'))
    device.send(hidPosScanReports('late'))
    expect(gone.map((e) => [e.code, e.retryable])).toEqual([[ErrorCode.scannerDisconnected, true]])
    expect(device.closed).toBe(true)
    expect(scans).toEqual([])
  })

  it('a device that cannot be opened is scanner.disconnected (retryable)', async () => {
    const driver = new HidPosScannerDriver({ path: '/dev/hidraw9', backend: backend(new Error('cannot open device with path /dev/hidraw9')) })
    await expect(driver.open()).rejects.toMatchObject({ code: ErrorCode.scannerDisconnected, retryable: true, meta: { path: '/dev/hidraw9' } })
  })

  it('lists only HID POS scanner interfaces', async () => {
    const list: HidScannerInfo[] = [
      { path: 'a', vendorId: 0x0c2e, productId: 0x0b87, usagePage: 0x8c, usage: 2 },
      { path: 'b', vendorId: 0x0c2e, productId: 0x0b87, usagePage: 0x01, usage: 6 }, // its keyboard interface
      { path: 'c', vendorId: 0x0922, productId: 0x8003, usagePage: 0x8d, usage: 0x20 }, // a scale
    ]
    expect((await listHidPosScanners(backend(new FakeHid(), list))).map((d) => d.path)).toEqual(['a'])
  })
})
