import type { PrinterStatusView } from '../../../../shared/contract/views'
/** How bytes reach a printer (TCP 9100, USB, serial, file/memory). What to print is built elsewhere. */
export interface PrinterTransport {
  readonly uri: string
  /**
   * Resolves once the printer (or the OS spooler) accepted every byte; rejects with a printer.*
   * AppError whose `meta.delivery` says what may have reached the printer: 'none' (nothing left the
   * desk, safe to send again) or 'unknown' (bytes left; a partial or even complete format may be
   * in the printer). A transport that cannot tell leaves it out, which counts as 'unknown'.
   */
  send(data: Uint8Array, options?: { timeoutMs?: number }): Promise<void>
  /**
   * Sends a query and collects the reply until `isComplete` says so; rejects with printer.timeout
   * when the printer stays silent (a Zebra stays silent on ~HS while head-open or paper-out).
   */
  query?(data: Uint8Array, isComplete: (reply: Uint8Array) => boolean, options?: { timeoutMs?: number }): Promise<Uint8Array>
  dispose?(): void
}

/** What `meta.delivery` on a failed send says (see PrinterTransport.send). */
export type SendDelivery = 'none' | 'unknown'

/**
 * Every condition the desk acts on, parsed from the three ~HS strings. The contract's view is the
 * one definition, so what `printers.status` reports and what the core parses cannot drift apart.
 */
export type PrinterStatus = PrinterStatusView
