import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { a12eProfile } from '../../../sandbox/scales/a12e.profile'
import { casProfile } from '../../../sandbox/scales/cas.profile'
import { startMtSicsEmulator, type MtSicsEmulator } from '../../../sandbox/scales/mt-sics.emulator'
import { nciProfile } from '../../../sandbox/scales/nci.profile'
import { startSerialScaleEmulator, type ScaleEmulatorProfile } from '../../../sandbox/scales/serial-scale.emulator'
import { toledo8217Profile } from '../../../sandbox/scales/toledo-8217.profile'
import { toledoContinuousProfile } from '../../../sandbox/scales/toledo-continuous.profile'
import { createPtyPair, type PtyPair } from '../../../sandbox/scales/socat-pair'
import { scaleReadCommand } from './scale-read.command'
import { usePtyPair } from '../../../tests/support/scale-rig'
import { runCommand } from '../../../tests/support/cli-run'
import { tempDirForFile } from '../../../tests/support/temp-dir'

const runRead = (argv: string[]) => runCommand(scaleReadCommand, argv)

describe('station scale read (bad flags and ports, no device needed)', () => {
  const cases: ReadonlyArray<[string, string[], RegExp]> = [
    ['missing --port', ['--protocol', 'mt-sics'], /missing required flag --port/],
    ['missing --protocol', ['--port', '/dev/null'], /missing required flag --protocol/],
    [
      'unknown protocol',
      ['--port', '/dev/null', '--protocol', 'dibal'],
      /--protocol must be one of mt-sics, toledo-continuous, toledo-8217, cas, a12e, nci, auto, got "dibal"/,
    ],
    ['bad baud', ['--port', '/dev/null', '--protocol', 'mt-sics', '--baud', 'fast'], /--baud must be a number/],
    ['zero baud', ['--port', '/dev/null', '--protocol', 'mt-sics', '--baud', '0'], /--baud must be greater than 0/],
    ['bad parity', ['--port', '/dev/null', '--protocol', 'mt-sics', '--parity', 'mark'], /--parity must be none, even or odd/],
    ['bad data bits', ['--port', '/dev/null', '--protocol', 'mt-sics', '--data-bits', '6'], /--data-bits must be 7 or 8/],
    ['bad stop bits', ['--port', '/dev/null', '--protocol', 'cas', '--stop-bits', '1.5'], /--stop-bits must be 1 or 2/],
    ['bad timeout', ['--port', '/dev/null', '--protocol', 'mt-sics', '--timeout-ms', '1.5'], /--timeout-ms must be a whole number/],
    ['unknown flag', ['--port', '/dev/null', '--protocol', 'mt-sics', '--color'], /Unknown option '--color'/],
  ]
  it.each(cases)('%s → exit 2', async (_name, argv, message) => {
    const r = await runRead(argv)
    expect(r).toMatchObject({ code: 2, stdout: '' })
    expect(r.stderr).toMatch(message)
  })

  it.each(['mt-sics', 'toledo-8217', 'auto'])('a port that cannot be opened → exit 1 (%s)', async (protocol) => {
    const r = await runRead(['--port', '/nonexistent/ttyUSB7', '--protocol', protocol, '--json'])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/cannot open scale port \/nonexistent\/ttyUSB7.*\[scale\.disconnected\]/)
  })
})

describe('station scale read against the MT-SICS emulator on a socat pty', () => {
  let pair: PtyPair
  let emulator: MtSicsEmulator

  tempDirForFile('scale-read-', async (dir) => {
    pair = await createPtyPair(dir)
    emulator = await startMtSicsEmulator({ path: pair.b })
  })
  // Registered after the folder's own hook, so it runs before the folder is removed.
  afterAll(async () => {
    await emulator.close()
    await pair.kill()
  })
  beforeEach(() => {
    emulator.setSilent(false)
    emulator.setWeight(0)
  })

  const base = () => ['--port', pair.a, '--protocol', 'mt-sics']

  it('prints one stable weight as JSON', async () => {
    emulator.setWeight(1234)
    const r = await runRead([...base(), '--baud', '9600', '--parity', 'none', '--data-bits', '8', '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ grams: 1234, stable: true, protocol: 'mt-sics' })
  })

  it('without --stable returns the first weight even in motion; with --stable waits it out', async () => {
    emulator.setWeight(2000, { inMotionMs: 5000 })
    const moving = await runRead([...base(), '--json'])
    expect(moving.code).toBe(0)
    expect(JSON.parse(moving.stdout)).toMatchObject({ stable: false, protocol: 'mt-sics' })

    emulator.setWeight(2000, { inMotionMs: 400 })
    const started = Date.now()
    const settled = await runRead([...base(), '--stable', '--timeout-ms', '3000', '--json'])
    expect(settled.code).toBe(0)
    expect(JSON.parse(settled.stdout)).toEqual({ grams: 2000, stable: true, protocol: 'mt-sics' })
    expect(Date.now() - started).toBeGreaterThanOrEqual(400)
  })

  it('human output without --json', async () => {
    emulator.setWeight(750)
    const r = await runRead(base())
    expect(r).toMatchObject({ code: 0, stdout: '750 g (stable)\n' })
  })

  it('exit 3 when the weight never settles in time, naming the reason', async () => {
    emulator.setWeight(900, { inMotionMs: 60_000 })
    const r = await runRead([...base(), '--stable', '--timeout-ms', '600', '--json'])
    expect(r).toMatchObject({ code: 3, stdout: '' })
    expect(r.stderr).toMatch(/no valid weight within 600 ms \(last: weight not stable\)/)
  })

  it('exit 3 on overload', async () => {
    emulator.setOverload()
    const r = await runRead([...base(), '--timeout-ms', '500'])
    expect(r.code).toBe(3)
    expect(r.stderr).toMatch(/overload/)
  })

  it('exit 3 when the scale does not answer', async () => {
    emulator.setSilent(true)
    const r = await runRead([...base(), '--timeout-ms', '500', '--json'])
    expect(r).toMatchObject({ code: 3, stdout: '' })
    expect(r.stderr).toMatch(/no valid weight within 500 ms/)
  })
})

describe('station scale read for every other protocol, each against its emulator on a socat pty', () => {
  const pty = usePtyPair('scale-read-proto-')

  const cases: ReadonlyArray<[string, () => ScaleEmulatorProfile, string[]]> = [
    ['toledo-continuous', () => toledoContinuousProfile({ intervalMs: 40 }), ['--baud', '9600', '--parity', 'even', '--data-bits', '7', '--stop-bits', '1']],
    ['toledo-8217', () => toledo8217Profile(), []],
    ['cas', () => casProfile({ variant: 'kern', decimals: 4, intervalMs: 40 }), ['--stop-bits', '2']],
    ['a12e', () => a12eProfile({ intervalMs: 40 }), []],
    ['nci', () => nciProfile(), ['--parity', 'none', '--data-bits', '8']],
  ]

  it.each(cases)('%s: --stable prints one stable weight as JSON', async (protocol, profile, flags) => {
    const emu = pty.track(await startSerialScaleEmulator({ path: pty.b, profile: profile() }))
    emu.setWeight(1234, { inMotionMs: 200 })
    const r = await runRead(['--port', pty.a, '--protocol', protocol, ...flags, '--stable', '--timeout-ms', '4000', '--json'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ grams: 1234, stable: true, protocol })
  })

  it('auto detects a continuous scale and names the protocol it found', async () => {
    const emu = pty.track(await startSerialScaleEmulator({ path: pty.b, profile: casProfile({ intervalMs: 40 }) }))
    emu.setWeight(880)
    const r = await runRead(['--port', pty.a, '--protocol', 'auto', '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ grams: 880, stable: true, protocol: 'cas' })
  })

  it('overload → exit 3 naming it; a scale in no known protocol → exit 3', async () => {
    const emu = pty.track(await startSerialScaleEmulator({ path: pty.b, profile: toledo8217Profile() }))
    emu.setOverload()
    const over = await runRead(['--port', pty.a, '--protocol', 'toledo-8217', '--timeout-ms', '500'])
    expect(over.code).toBe(3)
    expect(over.stderr).toMatch(/no valid weight within 500 ms \(last: scale reports overload\)/)
    const wrong = await runRead(['--port', pty.a, '--protocol', 'cas', '--timeout-ms', '500', '--json'])
    expect(wrong).toMatchObject({ code: 3, stdout: '' })
  })
})
