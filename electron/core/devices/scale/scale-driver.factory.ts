import { AppError, ErrorCode } from '../../../../shared/errors'
import { HidScaleDriver, type HidBackend } from './hid-scale.driver'
import { detectScaleProtocol, type DetectedScale, type DetectScaleOptions } from './scale-protocol-detect'
import { createSerialScaleDriver, type ScaleProtocol, type SerialScaleConfig } from './scale-protocol'
import type { ScaleDriver } from './scale.port'
import { ScaleDriverEvents } from '../device-events'

/** A real scale as the station configuration describes it (the simulated scale stays with the caller). */
export type ScaleDriverConfig =
  | (Omit<SerialScaleConfig, 'protocol'> & Readonly<{ driver: 'serial'; protocol: ScaleProtocol | 'auto'; candidates?: readonly ScaleProtocol[] }>)
  | Readonly<{ driver: 'hid'; path?: string; vendorId?: number; productId?: number; zeroReport?: readonly number[] | null }>

export type ScaleDriverFactoryOptions = Readonly<{
  /** Detection timings for `protocol: 'auto'`. */
  detect?: DetectScaleOptions
  /** HID enumeration/open; node-hid by default. */
  hidBackend?: HidBackend
}>

/**
 * Returns the `createDriver` that ScaleService calls for every connection attempt (drivers are
 * single-connection). `protocol: 'auto'` detects on the first open and remembers the answer for
 * later reconnects, so a replugged scale does not go through detection again.
 */
export function createScaleDriverFactory(config: ScaleDriverConfig, options: ScaleDriverFactoryOptions = {}): () => ScaleDriver {
  if (config.driver === 'hid') {
    const { path, vendorId, productId, zeroReport } = config
    return () => new HidScaleDriver({ path, vendorId, productId, zeroReport, backend: options.hidBackend })
  }
  const { driver: _driver, candidates, ...serial } = config
  const { protocol } = serial
  if (protocol !== 'auto') return () => createSerialScaleDriver({ ...serial, protocol })
  const memory: { detected: DetectedScale | null } = { detected: null }
  return () =>
    new AutoDetectScaleDriver(async () => {
      const line = { baudRate: serial.baudRate, dataBits: serial.dataBits, parity: serial.parity, stopBits: serial.stopBits }
      memory.detected ??= await detectScaleProtocol(serial.path, candidates, { ...options.detect, line })
      const { protocol: found, line: settings, checksum } = memory.detected
      return createSerialScaleDriver({ ...serial, ...settings, protocol: found, ...(checksum === undefined ? {} : { checksum }) })
    })
}

/**
 * Stands in for the real driver until detection picked it; then forwards everything to it.
 * Detection failure rejects `open()` like a missing port does, so ScaleService retries with backoff.
 */
class AutoDetectScaleDriver extends ScaleDriverEvents implements ScaleDriver {
  private inner: ScaleDriver | null = null
  private closed = false

  constructor(private readonly resolve: () => Promise<ScaleDriver>) {
    super()
  }

  get model(): string {
    return this.inner?.model ?? 'auto'
  }

  async open(): Promise<void> {
    const inner = await this.resolve()
    if (this.closed) return
    this.inner = inner
    this.relay(inner, inner.onDidRead)
    await inner.open()
  }

  async close(): Promise<void> {
    this.closed = true
    await this.inner?.close()
    this.disposeEvents()
  }

  async poll(): Promise<void> {
    await this.inner?.poll?.()
  }

  async zero(): Promise<void> {
    const zero = this.inner?.zero?.bind(this.inner)
    if (!zero) throw new AppError(ErrorCode.scaleCommandFailed, `scale ${this.model} cannot be zeroed from the desk`)
    await zero()
  }

  async tare(): Promise<void> {
    const tare = this.inner?.tare?.bind(this.inner)
    if (!tare) throw new AppError(ErrorCode.scaleCommandFailed, `scale ${this.model} cannot be tared from the desk`)
    await tare()
  }
}
