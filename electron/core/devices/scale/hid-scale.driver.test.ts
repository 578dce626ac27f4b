import { EventEmitter } from 'node:events'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../../../shared/errors'
import type { HidDeviceInfo } from './hid-scale.devices'
import { HidScaleDriver, nodeHidBackend, type HidBackend, type HidDeviceHandle, type HidScaleDriverOptions } from './hid-scale.driver'
import type { ScaleReading } from './scale.port'
import { ScaleService, type ScaleStatus } from './scale.service'
import { waitFor } from '../../../../tests/support/wait-for'

/** A HID device below the port, shaped like node-hid's HIDAsync: 'data'/'error' events, write, close. */
class FakeHidDevice extends EventEmitter implements HidDeviceHandle {
  readonly written: number[][] = []
  closed = false
  writeError: Error | null = null
  async write(values: number[]): Promise<number> {
    if (this.writeError) throw this.writeError
    this.written.push(values)
    return values.length
  }
  async close(): Promise<void> {
    this.closed = true
  }
  report(hex: string): void {
    this.emit('data', Buffer.from(hex.replace(/ /g, ''), 'hex'))
  }
  unplug(): void {
    this.emit('error', new Error('could not read from HID device'))
  }
}

const dymo: HidDeviceInfo = { vendorId: 0x0922, productId: 0x8003, path: '/dev/hidraw3', usagePage: 0x8d }
const hinted: HidDeviceInfo = { vendorId: 0x1234, productId: 0x0001, path: '/dev/hidraw1', usagePage: 0x8d }

function fakeBackend(devices: HidDeviceInfo[]) {
  const opened: string[] = []
  let device = new FakeHidDevice()
  const backend: HidBackend = {
    devices: async () => devices,
    open: async (path) => {
      opened.push(path)
      device = new FakeHidDevice()
      return device
    },
  }
  return { backend, opened, device: () => device }
}

describe('HidScaleDriver over a fake node-hid device', () => {
  let driver: HidScaleDriver | undefined
  afterEach(async () => {
    await driver?.close()
    driver = undefined
  })

  async function open(devices: HidDeviceInfo[] = [hinted, dymo], options: Partial<HidScaleDriverOptions> = {}) {
    const fake = fakeBackend(devices)
    driver = new HidScaleDriver({ backend: fake.backend, repeatLastMs: 0, ...options })
    const readings: ScaleReading[] = []
    const errors: AppError[] = []
    driver.onDidRead((r) => readings.push(r))
    driver.onDidError((e) => errors.push(e))
    await driver.open()
    return { ...fake, readings, errors, d: driver }
  }

  it('opens the VID:PID table match before a usage-page hint and drops the first (stale) report', async () => {
    const { opened, device, readings, d } = await open()
    expect(opened).toEqual(['/dev/hidraw3'])
    expect(d.device).toEqual(dymo)
    device().report('03 04 02 00 e8 03') // stale: thrown away (usbscale WEIGH_COUNT 2)
    device().report('03 04 02 00 d2 04')
    expect(readings).toMatchObject([{ grams: 1234, stable: true, condition: 'ok' }])
  })

  it('falls back to a usage-page-only device when no table match is connected', async () => {
    const { opened } = await open([hinted])
    expect(opened).toEqual(['/dev/hidraw1'])
  })

  it('surfaces every status: weights as readings, faults as scale.fault once per change, noise ignored', async () => {
    const { device, readings, errors } = await open([dymo], { discardFirstReports: 0 })
    for (const hex of [
      '03 03 02 00 f4 01', // in motion 500 g
      '03 02 02 00 00 00', // zero
      '03 05 02 00 14 00', // negative
      '03 06 02 00 00 00', // over capacity
      '03 00 00 00 00 00', // noise
      '03 04 0b ff 7b 00', // 12.3 oz stable
      '03 01 00 00 00 00', // fault
      '03 01 00 00 00 00', // fault again: not repeated
      '03 07 02 00 00 00', // needs calibration
      '03 08 02 00 00 00', // needs re-zero
      '03 09 02 00 00 00', // unknown status
      '02 04 02 00 00 01', // not a scale report
    ])
      device().report(hex)
    expect(readings.map(({ grams, stable, condition }) => ({ grams, stable, condition }))).toEqual([
      { grams: 500, stable: false, condition: 'ok' },
      { grams: 0, stable: true, condition: 'ok' },
      { grams: -20, stable: false, condition: 'underload' },
      { grams: 0, stable: false, condition: 'overload' },
      { grams: 349, stable: true, condition: 'ok' },
    ])
    expect(errors.map((e) => [e.code, e.meta.status ?? null])).toEqual([
      [ErrorCode.scaleFault, 'fault'],
      [ErrorCode.scaleFault, 'needsCalibration'],
      [ErrorCode.scaleFault, 'needsRezero'],
      [ErrorCode.scaleFault, 'unknownStatus'],
      [ErrorCode.scaleFrameInvalid, null],
    ])
  })

  it('repeats the last weight while a report-on-change scale is quiet, but never after a fault', async () => {
    const { device, d } = await open([dymo], { discardFirstReports: 0, repeatLastMs: 30 })
    device().report('03 04 02 00 d2 04')
    const first = await waitFor(d.onDidRead)
    const repeated = await waitFor(d.onDidRead)
    expect(repeated).toMatchObject({ grams: 1234, stable: true })
    expect(repeated.at).toBeGreaterThan(first.at)
    device().report('03 07 02 00 00 00')
    await expect(waitFor(d.onDidRead, () => true, 150)).rejects.toThrow(/timed out/)
  })

  it('zero sends output report 02 02; a scale without it → scale.commandFailed', async () => {
    const { device, d } = await open([dymo])
    await d.zero()
    expect(device().written).toEqual([[0x02, 0x02]])
    device().writeError = new Error('Cannot write to hid device')
    await expect(d.zero()).rejects.toMatchObject({ code: ErrorCode.scaleCommandFailed, message: expect.stringMatching(/refused zero/) })
  })

  it('zeroReport null: the desk never tries', async () => {
    const { device, d } = await open([dymo], { zeroReport: null })
    await expect(d.zero()).rejects.toMatchObject({ code: ErrorCode.scaleCommandFailed })
    expect(device().written).toEqual([])
  })

  it('a read error (unplug, auto-off) → scale.disconnected, handle released, no more readings', async () => {
    const { device, d, readings } = await open([dymo], { discardFirstReports: 0, repeatLastMs: 20 })
    device().report('03 04 02 00 d2 04')
    const lost = waitFor(d.onDidDisconnect)
    device().unplug()
    expect(await lost).toMatchObject({ code: ErrorCode.scaleDisconnected, retryable: true })
    expect(device().closed).toBe(true)
    const count = readings.length
    device().report('03 04 02 00 d2 04')
    await new Promise((resolve) => setTimeout(resolve, 60)) // two repeat periods: nothing may follow
    expect(readings.length).toBe(count)
    await expect(d.zero()).rejects.toMatchObject({ code: ErrorCode.scaleDisconnected })
  })

  it('vendorId/productId open a device outside the table; path opens directly', async () => {
    const other: HidDeviceInfo = { vendorId: 0x1111, productId: 0x2222, path: '/dev/hidraw9' }
    expect((await open([dymo, other], { vendorId: 0x1111, productId: 0x2222 })).opened).toEqual(['/dev/hidraw9'])
    await driver?.close()
    expect((await open([], { path: '/dev/hidraw5' })).opened).toEqual(['/dev/hidraw5'])
  })

  it('no scale, no HID library, no permission → scale.disconnected (retryable) that says why', async () => {
    driver = new HidScaleDriver({ backend: fakeBackend([hinted]).backend, vendorId: 0x0922 })
    await expect(driver.open()).rejects.toMatchObject({
      code: ErrorCode.scaleDisconnected,
      retryable: true,
      message: expect.stringMatching(/no HID scale with ID 0922:\* is connected/),
    })
    driver = new HidScaleDriver({
      backend: { devices: () => Promise.reject(new Error('ERR_DLOPEN_FAILED libusb-1.0.so.0')), open: () => Promise.reject(new Error('x')) },
    })
    await expect(driver.open()).rejects.toMatchObject({ code: ErrorCode.scaleDisconnected, meta: { hint: 'install libusb-1.0-0' } })
    driver = new HidScaleDriver({ backend: { devices: async () => [dymo], open: () => Promise.reject(new Error('cannot open device')) } })
    await expect(driver.open()).rejects.toMatchObject({
      code: ErrorCode.scaleDisconnected,
      message: expect.stringMatching(/cannot open HID scale 0922:8003 at \/dev\/hidraw3/),
    })
    driver = undefined
  })

  it('the real node-hid backend lists devices here (none) and the driver says no scale is connected', async () => {
    await expect(nodeHidBackend.devices()).resolves.toBeInstanceOf(Array)
    driver = new HidScaleDriver()
    const err = await driver.open().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect(err).toMatchObject({ code: ErrorCode.scaleDisconnected, message: expect.stringMatching(/no HID scale from the known VID:PID list/) })
    driver = undefined
  })
})

describe('ScaleService + HidScaleDriver', () => {
  it('unplug → disconnected, no stale weight; replug → reconnected with fresh weights', async () => {
    let devices: HidDeviceInfo[] = [dymo]
    const plugged: { device: FakeHidDevice | null } = { device: null }
    const backend: HidBackend = {
      devices: async () => devices,
      open: async () => (plugged.device = new FakeHidDevice()),
    }
    const service = new ScaleService({ createDriver: () => new HidScaleDriver({ backend, repeatLastMs: 50 }), backoff: { initialMs: 20, maxMs: 50 } })
    try {
      const connected = waitFor<ScaleStatus>(service.onDidChangeStatus, (s) => s.connected)
      service.start()
      await connected
      const feed = setInterval(() => plugged.device?.report('03 04 02 00 d2 04'), 20)
      await expect(service.waitForStableWeight({ timeoutMs: 2000 })).resolves.toMatchObject({ grams: 1234 })
      clearInterval(feed)

      const lost = waitFor<ScaleStatus>(service.onDidChangeStatus, (s) => !s.connected)
      devices = []
      plugged.device?.unplug()
      expect((await lost).error?.code).toBe(ErrorCode.scaleDisconnected)
      expect(service.current()).toBeNull()

      const back = waitFor<ScaleStatus>(service.onDidChangeStatus, (s) => s.connected)
      devices = [dymo]
      await back
      expect(service.current()).toBeNull()
      plugged.device?.report('03 04 02 00 00 00') // stale first report, dropped
      plugged.device?.report('03 04 02 00 64 00')
      expect(service.current()).toMatchObject({ grams: 100 })
    } finally {
      await service.dispose()
    }
  })
})
