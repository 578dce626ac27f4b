import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { summarize } from './stats'

const BIN = resolve(import.meta.dirname, '../bin/station.mjs')

/**
 * Headless core cold start: from spawning `station serve` to its "KargoJet Station: URL" line
 * (database opened and migrated, devices and server up), and the process's RSS after start.
 * The desk is configured (station.json) with no cloud, so nothing outside the process is awaited.
 */
export async function benchColdStart(runs = 7) {
  const times: number[] = []
  const rssMb: number[] = []
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'kj-cold-'))
    writeFileSync(join(dir, 'station.json'), JSON.stringify({ scale: { driver: 'simulated' }, printer: { uri: 'tcp://127.0.0.1:9', checkStatus: false } }))
    const t0 = performance.now()
    const child = spawn(process.execPath, [BIN, 'serve', '--no-demo', '--port', '0', '--data', dir], { stdio: ['ignore', 'pipe', 'pipe'] })
    await new Promise<void>((res, rej) => {
      let out = ''
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString()
        if (out.includes('KargoJet Station:')) res()
      })
      child.once('exit', () => rej(new Error(`serve exited: ${out}`)))
    })
    times.push(performance.now() - t0)
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
    rssMb.push(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024)
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    rmSync(dir, { recursive: true, force: true })
  }
  return { start: summarize(times.slice(1)), rssMb: summarize(rssMb) }
}
