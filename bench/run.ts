import { benchColdStart } from './cold-start.bench'
import { benchDeskOverhead } from './desk-overhead.bench'
import { benchOrderLookup } from './order-lookup.bench'
import { benchSync } from './sync.bench'
import { ms } from './stats'

// Runs every benchmark and prints a Markdown table for docs/benchmarks.md (`npm run bench`).
const rows: string[] = ['| what | n | p50 | p95 | p99 | max | target |', '|---|---|---|---|---|---|---|']
const row = (what: string, s: { n: number; p50: number; p95: number; p99: number; max: number }, target: string, fmt = ms) =>
  rows.push(`| ${what} | ${s.n} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} | ${fmt(s.max)} | ${target} |`)

const only = process.argv[2]
if (!only || only === 'lookup') row('order lookup by scanned code, 200,000 orders', await benchOrderLookup(), 'p99 < 2 ms')
if (!only || only === 'desk') {
  const d = await benchDeskOverhead()
  row('last scan → ZPL accepted by printer: desk overhead (total − carrier)', d.overhead, 'p95 < 50 ms')
  row('  … total including carrier call', d.total, '—')
  row('  … carrier call alone (ComToHome emulator, loopback)', d.carrier, '—')
}
if (!only || only === 'cold') {
  const c = await benchColdStart()
  row('headless core cold start (spawn → serving)', c.start, '< 1 s')
  row('RSS after start', c.rssMb, '< 200 MB', (v) => `${v.toFixed(0)} MB`)
}
if (!only || only === 'sync') {
  const s = await benchSync()
  const one = (v: number) => ({ n: 1, p50: v, p95: v, p99: v, max: v })
  row(`initial sync of ${s.orders.toLocaleString('en')} orders (HTTP, pages of 500)`, one(s.initialMs), '—')
  row('incremental sync: 1,000 new + 500 cancelled', one(s.incrementalMs), '—')
}
console.log(rows.join('\n'))
console.log(`\nnode ${process.version}, ${(await import('node:os')).cpus().length} cores, ${new Date().toISOString()}`)
