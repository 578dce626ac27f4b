import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../../shared/errors'
// Tests may drive the sandbox emulators; production core code never imports sandbox/.
import { a12eProfile } from '../../../../sandbox/scales/a12e.profile'
import { nciProfile } from '../../../../sandbox/scales/nci.profile'
import { startSerialScaleEmulator, type ScaleEmulatorProfile, type SerialScaleEmulator } from '../../../../sandbox/scales/serial-scale.emulator'
import { createPtyPair } from '../../../../sandbox/scales/socat-pair'
import { toledo8217Profile } from '../../../../sandbox/scales/toledo-8217.profile'
import { toledoContinuousProfile } from '../../../../sandbox/scales/toledo-continuous.profile'
import { createSerialScaleDriver, type SerialScaleConfig } from './scale-protocol'
import type { ScaleReading } from './scale.port'
import { ScaleService, type ScaleStatus } from './scale.service'
import { waitFor } from '../../../../tests/support/wait-for'

// A pty whose far end dies gives a reader no close event (a writer gets a write error), so
// continuous scales are caught by their silence watchdog (1.5 s); each case therefore costs ~2 s
// and the Toledo continuous driver is covered by the silence test below (same watchdog path).
const cases: ReadonlyArray<[string, () => ScaleEmulatorProfile, Omit<SerialScaleConfig, 'path'>]> = [
  ['continuous (XK3190-A12E)', () => a12eProfile({ intervalMs: 40 }), { protocol: 'a12e', steadyMs: 150 }],
  ['request/response (NCI)', () => nciProfile(), { protocol: 'nci', pollIntervalMs: 50 }],
  ['request/response (Toledo 8217)', () => toledo8217Profile(), { protocol: 'toledo-8217', pollIntervalMs: 50 }],
]

describe('unplug mid-stream (socat killed) through ScaleService', () => {
  it.each(cases)('%s: scale.disconnected within 2 s, reconnect with backoff, never the old weight', async (_name, profile, config) => {
    const dir = await mkdtemp(join(tmpdir(), 'scale-unplug-'))
    let pair = await createPtyPair(dir)
    let emulator: SerialScaleEmulator = await startSerialScaleEmulator({ path: pair.b, profile: profile() })
    const service = new ScaleService({
      createDriver: () => createSerialScaleDriver({ ...config, path: join(dir, 'ttyA') } as SerialScaleConfig),
      backoff: { initialMs: 100, maxMs: 300 },
    })
    const shown: ScaleReading[] = []
    service.onDidRead((r) => shown.push(r))
    try {
      emulator.setWeight(1800)
      service.start()
      await expect(service.waitForStableWeight({ timeoutMs: 3000 })).resolves.toMatchObject({ grams: 1800 })

      const unplugged = Date.now()
      const lost = waitFor<ScaleStatus>(service.onDidChangeStatus, (s) => !s.connected, 2500, 'disconnected')
      await pair.kill()
      expect((await lost).error?.code).toBe(ErrorCode.scaleDisconnected)
      expect(Date.now() - unplugged).toBeLessThan(2000)
      expect(service.current()).toBeNull()

      // A "new" scale at the same path with a different load: only its weight may show.
      await emulator.close()
      pair = await createPtyPair(dir)
      emulator = await startSerialScaleEmulator({ path: pair.b, profile: profile() })
      emulator.setWeight(2200)
      const shownBefore = shown.length
      await waitFor<ScaleStatus>(service.onDidChangeStatus, (s) => s.connected, 3000, 'reconnected')
      await expect(service.waitForStableWeight({ timeoutMs: 3000 })).resolves.toMatchObject({ grams: 2200 })
      expect(shown.slice(shownBefore).every((r) => r.grams === 2200)).toBe(true)
    } finally {
      await service.dispose()
      await emulator.close()
      await pair.kill()
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('a continuous scale that falls silent is scale.disconnected within 2 s (watchdog)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scale-silent-'))
    const pair = await createPtyPair(dir)
    const emulator = await startSerialScaleEmulator({ path: pair.b, profile: toledoContinuousProfile({ intervalMs: 40 }) })
    const driver = createSerialScaleDriver({ protocol: 'toledo-continuous', path: pair.a })
    try {
      await driver.open()
      await waitFor(driver.onDidRead, () => true, 2000, 'a frame')
      emulator.setSilent(true)
      const silentAt = Date.now()
      const error = await waitFor(driver.onDidDisconnect, () => true, 2500, 'disconnect')
      expect(error).toMatchObject({ code: ErrorCode.scaleDisconnected, message: expect.stringMatching(/no valid frame from the scale within 1500 ms/) })
      expect(Date.now() - silentAt).toBeLessThan(2000)
    } finally {
      await driver.close()
      await emulator.close()
      await pair.kill()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
