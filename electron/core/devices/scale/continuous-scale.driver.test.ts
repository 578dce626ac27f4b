import { describe, expect, it } from 'vitest'
import { ErrorCode, type AppError } from '../../../../shared/errors'
// Tests may drive the sandbox emulators; production core code never imports sandbox/.
import { a12eProfile } from '../../../../sandbox/scales/a12e.profile'
import { casProfile } from '../../../../sandbox/scales/cas.profile'
import type { ScaleEmulatorProfile } from '../../../../sandbox/scales/serial-scale.emulator'
import { toledoContinuousProfile } from '../../../../sandbox/scales/toledo-continuous.profile'
import type { SerialScaleConfig } from './scale-protocol'
import type { ScaleReading } from './scale.port'
import { startScaleRig, useScaleRig } from '../../../../tests/support/scale-rig'
import { waitFor } from '../../../../tests/support/wait-for'

type Case = Readonly<{ name: string; profile: () => ScaleEmulatorProfile; config: Omit<SerialScaleConfig, 'path'>; garbageLineIsError: boolean }>

// Every continuous protocol and layout, each against its emulator profile on a socat pty.
const cases: readonly Case[] = [
  {
    name: 'Toledo continuous with checksum',
    profile: () => toledoContinuousProfile({ intervalMs: 40 }),
    config: { protocol: 'toledo-continuous' },
    garbageLineIsError: false,
  },
  {
    name: 'Toledo continuous without checksum',
    profile: () => toledoContinuousProfile({ checksum: false, intervalMs: 40 }),
    config: { protocol: 'toledo-continuous', checksum: false },
    garbageLineIsError: false,
  },
  { name: 'CAS 22-byte', profile: () => casProfile({ intervalMs: 40 }), config: { protocol: 'cas' }, garbageLineIsError: true },
  { name: 'Kern ST,GS', profile: () => casProfile({ variant: 'kern', decimals: 4, intervalMs: 40 }), config: { protocol: 'cas' }, garbageLineIsError: true },
  { name: 'XK3190-A12E', profile: () => a12eProfile({ intervalMs: 40 }), config: { protocol: 'a12e', steadyMs: 200 }, garbageLineIsError: true },
]

describe.each(cases)('$name driver over a socat pty', ({ profile, config, garbageLineIsError }) => {
  const rig = useScaleRig(() => ({ prefix: 'cont-scale-', profile: profile(), config, motionWobbleGrams: 10 }))
  const reading = (pred: (r: ScaleReading) => boolean, what: string) => waitFor(rig.driver.onDidRead, pred, 3000, what)

  it('reads a stable weight in integer grams', async () => {
    rig.emulator.setWeight(1234)
    await reading((r) => r.grams === 1234 && r.stable && r.condition === 'ok', 'stable 1234 g')
  })

  it('reports the in-motion phase as unstable, then the stable weight', async () => {
    rig.emulator.setWeight(2500, { inMotionMs: 300 })
    await reading((r) => r.grams === 2500 && r.stable, 'stable 2500 g')
    const firstStable = rig.readings.findIndex((r) => r.stable && r.grams === 2500)
    expect(rig.readings.slice(0, firstStable).some((r) => !r.stable && r.grams !== 2500)).toBe(true)
  })

  it('reads through frames split into single bytes, line noise and garbage lines', async () => {
    rig.emulator.splitWritesEvery(1)
    rig.emulator.setNoise({ everyFrames: 2 })
    rig.emulator.setWeight(640)
    await reading((r) => r.grams === 640 && r.stable, 'first frame through noise')
    await rig.emulator.injectGarbage('#junk\r\n')
    await rig.emulator.injectGarbage(Uint8Array.from([0x00, 0xff, 0x02, 0x0d, 0x0a]))
    rig.emulator.setWeight(655)
    await reading((r) => r.grams === 655 && r.stable, 'frame after garbage')
    expect(rig.errors.every((e) => e.code === ErrorCode.scaleFrameInvalid)).toBe(true)
    if (garbageLineIsError) expect(rig.errors.some((e) => /junk/.test(e.message))).toBe(true)
    expect(rig.readings.every((r) => r.grams === 640 || r.grams === 655 || !r.stable)).toBe(true)
  })

  it('surfaces overload and underload as readings with a condition', async () => {
    rig.emulator.setOverload()
    await reading((r) => r.condition === 'overload' && !r.stable, 'overload')
    rig.emulator.setUnderload()
    await reading((r) => r.condition === 'underload' && !r.stable, 'underload')
    rig.emulator.setWeight(100)
    await reading((r) => r.grams === 100 && r.condition === 'ok', 'back in range')
  })

  it('a negative weight keeps its sign', async () => {
    rig.emulator.setWeight(-20)
    await reading((r) => r.grams === -20 && r.stable, '-20 g')
  })
})

describe('bad checksums', () => {
  it.each([
    ['Toledo continuous', toledoContinuousProfile({ corruptChecksum: true, intervalMs: 30 }), { protocol: 'toledo-continuous' }],
    ['XK3190-A12E', a12eProfile({ corruptChecksum: true, intervalMs: 30 }), { protocol: 'a12e' }],
  ] as const)('%s: frames with a bad checksum are errors, never weights', async (_name, profile, config) => {
    const { emulator, driver, readings, close } = await startScaleRig({ prefix: 'cont-scale-sum-', profile, config })
    try {
      emulator.setWeight(1234)
      await driver.open()
      const errors: AppError[] = []
      await waitFor<AppError>(driver.onDidError, (e) => errors.push(e) >= 3, 2000, 'three checksum errors')
      expect(errors.every((e) => e.code === ErrorCode.scaleFrameInvalid && /bad checksum/.test(e.message))).toBe(true)
      expect(readings).toEqual([])
    } finally {
      await close()
    }
  })
})
