import { statusProblem } from '../../core/devices/printer/zpl/zebra-status.parser'
import type { PrinterStatus } from '../../core/devices/printer/printer.port'
import { numberFlag, parseFlags, requireFlag } from '../cli-args'
import type { CliCommand, CliIo } from '../cli.types'
import { reportingFailures, withZebraPrinter } from './printer-command.support'
import { errorText } from '../../../shared/errors'

const flagOptions = {
  printer: { type: 'string' },
  'timeout-ms': { type: 'string' },
  json: { type: 'boolean' },
} as const

const prefix = 'station printer status: '

/** The JSON contract of `printer status --json`: exactly these keys, in this order. */
function toJson(s: PrinterStatus): Record<string, boolean | number> {
  return {
    ready: s.ready,
    paperOut: s.paperOut,
    headOpen: s.headOpen,
    paused: s.paused,
    ribbonOut: s.ribbonOut,
    bufferFull: s.bufferFull,
    underTemperature: s.underTemperature,
    overTemperature: s.overTemperature,
    corruptRam: s.corruptRam,
    labelsRemaining: s.labelsRemaining,
    formatsInBuffer: s.formatsInBuffer,
    labelLengthDots: s.labelLengthDots,
    partialFormat: s.partialFormat,
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, flagOptions)
  const uri = requireFlag(values.printer, 'printer')
  const timeoutMs = numberFlag(values['timeout-ms'], 'timeout-ms', { positive: true, integer: true })
  const status = await withZebraPrinter(uri, timeoutMs, (printer) => printer.status({ timeoutMs }))
  if (values.json) {
    io.stdout(`${JSON.stringify(toJson(status))}\n`)
  } else {
    const problem = statusProblem(status)
    const detail = `labels remaining ${status.labelsRemaining}, formats in buffer ${status.formatsInBuffer}, label length ${status.labelLengthDots} dots`
    io.stdout(`${problem ? `not ready: ${errorText(problem)} [${problem.code}]` : 'ready'} (${detail})\n`)
  }
  // An answer is a success even when it says "not ready": the caller asked what the printer says.
  return 0
}

export const printerStatusCommand: CliCommand = {
  name: 'printer status',
  summary: "Query a Zebra printer's ~HS status",
  usage:
    'station printer status --printer tcp://HOST[:PORT]|usb://VID:PID[/SERIAL]|serial:///dev/…?baud=N [--timeout-ms N] [--json]\n' +
    'Exit 0 when the printer answered (ready or not), 1 when it is offline or silent, 2 on bad input.',
  run: reportingFailures(prefix, run),
}
