import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { ErrorCode, type AppError } from '../../../../shared/errors'
import { hidPosScanReports } from '../../../../sandbox/scanners/hid-pos-reports'
import type { HidScannerBackend, HidScannerHandle, HidScannerInfo } from './hid-pos-scanner.driver'
import { createScannerSources, scannerSourceId } from './scanner-sources'
import type { RawScan } from './scanner.port'

class FakeHid extends EventEmitter implements HidScannerHandle {
  async sendFeatureReport(data: number[]): Promise<number> {
    return data.length
  }
  async close(): Promise<void> {}
}

const POS = { usagePage: 0x8c, usage: 2 }
const devices: HidScannerInfo[] = [
  { path: '/dev/hidraw1', vendorId: 0x046d, productId: 0xc52b, usagePage: 1, usage: 6 }, // a keyboard: never a scan source
  { path: '/dev/hidraw2', vendorId: 0x05e0, productId: 0x1200, ...POS },
  { path: '/dev/hidraw3', vendorId: 0x0c2e, productId: 0x0b61, ...POS },
]

function backend(list: HidScannerInfo[]): HidScannerBackend & { opened: string[]; device: FakeHid } {
  const device = new FakeHid()
  const opened: string[] = []
  return { opened, device, devices: async () => list, open: async (path) => (opened.push(path), device) }
}

describe('scannerSourceId', () => {
  it.each([
    { config: { driver: 'serial', path: '/dev/ttyACM0', terminator: 'cr' }, id: 'serial:/dev/ttyACM0' },
    { config: { driver: 'hid-pos', path: '/dev/hidraw3' }, id: 'hid-pos:/dev/hidraw3' },
    { config: { driver: 'hid-pos', vendorId: 0x0c2e, productId: 0x0b61 }, id: 'hid-pos:0c2e:0b61' },
    { config: { driver: 'hid-pos', vendorId: 0x0c2e }, id: 'hid-pos:0c2e:*' },
    { config: { driver: 'hid-pos' }, id: 'hid-pos:any' },
  ] as const)('$id', ({ config, id }) => {
    expect(scannerSourceId(config)).toBe(id)
  })
})

describe('createScannerSources, HID POS by VID:PID', () => {
  async function open(match: { vendorId?: number; productId?: number }, list = devices) {
    const b = backend(list)
    const [source] = createScannerSources([{ driver: 'hid-pos', ...match }], { hidBackend: b })
    const driver = source!.createDriver()
    const scans: RawScan[] = []
    driver.onDidScan((s) => scans.push(s))
    return { b, driver, scans, opening: driver.open() }
  }

  it('opens the HID POS interface with that VID:PID and passes its scans on', async () => {
    const { b, driver, scans, opening } = await open({ vendorId: 0x0c2e, productId: 0x0b61 })
    await opening
    expect(b.opened).toEqual(['/dev/hidraw3'])
    for (const r of hidPosScanReports('KJ1001', { aim: ']C0' })) b.device.emit('data', Buffer.from(r))
    expect(scans.map((s) => [s.text, s.aim])).toEqual([['KJ1001', ']C0']])
    await driver.close()
  })

  it('without VID:PID takes the first HID POS scanner, never a keyboard', async () => {
    const { b, opening } = await open({})
    await opening
    expect(b.opened).toEqual(['/dev/hidraw2'])
  })

  it('is scanner.disconnected (retried by the service) when no such scanner is plugged in', async () => {
    const { b, opening } = await open({ vendorId: 0x1234 })
    const err = (await opening.catch((e: unknown) => e)) as AppError
    expect(err.code).toBe(ErrorCode.scannerDisconnected)
    expect(err.retryable).toBe(true)
    expect(err.message).toContain('1234:*')
    expect(b.opened).toEqual([])
  })
})
