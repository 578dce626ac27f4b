import { AppError, ErrorCode, isAppError } from '../../../../../shared/errors'
import { msg } from '../../../../../shared/i18n/notice-codes'
import type { PrinterTransport } from '../printer.port'

/** Zebra Technologies' USB vendor id (docs/reference/hardware.md §3.1). */
export const ZEBRA_USB_VENDOR_ID = 0x0a5f
/** USB printer class (bInterfaceClass 7). */
const PRINTER_CLASS = 7
/** Bulk writes go out in pieces this big, each with its own timeout, so a long graphic is not one giant transfer. */
const CHUNK_BYTES = 64 * 1024
const DEFAULT_USB_TIMEOUT_MS = 5000

/**
 * The part of a WebUSB device (`usb` package, WebUSB-style API) this transport uses. The `usb`
 * package's devices match it; tests hand in a fake. `transferIn`/`transferOut` take the `usb`
 * package's extra timeout argument (its default is 1 s, too short for a large label).
 */
export type WebUsbEndpoint = Readonly<{ endpointNumber: number; direction: 'in' | 'out'; type: 'bulk' | 'interrupt' | 'isochronous'; packetSize: number }>
export type WebUsbInterface = Readonly<{ interfaceNumber: number; alternate: Readonly<{ interfaceClass: number; endpoints: readonly WebUsbEndpoint[] }> }>
export interface WebUsbDevice {
  readonly vendorId: number
  readonly productId: number
  readonly serialNumber?: string | null
  readonly productName?: string | null
  readonly opened: boolean
  readonly configuration: Readonly<{ configurationValue: number; interfaces: readonly WebUsbInterface[] }> | null | undefined
  open(): Promise<void>
  close(): Promise<void>
  selectConfiguration(configurationValue: number): Promise<void>
  claimInterface(interfaceNumber: number): Promise<void>
  releaseInterface(interfaceNumber: number): Promise<void>
  transferOut(endpointNumber: number, data: Uint8Array, timeoutMs?: number): Promise<{ status: string; bytesWritten: number }>
  transferIn(endpointNumber: number, length: number, timeoutMs?: number): Promise<{ status: string; data?: DataView }>
}

/** Lists the USB devices present (the `usb` package's `usb.getDevices()`, or a fake). */
export type UsbDeviceSource = () => Promise<readonly WebUsbDevice[]>

export type UsbPrinterAddress = Readonly<{ vendorId: number; productId: number; serialNumber: string | null }>

const hex4 = (n: number) => n.toString(16).padStart(4, '0')

/** The real device list, loaded on first use so a desk without USB printers never loads the native addon. */
export const systemUsbDevices: UsbDeviceSource = async () => {
  const { usb } = await import('usb')
  // usb.getDevices() rejects on a machine without a USB bus (containers, CI): no device there.
  return (await usb.getDevices()) as unknown as readonly WebUsbDevice[]
}

/**
 * Raw ZPL to a USB printer-class device (docs/reference/hardware.md §3.1): claim interface 0, write the job as bulk
 * OUT transfers; read replies (~HS) on the bulk IN endpoint where the printer has one. The device is
 * opened and released around every job or query, because only one process can hold the interface
 * at a time (§3.1) and closing cancels a read still waiting for a silent printer.
 *
 * Platform notes (docs/reference/hardware.md §7): Linux needs a udev rule for the device and the kernel's usblp
 * driver detached (the `usb` package does this when claiming); Windows needs the WinUSB driver
 * (Zadig), after which the printer is no longer a Windows printer — use spooler:// there instead.
 */
export class UsbPrinterTransport implements PrinterTransport {
  readonly uri: string
  private readonly open = new Set<WebUsbDevice>()

  constructor(
    readonly address: UsbPrinterAddress,
    private readonly devices: UsbDeviceSource = systemUsbDevices,
    private readonly defaultTimeoutMs: number = DEFAULT_USB_TIMEOUT_MS,
  ) {
    this.uri = `usb://${hex4(address.vendorId)}:${hex4(address.productId)}${address.serialNumber ? `/${encodeURIComponent(address.serialNumber)}` : ''}`
  }

  async send(data: Uint8Array, options: { timeoutMs?: number } = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs
    await this.withDevice(async (device, endpoints) => {
      let offset = 0
      try {
        while (offset < data.byteLength) {
          const chunk = data.subarray(offset, Math.min(offset + CHUNK_BYTES, data.byteLength))
          const result = await device.transferOut(endpoints.out, chunk, timeoutMs)
          if (result.status !== 'ok') throw this.error(ErrorCode.printerNotReady, `bulk OUT ${result.status}`, { delivery: offset === 0 ? 'none' : 'unknown' })
          // A short write is legal on a bulk pipe: carry on from where it stopped.
          offset += result.bytesWritten
          if (result.bytesWritten === 0) throw this.error(ErrorCode.printerTimeout, 'bulk OUT took no bytes', { delivery: offset === 0 ? 'none' : 'unknown' })
        }
      } catch (err) {
        if (isAppError(err)) throw err
        // A transfer that failed (timeout, unplug) may have moved part of its chunk: not 'none'.
        throw this.fromUsbError(err, 'unknown', timeoutMs)
      }
    })
  }

  /** Writes the query, then reads bulk IN until `isComplete`; a printer with no IN endpoint cannot answer. */
  async query(data: Uint8Array, isComplete: (reply: Uint8Array) => boolean, options: { timeoutMs?: number } = {}): Promise<Uint8Array> {
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs
    return this.withDevice(async (device, endpoints) => {
      if (endpoints.in === null) {
        throw new AppError(ErrorCode.printerStatusUnsupported, msg('printer.usbNoStatus', { uri: this.uri }), { meta: { uri: this.uri } })
      }
      const deadline = Date.now() + timeoutMs
      let reply = new Uint8Array(0)
      try {
        const written = await device.transferOut(endpoints.out, data, timeoutMs)
        if (written.status !== 'ok') throw this.error(ErrorCode.printerNotReady, `bulk OUT ${written.status}`, {})
        while (!isComplete(reply)) {
          const left = deadline - Date.now()
          if (left <= 0) throw this.silent(timeoutMs, reply)
          let result: { status: string; data?: DataView }
          try {
            result = await device.transferIn(endpoints.in, endpoints.inPacketSize * 8, left)
          } catch (err) {
            // LIBUSB_ERROR_TIMEOUT: the printer stayed silent (Zebra does on ~HS while paper-out, §3.2).
            if (/TIMEOUT/i.test(String((err as Error).message))) throw this.silent(timeoutMs, reply)
            throw err
          }
          if (result.status !== 'ok') throw this.error(ErrorCode.printerNotReady, `bulk IN ${result.status}`, {})
          if (result.data && result.data.byteLength > 0) {
            const piece = new Uint8Array(result.data.buffer, result.data.byteOffset, result.data.byteLength)
            const next = new Uint8Array(reply.byteLength + piece.byteLength)
            next.set(reply)
            next.set(piece, reply.byteLength)
            reply = next
          }
        }
        return reply
      } catch (err) {
        if (isAppError(err)) throw err
        throw this.fromUsbError(err, 'unknown', timeoutMs)
      }
    })
  }

  /** Closes any device still held (a job in flight fails with its own error). */
  dispose(): void {
    for (const device of this.open) {
      // Best effort on shutdown: a device already gone cannot be closed and there is nobody to tell.
      void device.close().catch(() => undefined)
    }
    this.open.clear()
  }

  /** Finds the printer, opens it, claims interface 0, runs `fn`, and always releases and closes. */
  private async withDevice<T>(fn: (device: WebUsbDevice, endpoints: { out: number; in: number | null; inPacketSize: number }) => Promise<T>): Promise<T> {
    const device = await this.find()
    try {
      if (!device.opened) await device.open()
      this.open.add(device)
      if (!device.configuration) await device.selectConfiguration(1)
      await device.claimInterface(0)
    } catch (err) {
      this.open.delete(device)
      await device.close().catch(() => undefined) // the open/claim failure below is what matters
      throw this.fromUsbError(err, 'none', this.defaultTimeoutMs)
    }
    try {
      return await fn(device, this.endpoints(device))
    } finally {
      this.open.delete(device)
      // Release errors after the job (device unplugged meanwhile) change nothing about the job's outcome.
      await device.releaseInterface(0).catch(() => undefined)
      await device.close().catch(() => undefined)
    }
  }

  private async find(): Promise<WebUsbDevice> {
    let all: readonly WebUsbDevice[]
    try {
      all = await this.devices()
    } catch (err) {
      throw this.error(ErrorCode.printerOffline, `cannot list USB devices: ${(err as Error).message}`, { delivery: 'none' }, err)
    }
    const { vendorId, productId, serialNumber } = this.address
    const matches = all.filter((d) => d.vendorId === vendorId && d.productId === productId && (serialNumber === null || d.serialNumber === serialNumber))
    if (matches.length === 0) {
      throw new AppError(ErrorCode.printerOffline, msg('printer.usbNotConnected', { uri: this.uri }), {
        retryable: true,
        meta: { uri: this.uri, delivery: 'none' },
      })
    }
    if (matches.length > 1) {
      // Two identical printers on one desk: printing to "whichever" could put a label on the wrong desk.
      throw new AppError(
        ErrorCode.printerAddressInvalid,
        msg('printer.usbSeveral', { uri: this.uri, serials: matches.map((d) => d.serialNumber ?? '?').join(', ') }),
        {
          meta: { uri: this.uri, delivery: 'none' },
        },
      )
    }
    return matches[0] as WebUsbDevice
  }

  /** Interface 0's bulk endpoints; a device without bulk OUT is not a printer we can drive. */
  private endpoints(device: WebUsbDevice): { out: number; in: number | null; inPacketSize: number } {
    const iface = device.configuration?.interfaces.find((i) => i.interfaceNumber === 0)
    const eps = iface?.alternate.endpoints ?? []
    const out = eps.find((e) => e.direction === 'out' && e.type === 'bulk')
    const inEp = eps.find((e) => e.direction === 'in' && e.type === 'bulk')
    if (!iface || !out) {
      throw new AppError(ErrorCode.printerAddressInvalid, msg('printer.usbNotAPrinter', { uri: this.uri }), {
        meta: {
          uri: this.uri,
          interfaceClass: iface?.alternate.interfaceClass ?? null,
          printerClass: iface?.alternate.interfaceClass === PRINTER_CLASS,
          delivery: 'none',
        },
      })
    }
    return { out: out.endpointNumber, in: inEp?.endpointNumber ?? null, inPacketSize: inEp?.packetSize ?? 64 }
  }

  private silent(timeoutMs: number, reply: Uint8Array): AppError {
    return new AppError(ErrorCode.printerTimeout, msg('printer.noAnswerWithin', { timeoutMs, uri: this.uri }), {
      retryable: true,
      meta: { uri: this.uri, timeoutMs, during: 'query', partialReply: Buffer.from(reply).toString('latin1') },
    })
  }

  private error(code: ErrorCode, detail: string, meta: Record<string, unknown>, cause?: unknown): AppError {
    return new AppError(code, msg('printer.usbError', { uri: this.uri, detail }), { retryable: true, meta: { uri: this.uri, ...meta }, cause })
  }

  /** libusb errors by name (LIBUSB_ERROR_*): what the operator can do about each. */
  private fromUsbError(err: unknown, delivery: 'none' | 'unknown', timeoutMs: number): AppError {
    const message = err instanceof Error ? err.message : String(err)
    const meta = { uri: this.uri, delivery, usbError: message }
    if (/TIMEOUT/i.test(message))
      return new AppError(ErrorCode.printerTimeout, msg('printer.usbSlowTake', { timeoutMs, uri: this.uri }), { retryable: true, meta, cause: err })
    if (/BUSY/i.test(message)) return new AppError(ErrorCode.printerOffline, msg('printer.usbBusy', { uri: this.uri }), { retryable: true, meta, cause: err })
    if (/ACCESS|NOT_SUPPORTED/i.test(message)) {
      // Linux: no udev rule; Windows: not on the WinUSB driver (docs/reference/hardware.md §7.1, §7.2). Retrying will not help.
      return new AppError(ErrorCode.printerOffline, msg('printer.usbNoPermission', { uri: this.uri }), { retryable: false, meta, cause: err })
    }
    return new AppError(ErrorCode.printerOffline, msg('printer.usbLost', { uri: this.uri, detail: message }), { retryable: true, meta, cause: err })
  }
}
