import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { adminConfigPath, loadConfig, stripBom } from '../../core/config/config.loader'
import { AppError, ErrorCode } from '../../../shared/errors'
import { acquireInstanceLock } from '../../core/instance-lock'
import { startHeadlessServer } from '../../core/server/headless.server'
import { createStation } from '../../core/station'
import { createAdapters } from '../../core/station.adapters'
import type { PurchaseCheckpoint } from '../../core/shipping/shipment.purchaser'
import type { CliCommand } from '../cli.types'
import { numberFlag, parseFlags } from '../cli-args'
import { defaultDataDir } from '../data-dir'
import { autoWeigh, startDemoEnvironment } from '../demo-env'
import { resetDemoFolder } from '../demo-reset'

/** The built UI: out/renderer of the project, found from this file whether it runs as source or bundled in out/cli. */
function findRendererDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'out', 'renderer')
    dir = dirname(dir)
  }
  return resolve('out/renderer')
}
const RENDERER_DIR = findRendererDir()

/** A station file that only holds desk preferences saved from the settings screen does not end demo mode. */
function isConfigured(stationFile: string): boolean {
  if (!existsSync(stationFile)) return false
  try {
    const keys = Object.keys(JSON.parse(stripBom(readFileSync(stationFile, 'utf8'))) as object)
    return keys.some((k) => !['scanner', 'packingSlip', 'demo'].includes(k))
  } catch {
    return true // unreadable: let the loader report it rather than silently start the demo
  }
}

/**
 * Test-only fault injection: KARGOJET_CRASH_AT=<checkpoint> kills the process with SIGKILL at that
 * point of a label purchase, so tests can prove a restart resumes the same shipment.
 */
function crashCheckpoint(): ((name: PurchaseCheckpoint) => void) | undefined {
  const at = process.env.KARGOJET_CRASH_AT
  if (!at) return undefined
  return (name) => {
    if (name === at) process.kill(process.pid, 'SIGKILL')
  }
}

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Run the station headless and serve its UI on 127.0.0.1',
  usage: [
    'station serve [--port N] [--data DIR] [--demo [--reset] | --no-demo]',
    '  --port N     HTTP/WebSocket port on 127.0.0.1 (default 5170; 0 = any free port)',
    '  --data DIR   data folder (default: the user data folder, ~/.config/KargoJet Station on Linux)',
    '  --demo       demo orders, simulated scale, Zebra emulator, ComToHome sandbox (default when no station.json exists)',
    '  --reset      with --demo: wipe the demo data folder first and reseed (refused on a folder without the demo marker)',
    '  --no-demo    use the devices and carriers configured in station.json',
  ].join('\n'),
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      port: { type: 'string' },
      data: { type: 'string' },
      demo: { type: 'boolean' },
      'no-demo': { type: 'boolean' },
      reset: { type: 'boolean' },
    })
    const port = numberFlag(values.port, 'port', { integer: true }) ?? 5170
    const dataDir = resolve(values.data ?? defaultDataDir())
    const configured = isConfigured(join(dataDir, 'station.json')) || existsSync(adminConfigPath())
    const demo = values.demo ?? (values['no-demo'] ? false : !configured)
    if (values.reset && !values.demo) throw new AppError(ErrorCode.inputInvalid, '--reset only goes with --demo: it wipes a demo data folder')
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
      io.stderr('station serve: the UI is not built yet; run "npm run build:renderer" (npm run serve does it for you)')
      return 1
    }

    // One desk per data folder: a second start is refused here, naming the running one (exit 1).
    const lock = acquireInstanceLock(dataDir, { shell: 'serve' })
    const releaseOnExit = () => lock.release()
    process.once('exit', releaseOnExit)
    const releaseLock = () => (lock.release(), process.off('exit', releaseOnExit))
    if (values.reset) {
      try {
        io.stdout(`demo reset: ${resetDemoFolder(dataDir)} entries removed from ${dataDir}`)
      } catch (err) {
        releaseLock()
        throw err
      }
    }
    const env = await (demo ? startDemoEnvironment(dataDir) : Promise.resolve(null)).catch((err: unknown) => {
      releaseLock()
      throw err
    })
    const { adapters, station } = await (async () => {
      const config = loadConfig(dataDir, env?.overrides ?? {})
      const adapters = createAdapters(config, { checkpoint: crashCheckpoint() })
      return { adapters, station: await createStation(dataDir, config, adapters) }
    })().catch(async (err: unknown) => {
      // A failed start must end the process: the demo's emulators and cloud would keep it alive.
      await env?.dispose()
      releaseLock()
      throw err
    })
    if (demo && adapters.simulateWeight) {
      const place = adapters.simulateWeight
      station.subscribe((name, payload) => {
        if (name === 'packing.changed') autoWeigh(payload as Parameters<typeof autoWeigh>[0], place)
      })
    }
    const server = await startHeadlessServer({
      handlers: station.handlers,
      access: station.access,
      subscribe: station.subscribe,
      rendererDir: RENDERER_DIR,
      port,
      log: (line) => io.stderr(line),
    }).catch(async (err: unknown) => {
      // The port is taken, say: close what started, free the folder, then report.
      await station.dispose()
      await env?.dispose()
      releaseLock()
      throw err
    })
    lock.setUrl(server.url)
    io.stdout(`KargoJet Station: ${server.url}  (data: ${dataDir})`)
    if (env) io.stdout(env.describe())

    await new Promise<void>((done) => {
      const stop = () => done()
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    await server.close()
    await station.dispose()
    await env?.dispose()
    releaseLock()
    return 0
  },
}
