import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../../../shared/errors'
import { ZebraPrinter } from '../zebra.printer'
import { systemUsbDevices, UsbPrinterTransport, ZEBRA_USB_VENDOR_ID, type WebUsbDevice, type WebUsbEndpoint } from './usb.transport'
import { failure } from '../../../../../tests/support/app-error'

const HS_REPLY = '\x02030,0,0,1200,000,0,0,0,000,0,0,0\x03\r\n\x02001,0,0,0,1,2,6,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n'

type FakeOptions = {
  productId?: number
  serialNumber?: string
  endpoints?: WebUsbEndpoint[]
  /** Bytes the printer takes per bulk OUT transfer (short writes). */
  maxPerTransfer?: number
  /** What bulk IN returns, one piece per transfer; an empty list means the printer stays silent. */
  replies?: (written: string) => string[]
  failOn?: Partial<Record<'open' | 'claimInterface' | 'transferOut', string>>
}

/** A fake WebUSB Zebra below the transport: records every call and every byte written. */
function fakeZebra(options: FakeOptions = {}) {
  const calls: string[] = []
  const written: number[] = []
  let inbox: string[] = []
  let opened = false
  const endpoints: WebUsbEndpoint[] = options.endpoints ?? [
    { endpointNumber: 1, direction: 'out', type: 'bulk', packetSize: 512 },
    { endpointNumber: 1, direction: 'in', type: 'bulk', packetSize: 512 },
  ]
  const fail = (what: keyof NonNullable<FakeOptions['failOn']>) => {
    const message = options.failOn?.[what]
    if (message) throw new Error(message)
  }
  const device: WebUsbDevice = {
    vendorId: ZEBRA_USB_VENDOR_ID,
    productId: options.productId ?? 0x0181,
    serialNumber: options.serialNumber ?? 'ZTL4242',
    productName: 'ZTC ZD420-203dpi ZPL',
    get opened() {
      return opened
    },
    configuration: { configurationValue: 1, interfaces: [{ interfaceNumber: 0, alternate: { interfaceClass: 7, endpoints } }] },
    async open() {
      calls.push('open')
      fail('open')
      opened = true
    },
    async close() {
      calls.push('close')
      opened = false
    },
    async selectConfiguration(n) {
      calls.push(`selectConfiguration ${n}`)
    },
    async claimInterface(n) {
      calls.push(`claim ${n}`)
      fail('claimInterface')
    },
    async releaseInterface(n) {
      calls.push(`release ${n}`)
    },
    async transferOut(ep, data, timeoutMs) {
      calls.push(`out ep${ep} ${data.byteLength}B ${timeoutMs}ms`)
      fail('transferOut')
      const n = Math.min(data.byteLength, options.maxPerTransfer ?? data.byteLength)
      written.push(...data.subarray(0, n))
      inbox = options.replies?.(Buffer.from(data).toString('latin1')) ?? []
      return { status: 'ok', bytesWritten: n }
    },
    async transferIn(ep, length, timeoutMs) {
      calls.push(`in ep${ep}`)
      const piece = inbox.shift()
      if (piece === undefined) throw new Error(`LIBUSB_ERROR_TIMEOUT after ${timeoutMs} ms`)
      const bytes = Buffer.from(piece.slice(0, length), 'latin1')
      return { status: 'ok', data: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength) }
    },
  }
  return { device, calls, writtenText: () => Buffer.from(written).toString('latin1') }
}

function transportFor(devices: WebUsbDevice[], serialNumber: string | null = null, timeoutMs = 200): UsbPrinterTransport {
  return new UsbPrinterTransport({ vendorId: ZEBRA_USB_VENDOR_ID, productId: 0x0181, serialNumber }, async () => devices, timeoutMs)
}

describe('UsbPrinterTransport', () => {
  it('claims interface 0, writes the job to the bulk OUT endpoint, releases and closes', async () => {
    const zebra = fakeZebra()
    await transportFor([zebra.device]).send(Buffer.from('^XA^FDÇağrı^FS^XZ'))
    expect(zebra.writtenText()).toBe(Buffer.from('^XA^FDÇağrı^FS^XZ').toString('latin1'))
    expect(zebra.calls).toEqual(['open', 'claim 0', 'out ep1 20B 200ms', 'release 0', 'close'])
  })

  it('splits a large job into chunks and carries on after short writes', async () => {
    const zebra = fakeZebra({ maxPerTransfer: 50_000 })
    const job = Buffer.alloc(150_000, 'A')
    await transportFor([zebra.device]).send(job)
    expect(zebra.writtenText()).toBe(job.toString('latin1'))
    expect(zebra.calls.filter((c) => c.startsWith('out')).length).toBe(3)
  })

  it('answers ~HS from bulk IN, reassembling a reply split across transfers', async () => {
    const zebra = fakeZebra({ replies: (q) => (q === '~HS' ? [HS_REPLY.slice(0, 20), HS_REPLY.slice(20, 60), HS_REPLY.slice(60)] : []) })
    const status = await new ZebraPrinter(transportFor([zebra.device])).status()
    expect(status).toMatchObject({ ready: true, labelLengthDots: 1200 })
    expect(zebra.calls.at(-1)).toBe('close')
  })

  it('a silent printer → printer.timeout, and the device is released', async () => {
    const zebra = fakeZebra({ replies: () => [] })
    const err = await failure(transportFor([zebra.device]).query(Buffer.from('~HS'), (b) => b.length > 10))
    expect(err.code).toBe(ErrorCode.printerTimeout)
    expect(err.retryable).toBe(true)
    expect(zebra.calls.slice(-2)).toEqual(['release 0', 'close'])
  })

  it('a printer without a bulk IN endpoint cannot report status', async () => {
    const zebra = fakeZebra({ endpoints: [{ endpointNumber: 2, direction: 'out', type: 'bulk', packetSize: 64 }] })
    const err = await failure(transportFor([zebra.device]).query(Buffer.from('~HS'), () => true))
    expect(err.code).toBe(ErrorCode.printerStatusUnsupported)
    await transportFor([zebra.device]).send(Buffer.from('^XA^XZ'))
    expect(zebra.calls).toContain('out ep2 6B 200ms')
  })

  it('picks the printer by serial number, and refuses to guess between two', async () => {
    const a = fakeZebra({ serialNumber: 'A1' })
    const b = fakeZebra({ serialNumber: 'B2' })
    await transportFor([a.device, b.device], 'B2').send(Buffer.from('^XA^XZ'))
    expect(b.writtenText()).toBe('^XA^XZ')
    expect(a.calls).toEqual([])
    const err = await failure(transportFor([a.device, b.device]).send(Buffer.from('^XA^XZ')))
    expect(err.code).toBe(ErrorCode.printerAddressInvalid)
    expect(err.message).toMatch(/A1, B2/)
  })

  const failures: ReadonlyArray<[string, string, boolean, string, FakeOptions | null]> = [
    ['not plugged in', ErrorCode.printerOffline, true, 'none', null],
    ['interface held by another process', ErrorCode.printerOffline, true, 'none', { failOn: { claimInterface: 'LIBUSB_ERROR_BUSY' } }],
    ['no permission (udev / WinUSB)', ErrorCode.printerOffline, false, 'none', { failOn: { open: 'LIBUSB_ERROR_ACCESS' } }],
    ['unplugged mid-job', ErrorCode.printerOffline, true, 'unknown', { failOn: { transferOut: 'LIBUSB_ERROR_NO_DEVICE' } }],
    ['printer not taking data', ErrorCode.printerTimeout, true, 'unknown', { failOn: { transferOut: 'LIBUSB_ERROR_TIMEOUT' } }],
  ]
  it.each(failures)('%s → %s (retryable %s, delivery %s)', async (_name, code, retryable, delivery, fake) => {
    const zebra = fake ? fakeZebra(fake) : null
    const err = await failure(transportFor(zebra ? [zebra.device] : []).send(Buffer.from('^XA^FDx^FS^XZ')))
    expect(err.code).toBe(code)
    expect(err.retryable).toBe(retryable)
    expect(err.meta.delivery).toBe(delivery)
    if (zebra) expect(zebra.device.opened).toBe(false)
  })

  it('on a machine without a USB bus the system device list fails cleanly', async () => {
    // This VM has no /sys/bus/usb: the `usb` package rejects; either way the result is an answer, not a crash.
    const outcome = await systemUsbDevices().then(
      (list) => ({ ok: true as const, count: list.length }),
      (err: unknown) => ({ ok: false as const, message: String((err as Error).message) }),
    )
    if (!outcome.ok) {
      const err = await failure(new UsbPrinterTransport({ vendorId: ZEBRA_USB_VENDOR_ID, productId: 0x0181, serialNumber: null }).send(Buffer.from('^XA^XZ')))
      expect(err.code).toBe(ErrorCode.printerOffline)
      expect(err.meta.delivery).toBe('none')
    } else {
      expect(outcome.count).toBeGreaterThanOrEqual(0)
    }
  })
})
