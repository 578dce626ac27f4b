import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_STATION, startDemoReferenceCloud, type DemoCloud } from '../../sandbox/cloud/reference/demo-seed'
import { startComToHomeEmulator, type ComToHomeEmulator } from '../../sandbox/comtohome/comtohome.emulator'
import { startZebraEmulator, type ZebraEmulator } from '../../sandbox/zebra/zebra-emulator'
import { startServe, type ServeProcess } from './serve-process'

type Exit = Awaited<ServeProcess['exited']>

/**
 * A desk to SIGKILL and restart: `station serve --no-demo` as a real child process on its own data
 * folder, with its Zebra, ComToHome and demo reference cloud in the test process, so they outlive
 * the killed desk.
 */
export type CrashDesk = {
  readonly dir: string
  readonly zebra: ZebraEmulator
  readonly carrier: ComToHomeEmulator
  readonly cloud: DemoCloud
  /** The latest run of the desk (it may have exited). */
  serve: ServeProcess | null
  /** Starts (or restarts) the desk on the same folder; `env` e.g. KARGOJET_CRASH_AT. */
  start(env?: Record<string, string>): Promise<ServeProcess>
  /** SIGKILLs the running desk; resolves with how it exited. */
  kill(): Promise<Exit>
  /** Stops the desk and the emulators and removes the folder. */
  dispose(): Promise<void>
}

/**
 * Writes station.json (demo data, simulated scale, the emulators, a cloud pulled once a minute) in a
 * fresh `kj-<name>-` folder; `printer` adds to the Zebra's settings (e.g. statusTimeoutMs), `carrier` are the ComToHome emulator's options.
 */
export async function startCrashDesk(
  name: string,
  printer: Record<string, unknown> = {},
  carrierOptions: Parameters<typeof startComToHomeEmulator>[0] = {},
): Promise<CrashDesk> {
  const dir = mkdtempSync(join(tmpdir(), `kj-${name}-`))
  const started: { close(): Promise<unknown> }[] = []
  try {
    const zebra = await startZebraEmulator()
    started.push(zebra)
    const carrier = await startComToHomeEmulator(carrierOptions)
    started.push(carrier)
    const cloud = await startDemoReferenceCloud()
    started.push(cloud.cloud)
    writeFileSync(
      join(dir, 'station.json'),
      JSON.stringify({
        demo: true,
        scale: { driver: 'simulated' },
        printer: { uri: zebra.uri, ...printer },
        carriers: { comtohome: { baseUrl: carrier.url, apiKey: 'demo-key' } },
        cloud: { baseUrl: cloud.url, apiKey: DEMO_STATION.apiKey, stationId: DEMO_STATION.id, pullIntervalMs: 60_000 },
      }),
    )
    const desk: CrashDesk = {
      dir,
      zebra,
      carrier,
      cloud,
      serve: null,
      start: async (env = {}) => (desk.serve = await startServe(['--no-demo', '--data', dir], env)),
      kill: () => {
        const serve = desk.serve
        if (!serve) return Promise.reject(new Error('the desk was never started'))
        serve.child.kill('SIGKILL')
        return serve.exited
      },
      dispose: async () => {
        await desk.serve?.stop()
        desk.serve = null
        await Promise.allSettled(started.map((s) => s.close()))
        rmSync(dir, { recursive: true, force: true })
      },
    }
    return desk
  } catch (err) {
    await Promise.allSettled(started.map((s) => s.close()))
    rmSync(dir, { recursive: true, force: true })
    throw err
  }
}
