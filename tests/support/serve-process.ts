import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { scaledMs } from './wait-for'

export type ServeProcess = Readonly<{
  child: ChildProcess
  url: string
  token: string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  stop(): Promise<void>
}>

const BIN = resolve(import.meta.dirname, '../../bin/station.mjs')

/**
 * Starts `station serve` as a real child process and waits for its URL; reads the per-run token from the page.
 * `timeoutMs` only bounds a desk that never starts: on a busy machine three desks booting at once took over 20 s.
 */
export async function startServe(args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.once('exit', (code, signal) => res({ code, signal })))
  let out = ''
  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`serve did not start: ${out}`)), scaledMs(timeoutMs))
    const onData = (d: Buffer) => {
      out += d.toString()
      const m = /KargoJet Station: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)
      if (m) (clearTimeout(timer), res(m[1]!))
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
    void exited.then(() => (clearTimeout(timer), rej(new Error(`serve exited early: ${out}`))))
  })
  const html = await (await fetch(url)).text()
  const token = /name="kargojet-token" content="([^"]+)"/.exec(html)?.[1] ?? ''
  return {
    child,
    url,
    token,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}
