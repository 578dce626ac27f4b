/**
 * Runs the reference cloud as a process:
 *   tsx sandbox/cloud/reference/main.ts --port 5180 --seed 50000 [--stations 3] [--db cloud.sqlite]
 *     [--faults '[{"kind":"serverError","probability":0.2}]'] [--rng-seed 1] [--host 127.0.0.1]
 * Prints `CLOUD_URL=<url>` and one `STATION <id> APIKEY=<key>` line per station once listening (the
 * demo keys are `<id>-key`: fine on loopback, never on a network), and stops on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util'
import type { FaultRule } from './fault-injector'
import { startReferenceCloud } from './reference-cloud'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5180' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string', default: '0' },
    stations: { type: 'string', default: '3' },
    db: { type: 'string', default: ':memory:' },
    faults: { type: 'string', default: '[]' },
    'rng-seed': { type: 'string', default: '1' },
  },
  strict: true,
})

const int = (name: string, raw: string, max: number) => {
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0 || n > max) {
    process.stderr.write(`--${name} must be an integer 0–${max}, got "${raw}"\n`)
    process.exit(2)
  }
  return n
}
const port = int('port', values.port, 65535)
const seed = int('seed', values.seed, 5_000_000)
const stationCount = int('stations', values.stations, 1000)
let faults: FaultRule[]
try {
  faults = JSON.parse(values.faults) as FaultRule[]
} catch {
  process.stderr.write('--faults must be a JSON array of fault rules\n')
  process.exit(2)
}

const cloud = await startReferenceCloud({ port, host: values.host, dbPath: values.db, rngSeed: int('rng-seed', values['rng-seed'], 2 ** 32 - 1), faults })
if ((await cloud.stations.list()).length === 0) {
  for (let i = 1; i <= stationCount; i++) await cloud.stations.create({ id: `station-${i}`, name: `Masa ${i}`, apiKey: `station-${i}-key` })
}
if (seed > 0) {
  const r = await cloud.seedOrders(seed)
  process.stdout.write(`seeded ${seed} orders in ${Math.round(r.ms)} ms (${r.firstId} … ${r.lastId})\n`)
}
process.stdout.write(`CLOUD_URL=${cloud.url}\n`)
for (const s of await cloud.stations.list()) process.stdout.write(`STATION ${s.id} APIKEY=${s.apiKey}\n`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void cloud.close().then(() => process.exit(0))
  })
}
