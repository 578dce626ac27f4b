import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { once } from 'node:events'
import { createServer, type AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { INSTANCE_LOCK_FILE } from '../../electron/core/instance-lock'
import { startZebraEmulator, type ZebraEmulator } from '../../sandbox/zebra/zebra-emulator'
import { startServe, type ServeProcess } from '../support/serve-process'

const BIN = resolve(import.meta.dirname, '../../bin/station.mjs')

let dir: string
let zebra: ZebraEmulator
const serves: ServeProcess[] = []

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kj-single-'))
  zebra = await startZebraEmulator()
  writeFileSync(join(dir, 'station.json'), JSON.stringify({ scale: { driver: 'simulated' }, printer: { uri: zebra.uri } }))
})
afterEach(async () => {
  await Promise.all(serves.splice(0).map((s) => s.stop()))
  await zebra.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Runs `station serve` to its end and returns its exit code and output (a refused start ends at once). */
function runServe(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((res) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.once('exit', (code) => (clearTimeout(timer), res({ code, stdout, stderr })))
  })
}

describe('one desk per data folder (station serve)', () => {
  it('a second serve on the same folder refuses with one line naming the first (pid, start time, URL), exit 1', async () => {
    const first = await startServe(['--no-demo', '--data', dir], {}, 60_000)
    serves.push(first)
    const lock = JSON.parse(readFileSync(join(dir, INSTANCE_LOCK_FILE), 'utf8')) as { pid: number; startedAt: string; url: string }
    expect(lock.url).toBe(first.url)

    const second = await runServe(['--no-demo', '--data', dir])
    expect(second.code).toBe(1)
    expect(second.stdout).not.toContain('KargoJet Station:')
    const lines = second.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('another KargoJet Station is running on this data folder')
    expect(lines[0]).toContain(`pid ${first.child.pid}`)
    expect(lines[0]).toContain(lock.startedAt)
    expect(lines[0]).toContain(first.url)
    expect(lines[0]).toContain('[station.alreadyRunning]')

    // The refused start changed nothing: the first desk still answers and still holds the lock.
    expect((await fetch(new URL('/healthz', first.url))).status).toBe(200)
    expect(JSON.parse(readFileSync(join(dir, INSTANCE_LOCK_FILE), 'utf8')).pid).toBe(first.child.pid)
  }, 120_000)

  it('after the first is SIGKILLed, a new serve takes over its stale lock; a clean stop removes the lock', async () => {
    const first = await startServe(['--no-demo', '--data', dir], {}, 60_000)
    first.child.kill('SIGKILL')
    await first.exited
    expect(JSON.parse(readFileSync(join(dir, INSTANCE_LOCK_FILE), 'utf8')).pid).toBe(first.child.pid)

    const second = await startServe(['--no-demo', '--data', dir], {}, 60_000)
    serves.push(second)
    expect((await fetch(new URL('/healthz', second.url))).status).toBe(200)
    expect(JSON.parse(readFileSync(join(dir, INSTANCE_LOCK_FILE), 'utf8')).pid).toBe(second.child.pid)

    await second.stop()
    expect((await second.exited).code).toBe(0)
    expect(existsSync(join(dir, INSTANCE_LOCK_FILE))).toBe(false)
  }, 120_000)

  it('a start whose port is taken fails and leaves no lock behind', async () => {
    const blocker = createServer().listen(0, '127.0.0.1')
    await once(blocker, 'listening')
    const run = await runServe(['--no-demo', '--data', dir, '--port', String((blocker.address() as AddressInfo).port)])
    blocker.close()
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('EADDRINUSE')
    expect(existsSync(join(dir, INSTANCE_LOCK_FILE))).toBe(false)
  }, 120_000)

  it('a start that fails (invalid station.json) leaves no lock behind', async () => {
    writeFileSync(join(dir, 'station.json'), '{ "scale": ')
    const run = await runServe(['--no-demo', '--data', dir])
    expect(run.code).not.toBe(0)
    expect(existsSync(join(dir, INSTANCE_LOCK_FILE))).toBe(false)
  }, 120_000)
})
