import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../../../shared/errors'
// Tests may drive the sandbox emulators; production core code never imports sandbox/.
import { nciProfile } from '../../../../sandbox/scales/nci.profile'
import { startSerialScaleEmulator, type ScaleEmulatorProfile, type SerialScaleEmulator } from '../../../../sandbox/scales/serial-scale.emulator'
import { createPtyPair, type PtyPair } from '../../../../sandbox/scales/socat-pair'
import { toledo8217Profile } from '../../../../sandbox/scales/toledo-8217.profile'
import { createSerialScaleDriver, type SerialScaleConfig } from './scale-protocol'
import type { ScaleDriver, ScaleReading } from './scale.port'
import { waitFor } from '../../../../tests/support/wait-for'

type Case = Readonly<{
  name: string
  profile: () => ScaleEmulatorProfile
  config: Omit<SerialScaleConfig, 'path'>
  /** 8217 sends no weight while moving (status `?A` instead); NCI sends the moving weight. */
  weighsInMotion: boolean
  poll: string
  /** The watchdog path is the same for every variant of a protocol; run it once per protocol. */
  watchdog: boolean
}>

const cases: readonly Case[] = [
  { name: 'Toledo 8217', profile: () => toledo8217Profile(), config: { protocol: 'toledo-8217' }, weighsInMotion: false, poll: 'W', watchdog: true },
  { name: 'NCI', profile: () => nciProfile(), config: { protocol: 'nci' }, weighsInMotion: true, poll: 'W', watchdog: true },
  {
    name: 'NCI, Brecknell motion polarity',
    profile: () => nciProfile({ motionBit: 'setWhenStable' }),
    config: { protocol: 'nci', motionBit: 'setWhenStable' },
    weighsInMotion: true,
    poll: 'W',
    watchdog: false,
  },
]

describe.each(cases)('$name driver over a socat pty', ({ profile, config, weighsInMotion, poll, watchdog }) => {
  let dir: string
  let pair: PtyPair
  let emulator: SerialScaleEmulator
  let driver: ScaleDriver
  let readings: ScaleReading[]
  let errors: AppError[]

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'polled-scale-'))
    pair = await createPtyPair(dir)
    emulator = await startSerialScaleEmulator({ path: pair.b, profile: profile(), motionWobbleGrams: 10 })
    driver = createSerialScaleDriver({ pollIntervalMs: 50, ...config, path: pair.a } as SerialScaleConfig)
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

  it('polls one request at a time and reads a stable weight', async () => {
    emulator.setWeight(1234)
    await reading((r) => r.grams === 1234 && r.stable, 'stable 1234 g')
    await reading((r) => r.grams === 1234, 'next poll')
    expect(new Set(emulator.commands)).toEqual(new Set([poll]))
    expect(emulator.pipelinedCommands).toBe(0)
  })

  it('an in-motion phase, then the stable weight', async () => {
    emulator.setWeight(0)
    await reading((r) => r.grams === 0 && r.stable, 'empty pan')
    const placedAt = Date.now()
    const from = readings.length
    emulator.setWeight(2500, { inMotionMs: 300 })
    await reading((r) => r.grams === 2500 && r.stable, 'stable 2500 g')
    const during = readings.slice(from, -1)
    if (weighsInMotion) expect(during.some((r) => !r.stable && r.grams !== 2500)).toBe(true)
    // 8217: while moving the scale answers `?A` (no weight), so nothing is shown, never an old weight.
    else expect(during.every((r) => r.grams === 0)).toBe(true)
    expect(Date.now() - placedAt).toBeGreaterThanOrEqual(280)
  })

  it('reads through replies split into single bytes and noise; a garbage reply costs one poll', async () => {
    emulator.splitWritesEvery(1)
    emulator.setNoise({ everyFrames: 2 })
    emulator.setWeight(640)
    await reading((r) => r.grams === 640 && r.stable, 'reply through noise')
    emulator.splitWritesEvery(null)
    await emulator.injectGarbage(config.protocol === 'nci' ? '\n#junk\r00\x03' : '\x02#junk\r')
    await waitFor(driver.onDidError, (e) => e.code === ErrorCode.scaleFrameInvalid && /junk/.test(e.message), 2000, 'garbage reported')
    emulator.setWeight(655)
    await reading((r) => r.grams === 655 && r.stable, 'reply after garbage')
    expect(errors.every((e) => e.code === ErrorCode.scaleFrameInvalid)).toBe(true)
    expect(emulator.pipelinedCommands).toBe(0)
  })

  it('surfaces overload and under zero as readings with a condition', async () => {
    emulator.setOverload()
    await reading((r) => r.condition === 'overload', 'overload')
    emulator.setUnderload()
    await reading((r) => r.condition === 'underload', 'underload')
  })

  it('zero goes out between polls and the scale reads 0 afterwards', async () => {
    emulator.setWeight(150)
    await reading((r) => r.grams === 150, '150 g')
    await driver.zero?.()
    await reading((r) => r.grams === 0 && r.stable, 'zeroed')
    expect(emulator.commands).toContain('Z')
    expect(emulator.pipelinedCommands).toBe(0)
  })

  it.runIf(watchdog)('a silent scale is reported disconnected within 2 s (watchdog)', async () => {
    emulator.setWeight(10)
    await reading(() => true, 'a reading')
    emulator.setSilent(true)
    const started = Date.now()
    const error = await waitFor(driver.onDidDisconnect, () => true, 2500, 'disconnect')
    expect(error.code).toBe(ErrorCode.scaleDisconnected)
    expect(Date.now() - started).toBeLessThan(2000)
  })
})

describe('NCI faults and tare', () => {
  it('a calibration error is one scale.fault, not one per poll, and no weight', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nci-fault-'))
    const pair = await createPtyPair(dir)
    const emulator = await startSerialScaleEmulator({ path: pair.b, profile: nciProfile({ calibrationError: true }) })
    const driver = createSerialScaleDriver({ protocol: 'nci', path: pair.a, pollIntervalMs: 30 })
    const readings: ScaleReading[] = []
    const errors: AppError[] = []
    driver.onDidRead((r) => readings.push(r))
    driver.onDidError((e) => errors.push(e))
    try {
      emulator.setWeight(500)
      await driver.open()
      await waitFor(driver.onDidError, (e) => e.code === ErrorCode.scaleFault, 2000, 'fault')
      const polls = emulator.commands.length
      await waitFor<number>((l) => {
        const t = setInterval(() => l(emulator.commands.length), 10)
        return () => clearInterval(t)
      }, (n) => n >= polls + 3, 2000, 'three more polls')
      expect(errors.map((e) => [e.code, e.message])).toEqual([[ErrorCode.scaleFault, 'the scale reports calibration error']])
      expect(readings).toEqual([])
      expect(driver.tare).toBeUndefined() // NCI documents no tare command
    } finally {
      await driver.close()
      await emulator.close()
      await pair.kill()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
