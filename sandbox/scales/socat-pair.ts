import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'

export type PtyPair = Readonly<{
  /** Symlink to one pty end (the "desk" side in tests). */
  a: string
  /** Symlink to the other end (the emulated device side). */
  b: string
  /** Stops socat; both ends see the link drop (like an unplug) and the links disappear. */
  kill(): Promise<void>
}>

export type PtyPairOptions = Readonly<{ readyTimeoutMs?: number }>

/**
 * A virtual serial cable: `socat pty,raw,echo=0,link=DIR/ttyA pty,raw,echo=0,link=DIR/ttyB`
 * (docs/reference/toolchain.md). PTYs ignore baud and parity, so framing mismatches cannot be
 * tested this way (docs/reference/hardware.md §6). Needs Debian `socat`.
 */
export async function createPtyPair(dir: string, options: PtyPairOptions = {}): Promise<PtyPair> {
  const a = join(dir, 'ttyA')
  const b = join(dir, 'ttyB')
  // Stale links from a crashed run would make the readiness check below pass too early.
  await Promise.all([rm(a, { force: true }), rm(b, { force: true })])

  const child = spawn('socat', [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let spawnError: Error | undefined
  child.once('error', (err) => (spawnError = err))
  let hasExited = false
  // socat outlives a test process that dies without calling kill(); take it down with us.
  const killOnExit = () => child.kill('SIGTERM')
  process.once('exit', killOnExit)
  void exited.then(() => {
    hasExited = true
    process.off('exit', killOnExit)
  })

  const deadline = Date.now() + (options.readyTimeoutMs ?? 3000)
  while (!(existsSync(a) && existsSync(b))) {
    if (spawnError || hasExited || Date.now() > deadline) {
      child.kill('SIGKILL')
      const why = spawnError ? spawnError.message : hasExited ? `socat exited: ${stderr.trim()}` : 'timed out waiting for the pty links'
      throw new Error(`cannot create pty pair in ${dir}: ${why}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }

  return {
    a,
    b,
    async kill() {
      if (!hasExited) {
        child.kill('SIGTERM') // socat removes its links on SIGTERM
        await exited
      }
      await Promise.all([rm(a, { force: true }), rm(b, { force: true })])
    },
  }
}
