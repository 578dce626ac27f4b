/**
 * Runs the Zebra emulator as a process: `tsx sandbox/zebra/main.ts --port 9100 [--host 127.0.0.1]
 * [--silent-when-fault] [--accept-bytes-per-second N] [--drop-after-bytes N] [--paper-out-after N]`.
 * Prints `ZEBRA_PORT=<port>` once listening (port 0 picks a free one),
 * logs each printed format's size, and stops on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util'
import { startZebraEmulator } from './zebra-emulator'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9100' },
    host: { type: 'string', default: '127.0.0.1' },
    'silent-when-fault': { type: 'boolean', default: false },
    'accept-bytes-per-second': { type: 'string' },
    'drop-after-bytes': { type: 'string' },
    'paper-out-after': { type: 'string' },
  },
  strict: true,
})

const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`--port must be 0–65535, got "${values.port}"\n`)
  process.exit(2)
}

/** An optional positive integer flag; exits 2 on anything else. */
function count(name: string, raw: string | undefined): number | null {
  if (raw === undefined) return null
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`--${name} must be a positive integer, got "${raw}"\n`)
    process.exit(2)
  }
  return n
}

const emulator = await startZebraEmulator({
  port,
  host: values.host,
  silentWhenFault: values['silent-when-fault'],
  faults: {
    acceptBytesPerSecond: count('accept-bytes-per-second', values['accept-bytes-per-second']),
    dropAfterBytes: count('drop-after-bytes', values['drop-after-bytes']),
    paperOutAfterLabels: count('paper-out-after', values['paper-out-after']),
  },
})
process.stdout.write(`ZEBRA_PORT=${emulator.port}\n`)
emulator.onDidPrintJob((job) => process.stdout.write(`printed format, ${Buffer.byteLength(job)} bytes\n`))
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0))
  })
}
