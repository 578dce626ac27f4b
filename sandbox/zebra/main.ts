/**
 * Runs the Zebra emulator as a process: `tsx sandbox/zebra/main.ts --port 9100 [--host 127.0.0.1]
 * [--silent-when-fault]`. Prints `ZEBRA_PORT=<port>` once listening (port 0 picks a free one),
 * logs each printed format's size, and stops on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util'
import { startZebraEmulator } from './zebra-emulator'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9100' },
    host: { type: 'string', default: '127.0.0.1' },
    'silent-when-fault': { type: 'boolean', default: false },
  },
  strict: true,
})

const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`--port must be 0–65535, got "${values.port}"\n`)
  process.exit(2)
}

const emulator = await startZebraEmulator({ port, host: values.host, silentWhenFault: values['silent-when-fault'] })
process.stdout.write(`ZEBRA_PORT=${emulator.port}\n`)
emulator.onDidPrintJob((job) => process.stdout.write(`printed format, ${Buffer.byteLength(job)} bytes\n`))
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0))
  })
}
