import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../../shared/errors'
// Tests may drive the sandbox emulators; production core code never imports sandbox/.
import { nciProfile } from '../../../../sandbox/scales/nci.profile'
import type { ScaleEmulatorProfile } from '../../../../sandbox/scales/serial-scale.emulator'
import { toledo8217Profile } from '../../../../sandbox/scales/toledo-8217.profile'
import type { SerialScaleConfig } from './scale-protocol'
import type { ScaleReading } from './scale.port'
import { startScaleRig, useScaleRig } from '../../../../tests/support/scale-rig'
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
  const rig = useScaleRig(() => ({ prefix: 'polled-scale-', profile: profile(), config: { pollIntervalMs: 50, ...config }, motionWobbleGrams: 10 }))
  const reading = (pred: (r: ScaleReading) => boolean, what: string) => waitFor(rig.driver.onDidRead, pred, 3000, what)

  it('polls one request at a time and reads a stable weight', async () => {
    rig.emulator.setWeight(1234)
    await reading((r) => r.grams === 1234 && r.stable, 'stable 1234 g')
    await reading((r) => r.grams === 1234, 'next poll')
    expect(new Set(rig.emulator.commands)).toEqual(new Set([poll]))
    expect(rig.emulator.pipelinedCommands).toBe(0)
  })

  it('an in-motion phase, then the stable weight', async () => {
    rig.emulator.setWeight(0)
    await reading((r) => r.grams === 0 && r.stable, 'empty pan')
    const placedAt = Date.now()
    const from = rig.readings.length
    rig.emulator.setWeight(2500, { inMotionMs: 300 })
    await reading((r) => r.grams === 2500 && r.stable, 'stable 2500 g')
    const during = rig.readings.slice(from, -1)
    if (weighsInMotion) expect(during.some((r) => !r.stable && r.grams !== 2500)).toBe(true)
    // 8217: while moving the scale answers `?A` (no weight), so nothing is shown, never an old weight.
    else expect(during.every((r) => r.grams === 0)).toBe(true)
    expect(Date.now() - placedAt).toBeGreaterThanOrEqual(280)
  })

  it('reads through replies split into single bytes and noise; a garbage reply costs one poll', async () => {
    rig.emulator.splitWritesEvery(1)
    rig.emulator.setNoise({ everyFrames: 2 })
    rig.emulator.setWeight(640)
    await reading((r) => r.grams === 640 && r.stable, 'reply through noise')
    rig.emulator.splitWritesEvery(null)
    await rig.emulator.injectGarbage(config.protocol === 'nci' ? '\n#junk\r00\x03' : '\x02#junk\r')
    await waitFor(rig.driver.onDidError, (e) => e.code === ErrorCode.scaleFrameInvalid && /junk/.test(e.message), 2000, 'garbage reported')
    rig.emulator.setWeight(655)
    await reading((r) => r.grams === 655 && r.stable, 'reply after garbage')
    expect(rig.errors.every((e) => e.code === ErrorCode.scaleFrameInvalid)).toBe(true)
    expect(rig.emulator.pipelinedCommands).toBe(0)
  })

  it('surfaces overload and under zero as readings with a condition', async () => {
    rig.emulator.setOverload()
    await reading((r) => r.condition === 'overload', 'overload')
    rig.emulator.setUnderload()
    await reading((r) => r.condition === 'underload', 'underload')
  })

  it('zero goes out between polls and the scale reads 0 afterwards', async () => {
    rig.emulator.setWeight(150)
    await reading((r) => r.grams === 150, '150 g')
    await rig.driver.zero?.()
    await reading((r) => r.grams === 0 && r.stable, 'zeroed')
    expect(rig.emulator.commands).toContain('Z')
    expect(rig.emulator.pipelinedCommands).toBe(0)
  })

  it.runIf(watchdog)('a silent scale is reported disconnected within 2 s (watchdog)', async () => {
    rig.emulator.setWeight(10)
    await reading(() => true, 'a reading')
    rig.emulator.setSilent(true)
    const started = Date.now()
    const error = await waitFor(rig.driver.onDidDisconnect, () => true, 2500, 'disconnect')
    expect(error.code).toBe(ErrorCode.scaleDisconnected)
    expect(Date.now() - started).toBeLessThan(2000)
  })
})

describe('NCI faults and tare', () => {
  it('a calibration error is one scale.fault, not one per poll, and no weight', async () => {
    const { emulator, driver, readings, errors, close } = await startScaleRig({
      prefix: 'nci-fault-',
      profile: nciProfile({ calibrationError: true }),
      config: { protocol: 'nci', pollIntervalMs: 30 },
    })
    try {
      emulator.setWeight(500)
      await driver.open()
      await waitFor(driver.onDidError, (e) => e.code === ErrorCode.scaleFault, 2000, 'fault')
      const polls = emulator.commands.length
      await waitFor<number>(
        (l) => {
          const t = setInterval(() => l(emulator.commands.length), 10)
          return () => clearInterval(t)
        },
        (n) => n >= polls + 3,
        2000,
        'three more polls',
      )
      expect(errors.map((e) => [e.code, e.message])).toEqual([[ErrorCode.scaleFault, 'the scale reports calibration error']])
      expect(readings).toEqual([])
      expect(driver.tare).toBeUndefined() // NCI documents no tare command
    } finally {
      await close()
    }
  })
})
