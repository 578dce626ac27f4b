import { afterEach, describe, expect, it } from 'vitest'
import type { CliIo } from '../cli.types'
import { createScaleListCommand, scaleListCommand, type SerialPortLister } from './scale-list.command'

async function runList(argv: string[], list?: SerialPortLister) {
  let stdout = ''
  let stderr = ''
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) }
  const command = list ? createScaleListCommand(list) : scaleListCommand
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
      { path: '/dev/ttyUSB0', manufacturer: 'FTDI', serialNumber: 'A1', vendorId: '0403', productId: '6001' },
      { path: '/dev/ttyS0', manufacturer: null, serialNumber: null, vendorId: null, productId: null },
    ])
  })

  it('prints ports for people, and says when there are none', async () => {
    const some = await runList([], async () => [{ path: '/dev/ttyUSB0', manufacturer: 'FTDI', vendorId: '0403', productId: '6001' }])
    expect(some).toMatchObject({ code: 0, stdout: '/dev/ttyUSB0  FTDI [0403:6001]\n' })
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

  it('bad flags → exit 2', async () => {
    const r = await runList(['--port', 'x'], async () => [])
    expect(r.code).toBe(2)
  })
})
