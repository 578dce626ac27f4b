import { closeSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs'
import { hostname as osHostname } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { AppError, ErrorCode } from '../../shared/errors'

/** The lock file in the data folder; it exists while a desk (Electron or `station serve`) runs there. */
export const INSTANCE_LOCK_FILE = 'station.lock'
/** A takeover guard older than this was left by a process that died mid-takeover. */
const GUARD_STALE_MS = 10_000

const lockHolderSchema = z.object({
  pid: z.number().int().positive(),
  startedAt: z.string(),
  url: z.string().nullable(),
  hostname: z.string(),
  /** 'serve' or 'electron': which shell holds the folder. */
  shell: z.string(),
})
export type LockHolder = z.infer<typeof lockHolderSchema>

/** The lock this process holds; `release()` removes it only while it is still ours. */
export type InstanceLock = Readonly<{
  path: string
  holder: LockHolder
  /** Records the URL once the server listens, so a second start can name it. */
  setUrl(url: string): void
  release(): void
}>

export type InstanceLockOptions = Readonly<{
  shell: string
  url?: string | null
  pid?: number
  hostname?: string
  now?: () => Date
  /** Whether a process id is alive on this machine; tests inject it. */
  isAlive?: (pid: number) => boolean
}>

/** Signal 0 checks existence only; EPERM means it exists under another user. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readHolder(path: string): LockHolder | null {
  try {
    const parsed = lockHolderSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null // missing, half-written or not JSON: treated as stale below
  }
}

/** One line naming the desk that holds the folder: pid, host, start time and URL. */
export function describeHolder(holder: LockHolder): string {
  const where = holder.url ? `, ${holder.url}` : ''
  return `pid ${holder.pid} on ${holder.hostname}, ${holder.shell}, started ${holder.startedAt}${where}`
}

function olderThan(path: string, now: Date, ms: number): boolean {
  try {
    return now.getTime() - statSync(path).mtimeMs > ms
  } catch {
    return true // gone: nothing to wait for
  }
}

function tryCreate(path: string, holder: LockHolder): boolean {
  let fd: number
  try {
    fd = openSync(path, 'wx')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw err
  }
  try {
    writeSync(fd, JSON.stringify(holder))
  } finally {
    closeSync(fd)
  }
  return true
}

/** Runs `fn` while holding a short-lived guard file, so two starts never both take over one stale lock. */
function withTakeoverGuard<T>(path: string, now: Date, fn: () => T): T | null {
  const guard = `${path}.takeover`
  try {
    closeSync(openSync(guard, 'wx'))
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    try {
      if (now.getTime() - statSync(guard).mtimeMs > GUARD_STALE_MS) unlinkSync(guard)
    } catch {
      // Gone already: another start finished its takeover.
    }
    return null
  }
  try {
    return fn()
  } finally {
    try {
      unlinkSync(guard)
    } catch {
      // Already removed: nothing to clean up.
    }
  }
}

/**
 * Takes the data folder for this process: one desk per folder, whether Electron or `station
 * serve`, so two processes never open the same database and resume the same work after a crash.
 * The lock file is created with O_EXCL and holds {pid, startedAt, url, hostname, shell}.
 * A lock whose process is gone (on this host) is stale and taken over; a live one is refused
 * with `station.alreadyRunning` naming it. A lock from another host (a shared folder) is
 * never taken over: its process cannot be checked from here.
 */
export function acquireInstanceLock(dataDir: string, options: InstanceLockOptions): InstanceLock {
  mkdirSync(dataDir, { recursive: true })
  const path = join(dataDir, INSTANCE_LOCK_FILE)
  const now = options.now ?? (() => new Date())
  const isAlive = options.isAlive ?? processAlive
  const holder: LockHolder = {
    pid: options.pid ?? process.pid,
    startedAt: now().toISOString(),
    url: options.url ?? null,
    hostname: options.hostname ?? osHostname(),
    shell: options.shell,
  }
  const refuse = (other: LockHolder) =>
    new AppError(
      ErrorCode.stationAlreadyRunning,
      `another KargoJet Station is running on this data folder (${describeHolder(other)}); stop it first or use another data folder (lock: ${path})`,
      { meta: { lockPath: path, holder: other } },
    )

  for (let attempt = 0; attempt < 20; attempt++) {
    if (tryCreate(path, holder)) return ownLock(path, holder)
    const other = readHolder(path)
    if (other && other.hostname !== holder.hostname) throw refuse(other)
    if (other && other.pid !== holder.pid && isAlive(other.pid)) throw refuse(other)
    // An unreadable lock may be one another start has created but not written yet: give it a moment.
    if (!other && !olderThan(path, now(), GUARD_STALE_MS / 2)) continue
    // Stale (its process is gone, or the file is unreadable): move it aside under the guard, then retry.
    withTakeoverGuard(path, now(), () => {
      const again = readHolder(path)
      if (JSON.stringify(again) !== JSON.stringify(other)) return // someone else took it meanwhile
      try {
        renameSync(path, `${path}.stale`)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
      }
    })
  }
  const last = readHolder(path)
  if (last) throw refuse(last)
  throw new AppError(ErrorCode.stationAlreadyRunning, `the data folder lock ${path} could not be taken; another start may be under way`, {
    meta: { lockPath: path },
  })
}

function ownLock(path: string, initial: LockHolder): InstanceLock {
  let holder = initial
  const ours = () => {
    const current = readHolder(path)
    return current !== null && current.pid === holder.pid && current.startedAt === holder.startedAt
  }
  return {
    path,
    get holder() {
      return holder
    },
    setUrl(url) {
      holder = { ...holder, url }
      if (ours()) writeFileSync(path, JSON.stringify(holder))
    },
    release() {
      try {
        if (ours()) unlinkSync(path)
      } catch {
        // Removed already (by hand, or a takeover after we were presumed dead): nothing else to free.
      }
    },
  }
}
