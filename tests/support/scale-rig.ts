import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import type { AppError } from '../../shared/errors'
import { createSerialScaleDriver, type SerialScaleConfig } from '../../electron/core/devices/scale/scale-protocol'
import type { ScaleDriver, ScaleReading } from '../../electron/core/devices/scale/scale.port'
import { startSerialScaleEmulator, type ScaleEmulatorProfile, type SerialScaleEmulator } from '../../sandbox/scales/serial-scale.emulator'
import { createPtyPair, type PtyPair } from '../../sandbox/scales/socat-pair'

/** A serial scale emulator on one end of a socat pty pair, a driver on the other, and what the driver reported. */
export type ScaleRig = Readonly<{
  emulator: SerialScaleEmulator
  driver: ScaleDriver
  readings: ScaleReading[]
  errors: AppError[]
  close(): Promise<void>
}>

export type ScaleRigSetup = Readonly<{
  /** Prefix of the temp folder that holds the pty links. */
  prefix: string
  profile: ScaleEmulatorProfile
  config: Omit<SerialScaleConfig, 'path'>
  motionWobbleGrams?: number
}>

/** Starts the emulator and makes the driver (not opened yet: a test may set the scale up first). */
export async function startScaleRig({ prefix, profile, config, motionWobbleGrams }: ScaleRigSetup): Promise<ScaleRig> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  const pair = await createPtyPair(dir)
  const emulator = await startSerialScaleEmulator({ path: pair.b, profile, ...(motionWobbleGrams === undefined ? {} : { motionWobbleGrams }) })
  const driver = createSerialScaleDriver({ ...config, path: pair.a } as SerialScaleConfig)
  const readings: ScaleReading[] = []
  const errors: AppError[] = []
  driver.onDidRead((r) => readings.push(r))
  driver.onDidError((e) => errors.push(e))
  const close = async () => {
    await driver.close()
    await emulator.close()
    await pair.kill()
    await rm(dir, { recursive: true, force: true })
  }
  return { emulator, driver, readings, errors, close }
}

/** A fresh rig, its driver opened, for every test of the calling describe block; closed after each. Read its fields inside tests. */
export function useScaleRig(setup: () => ScaleRigSetup): Omit<ScaleRig, 'close'> {
  let rig: ScaleRig | undefined
  beforeEach(async () => {
    rig = await startScaleRig(setup())
    await rig.driver.open()
  })
  afterEach(() => rig?.close())
  const current = (): ScaleRig => {
    if (!rig) throw new Error('useScaleRig: read the rig inside a test')
    return rig
  }
  return {
    get emulator() {
      return current().emulator
    },
    get driver() {
      return current().driver
    },
    get readings() {
      return current().readings
    },
    get errors() {
      return current().errors
    },
  }
}

/** A socat pty pair in a temp folder for each test of the calling describe block, and what a test started on it. */
export type PtyRig = Readonly<{
  /** The driver's end. */
  readonly a: string
  /** The emulator's end. */
  readonly b: string
  readonly dir: string
  /** Closes `emulator` after the test, before the pair goes. */
  track<T extends { close(): Promise<void> }>(emulator: T): T
}>

export function usePtyPair(prefix: string): PtyRig {
  let current: { dir: string; pair: PtyPair; emulator?: { close(): Promise<void> } } | undefined
  beforeEach(async () => {
    const dir = await mkdtemp(join(tmpdir(), prefix))
    current = { dir, pair: await createPtyPair(dir) }
  })
  afterEach(async () => {
    if (!current) return
    const { dir, pair, emulator } = current
    current = undefined
    await emulator?.close()
    await pair.kill()
    await rm(dir, { recursive: true, force: true })
  })
  const now = () => {
    if (!current) throw new Error('usePtyPair: read the pair inside a test')
    return current
  }
  return {
    get a() {
      return now().pair.a
    },
    get b() {
      return now().pair.b
    },
    get dir() {
      return now().dir
    },
    track(emulator) {
      now().emulator = emulator
      return emulator
    },
  }
}
