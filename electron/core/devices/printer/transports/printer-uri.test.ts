import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../../../../shared/errors'
import { FilePrinterTransport } from './file.transport'
import { MemoryPrinterTransport } from './memory.transport'
import { createTransport } from './printer-uri'
import { TcpPrinterTransport } from './tcp.transport'

describe('createTransport', () => {
  const good: ReadonlyArray<[string, string, Record<string, unknown>]> = [
    ['tcp://192.0.2.10:9100', 'TcpPrinterTransport', { host: '192.0.2.10', port: 9100 }],
    ['tcp://zebra-desk-3', 'TcpPrinterTransport', { host: 'zebra-desk-3', port: 9100 }],
    ['tcp://127.0.0.1:6101/', 'TcpPrinterTransport', { host: '127.0.0.1', port: 6101 }],
    ['tcp://[::1]:9100', 'TcpPrinterTransport', { host: '::1', port: 9100, uri: 'tcp://[::1]:9100' }],
    ['file:///tmp/labels.zpl', 'FilePrinterTransport', { path: '/tmp/labels.zpl' }],
    ['file:///tmp/etiket%20kuyru%C4%9Fu.zpl', 'FilePrinterTransport', { path: '/tmp/etiket kuyruğu.zpl' }],
    ['memory:', 'MemoryPrinterTransport', { uri: 'memory:' }],
    ['usb://0a5f:0181', 'UsbPrinterTransport', { address: { vendorId: 0x0a5f, productId: 0x0181, serialNumber: null }, uri: 'usb://0a5f:0181' }],
    [
      'usb://0A5F:014C/D6J123456789',
      'UsbPrinterTransport',
      { address: { vendorId: 0x0a5f, productId: 0x014c, serialNumber: 'D6J123456789' }, uri: 'usb://0a5f:014c/D6J123456789' },
    ],
    ['usb://0a5f:0181/ZT%20230%2F1', 'UsbPrinterTransport', { address: { vendorId: 0x0a5f, productId: 0x0181, serialNumber: 'ZT 230/1' } }],
    [
      'serial:///dev/ttyUSB0?baud=9600',
      'SerialPrinterTransport',
      { path: '/dev/ttyUSB0', settings: { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'none' } },
    ],
    [
      'serial:///dev/ttyS1?baud=19200&dataBits=7&parity=even&stopBits=2&flow=xonxoff',
      'SerialPrinterTransport',
      { path: '/dev/ttyS1', settings: { baudRate: 19200, dataBits: 7, parity: 'even', stopBits: 2, flowControl: 'xonxoff' } },
    ],
    ['serial:///dev/ttyACM0', 'SerialPrinterTransport', { path: '/dev/ttyACM0', settings: { baudRate: 9600 } }],
    ['serial://COM3?baud=115200&flow=rtscts', 'SerialPrinterTransport', { path: 'COM3', settings: { baudRate: 115200, flowControl: 'rtscts' } }],
    ['serial://com12', 'SerialPrinterTransport', { path: 'COM12' }],
    ['spooler://Zebra_ZD420', 'SpoolerPrinterTransport', { queue: 'Zebra_ZD420', uri: 'spooler://Zebra_ZD420' }],
    ['spooler://Zebra%20ZD420%20(ZPL)', 'SpoolerPrinterTransport', { queue: 'Zebra ZD420 (ZPL)' }],
  ]
  it.each(good)('%s', (uri, kind, fields) => {
    const t = createTransport(uri)
    expect(t.constructor.name).toBe(kind)
    expect(t).toMatchObject(fields)
  })

  const bad: ReadonlyArray<[string, RegExp]> = [
    ['192.168.1.50:9100', /not a URI|unsupported scheme/],
    ['', /not a URI/],
    ['http://printer:9100', /unsupported scheme "http:"/],
    ['usb://zebra', /usb:\/\/VID:PID/],
    ['usb://a5f:181', /4 hex digits/],
    ['usb://0a5f:0181/a/b', /usb:\/\/VID:PID/],
    ['usb://0a5f:0181/%E0', /percent-encoding/],
    ['serial://', /no serial device path/],
    ['serial:///dev/ttyUSB0?baud=9601', /baud must be one of/],
    ['serial:///dev/ttyUSB0?parity=mark', /parity must be one of/],
    ['serial:///dev/ttyUSB0?speed=9600', /unknown serial setting "speed"/],
    ['serial://ttyUSB0', /not a COM port/],
    ['spooler://', /spooler:\/\/QUEUE_NAME/],
    ['spooler://a/b', /spooler:\/\/QUEUE_NAME/],
    ['spooler://bad%0Aname', /control characters/],
    ['tcp://', /no host/],
    ['tcp://host:0', /port must be 1–65535/],
    ['tcp://host:70000', /not a URI/],
    ['tcp://host:9100/queue', /no path/],
    ['file://relative/path.zpl', /three slashes/],
    ['file:///tmp/', /must be absolute and name a file/],
  ]
  it.each(bad)('%s → printer.addressInvalid (not retryable)', (uri, message) => {
    let caught: unknown
    try {
      createTransport(uri)
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(AppError)
    expect((caught as AppError).code).toBe(ErrorCode.printerAddressInvalid)
    expect((caught as AppError).retryable).toBe(false)
    expect((caught as AppError).message).toMatch(message)
  })

  it('tcp transports are TcpPrinterTransport instances with the timeout passed on', () => {
    expect(createTransport('tcp://h:1', { timeoutMs: 50 })).toBeInstanceOf(TcpPrinterTransport)
  })
})

describe('FilePrinterTransport', () => {
  it('appends each job to the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zpl-file-'))
    try {
      const t = createTransport(`file://${dir}/out.zpl`)
      expect(t).toBeInstanceOf(FilePrinterTransport)
      await t.send(Buffer.from('^XA^FDbir^FS^XZ'))
      await t.send(Buffer.from('^XA^FDiki^FS^XZ'))
      expect(await readFile(join(dir, 'out.zpl'), 'utf8')).toBe('^XA^FDbir^FS^XZ^XA^FDiki^FS^XZ')
      expect(t.query).toBeUndefined()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('a file that cannot be written → printer.offline', async () => {
    const err = await new FilePrinterTransport('/nonexistent-dir/out.zpl').send(Buffer.from('^XA^XZ')).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: ErrorCode.printerOffline, retryable: true })
  })
})

describe('MemoryPrinterTransport', () => {
  it('keeps jobs, answers set replies, stays silent otherwise', async () => {
    const t = new MemoryPrinterTransport()
    await t.send(new TextEncoder().encode('^XA^FDŞ^FS^XZ'))
    expect(t.jobTexts).toEqual(['^XA^FDŞ^FS^XZ'])
    t.setReply('~HS', 'x\x03\x03\x03')
    expect(new TextDecoder().decode(await t.query(new TextEncoder().encode('~HS'), () => true))).toBe('x\x03\x03\x03')
    await expect(t.query(new TextEncoder().encode('~HQES'), () => true)).rejects.toMatchObject({ code: ErrorCode.printerTimeout })
    t.setReply('~HS', null)
    await expect(t.query(new TextEncoder().encode('~HS'), () => true)).rejects.toMatchObject({ code: ErrorCode.printerTimeout })
    expect(t.queries).toEqual(['~HS', '~HQES', '~HS'])
  })
})
