import type { ZebraPrinter } from '../devices/printer/zebra.printer'
import type { LabelSink } from './label-sink.port'

/**
 * A Zebra as the desk's label sink: status checked before and after every job unless the caller
 * (a batch) asks otherwise. Replaces `zebraSink` in station.adapters.ts, which ignores the per-job option.
 */
export function zebraLabelSink(printer: ZebraPrinter, options: { checkStatus: boolean; timeoutMs: number }): LabelSink {
  return {
    uri: printer.uri,
    print: async (payload, job = {}) => {
      await printer.print(payload, { checkStatus: job.checkStatus ?? options.checkStatus, timeoutMs: options.timeoutMs })
    },
    status: async () => (printer.canReportStatus ? printer.status({ timeoutMs: options.timeoutMs }) : null),
  }
}
