import { afterEach, describe, expect, it } from 'vitest'
import { nodeHidBackend } from '../../core/devices/scale/hid-scale.driver'
import type { CliIo } from '../cli.types'
import { createScaleListCommand, scaleListCommand, type HidDeviceLister, type SerialPortLister } from './scale-list.command'

const noHid: HidDeviceLister = async () => []
const createRealHidLister = (): HidDeviceLister => () => nodeHidBackend.devices()

async function runList(argv: string[], list?: SerialPortLister, listHid: HidDeviceLister = noHid) {
  let stdout = ''
  let stderr = ''
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) }
  const command = list ? createScaleListCommand(list, listHid) : scaleListCommand
  const code = await command.run(argv, io)
  return { code, stdout, stderr }
}

const enoent = () => Promise.reject(Object.assign(new Error('spawn udevadm ENOENT'), { code: 'ENOENT' }))

describe('station scale list', () => {
  const savedPath = process.env.PATH
  afterEach(() => {
    process.env.PATH = savedPath
  })

  it('prints ports as JSON', async () => {
    const r = await runList(['--json'], async () => [
      { path: '/dev/ttyUSB0', manufacturer: 'FTDI', vendorId: '0403', productId: '6001', serialNumber: 'A1' },
      { path: '/dev/ttyS0' },
    ])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual([
      { kind: 'serial', path: '/dev/ttyUSB0', manufacturer: 'FTDI', serialNumber: 'A1', vendorId: '0403', productId: '6001' },
      { kind: 'serial', path: '/dev/ttyS0', manufacturer: null, serialNumber: null, vendorId: null, productId: null },
    ])
  })

  it('prints ports for people, and says when there are none', async () => {
    const some = await runList([], async () => [{ path: '/dev/ttyUSB0', manufacturer: 'FTDI', vendorId: '0403', productId: '6001' }])
    expect(some).toMatchObject({ code: 0, stdout: '/dev/ttyUSB0  FTDI [0403:6001]\nno HID scales found\n' })
    const none = await runList([], async () => [])
    expect(none.stdout).toMatch(/no serial ports found/)
  })

  it('udevadm missing (ENOENT) → a clear message and exit 1', async () => {
    const r = await runList(['--json'], enoent)
    expect(r).toMatchObject({ code: 1, stdout: '' })
    expect(r.stderr).toMatch(/udevadm is not installed .*--port/)
  })

  it('the real SerialPort.list() without udevadm on PATH → exit 1, no crash', async () => {
    process.env.PATH = '/nonexistent'
    const r = await runList(['--json'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/udevadm is not installed/)
  })

  it('other listing failures → exit 1 with the reason', async () => {
    const r = await runList([], () => Promise.reject(new Error('EACCES')))
    expect(r).toMatchObject({ code: 1 })
    expect(r.stderr).toMatch(/cannot list serial ports: EACCES/)
  })

  it('lists HID scales matched by VID:PID, usage page 0x8D as a hint, nothing else', async () => {
    const hid: HidDeviceLister = async () => [
      { vendorId: 0x046d, productId: 0xc077, path: '/dev/hidraw0', usagePage: 0x01, product: 'Mouse' },
      { vendorId: 0x0922, productId: 0x8003, path: '/dev/hidraw3', usagePage: 0x8d, manufacturer: 'DYMO', product: 'M10 10 Kg Digital Postal Scale' },
      { vendorId: 0x1234, productId: 0x5678, path: '/dev/hidraw4', usagePage: 0x8d, manufacturer: 'Acme', product: 'Scale' },
    ]
    const json = await runList(['--json'], async () => [], hid)
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toEqual([
      {
        kind: 'hid',
        path: '/dev/hidraw3',
        name: 'Dymo M10',
        matchedBy: 'vidPid',
        vendorId: '0922',
        productId: '8003',
        manufacturer: 'DYMO',
        product: 'M10 10 Kg Digital Postal Scale',
        serialNumber: null,
      },
      {
        kind: 'hid',
        path: '/dev/hidraw4',
        name: 'Acme Scale',
        matchedBy: 'usagePage',
        vendorId: '1234',
        productId: '5678',
        manufacturer: 'Acme',
        product: 'Scale',
        serialNumber: null,
      },
    ])
    const human = await runList([], async () => [], hid)
    expect(human.stdout).toMatch(/HID \/dev\/hidraw3  Dymo M10 \[0922:8003\]\nHID \/dev\/hidraw4  Acme Scale \[1234:5678\] \(unknown model/)
  })

  it('HID listing failing (no libusb) is a note on stderr; serial ports still list, exit 0', async () => {
    const r = await runList(
      ['--json'],
      async () => [{ path: '/dev/ttyS0' }],
      () => Promise.reject(new Error('ERR_DLOPEN_FAILED libusb-1.0.so.0')),
    )
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toHaveLength(1)
    expect(r.stderr).toMatch(/cannot list HID devices .*libusb-1\.0-0/)
  })

  it('the real node-hid lister: no HID scales on this machine, gracefully empty', async () => {
    const r = await runList([], async () => [], createRealHidLister())
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(r.stdout).toMatch(/no HID scales found/)
  })

  it('bad flags → exit 2', async () => {
    const r = await runList(['--port', 'x'], async () => [])
    expect(r.code).toBe(2)
  })
})
