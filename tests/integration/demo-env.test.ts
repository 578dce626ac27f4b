import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startDemoEnvironment, type DemoEnvironment } from '../../electron/cli/demo-env'
import { loadConfig } from '../../electron/core/config/config.loader'
import { createStation, type Station } from '../../electron/core/station'
import { createAdapters } from '../../electron/core/station.adapters'
import { disposeAfterEach } from '../support/dispose-after-each'
import { eventually } from '../support/wait-for'
import { startServe } from '../support/serve-process'

let dir: string | null = null
let env: DemoEnvironment | null = null
let station: Station | null = null

disposeAfterEach(
  () => [station, env, dir],
  () => (station = env = dir = null),
)

/** Demo mode as `station serve --demo` starts it: the demo environment's overrides, the station over them. */
async function startDemoDesk(dataDir: string) {
  env = await startDemoEnvironment(dataDir)
  const config = loadConfig(dataDir, env.overrides, join(dataDir, 'no-admin.json'))
  const adapters = createAdapters(config)
  station = await createStation(dataDir, config, adapters)
  return { station, place: adapters.simulateWeight! }
}

async function stopDemoDesk() {
  await station?.dispose()
  await env?.dispose()
  station = null
  env = null
}

describe('demo environment: the desk on the reference cloud', () => {
  it('a packed order is pushed and accepted: sync online, outbox empty; after a restart it stays packed', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kj-demo-env-'))
    const desk = await startDemoDesk(dir)
    await desk.station.sync!.syncNow()
    expect(await desk.station.sync!.status()).toMatchObject({ mode: 'online', lastError: null })

    const scan = (code: string) => desk.station.handlers['scan.submit']({ code, source: 'scanner' })
    await scan('P1001')
    let v = await scan('KJ1001')
    for (const line of v.order!.lines) for (let i = 0; i < line.quantity; i++) v = await scan(line.gtin!)
    v = await scan('KOLI2')
    desk.place(v.expectedGrams!)
    await eventually(
      async () => desk.station.packing.view(),
      (x) => x.step === 'packed' || x.problem !== null,
      20_000,
    )
    expect(desk.station.packing.view()).toMatchObject({ step: 'packed', problem: null })
    desk.place(0)

    await desk.station.sync!.syncNow()
    expect(await desk.station.sync!.status()).toMatchObject({ mode: 'online', pendingEvents: 0, parkedEvents: 0, lastError: null })
    expect(readdirSync(join(dir, 'printed-labels'))).toEqual(['label-0001.zpl'])

    await stopDemoDesk()
    const again = await startDemoDesk(dir)
    await again.station.sync!.syncNow()
    expect(await again.station.sync!.status()).toMatchObject({ mode: 'online', pendingEvents: 0, parkedEvents: 0 })
    expect((await again.station.handlers['orders.list']({ status: 'packed', limit: 50 })).map((o) => o.barcode)).toEqual(['KJ1001'])
    const open = await again.station.handlers['orders.list']({ status: 'open', limit: 50 })
    expect(open.map((o) => o.barcode)).toContain('KJ1002')
    expect(open.map((o) => o.barcode)).not.toContain('KJ1001')
  }, 60_000)
})

describe('station serve --demo that cannot start', () => {
  it('exits with the reason instead of hanging on the demo emulators and cloud', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kj-demo-env-'))
    writeFileSync(join(dir, 'station.json'), '{ "printer": ')
    const err = await startServe(['--demo', '--data', dir], {}, 60_000).then(
      () => null,
      (e: Error) => e,
    )
    expect(err?.message).toMatch(/^serve exited early: .*station\.json/s)
  }, 90_000)
})
