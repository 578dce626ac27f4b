import { AppError, ErrorCode, isAppError } from '../../../../shared/errors'
import {
  HID_POS_SCAN_REPORT_ID,
  HID_POS_SCANNER_USAGE,
  HID_POS_SCANNER_USAGE_PAGE,
  createHidPosAssembler,
  honeywellReportLayout,
  parseHidPosReport,
  splitReportId,
  type HidPosReportLayout,
} from './hid-pos-scanner.parser'
import type { ScannerDriver } from './scanner.port'
import { nodeHid } from '../hid/node-hid.backend'
import { ScannerDriverEvents } from '../device-events'

/** The part of node-hid's `HIDAsync` the driver uses (node-hid 3.4 nodehid.d.ts); tests pass a fake. */
export interface HidScannerHandle {
  on(event: 'data', listener: (data: Buffer) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  /** First byte is the report ID. */
  sendFeatureReport(data: number[]): Promise<number>
  close(): Promise<void>
}

export type HidScannerInfo = Readonly<{ path?: string; vendorId: number; productId: number; product?: string; usagePage?: number; usage?: number }>

export type HidScannerBackend = Readonly<{
  devices(): Promise<readonly HidScannerInfo[]>
  open(path: string): Promise<HidScannerHandle>
}>

/** node-hid, loaded on first use (a desk without libusb/libudev must still start with a wedge or serial scanner). */
export const nodeHidScannerBackend: HidScannerBackend = nodeHid

/** Scanners in HID POS mode (usage page 0x8C, usage 2), for the settings screen. Keyboard-mode scanners are invisible to node-hid (§5.1). */
export async function listHidPosScanners(backend: HidScannerBackend = nodeHidScannerBackend): Promise<HidScannerInfo[]> {
  const all = await backend.devices()
  return all.filter((d) => d.usagePage === HID_POS_SCANNER_USAGE_PAGE && d.usage === HID_POS_SCANNER_USAGE && d.path)
}

const HONEYWELL_VENDOR_ID = 0x0c2e

export type HidPosScannerDriverOptions = Readonly<{
  /** node-hid path of the HID POS interface (from `listHidPosScanners`). */
  path: string
  /** Vendor ID of the device, to decide on the Honeywell HID-mode switch below. */
  vendorId?: number
  /**
   * Honeywell scanners start sending HID POS reports after feature report 0xFE = 01
   * (NielsLeenheer/WebHidBarcodeScanner:src/main.js). Default: on for vendor 0x0C2E.
   */
  honeywellHidMode?: boolean
  layout?: HidPosReportLayout
  backend?: HidScannerBackend
  now?: () => number
}>

/**
 * A scanner in HID POS mode (§5.2) through node-hid: input report 2 per up to 56 data bytes,
 * joined into one scan. Reports with another ID (status, vendor) are not scans and are ignored.
 * An unplugged device ends node-hid's read loop with an error: that is `scanner.disconnected`.
 */
export class HidPosScannerDriver extends ScannerDriverEvents implements ScannerDriver {
  readonly kind = 'hid-pos'
  private readonly assembler = createHidPosAssembler()
  private readonly backend: HidScannerBackend
  private readonly now: () => number
  private device: HidScannerHandle | null = null
  private active = false

  constructor(private readonly options: HidPosScannerDriverOptions) {
    super()
    this.backend = options.backend ?? nodeHidScannerBackend
    this.now = options.now ?? Date.now
  }

  async open(): Promise<void> {
    if (this.device) throw new AppError(ErrorCode.internal, 'HidPosScannerDriver.open called twice')
    const { path } = this.options
    let device: HidScannerHandle
    try {
      device = await this.backend.open(path)
    } catch (err) {
      // Missing device, no permission (udev rule, §7.1) or node-hid not loadable (§7.4): all retried.
      throw new AppError(ErrorCode.scannerDisconnected, `cannot open HID scanner ${path}: ${(err as Error)?.message ?? String(err)}`, {
        retryable: true,
        meta: { path },
        cause: err,
      })
    }
    this.device = device
    this.active = true
    this.assembler.reset()
    device.on('data', (data) => this.onReport(data))
    device.on('error', (err) => this.lose(err))
    const switchMode = this.options.honeywellHidMode ?? this.options.vendorId === HONEYWELL_VENDOR_ID
    if (switchMode) {
      await device.sendFeatureReport([0xfe, 0x01]).catch((err: unknown) => {
        // Scans may still come if the scanner is already in HID POS mode; say why they may not.
        this.errorEmitter.fire(
          new AppError(ErrorCode.scannerFrameInvalid, `could not switch the scanner to HID POS mode: ${(err as Error)?.message}`, {
            meta: { path, reason: 'modeSwitch' },
            cause: err,
          }),
        )
      })
    }
  }

  async close(): Promise<void> {
    const device = this.device
    this.active = false
    this.device = null
    await device?.close().catch(() => undefined) // best effort: the device may be gone already
    this.disposeEvents()
  }

  private onReport(buffer: Buffer): void {
    if (!this.active) return
    const { reportId, payload } = splitReportId(buffer)
    if (reportId !== HID_POS_SCAN_REPORT_ID) return
    try {
      const step = this.assembler.push(parseHidPosReport(payload, this.options.layout ?? honeywellReportLayout))
      if (step.dropped) this.errorEmitter.fire(withPath(step.dropped, this.options.path))
      if (step.scan) this.dataEmitter.fire({ text: step.scan.text, aim: step.scan.aim || null, at: this.now() })
    } catch (err) {
      if (!isAppError(err)) throw err
      this.assembler.reset() // a broken report ends the scan it belonged to
      this.errorEmitter.fire(withPath(err, this.options.path))
    }
  }

  private lose(cause: unknown): void {
    if (!this.active) return
    const device = this.device
    this.active = false
    this.device = null
    this.disconnectEmitter.fire(
      new AppError(ErrorCode.scannerDisconnected, `HID scanner disconnected: ${(cause as Error)?.message ?? String(cause)}`, {
        retryable: true,
        meta: { path: this.options.path },
        cause,
      }),
    )
    void device?.close().catch(() => undefined) // release the handle; it is gone already
  }
}

function withPath(error: AppError, path: string): AppError {
  return new AppError(error.code, error.message, { retryable: error.retryable, meta: { ...error.meta, path }, cause: error.cause })
}
