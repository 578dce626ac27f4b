import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../../../shared/errors'
// Tests may drive the sandbox emulators; production core code never imports sandbox/.
import { startMtSicsEmulator, type MtSicsEmulator, type MtSicsEmulatorOptions } from '../../../../sandbox/scales/mt-sics.emulator'
import { createPtyPair, type PtyPair } from '../../../../sandbox/scales/socat-pair'
import { MtSicsDriver, type MtSicsDriverOptions } from './mt-sics.driver'
import type { ScaleDriver, ScaleReading } from './scale.port'
import { ScaleService, type ScaleStatus } from './scale.service'
import { waitFor } from '../../../../tests/support/wait-for'

const reading = (d: ScaleDriver, pred: (r: ScaleReading) => boolean, what?: string) => waitFor(d.onDidRead, pred, 3000, what)

describe('MtSicsDriver over a socat pty', () => {
  let dir: string
  let pair: PtyPair
  let emulator: MtSicsEmulator
  let driver: MtSicsDriver | undefined

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mt-sics-'))
    pair = await createPtyPair(dir)
  })
  afterEach(async () => {
    await driver?.close()
    driver = undefined
    await emulator?.close()
    await pair.kill()
    await rm(dir, { recursive: true, force: true })
  })

  async function connect(emu: Partial<MtSicsEmulatorOptions> = {}, drv: Partial<MtSicsDriverOptions> = {}) {
    emulator = await startMtSicsEmulator({ path: pair.b, ...emu })
    driver = new MtSicsDriver({ path: pair.a, pollIntervalMs: 50, ...drv })
    await driver.open()
    return driver
  }

  it('reads a stable weight, one SI at a time', async () => {
    const d = await connect()
    emulator.setWeight(1234)
    await reading(d, (r) => r.grams === 1234 && r.stable)
    await reading(d, (r) => r.grams === 1234) // keeps polling
    expect(new Set(emulator.commands)).toEqual(new Set(['SI']))
    expect(emulator.commands.length).toBeGreaterThanOrEqual(2)
    expect(emulator.pipelinedCommands).toBe(0)
  })

  it('reports the in-motion phase as unstable, then the stable weight', async () => {
    const d = await connect()
    const seen: ScaleReading[] = []
    d.onDidRead((r) => seen.push(r))
    emulator.setWeight(2500, { inMotionMs: 400 })
    await reading(d, (r) => r.grams === 2500 && r.stable)
    const firstStable = seen.findIndex((r) => r.stable && r.grams === 2500)
    expect(seen.slice(0, firstStable).some((r) => !r.stable)).toBe(true)
  })

  it('still parses replies split into single bytes with line noise in between', async () => {
    const d = await connect({ unit: 'g', padWidth: 7 })
    const errors: AppError[] = []
    d.onDidError((e) => errors.push(e))
    emulator.setWeight(640)
    emulator.splitWritesEvery(1)
    await emulator.injectGarbage(Uint8Array.from([0x00, 0xff, 0x13, 0x80, 0x7f]))
    await reading(d, (r) => r.grams === 640 && r.stable, 'first frame after noise')
    // Listen before injecting: the error may be reported before injectGarbage's write resolves.
    // The bound is generous because the garbage goes out one byte per write and CI runs the chaos test beside it.
    const invalid = waitFor(d.onDidError, (e) => e.code === ErrorCode.scaleFrameInvalid, 10_000, 'frameInvalid')
    await emulator.injectGarbage('#junk\r\n')
    await invalid
    emulator.setWeight(655)
    await reading(d, (r) => r.grams === 655 && r.stable, 'frame after a garbage line')
    expect(errors.every((e) => e.code === ErrorCode.scaleFrameInvalid)).toBe(true)
  })

  it('surfaces overload and underload as readings with a condition', async () => {
    const d = await connect()
    emulator.setOverload()
    await reading(d, (r) => r.condition === 'overload' && !r.stable)
    emulator.setUnderload()
    await reading(d, (r) => r.condition === 'underload')
  })

  it('reports ES/ET/EL replies via onDidError and keeps polling', async () => {
    const d = await connect()
    emulator.setWeight(100)
    await reading(d, (r) => r.grams === 100)
    emulator.failNextCommand('ET')
    const error = await waitFor(d.onDidError, () => true)
    expect(error).toMatchObject({ code: ErrorCode.scaleCommandFailed, retryable: true, meta: { reply: 'ET', command: 'SI' } })
    await reading(d, (r) => r.grams === 100)
  })

  it('zero and tare send Z and T and wait for their replies', async () => {
    const d = await connect()
    emulator.setWeight(150)
    await reading(d, (r) => r.grams === 150)
    await d.zero()
    await reading(d, (r) => r.grams === 0 && r.stable)
    emulator.setWeight(450)
    await d.tare()
    await reading(d, (r) => r.grams === 0 && r.stable)
    expect(emulator.commands).toContain('Z')
    expect(emulator.commands).toContain('T')
    expect(emulator.pipelinedCommands).toBe(0)
  })

  it('a refused zero rejects with scale.commandFailed', async () => {
    const d = await connect({ zeroReply: 'I' })
    await expect(d.zero()).rejects.toMatchObject({ code: ErrorCode.scaleCommandFailed, meta: { reason: 'notExecutable' } })
  })

  it('with command S, blocks until stable and never reports motion', async () => {
    const d = await connect({}, { command: 'S' })
    const seen: ScaleReading[] = []
    d.onDidRead((r) => seen.push(r))
    emulator.setWeight(900, { inMotionMs: 300 })
    await reading(d, (r) => r.grams === 900)
    expect(seen.every((r) => r.stable)).toBe(true)
    expect(new Set(emulator.commands)).toEqual(new Set(['S']))
  })

  it('a silent scale is reported disconnected within 2 s (watchdog)', async () => {
    const d = await connect()
    emulator.setWeight(10)
    await reading(d, () => true)
    emulator.setSilent(true)
    const started = Date.now()
    const error = await waitFor(d.onDidDisconnect, () => true, 2500)
    expect(error.code).toBe(ErrorCode.scaleDisconnected)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('unplug (socat killed) is reported as scale.disconnected within 2 s', async () => {
    const d = await connect()
    emulator.setWeight(10)
    await reading(d, () => true)
    const started = Date.now()
    const lost = waitFor(d.onDidDisconnect, () => true, 2500)
    await pair.kill()
    expect((await lost).code).toBe(ErrorCode.scaleDisconnected)
    expect(Date.now() - started).toBeLessThan(2000)
    await expect(d.zero()).rejects.toMatchObject({ code: ErrorCode.scaleDisconnected })
  })

  it('cannot open a missing port: scale.disconnected naming the path', async () => {
    driver = new MtSicsDriver({ path: join(dir, 'nope') })
    const err = await driver.open().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect(err).toMatchObject({ code: ErrorCode.scaleDisconnected, meta: { path: join(dir, 'nope') } })
    driver = undefined
  })
})

describe('ScaleService + MtSicsDriver over a socat pty', () => {
  it('reconnects with backoff after the cable is pulled and never shows the old weight', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mt-sics-svc-'))
    let pair = await createPtyPair(dir)
    let emulator = await startMtSicsEmulator({ path: pair.b })
    const attempts: number[] = []
    const service = new ScaleService({
      createDriver: () => {
        attempts.push(Date.now())
        return new MtSicsDriver({ path: join(dir, 'ttyA'), pollIntervalMs: 50 })
      },
      backoff: { initialMs: 100, maxMs: 400 },
    })
    const statuses: ScaleStatus[] = []
    service.onDidChangeStatus((s) => statuses.push(s))
    try {
      service.start()
      emulator.setWeight(1800)
      await expect(service.waitForStableWeight({ timeoutMs: 3000 })).resolves.toMatchObject({ grams: 1800 })

      const unplugged = Date.now()
      const lost = waitFor(service.onDidChangeStatus, (s) => !s.connected, 2500, 'disconnected status')
      await pair.kill()
      expect((await lost).error?.code).toBe(ErrorCode.scaleDisconnected)
      expect(Date.now() - unplugged).toBeLessThan(2000)
      expect(service.current()).toBeNull()
      await expect(service.waitForStableWeight({ timeoutMs: 300 })).rejects.toMatchObject({ code: ErrorCode.scaleDisconnected })
      const attemptsWhileGone = attempts.length

      // Let a few failed reopen attempts pass, then plug a "new" scale in at the same path.
      await waitFor<ScaleStatus>(
        (l) => {
          const t = setInterval(() => l(service.status()), 20)
          return () => clearInterval(t)
        },
        () => attempts.length >= attemptsWhileGone + 2,
        3000,
        'reopen attempts',
      )
      await emulator.close()
      pair = await createPtyPair(dir)
      emulator = await startMtSicsEmulator({ path: pair.b })
      emulator.setWeight(2200)
      await waitFor(service.onDidChangeStatus, (s) => s.connected, 3000, 'reconnected')
      await expect(service.waitForStableWeight({ timeoutMs: 3000 })).resolves.toMatchObject({ grams: 2200 })

      // Reopen attempts after the unplug: 100, 200, 400, 400 … ms apart (capped), never a tight loop.
      const reopen = attempts.slice(attemptsWhileGone)
      const gaps = reopen.slice(1).map((t, i) => t - reopen[i]!)
      expect(gaps.length).toBeGreaterThanOrEqual(2)
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(190)
      expect(Math.max(...gaps)).toBeLessThan(400 + 150)
      for (let i = 1; i < gaps.length; i++) expect(gaps[i]! + 30).toBeGreaterThanOrEqual(gaps[i - 1]!)
    } finally {
      await service.dispose()
      await emulator.close()
      await pair.kill()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
