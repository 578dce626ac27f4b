import { AppError, ErrorCode, errorText } from '../../shared/errors'
import type { CliCommand, CliIo } from './cli.types'

/** Commands are registered lazily so `station desi` does not pay for loading the server or devices. */
type LazyCommand = Readonly<{ name: string; summary: string; load: () => Promise<CliCommand> }>

const lazy = (name: string, summary: string, load: () => Promise<CliCommand>): LazyCommand => ({ name, summary, load })

export const COMMANDS: readonly LazyCommand[] = [
  lazy('serve', 'Run the station headless and serve its UI on 127.0.0.1', async () => (await import('./commands/serve.command')).serveCommand),
  lazy('desi', 'Compute desi and chargeable weight of a package', async () => (await import('./commands/desi.command')).desiCommand),
  lazy('label render', 'Render a shipping label to ZPL', async () => (await import('./commands/label-render.command')).labelRenderCommand),
  lazy('print', 'Send a ZPL file to a printer', async () => (await import('./commands/print.command')).printCommand),
  lazy('printer status', "Query a Zebra printer's ~HS status", async () => (await import('./commands/printer-status.command')).printerStatusCommand),
  lazy('ship', 'Create a shipment with a carrier', async () => (await import('./commands/ship.command')).shipCommand),
  lazy('quote', 'Compare carriers for an order: price, band, transit days and why', async () => (await import('./commands/quote.command')).quoteCommand),
  lazy('rates import', 'Import rate cards from CSV or XLSX into station.json', async () => (await import('./commands/rates.command')).ratesImportCommand),
  lazy('rates export', 'Export rate cards to CSV or XLSX', async () => (await import('./commands/rates.command')).ratesExportCommand),
  lazy('return', 'Ask a carrier for a return (iade) code or return shipment', async () => (await import('./commands/return.command')).returnCommand),
  lazy('track', "Ask a carrier for a shipment's status and timeline", async () => (await import('./commands/track.command')).trackCommand),
  lazy('scale read', 'Read one weight from a serial scale', async () => (await import('./commands/scale-read.command')).scaleReadCommand),
  lazy(
    'secrets encrypt',
    'Encrypt plain-text credentials in station.json',
    async () => (await import('./commands/secrets-encrypt.command')).secretsEncryptCommand,
  ),
  lazy(
    'commands-sheet',
    'Write the printable PDF of desk command barcodes (Code 128)',
    async () => (await import('./commands/commands-sheet.command')).commandsSheetCommand,
  ),
  lazy('scale list', 'List serial ports', async () => (await import('./commands/scale-list.command')).scaleListCommand),
]

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  return [
    'KargoJet Station — paketleme masası / packing desk',
    '',
    'Usage: station <command> [flags]   (station <command> --help for its flags)',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Exit codes: 0 ok, 2 bad input, 1 other failure, 3 no scale weight in time.',
  ].join('\n')
}

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  stderr: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
}

/** Runs the CLI; returns the exit code. Expected failures print one line, never a stack trace. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout(help())
    return argv.length === 0 ? 2 : 0
  }
  if (argv[0] === '--version') {
    io.stdout('0.1.0')
    return 0
  }
  const entry = COMMANDS.filter((c) => {
    const words = c.name.split(' ')
    return words.every((w, i) => argv[i] === w)
  }).sort((a, b) => b.name.length - a.name.length)[0]
  if (!entry) {
    io.stderr(`station: unknown command "${argv.slice(0, 2).join(' ')}". Run "station --help".`)
    return 2
  }
  const rest = argv.slice(entry.name.split(' ').length)
  const command = await entry.load()
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.summary}\n\n${command.usage}`)
    return 0
  }
  try {
    return await command.run(rest, io)
  } catch (err) {
    if (err instanceof AppError) {
      io.stderr(`station ${entry.name}: ${errorText(err)}${err.code === ErrorCode.inputInvalid ? '' : ` [${err.code}]`}`)
      return err.code === ErrorCode.inputInvalid ? 2 : 1
    }
    io.stderr(`station ${entry.name}: unexpected error: ${(err as Error)?.message ?? String(err)}`)
    if (process.env.KARGOJET_DEBUG) io.stderr(String((err as Error)?.stack))
    return 1
  }
}
