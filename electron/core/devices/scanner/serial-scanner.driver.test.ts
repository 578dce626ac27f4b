import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ErrorCode, type AppError } from '../../../../shared/errors'
// Tests may drive the sandbox emulators; production core code never imports sandbox/.
import { startSerialScannerEmulator, type SerialScannerEmulator } from '../../../../sandbox/scanners/serial-scanner.emulator'
import { createPtyPair, type PtyPair } from '../../../../sandbox/scales/socat-pair'
import { SerialScannerDriver, type SerialScannerDriverOptions } from './serial-scanner.driver'
import type { RawScan } from './scanner.port'
import { collect } from '../../../../tests/support/wait-for'

describe('SerialScannerDriver over a socat pty', () => {
  let dir: string
  let pair: PtyPair
  let emulator: SerialScannerEmulator | undefined
  let driver: SerialScannerDriver | undefined

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scanner-'))
    pair = await createPtyPair(dir)
  })
  afterEach(async () => {
    await driver?.close()
    driver = undefined
    await emulator?.close()
    emulator = undefined
    await pair.kill()
    await rm(dir, { recursive: true, force: true })
  })

  async function connect(drv: Partial<SerialScannerDriverOptions> = {}, suffix?: string) {
    emulator = await startSerialScannerEmulator({ path: pair.b, suffix })
    driver = new SerialScannerDriver({ path: pair.a, ...drv })
    await driver.open()
    return { d: driver, emu: emulator }
  }

  const texts = (scans: RawScan[]) => scans.map((s) => s.text)

  it('reads CR-terminated codes, AIM prefix and GS kept for normalizeScan', async () => {
    const { d, emu } = await connect()
    const scans = collect(d.onDidScan, 2)
    await emu.scan('6291041500213')
    await emu.scan('0108691234567890\x1d10ABC', { aim: ']C1' })
    expect(texts(await scans)).toEqual(['6291041500213', ']C10108691234567890\x1d10ABC'])
  })

  it('reads CRLF codes split into single bytes', async () => {
    const { d, emu } = await connect({ terminator: 'crlf' }, '\r\n')
    const scans = collect(d.onDidScan, 2)
    await emu.scan('TR1234567890', { splitEvery: 1 })
    await emu.scan('KJ-2024-000123', { splitEvery: 3 })
    expect(texts(await scans)).toEqual(['TR1234567890', 'KJ-2024-000123'])
  })

  it('without terminator a quiet line ends each code', async () => {
    const { d, emu } = await connect({ terminator: 'none', idleTimeoutMs: 60 }, '')
    const first = collect(d.onDidScan, 1)
    await emu.scan('ABC', { splitEvery: 1 }) // 3 ms between pieces: well inside the 60 ms gap
    expect(texts(await first)).toEqual(['ABC'])
    const second = collect(d.onDidScan, 1)
    await emu.scan('DEF')
    expect(texts(await second)).toEqual(['DEF'])
  })

  it('reports noise and a torn frame, and still reads the next code clean', async () => {
    const { d, emu } = await connect({ idleTimeoutMs: 80 })
    const errors = collect<AppError>(d.onDidError, 2)
    const scans = collect(d.onDidScan, 1)
    await emu.injectGarbage(Uint8Array.from([0x00]))
    await emu.injectGarbage('TR12') // torn: no terminator, then the line goes quiet
    const [noise, torn] = await errors
    expect(noise).toMatchObject({ code: ErrorCode.scannerFrameInvalid, meta: { reason: 'noise', hex: '00' } })
    expect(torn).toMatchObject({ code: ErrorCode.scannerFrameInvalid, meta: { reason: 'incomplete', hex: Buffer.from('TR12').toString('hex') } })
    await emu.scan('TR1234567890')
    expect(texts(await scans)).toEqual(['TR1234567890'])
  })

  it('reports scanner.disconnected within 2 s when the pty disappears mid-stream', async () => {
    const { d, emu } = await connect()
    const first = collect(d.onDidScan, 1)
    await emu.scan('A1')
    await first
    const gone = collect<AppError>(d.onDidDisconnect, 1, 2000)
    await emu.scan('TR12', { suffix: '' }) // half a code on the line when the cable goes
    await pair.kill()
    const [error] = await gone
    expect(error).toMatchObject({ code: ErrorCode.scannerDisconnected, retryable: true })
  })

  it('reports scanner.disconnected within 2 s on an idle line that never carried a byte', async () => {
    // serialport 13 often reports no close for a pty whose far end goes, never when no byte ever
    // arrived (checked on this machine): only the presence check notices. Both tests fail without it.
    const { d } = await connect()
    const gone = collect<AppError>(d.onDidDisconnect, 1, 2000)
    await pair.kill()
    const [error] = await gone
    expect(error).toMatchObject({ code: ErrorCode.scannerDisconnected, meta: { path: pair.a } })
  })

  it('uses the injected presence test (Windows COM ports have no device node)', async () => {
    let present = true
    const { d } = await connect({ presenceCheckMs: 20, isPresent: async () => present })
    const gone = collect<AppError>(d.onDidDisconnect, 1, 2000)
    present = false
    expect((await gone)[0]?.message).toContain('is gone')
  })

  it('refuses to open a missing port with scanner.disconnected (retryable)', async () => {
    driver = new SerialScannerDriver({ path: join(dir, 'nope') })
    await expect(driver.open()).rejects.toMatchObject({ code: ErrorCode.scannerDisconnected, retryable: true })
  })
})
