import type { AppError } from '../../../shared/errors'
import { Emitter, type Unsubscribe } from '../../../shared/emitter'
import type { RawScan } from './scanner/scanner.port'
import type { ScaleReading } from './scale/scale.port'

/**
 * The three events every device driver publishes: what it reads (`T`), an error that leaves the link up,
 * and the link lost. Drivers fire them through the emitters and end them with `disposeEvents` on close.
 */
abstract class DeviceEvents<T> {
  protected readonly dataEmitter = new Emitter<T>()
  protected readonly errorEmitter = new Emitter<AppError>()
  protected readonly disconnectEmitter = new Emitter<AppError>()

  readonly onDidError = (listener: (error: AppError) => void): Unsubscribe => this.errorEmitter.event(listener)
  readonly onDidDisconnect = (listener: (error: AppError) => void): Unsubscribe => this.disconnectEmitter.event(listener)

  /** Fires `inner`'s events as this driver's own (a driver that finds its device when it opens): pass `inner` and its data event. */
  protected relay(inner: Pick<DeviceEvents<T>, 'onDidError' | 'onDidDisconnect'>, onData: (listener: (value: T) => void) => Unsubscribe): void {
    onData((value) => this.dataEmitter.fire(value))
    inner.onDidError((error) => this.errorEmitter.fire(error))
    inner.onDidDisconnect((error) => this.disconnectEmitter.fire(error))
  }

  /** Drops every listener of the three events. */
  protected disposeEvents(): void {
    for (const emitter of [this.dataEmitter, this.errorEmitter, this.disconnectEmitter]) emitter.dispose()
  }
}

/** A scale driver's events: `onDidRead` for every reading, plus errors and the link lost. */
export abstract class ScaleDriverEvents extends DeviceEvents<ScaleReading> {
  readonly onDidRead = (listener: (reading: ScaleReading) => void): Unsubscribe => this.dataEmitter.event(listener)
}

/** A scanner driver's events: `onDidScan` for every scan, plus errors and the link lost. */
export abstract class ScannerDriverEvents extends DeviceEvents<RawScan> {
  readonly onDidScan = (listener: (scan: RawScan) => void): Unsubscribe => this.dataEmitter.event(listener)
}
