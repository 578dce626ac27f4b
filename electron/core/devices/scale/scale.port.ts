import type { AppError } from '../../../../shared/errors'
import type { Unsubscribe } from '../../../../shared/emitter'

/** One parsed weight frame. Always integer grams; `stable` is the device's own flag. */
export type ScaleReading = Readonly<{
  grams: number
  stable: boolean
  /** Epoch ms when the frame arrived at the desk. */
  at: number
  /** Out-of-range conditions the device reported with this frame. */
  condition?: 'ok' | 'overload' | 'underload'
}>

/** Owns bytes + protocol for one scale model. Reconnects and stability rules live in ScaleService. */
export interface ScaleDriver {
  readonly model: string
  open(): Promise<void>
  close(): Promise<void>
  /** Ask for a reading where the protocol is request/response; continuous drivers may no-op. */
  poll?(): Promise<void>
  zero?(): Promise<void>
  tare?(): Promise<void>
  onDidRead(listener: (reading: ScaleReading) => void): Unsubscribe
  onDidError(listener: (error: AppError) => void): Unsubscribe
  onDidDisconnect(listener: (error: AppError) => void): Unsubscribe
}
