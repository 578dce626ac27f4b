import { AppError, ErrorCode, toAppError } from '../../../../shared/errors'
import { formatVidPid, matchHidScales, type HidDeviceInfo } from './hid-scale.devices'
import { parseHidScaleReport, type HidScaleFrame } from './hid-pos-scale.parser'
import type { ScaleDriver, ScaleReading } from './scale.port'
import { nodeHid } from '../hid/node-hid.backend'
import { ScaleDriverEvents } from '../device-events'

/** The part of node-hid's `HIDAsync` the driver uses (node-hid 3.4 nodehid.d.ts); tests pass a fake. */
export interface HidDeviceHandle {
  on(event: 'data', listener: (data: Buffer) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  /** First byte is the report ID (node-hid README). Resolves with the bytes written. */
  write(values: number[]): Promise<number>
  close(): Promise<void>
}

/** Enumerates and opens HID devices; `nodeHidBackend` in production, a fake in tests. */
export type HidBackend = Readonly<{
  devices(): Promise<readonly HidDeviceInfo[]>
  open(path: string): Promise<HidDeviceHandle>
}>

/** node-hid, loaded on first use (a desk without libusb/libudev must still start with a serial scale). */
export const nodeHidBackend: HidBackend = nodeHid

export type HidScaleDriverOptions = Readonly<{
  /** Open exactly this device (a node-hid path); wins over vendorId/productId. */
  path?: string
  /** Open the first device with these IDs, in the table or not. Default: first table match (§1.2). */
  vendorId?: number
  productId?: number
  backend?: HidBackend
  /** Reports thrown away after opening: the first one can be stale (usbscale WEIGH_COUNT 2, §1.1). */
  discardFirstReports?: number
  /**
   * Scales may send a report only when something changes (§1.1, [unverified]); the last weight is
   * repeated this often so a parcel resting on the pan is not taken for a stale reading. An unplug
   * ends the read with an error (hidraw), so a repeated weight is never from a gone scale. 0 = off.
   */
  repeatLastMs?: number
  /**
   * Output report for "zero": report ID 2, bit 1 = Zero Scale (erjiang/usbscale sends `02 02` to
   * OUT endpoint 2). hidapi's write uses the interrupt OUT endpoint when the scale has one and a
   * SET_REPORT control transfer otherwise; a scale without that output report refuses it, which
   * becomes `scale.commandFailed`. null: never try.
   */
  zeroReport?: readonly number[] | null
  now?: () => number
}>

const faultText: Readonly<Record<string, string>> = {
  fault: 'the scale reports a fault',
  needsCalibration: 'the scale needs calibration',
  needsRezero: 'the scale needs re-zeroing: empty the pan and zero it',
  unknownStatus: 'the scale reports an unknown status',
}

/**
 * USB HID POS scale through node-hid (`HIDAsync`). Reports are parsed by `parseHidScaleReport`;
 * weights become readings, overload and under-zero become readings with a condition, faults become
 * `scale.fault` errors (once per change). A read error (unplug, Dymo auto-off) is `scale.disconnected`.
 */
export class HidScaleDriver extends ScaleDriverEvents implements ScaleDriver {
  readonly model = 'hid-pos'
  private readonly backend: HidBackend
  private readonly now: () => number
  private handle: HidDeviceHandle | null = null
  private active = false
  private discardLeft: number
  private lastReading: ScaleReading | null = null
  private lastFault: string | null = null
  private repeatTimer: ReturnType<typeof setInterval> | undefined
  private lastReadAt = -Infinity
  /** The device that was opened, for status screens and logs. */
  device: HidDeviceInfo | null = null

  constructor(private readonly options: HidScaleDriverOptions = {}) {
    super()
    this.backend = options.backend ?? nodeHidBackend
    this.now = options.now ?? Date.now
    this.discardLeft = options.discardFirstReports ?? 1
  }

  /** Finds and opens the scale. Rejects with `scale.disconnected` (retryable) when none is there. */
  async open(): Promise<void> {
    if (this.handle) throw new AppError(ErrorCode.internal, 'HidScaleDriver.open called twice')
    const device = await this.pick()
    let handle: HidDeviceHandle
    try {
      handle = await this.backend.open(device.path ?? '')
    } catch (err) {
      throw this.unavailable(`cannot open HID scale ${describe(device)}: ${(err as Error)?.message ?? String(err)}`, err, {
        hint: 'on Linux the desk user needs a udev rule for both usb and hidraw (hardware.md §7.1)',
      })
    }
    this.handle = handle
    this.device = device
    this.active = true
    handle.on('data', (data) => this.onReport(data))
    // node-hid emits 'error' when a read fails: the device was unplugged or powered itself off.
    handle.on('error', (err) => this.lose(err))
    const repeatMs = this.options.repeatLastMs ?? 250
    if (repeatMs > 0) this.repeatTimer = setInterval(() => this.repeat(repeatMs), repeatMs)
  }

  async close(): Promise<void> {
    const handle = this.handle
    this.stop()
    if (handle) await handle.close().catch(() => undefined) // already gone: nothing left to release
    this.disposeEvents()
  }

  /** Sends the Zero Scale output report. Rejects with `scale.commandFailed` when the scale refuses it. */
  async zero(): Promise<void> {
    const handle = this.handle
    if (!handle || !this.active) throw new AppError(ErrorCode.scaleDisconnected, 'scale is not connected', { retryable: true })
    const report = this.options.zeroReport === undefined ? [0x02, 0x02] : this.options.zeroReport
    if (!report) throw new AppError(ErrorCode.scaleCommandFailed, 'this HID scale cannot be zeroed from the desk')
    try {
      await handle.write([...report])
    } catch (err) {
      throw new AppError(ErrorCode.scaleCommandFailed, `HID scale refused zero: ${(err as Error)?.message ?? String(err)}; zero it with its own button`, {
        meta: { device: this.device ? describe(this.device) : null },
        cause: err,
      })
    }
  }

  private async pick(): Promise<HidDeviceInfo> {
    const { path, vendorId, productId } = this.options
    if (path) return { vendorId: vendorId ?? 0, productId: productId ?? 0, path }
    let devices: readonly HidDeviceInfo[]
    try {
      devices = await this.backend.devices()
    } catch (err) {
      // ERR_DLOPEN_FAILED when libusb-1.0 / libudev are missing (§7.4).
      throw this.unavailable(`cannot list HID devices: ${(err as Error)?.message ?? String(err)}`, err, { hint: 'install libusb-1.0-0' })
    }
    const wanted =
      vendorId !== undefined
        ? devices.filter((d) => d.vendorId === vendorId && (productId === undefined || d.productId === productId) && d.path)
        : // The usage page is only a hint (§1.1): table matches come first, usage-page ones only if none.
          matchHidScales(devices).map((m) => m.device)
    const device = wanted[0]
    if (!device) {
      const which = vendorId !== undefined ? `with ID ${formatVidPid(vendorId, productId)}` : 'from the known VID:PID list'
      throw this.unavailable(`no HID scale ${which} is connected`, undefined, { hidDevices: devices.length })
    }
    return device
  }

  private unavailable(message: string, cause: unknown, meta: Record<string, unknown>): AppError {
    return new AppError(ErrorCode.scaleDisconnected, message, { retryable: true, meta, ...(cause === undefined ? {} : { cause }) })
  }

  private onReport(data: Buffer): void {
    if (!this.active) return
    if (this.discardLeft > 0) {
      this.discardLeft--
      return
    }
    let frame: HidScaleFrame
    try {
      frame = parseHidScaleReport(data)
    } catch (err) {
      this.errorEmitter.fire(toAppError(err))
      return
    }
    if (frame.kind === 'noise') return
    const at = this.now()
    let reading: ScaleReading | null = null
    switch (frame.kind) {
      case 'zero':
      case 'stable':
        reading = { grams: frame.grams, stable: true, at, condition: 'ok' }
        break
      case 'inMotion':
        reading = { grams: frame.grams, stable: false, at, condition: 'ok' }
        break
      case 'negative':
        // Under zero: shown with its value, handled like MT-SICS underload (empty the pan, zero it).
        reading = { grams: frame.grams, stable: false, at, condition: 'underload' }
        break
      case 'overload':
        reading = { grams: 0, stable: false, at, condition: 'overload' }
        break
      default:
        this.lastReading = null // a faulted scale has no current weight to repeat
        this.reportFault(frame.kind, frame.statusCode)
        return
    }
    this.lastFault = null
    this.lastReading = reading
    this.lastReadAt = at
    this.dataEmitter.fire(reading)
  }

  private reportFault(kind: string, statusCode: number): void {
    if (this.lastFault === kind) return // the scale repeats its status; the operator needs it once
    this.lastFault = kind
    this.errorEmitter.fire(
      new AppError(ErrorCode.scaleFault, `${faultText[kind] ?? kind} (HID status ${statusCode})`, { retryable: true, meta: { status: kind, statusCode } }),
    )
  }

  private repeat(repeatMs: number): void {
    const last = this.lastReading
    if (!this.active || !last || this.now() - this.lastReadAt < repeatMs) return
    this.lastReadAt = this.now()
    this.dataEmitter.fire({ ...last, at: this.lastReadAt })
  }

  private lose(cause: unknown): void {
    if (!this.active) return
    const handle = this.handle
    this.stop()
    this.disconnectEmitter.fire(
      new AppError(ErrorCode.scaleDisconnected, `HID scale disconnected: ${(cause as Error)?.message ?? String(cause)}`, {
        retryable: true,
        meta: { device: this.device ? describe(this.device) : null },
        cause,
      }),
    )
    // Release the handle so a replugged scale can be opened again; it is gone, so errors are expected.
    void handle?.close().catch(() => undefined)
  }

  private stop(): void {
    this.active = false
    clearInterval(this.repeatTimer)
    this.repeatTimer = undefined
    this.lastReading = null
    this.handle = null
  }
}

function describe(device: HidDeviceInfo): string {
  return `${formatVidPid(device.vendorId, device.productId)}${device.path ? ` at ${device.path}` : ''}`
}
