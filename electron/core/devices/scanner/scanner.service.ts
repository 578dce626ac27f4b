import { AppError, ErrorCode, isAppError } from '../../../../shared/errors'
import { Emitter, type Unsubscribe } from '../../../../shared/emitter'
import { guardListener, HeldDriver, openDriver, Reconnect, type DeviceBackoff } from '../reconnect'
import { normalizeScan, type NormalizedScan, type NormalizeScanOptions } from '../../../../shared/scan/normalize-scan'
import type { RawScan, ScannerDriver } from './scanner.port'

/** One optional scan source of the desk (keyboard-wedge scans do not come through here). */
export type ScannerSource = Readonly<{
  /** Name in events, status and logs, e.g. `serial:/dev/ttyACM0`. */
  id: string
  /** Makes a fresh driver for every connection attempt (drivers are single-connection). */
  createDriver: () => ScannerDriver
  /** FNC1 substitute and GS1 guessing for this scanner; `layout` does not apply to byte sources. */
  normalize?: NormalizeScanOptions
}>

export type ScannerBackoff = DeviceBackoff

export type ScannerServiceOptions = Readonly<{
  sources: readonly ScannerSource[]
  /** Reconnect delays after a disconnect or a failed open: initial · factor^n, capped at max. */
  backoff?: ScannerBackoff
  now?: () => number
}>

export type ScannerStatus = Readonly<{ source: string; connected: boolean; error?: AppError }>

type ScanEvent = Readonly<{ scan: NormalizedScan; source: string }>

/**
 * Owns the serial and HID-POS scanners of a desk: connects each through its driver, reconnects
 * with capped exponential backoff, applies normalizeScan and publishes `onDidScan(scan, source)`.
 * Driver errors never escape: bad bytes and malformed scans become `onDidError` (with
 * `meta.source` and the raw text), connection changes become `onDidChangeStatus`.
 */
export class ScannerService {
  private readonly scanEmitter = new Emitter<ScanEvent>()
  private readonly errorEmitter = new Emitter<AppError>()
  private readonly statusEmitter = new Emitter<ScannerStatus>()
  private readonly links: SourceLink[]
  private started = false
  private disposed = false

  constructor(options: ScannerServiceOptions) {
    const now = options.now ?? Date.now
    this.links = options.sources.map(
      (source) =>
        new SourceLink(source, new Reconnect(options.backoff), now, {
          scan: (raw) => this.onRawScan(source, raw),
          error: (e) => this.guard(() => this.errorEmitter.fire(withSource(e, source.id))),
          status: (s) => this.guard(() => this.statusEmitter.fire(s)),
        }),
    )
  }

  /** A normalized scan from `source` (the id of a ScannerSource). */
  readonly onDidScan = (listener: (scan: NormalizedScan, source: string) => void): Unsubscribe => this.scanEmitter.event((e) => listener(e.scan, e.source))
  readonly onDidError = (listener: (error: AppError) => void): Unsubscribe => this.errorEmitter.event(listener)
  readonly onDidChangeStatus = (listener: (status: ScannerStatus) => void): Unsubscribe => this.statusEmitter.event(listener)

  start(): void {
    if (this.started || this.disposed) return
    this.started = true
    for (const link of this.links) link.start()
  }

  async dispose(): Promise<void> {
    if (this.disposed) return
    this.disposed = true
    await Promise.all(this.links.map((l) => l.dispose()))
    for (const e of [this.scanEmitter, this.errorEmitter, this.statusEmitter]) e.dispose()
  }

  status(): ScannerStatus[] {
    return this.links.map((l) => l.status)
  }

  private onRawScan(source: ScannerSource, raw: RawScan): void {
    // HID POS reports carry the AIM identifier beside the data; put it back where normalizeScan looks.
    const text = raw.aim && !raw.text.startsWith(raw.aim) ? raw.aim + raw.text : raw.text
    let scan: NormalizedScan
    try {
      scan = normalizeScan(text, { ...source.normalize, layout: null })
    } catch (err) {
      if (!isAppError(err)) throw err
      this.guard(() => this.errorEmitter.fire(withSource(err, source.id)))
      return
    }
    this.guard(() => this.scanEmitter.fire({ scan, source: source.id }))
  }

  /** Runs event handling so that a throwing listener cannot take a driver's I/O callbacks down. */
  private guard(fn: () => unknown): void {
    guardListener('scanner', this.errorEmitter, fn)
  }
}

function withSource(error: AppError, source: string): AppError {
  return new AppError(error.code, error.message, { retryable: error.retryable, meta: { ...error.meta, source }, cause: error.cause })
}

type LinkEvents = Readonly<{ scan: (raw: RawScan) => void; error: (e: AppError) => void; status: (s: ScannerStatus) => void }>

/** One source's connection: open, watch, reconnect with backoff. */
class SourceLink {
  status: ScannerStatus
  private readonly held = new HeldDriver<ScannerDriver>()
  private connectedAt = 0
  private disposed = false

  constructor(
    private readonly source: ScannerSource,
    private readonly reconnect: Reconnect,
    private readonly now: () => number,
    private readonly events: LinkEvents,
  ) {
    this.status = { source: source.id, connected: false }
  }

  start(): void {
    void this.connect()
  }

  async dispose(): Promise<void> {
    this.disposed = true
    this.reconnect.cancel()
    await this.drop()
  }

  private async connect(): Promise<void> {
    if (this.disposed) return
    const open = await openDriver({
      make: () => this.source.createDriver(),
      take: (driver: ScannerDriver) =>
        this.held.take(driver, [
          driver.onDidScan((raw) => this.held.holds(driver) && this.events.scan(raw)),
          driver.onDidError((e) => this.held.holds(driver) && this.events.error(e)),
          driver.onDidDisconnect((e) => this.held.holds(driver) && void this.lost(e)),
        ]),
      wants: (driver) => !this.disposed && this.held.holds(driver),
      lost: (error) => this.lost(error),
    })
    if (!open) return
    this.connectedAt = this.now()
    this.setStatus({ source: this.source.id, connected: true })
  }

  private async lost(error: AppError): Promise<void> {
    const wasUpFor = this.status.connected ? this.now() - this.connectedAt : 0
    await this.drop()
    if (this.disposed) return
    // A link that stayed up a while starts the backoff again; one that drops at once keeps backing off.
    if (wasUpFor >= this.reconnect.backoff.maxMs) this.reconnect.reset()
    this.setStatus({ source: this.source.id, connected: false, error })
    this.reconnect.schedule(() => void this.connect())
  }

  private async drop(): Promise<void> {
    const driver = this.held.release()
    // Best effort: the device is already gone; a close error changes nothing for the desk.
    await driver?.close().catch(() => undefined)
  }

  private setStatus(status: ScannerStatus): void {
    const before = this.status
    this.status = status
    if (before.connected !== status.connected || before.error?.message !== status.error?.message) this.events.status(status)
  }
}
