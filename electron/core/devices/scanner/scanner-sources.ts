import { AppError, ErrorCode } from '../../../../shared/errors'
import { msg } from '../../../../shared/i18n/notice-codes'
import type { ScannerSourceConfig } from '../../config/config.schema'
import { HidPosScannerDriver, listHidPosScanners, nodeHidScannerBackend, type HidScannerBackend } from './hid-pos-scanner.driver'
import type { ScannerDriver } from './scanner.port'
import type { ScannerSource } from './scanner.service'
import { SerialScannerDriver } from './serial-scanner.driver'
import { ScannerDriverEvents } from '../device-events'

const hex4 = (n: number) => n.toString(16).padStart(4, '0')

/** The name a configured scanner goes by in status and logs: `serial:/dev/ttyACM0`, `hid-pos:0c2e:0b61` or `hid-pos:any`. */
export function scannerSourceId(config: ScannerSourceConfig): string {
  if (config.driver === 'serial') return `serial:${config.path}`
  if (config.path) return `hid-pos:${config.path}`
  if (config.vendorId === undefined && config.productId === undefined) return 'hid-pos:any'
  return `hid-pos:${config.vendorId === undefined ? '*' : hex4(config.vendorId)}:${config.productId === undefined ? '*' : hex4(config.productId)}`
}

/**
 * A HID POS scanner named by VID:PID (or none: the first one there) rather than by node-hid path,
 * which changes with the USB port. Finds the device at every `open()`, so a scanner moved to
 * another port is found on reconnect, then hands over to HidPosScannerDriver.
 */
class FindingHidPosScannerDriver extends ScannerDriverEvents implements ScannerDriver {
  readonly kind = 'hid-pos'
  private inner: HidPosScannerDriver | null = null

  constructor(
    private readonly match: Readonly<{ vendorId?: number; productId?: number }>,
    private readonly backend: HidScannerBackend,
  ) {
    super()
  }

  async open(): Promise<void> {
    const { vendorId, productId } = this.match
    let found
    try {
      found = (await listHidPosScanners(this.backend)).find(
        (d) => (vendorId === undefined || d.vendorId === vendorId) && (productId === undefined || d.productId === productId),
      )
    } catch (err) {
      // node-hid cannot load (libusb/libudev missing, docs/reference/hardware.md §7.4) or enumerate: retried like an absent device.
      throw new AppError(ErrorCode.scannerDisconnected, msg('scanner.hidListFailed', { detail: (err as Error)?.message ?? String(err) }), {
        retryable: true,
        cause: err,
      })
    }
    if (!found?.path) {
      const want =
        vendorId === undefined && productId === undefined
          ? 'HID POS'
          : `${vendorId === undefined ? '*' : hex4(vendorId)}:${productId === undefined ? '*' : hex4(productId)}`
      throw new AppError(ErrorCode.scannerDisconnected, msg('scanner.hidNotFound', { device: want }), { retryable: true, meta: { vendorId, productId } })
    }
    const inner = new HidPosScannerDriver({ path: found.path, vendorId: found.vendorId, backend: this.backend })
    this.relay(inner, inner.onDidScan)
    this.inner = inner
    await inner.open()
  }

  async close(): Promise<void> {
    await this.inner?.close()
    this.inner = null
    this.disposeEvents()
  }
}

/** ScannerService sources for the configured serial and HID-POS scanners (none configured: none). */
export function createScannerSources(configs: readonly ScannerSourceConfig[], options: { hidBackend?: HidScannerBackend } = {}): ScannerSource[] {
  const backend = options.hidBackend ?? nodeHidScannerBackend
  return configs.map((config): ScannerSource => {
    const id = scannerSourceId(config)
    if (config.driver === 'serial') {
      const { path, baudRate, dataBits, parity, stopBits, terminator, idleTimeoutMs } = config
      return { id, createDriver: () => new SerialScannerDriver({ path, baudRate, dataBits, parity, stopBits, terminator, idleTimeoutMs }) }
    }
    const { path, vendorId, productId } = config
    return {
      id,
      createDriver: () => (path ? new HidPosScannerDriver({ path, vendorId, backend }) : new FindingHidPosScannerDriver({ vendorId, productId }, backend)),
    }
  })
}
