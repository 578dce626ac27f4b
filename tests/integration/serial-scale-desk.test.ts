import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { casProfile } from '../../sandbox/scales/cas.profile'
import { startSerialScaleEmulator, type SerialScaleEmulator } from '../../sandbox/scales/serial-scale.emulator'
import { createPtyPair } from '../../sandbox/scales/socat-pair'
import { scanAllItems, startHarness, type Harness } from '../support/station-harness'

let h: Harness | null = null
let emu: SerialScaleEmulator | null = null
let pair: Awaited<ReturnType<typeof createPtyPair>> | null = null
let dir: string | null = null
afterEach(async () => {
  await h?.dispose()
  await emu?.close()
  await pair?.kill()
  if (dir) rmSync(dir, { recursive: true, force: true })
  h = emu = pair = dir = null
})

describe('the desk with a real serial scale (CAS ST,GS over a socat pty, protocol auto-detected)', () => {
  it('takes the settled weight from the wire and packs the order', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kj-pty-'))
    pair = await createPtyPair(dir)
    emu = await startSerialScaleEmulator({ path: pair.b, profile: casProfile({ intervalMs: 50 }) })
    h = await startHarness({ overrides: { scale: { driver: 'serial', protocol: 'auto', path: pair.a } } })
    const scan = (code: string) => h!.station.handlers['scan.submit']({ code, source: 'scanner' })
    await scan('P1001')
    await scan('KJ1002')
    await scanAllItems(h.station)
    const v = await scan('KOLI1')
    emu.setWeight(v.expectedGrams! + 12, { inMotionMs: 300 })
    const done = await h.waitForView((x) => x.step === 'packed' || x.step === 'exception', 20_000)
    expect(done.problem).toBeNull()
    expect(done.measuredGrams).toBe(v.expectedGrams! + 12)
    expect(h.carrier.consignments).toHaveLength(1)
  }, 40_000)
})
