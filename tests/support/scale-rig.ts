import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AppError } from '../../shared/errors'
import { readThrough, startedAround } from './around-tests'
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
  const start = async () => {
    const rig = await startScaleRig(setup())
    await rig.driver.open().catch(async (err: unknown) => {
      await rig.close()
      throw err
    })
    return rig
  }
  const current = startedAround('each', 'useScaleRig: the rig', start, (rig) => rig.close())
  return readThrough(current, ['emulator', 'driver', 'readings', 'errors'])
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
  type Current = { dir: string; pair: PtyPair; emulator?: { close(): Promise<void> } }
  const start = async (): Promise<Current> => {
    const dir = await mkdtemp(join(tmpdir(), prefix))
    return { dir, pair: await createPtyPair(dir) }
  }
  const stop = async ({ dir, pair, emulator }: Current) => {
    await emulator?.close()
    await pair.kill()
    await rm(dir, { recursive: true, force: true })
  }
  const now = startedAround('each', 'usePtyPair: the pair', start, stop)
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
