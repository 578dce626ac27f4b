import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../../../shared/errors'
// Tests may drive the sandbox emulators; production core code never imports sandbox/.
import { a12eProfile } from '../../../../sandbox/scales/a12e.profile'
import { casProfile } from '../../../../sandbox/scales/cas.profile'
import { startSerialScaleEmulator, type ScaleEmulatorProfile, type SerialScaleEmulator } from '../../../../sandbox/scales/serial-scale.emulator'
import { createPtyPair, type PtyPair } from '../../../../sandbox/scales/socat-pair'
import { toledoContinuousProfile } from '../../../../sandbox/scales/toledo-continuous.profile'
import { createSerialScaleDriver, type SerialScaleConfig } from './scale-protocol'
import type { ScaleDriver, ScaleReading } from './scale.port'
import { waitFor } from '../../../../tests/support/wait-for'

type Case = Readonly<{ name: string; profile: () => ScaleEmulatorProfile; config: Omit<SerialScaleConfig, 'path'>; garbageLineIsError: boolean }>

// Every continuous protocol and layout, each against its emulator profile on a socat pty.
const cases: readonly Case[] = [
  { name: 'Toledo continuous with checksum', profile: () => toledoContinuousProfile({ intervalMs: 40 }), config: { protocol: 'toledo-continuous' }, garbageLineIsError: false },
  { name: 'Toledo continuous without checksum', profile: () => toledoContinuousProfile({ checksum: false, intervalMs: 40 }), config: { protocol: 'toledo-continuous', checksum: false }, garbageLineIsError: false },
  { name: 'CAS 22-byte', profile: () => casProfile({ intervalMs: 40 }), config: { protocol: 'cas' }, garbageLineIsError: true },
  { name: 'Kern ST,GS', profile: () => casProfile({ variant: 'kern', decimals: 4, intervalMs: 40 }), config: { protocol: 'cas' }, garbageLineIsError: true },
  { name: 'XK3190-A12E', profile: () => a12eProfile({ intervalMs: 40 }), config: { protocol: 'a12e', steadyMs: 200 }, garbageLineIsError: true },
]

describe.each(cases)('$name driver over a socat pty', ({ profile, config, garbageLineIsError }) => {
  let dir: string
  let pair: PtyPair
  let emulator: SerialScaleEmulator
  let driver: ScaleDriver
  let readings: ScaleReading[]
  let errors: AppError[]

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cont-scale-'))
    pair = await createPtyPair(dir)
    emulator = await startSerialScaleEmulator({ path: pair.b, profile: profile(), motionWobbleGrams: 10 })
    driver = createSerialScaleDriver({ ...config, path: pair.a } as SerialScaleConfig)
    readings = []
    errors = []
    driver.onDidRead((r) => readings.push(r))
    driver.onDidError((e) => errors.push(e))
    await driver.open()
  })
  afterEach(async () => {
    await driver.close()
    await emulator.close()
    await pair.kill()
    await rm(dir, { recursive: true, force: true })
  })

  const reading = (pred: (r: ScaleReading) => boolean, what: string) => waitFor(driver.onDidRead, pred, 3000, what)

  it('reads a stable weight in integer grams', async () => {
    emulator.setWeight(1234)
    await reading((r) => r.grams === 1234 && r.stable && r.condition === 'ok', 'stable 1234 g')
  })

  it('reports the in-motion phase as unstable, then the stable weight', async () => {
    emulator.setWeight(2500, { inMotionMs: 300 })
    await reading((r) => r.grams === 2500 && r.stable, 'stable 2500 g')
    const firstStable = readings.findIndex((r) => r.stable && r.grams === 2500)
    expect(readings.slice(0, firstStable).some((r) => !r.stable && r.grams !== 2500)).toBe(true)
  })

  it('reads through frames split into single bytes, line noise and garbage lines', async () => {
    emulator.splitWritesEvery(1)
    emulator.setNoise({ everyFrames: 2 })
    emulator.setWeight(640)
    await reading((r) => r.grams === 640 && r.stable, 'first frame through noise')
    await emulator.injectGarbage('#junk\r\n')
    await emulator.injectGarbage(Uint8Array.from([0x00, 0xff, 0x02, 0x0d, 0x0a]))
    emulator.setWeight(655)
    await reading((r) => r.grams === 655 && r.stable, 'frame after garbage')
    expect(errors.every((e) => e.code === ErrorCode.scaleFrameInvalid)).toBe(true)
    if (garbageLineIsError) expect(errors.some((e) => /junk/.test(e.message))).toBe(true)
    expect(readings.every((r) => r.grams === 640 || r.grams === 655 || !r.stable)).toBe(true)
  })

  it('surfaces overload and underload as readings with a condition', async () => {
    emulator.setOverload()
    await reading((r) => r.condition === 'overload' && !r.stable, 'overload')
    emulator.setUnderload()
    await reading((r) => r.condition === 'underload' && !r.stable, 'underload')
    emulator.setWeight(100)
    await reading((r) => r.grams === 100 && r.condition === 'ok', 'back in range')
  })

  it('a negative weight keeps its sign', async () => {
    emulator.setWeight(-20)
    await reading((r) => r.grams === -20 && r.stable, '-20 g')
  })
})

describe('bad checksums', () => {
  it.each([
    ['Toledo continuous', toledoContinuousProfile({ corruptChecksum: true, intervalMs: 30 }), { protocol: 'toledo-continuous' }],
    ['XK3190-A12E', a12eProfile({ corruptChecksum: true, intervalMs: 30 }), { protocol: 'a12e' }],
  ] as const)('%s: frames with a bad checksum are errors, never weights', async (_name, profile, config) => {
    const dir = await mkdtemp(join(tmpdir(), 'cont-scale-sum-'))
    const pair = await createPtyPair(dir)
    const emulator = await startSerialScaleEmulator({ path: pair.b, profile })
    const driver = createSerialScaleDriver({ ...config, path: pair.a })
    const readings: ScaleReading[] = []
    driver.onDidRead((r) => readings.push(r))
    try {
      emulator.setWeight(1234)
      await driver.open()
      const errors: AppError[] = []
      await waitFor<AppError>(driver.onDidError, (e) => errors.push(e) >= 3, 2000, 'three checksum errors')
      expect(errors.every((e) => e.code === ErrorCode.scaleFrameInvalid && /bad checksum/.test(e.message))).toBe(true)
      expect(readings).toEqual([])
    } finally {
      await driver.close()
      await emulator.close()
      await pair.kill()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
