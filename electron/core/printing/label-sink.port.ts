import type { PrinterStatus } from '../devices/printer/printer.port'

/**
 * Where finished labels go: a Zebra over some transport, with its status checked around each job.
 * `print` resolves once the printer accepted the bytes; it rejects with a printer.* AppError
 * (paper out, head open, offline…) and then nothing was printed.
 */
export interface LabelSink {
  readonly uri: string
  print(payload: Uint8Array): Promise<void>
  status(): Promise<PrinterStatus | null>
}
