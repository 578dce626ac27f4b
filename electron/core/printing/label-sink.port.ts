import type { PrinterStatus } from '../devices/printer/printer.port'

export type LabelSinkPrintOptions = Readonly<{
  /**
   * Ask the printer's status before and after this job. Default: the sink's own setting. A batch
   * checks once per group of labels instead of around every one.
   */
  checkStatus?: boolean
}>

/**
 * Where finished labels go: a Zebra over some transport, with its status checked around each job.
 * `print` resolves once the printer accepted the bytes; it rejects with a printer.* AppError
 * (paper out, head open, offline…) whose `meta.delivery` says whether any byte can have reached
 * the printer ('none': nothing was sent; missing or 'unknown': maybe, see PrinterTransport.send).
 */
export interface LabelSink {
  readonly uri: string
  print(payload: Uint8Array, options?: LabelSinkPrintOptions): Promise<void>
  /** Null when the route cannot report status (file:, spooler://). */
  status(): Promise<PrinterStatus | null>
}
