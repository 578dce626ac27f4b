import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_STATION, startDemoReferenceCloud, type DemoCloud } from '../../sandbox/cloud/reference/demo-seed'
import { startComToHomeEmulator, type ComToHomeEmulator } from '../../sandbox/comtohome/comtohome.emulator'
import { startZebraEmulator, type ZebraEmulator } from '../../sandbox/zebra/zebra-emulator'
import { startServe, type ServeProcess } from '../support/serve-process'
import { eventually } from '../support/eventually'
import { connectStation } from '../support/ws-client'

let dir: string
let zebra: ZebraEmulator
let carrier: ComToHomeEmulator
let cloud: DemoCloud
let serve: ServeProcess | null = null

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kj-crash-'))
  zebra = await startZebraEmulator()
  carrier = await startComToHomeEmulator()
  cloud = await startDemoReferenceCloud()
  // The emulators live in the test process so they outlive the killed station.
  writeFileSync(
    join(dir, 'station.json'),
    JSON.stringify({
      demo: true,
      scale: { driver: 'simulated' },
      printer: { uri: zebra.uri },
      carriers: { comtohome: { baseUrl: carrier.url, apiKey: 'demo-key' } },
      cloud: { baseUrl: cloud.url, apiKey: DEMO_STATION.apiKey, stationId: DEMO_STATION.id, pullIntervalMs: 60_000 },
    }),
  )
})

afterEach(async () => {
  await serve?.stop()
  serve = null
  await Promise.allSettled([zebra.close(), carrier.close(), cloud.cloud.close()])
  rmSync(dir, { recursive: true, force: true })
})

describe('a crash in the middle of buying a label (SIGKILL, then restart)', () => {
  it.each(['afterCarrierResponse', 'afterShipmentCommit'])('killed at %s: one consignment, label printed once, order packed', async (checkpoint) => {
    serve = await startServe(['--no-demo', '--data', dir], { KARGOJET_CRASH_AT: checkpoint })
    const c = await connectStation(serve.url, serve.token)
    await c.call('station.getSnapshot', {})
    await c.call('scan.submit', { code: 'P1001' })
    let v = await c.call('scan.submit', { code: 'KJ1001' })
    for (const line of v.order!.lines) for (let i = 0; i < line.quantity; i++) v = await c.call('scan.submit', { code: line.gtin! })
    v = await c.call('scan.submit', { code: 'KOLI2' })
    void c.call('scale.simulate', { grams: v.expectedGrams! }).catch(() => undefined)
    const exit = await serve.exited
    expect(exit.signal).toBe('SIGKILL')
    c.close()
    expect(carrier.consignments).toHaveLength(1)
    expect(zebra.jobs).toHaveLength(0)

    serve = await startServe(['--no-demo', '--data', dir])
    await zebra.waitForJobs(1, 15_000)
    const c2 = await connectStation(serve.url, serve.token)
    const packed = await eventually(() => c2.call('orders.list', { status: 'packed', limit: 10 }), (list) => list.length > 0)
    expect(packed.map((o) => o.barcode)).toEqual(['KJ1001'])
    // Let any stray second print show up before counting.
    await c2.call('station.getSnapshot', {})
    expect(zebra.jobs).toHaveLength(1)
    expect(carrier.consignments).toHaveLength(1)
    expect(zebra.jobs[0]).toContain(carrier.consignments[0]!.barcode)
    c2.close()
  }, 60_000)
})
