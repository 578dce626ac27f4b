import { readFile } from 'node:fs/promises'
import { AppError, ErrorCode, toAppError, errorText } from '../../../shared/errors'
import { numberFlag, parseFlags, requireFlag } from '../cli-args'
import type { CliCommand, CliIo } from '../cli.types'
import { reportingFailures, withZebraPrinter } from './printer-command.support'

const flagOptions = {
  printer: { type: 'string' },
  'no-status-check': { type: 'boolean' },
  'timeout-ms': { type: 'string' },
  json: { type: 'boolean' },
} as const

const prefix = 'station print: '

async function readZpl(path: string): Promise<Uint8Array> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (err) {
    throw new AppError(ErrorCode.inputInvalid, `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
  // Carrier ZPL passes through untouched; we only refuse what is plainly not a label format.
  const text = bytes.toString('latin1')
  if (!/\^XA/i.test(text) || !/\^XZ/i.test(text)) throw new AppError(ErrorCode.inputInvalid, `${path} is not ZPL (no ^XA…^XZ format)`)
  return new Uint8Array(bytes)
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let json = false
  try {
    const { values, positionals } = parseFlags(argv, flagOptions, true)
    json = values.json ?? false
    const uri = requireFlag(values.printer, 'printer')
    if (positionals.length !== 1) throw new AppError(ErrorCode.inputInvalid, `expected one ZPL file, got ${positionals.length}`)
    const timeoutMs = numberFlag(values['timeout-ms'], 'timeout-ms', { positive: true, integer: true })
    const data = await readZpl(positionals[0] as string)
    const checkStatus = !(values['no-status-check'] ?? false)
    const { result, printerUri } = await withZebraPrinter(uri, timeoutMs, async (printer) => ({
      result: await printer.print(data, { checkStatus, timeoutMs }),
      printerUri: printer.uri,
    }))
    const warning = result.problemAfter
    if (json) {
      const out: Record<string, unknown> = { ok: true, bytes: result.bytes }
      if (warning) out.warning = { code: warning.code, message: errorText(warning) }
      io.stdout(`${JSON.stringify(out)}\n`)
    } else {
      const checked = result.statusBefore ? '' : ' (status not checked)'
      io.stdout(`sent ${result.bytes} bytes to ${printerUri}${checked}${warning ? ` — warning: ${errorText(warning)} [${warning.code}]` : ''}\n`)
    }
    return 0
  } catch (err) {
    if (json && err instanceof AppError) {
      const e = toAppError(err)
      io.stdout(`${JSON.stringify({ ok: false, error: { code: e.code, message: errorText(e), retryable: e.retryable } })}\n`)
    }
    throw err // reportingFailures: the one stderr line and the exit code
  }
}

export const printCommand: CliCommand = {
  name: 'print',
  summary: 'Send a ZPL file to a printer',
  usage:
    'station print --printer URI [--no-status-check] [--timeout-ms N] [--json] FILE.zpl\n' +
    'Asks the printer for ~HS status first and refuses when it is not ready (paper out, head open, paused…).\n' +
    'URI: tcp://HOST[:PORT], usb://VID:PID[/SERIAL], serial:///dev/ttyUSB0?baud=9600, spooler://QUEUE (no status),\n' +
    'file:///ABS/PATH (appends; no status). Exit 0 sent, 2 bad input or address, 1 printer problem.',
  run: reportingFailures(prefix, run),
}
