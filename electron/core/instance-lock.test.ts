import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../shared/errors'
import { acquireInstanceLock, INSTANCE_LOCK_FILE, processAlive } from './instance-lock'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kj-lock-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const lockPath = () => join(dir, INSTANCE_LOCK_FILE)
const refusal = (fn: () => unknown): AppError => {
  try {
    fn()
  } catch (err) {
    return err as AppError
  }
  throw new Error('expected a refusal')
}

describe('instance lock (one desk per data folder)', () => {
  it('writes {pid, startedAt, url, hostname, shell} and removes it on release', () => {
    const lock = acquireInstanceLock(dir, { shell: 'serve', pid: 4242, hostname: 'desk-1', now: () => new Date('2026-12-07T10:00:00Z'), isAlive: () => true })
    expect(JSON.parse(readFileSync(lockPath(), 'utf8'))).toEqual({
      pid: 4242,
      startedAt: '2026-12-07T10:00:00.000Z',
      url: null,
      hostname: 'desk-1',
      shell: 'serve',
    })
    lock.setUrl('http://127.0.0.1:5170/')
    expect(JSON.parse(readFileSync(lockPath(), 'utf8')).url).toBe('http://127.0.0.1:5170/')
    lock.release()
    expect(existsSync(lockPath())).toBe(false)
  })

  it('refuses a second start while the holder lives, naming pid, start time and URL', () => {
    const first = acquireInstanceLock(dir, { shell: 'serve', pid: 100, hostname: 'desk-1', isAlive: () => true })
    first.setUrl('http://127.0.0.1:5170/')
    const err = refusal(() => acquireInstanceLock(dir, { shell: 'electron', pid: 200, hostname: 'desk-1', isAlive: (pid) => pid === 100 }))
    expect(err).toBeInstanceOf(AppError)
    expect(err.code).toBe(ErrorCode.stationAlreadyRunning)
    expect(err.message).toContain('pid 100')
    expect(err.message).toContain(first.holder.startedAt)
    expect(err.message).toContain('http://127.0.0.1:5170/')
    expect(err.message).not.toContain('\n')
    // The refused start leaves the holder's lock as it was.
    expect(JSON.parse(readFileSync(lockPath(), 'utf8')).pid).toBe(100)
  })

  it('takes over a stale lock whose process is gone', () => {
    acquireInstanceLock(dir, { shell: 'serve', pid: 100, hostname: 'desk-1', isAlive: () => true })
    const second = acquireInstanceLock(dir, { shell: 'serve', pid: 200, hostname: 'desk-1', isAlive: () => false })
    expect(JSON.parse(readFileSync(lockPath(), 'utf8')).pid).toBe(200)
    second.release()
    expect(existsSync(lockPath())).toBe(false)
  })

  it('takes over a lock left with its own pid (a reused pid after a reboot, pid 1 in a container)', () => {
    acquireInstanceLock(dir, { shell: 'serve', pid: 1, hostname: 'desk-1', isAlive: () => true })
    const lock = acquireInstanceLock(dir, { shell: 'serve', pid: 1, hostname: 'desk-1', isAlive: () => true })
    expect(lock.holder.pid).toBe(1)
  })

  it('takes over an old unreadable lock, but waits on a fresh one that may still be being written', () => {
    writeFileSync(lockPath(), 'not json')
    const later = () => new Date(Date.now() + 60_000)
    expect(acquireInstanceLock(dir, { shell: 'serve', pid: 300, hostname: 'desk-1', now: later }).holder.pid).toBe(300)
    writeFileSync(lockPath(), '')
    const err = refusal(() => acquireInstanceLock(dir, { shell: 'serve', pid: 301, hostname: 'desk-1' }))
    expect(err.code).toBe(ErrorCode.stationAlreadyRunning)
    expect(err.message).toContain('another start may be under way')
  })

  it('never takes over a lock from another host (a shared folder): its process cannot be checked', () => {
    acquireInstanceLock(dir, { shell: 'serve', pid: 100, hostname: 'desk-2', isAlive: () => false })
    const err = refusal(() => acquireInstanceLock(dir, { shell: 'serve', pid: 200, hostname: 'desk-1', isAlive: () => false }))
    expect(err.message).toContain('on desk-2')
  })

  it('release after a takeover leaves the new holder alone', () => {
    const old = acquireInstanceLock(dir, { shell: 'serve', pid: 100, hostname: 'desk-1', isAlive: () => true })
    acquireInstanceLock(dir, { shell: 'serve', pid: 200, hostname: 'desk-1', isAlive: () => false })
    old.release()
    expect(JSON.parse(readFileSync(lockPath(), 'utf8')).pid).toBe(200)
  })

  it('processAlive: this process lives, a pid far past pid_max does not', () => {
    expect(processAlive(process.pid)).toBe(true)
    expect(processAlive(2 ** 30)).toBe(false)
  })
})
