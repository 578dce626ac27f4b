import type { AppError } from '../../../../shared/errors'
import type { Unsubscribe } from '../../../../shared/emitter'

/** One code as a scanner delivered it, before normalizeScan. */
export type RawScan = Readonly<{
  /** The decoded data. An AIM identifier the scanner put in front of it is still there. */
  text: string
  /** AIM identifier reported out of band (HID-POS puts it in the report, not in the data), or null. */
  aim: string | null
  /** Epoch ms when the last byte arrived. */
  at: number
}>

/**
 * Owns the bytes of one scanner (serial line, HID-POS reports). Single connection per `open()`:
 * after a disconnect the owner (ScannerService) makes a new driver. Keyboard-wedge scanners have no
 * driver: the OS owns them and their scans arrive through `scan.submit`.
 */
export interface ScannerDriver {
  /** `serial` or `hid-pos`, for logs and status. */
  readonly kind: string
  open(): Promise<void>
  close(): Promise<void>
  onDidScan(listener: (scan: RawScan) => void): Unsubscribe
  /** Bytes that are not a scan (noise, torn frames); the connection stays up. */
  onDidError(listener: (error: AppError) => void): Unsubscribe
  /** The device is gone (`scanner.disconnected`); fired once per connection. */
  onDidDisconnect(listener: (error: AppError) => void): Unsubscribe
}
