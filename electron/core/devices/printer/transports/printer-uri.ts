import { isAbsolute } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AppError, ErrorCode } from '../../../../../shared/errors'
import { msg } from '../../../../../shared/i18n/notice-codes'
import type { PrinterTransport } from '../printer.port'
import { FilePrinterTransport } from './file.transport'
import { MemoryPrinterTransport } from './memory.transport'
import { DEFAULT_SERIAL_SETTINGS, SerialPrinterTransport, type SerialLineSettings } from './serial.transport'
import { SpoolerPrinterTransport } from './spooler.transport'
import { DEFAULT_PRINTER_PORT, TcpPrinterTransport } from './tcp.transport'
import { UsbPrinterTransport, type UsbDeviceSource } from './usb.transport'

export const PRINTER_URI_FORMS = 'tcp://HOST[:PORT], usb://VID:PID[/SERIAL], serial:///dev/ttyUSB0?baud=9600, spooler://QUEUE, file:///ABS/PATH or memory:'

function invalid(uri: string, why: string): AppError {
  return new AppError(ErrorCode.printerAddressInvalid, msg('printer.addressInvalid', { uri, why, forms: PRINTER_URI_FORMS }), {
    meta: { uri },
  })
}

export type CreateTransportOptions = Readonly<{
  timeoutMs?: number
  /** Tests only: where usb:// looks for devices. */
  usbDevices?: UsbDeviceSource
}>

/** `usb://0a5f:0181` or `usb://0a5f:0181/SERIAL`: four hex digits each, as lsusb prints them. */
function parseUsb(uri: string, trimmed: string, options: CreateTransportOptions): PrinterTransport {
  const m = /^usb:\/\/([0-9a-f]{4}):([0-9a-f]{4})(?:\/([^/?#]+))?\/?$/i.exec(trimmed)
  if (!m) throw invalid(uri, 'a USB address is usb://VID:PID[/SERIAL] with 4 hex digits each (e.g. usb://0a5f:0181)')
  let serialNumber: string | null = null
  if (m[3] !== undefined) {
    try {
      serialNumber = decodeURIComponent(m[3])
    } catch {
      throw invalid(uri, 'the serial number is not valid percent-encoding')
    }
  }
  return new UsbPrinterTransport(
    { vendorId: Number.parseInt(m[1] as string, 16), productId: Number.parseInt(m[2] as string, 16), serialNumber },
    options.usbDevices,
    options.timeoutMs,
  )
}

const SERIAL_KEYS = new Set(['baud', 'dataBits', 'parity', 'stopBits', 'flow'])

/** `serial:///dev/ttyUSB0?baud=9600&dataBits=8&parity=none&stopBits=1&flow=none|xonxoff|rtscts`, or `serial://COM3?…` on Windows. */
function parseSerial(uri: string, url: URL, options: CreateTransportOptions): PrinterTransport {
  // Windows ports come as the host (serial://COM3); Unix device paths as the path (serial:///dev/ttyUSB0).
  const path = url.host !== '' ? decodeURIComponent(url.host).toUpperCase() : decodeURIComponent(url.pathname)
  if (url.host !== '' && url.pathname !== '' && url.pathname !== '/') throw invalid(uri, 'a Windows port is serial://COMn, a Unix port serial:///dev/NAME')
  if (url.host === '' && (!path.startsWith('/') || path === '/' || path.endsWith('/'))) throw invalid(uri, 'no serial device path')
  if (url.host !== '' && !/^COM\d{1,3}$/.test(path)) throw invalid(uri, `"${path}" is not a COM port`)
  if (url.username || url.password || url.hash) throw invalid(uri, 'unexpected user or fragment')
  for (const key of url.searchParams.keys())
    if (!SERIAL_KEYS.has(key)) throw invalid(uri, `unknown serial setting "${key}" (baud, dataBits, parity, stopBits, flow)`)
  const q = url.searchParams
  const pick = <T extends string | number>(key: string, allowed: readonly T[], fallback: T): T => {
    const raw = q.get(key)
    if (raw === null) return fallback
    const value = (typeof fallback === 'number' ? Number(raw) : raw) as T
    if (!allowed.includes(value)) throw invalid(uri, `${key} must be one of ${allowed.join(', ')}`)
    return value
  }
  const settings: SerialLineSettings = {
    baudRate: pick('baud', [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200], DEFAULT_SERIAL_SETTINGS.baudRate),
    dataBits: pick<7 | 8>('dataBits', [7, 8], DEFAULT_SERIAL_SETTINGS.dataBits),
    parity: pick<SerialLineSettings['parity']>('parity', ['none', 'even', 'odd'], DEFAULT_SERIAL_SETTINGS.parity),
    stopBits: pick<1 | 2>('stopBits', [1, 2], DEFAULT_SERIAL_SETTINGS.stopBits),
    flowControl: pick<SerialLineSettings['flowControl']>('flow', ['none', 'xonxoff', 'rtscts'], DEFAULT_SERIAL_SETTINGS.flowControl),
  }
  return new SerialPrinterTransport(path, settings, options.timeoutMs)
}

/** `spooler://QUEUE` (CUPS queue name, or a percent-encoded Windows printer name). */
function parseSpooler(uri: string, trimmed: string, options: CreateTransportOptions): PrinterTransport {
  const m = /^spooler:\/\/([^/?#]+)\/?$/i.exec(trimmed)
  if (!m) throw invalid(uri, 'a spooler address is spooler://QUEUE_NAME (percent-encode spaces)')
  let name: string
  try {
    name = decodeURIComponent(m[1] as string)
  } catch {
    throw invalid(uri, 'the queue name is not valid percent-encoding')
  }
  // Control characters could not be a queue name and would only reach the spooler's command line.
  if (/[\x00-\x1f\x7f]/.test(name)) throw invalid(uri, 'the queue name has control characters')
  return new SpoolerPrinterTransport(name, { timeoutMs: options.timeoutMs })
}

/**
 * Turns a printer address into a transport: `tcp://host[:port]` (port 9100 by default),
 * `usb://VID:PID[/SERIAL]`, `serial:///dev/…?baud=…` (or `serial://COM3`), `spooler://QUEUE`,
 * `file:///abs/path`, or `memory:`. Anything else is printer.addressInvalid, an input error.
 */
export function createTransport(uri: string, options: CreateTransportOptions = {}): PrinterTransport {
  const trimmed = uri.trim()
  if (trimmed === 'memory:') return new MemoryPrinterTransport()
  if (/^usb:/i.test(trimmed)) return parseUsb(uri, trimmed, options)
  if (/^spooler:/i.test(trimmed)) return parseSpooler(uri, trimmed, options)
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    throw invalid(uri, 'not a URI')
  }
  if (url.protocol === 'tcp:') {
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
    if (host === '') throw invalid(uri, 'no host')
    if (url.pathname !== '' && url.pathname !== '/') throw invalid(uri, 'a tcp address has no path')
    if (url.username || url.password || url.search || url.hash) throw invalid(uri, 'unexpected user, query or fragment')
    const port = url.port === '' ? DEFAULT_PRINTER_PORT : Number(url.port)
    // URL already rejects ports above 65535; port 0 means "any" and cannot be connected to.
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw invalid(uri, 'port must be 1–65535')
    return new TcpPrinterTransport(host, port, options.timeoutMs)
  }
  if (url.protocol === 'serial:') return parseSerial(uri, url, options)
  if (url.protocol === 'file:') {
    if (url.host !== '') throw invalid(uri, 'file URIs need three slashes (file:///abs/path)')
    const path = fileURLToPath(url)
    if (!isAbsolute(path) || path.endsWith('/')) throw invalid(uri, 'file path must be absolute and name a file')
    return new FilePrinterTransport(path)
  }
  throw invalid(uri, `unsupported scheme "${url.protocol}"`)
}
