import { ErrorCode, toAppError, type AppError, errorText } from '../../../shared/errors'
import { createTransport } from '../../core/devices/printer/transports/printer-uri'
import { ZebraPrinter } from '../../core/devices/printer/zebra.printer'
import type { CliCommand, CliIo } from '../cli.types'

/** Printer errors that are the caller's fault (bad address, a file: printer asked for status) exit 2. */
const INPUT_CODES: ReadonlySet<string> = new Set([ErrorCode.inputInvalid, ErrorCode.printerAddressInvalid, ErrorCode.printerStatusUnsupported])

export function printerExitCode(err: AppError): number {
  return INPUT_CODES.has(err.code) ? 2 : 1
}

/** One line on stderr (code in brackets unless it is plain bad input); returns the exit code. */
export function reportFailure(io: CliIo, prefix: string, err: unknown): number {
  const error = toAppError(err)
  if (error.code === ErrorCode.internal) throw err // a bug: let the CLI entry point report it
  io.stderr(`${prefix}${errorText(error)}${error.code === ErrorCode.inputInvalid ? '' : ` [${error.code}]`}\n`)
  return printerExitCode(error)
}

/** Opens the Zebra printer at `uri` (throws printer.addressInvalid for a bad one) for `use`, and disposes of it afterwards. */
export async function withZebraPrinter<T>(uri: string, timeoutMs: number | undefined, use: (printer: ZebraPrinter) => Promise<T>): Promise<T> {
  const printer = new ZebraPrinter(createTransport(uri, { timeoutMs }), { timeoutMs })
  try {
    return await use(printer)
  } finally {
    printer.dispose()
  }
}

/** A command's `run` whose failures become one stderr line and exit code (reportFailure with `prefix`). */
export function reportingFailures(prefix: string, run: CliCommand['run']): CliCommand['run'] {
  return async (argv, io) => {
    try {
      return await run(argv, io)
    } catch (err) {
      return reportFailure(io, prefix, err)
    }
  }
}
