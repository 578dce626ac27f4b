import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SerialPort } from 'serialport'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startMtSicsEmulator, type MtSicsEmulator, type MtSicsEmulatorOptions } from './mt-sics.emulator'
import { createPtyPair, type PtyPair } from './socat-pair'
import { waitUntil } from '../../tests/support/wait-for'

/** A bare host on the other pty end: sends command lines, collects reply lines. */
async function openHost(path: string) {
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false })
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())))
  const lines: string[] = []
  let buf = ''
  port.on('data', (d: Buffer) => {
    buf += d.toString('latin1')
    let i: number
    while ((i = buf.indexOf('\r\n')) >= 0) {
      lines.push(buf.slice(0, i))
      buf = buf.slice(i + 2)
    }
  })
  const onData = (listener: () => void) => (port.on('data', listener), () => void port.off('data', listener))
  /** Waits until `count` reply lines in total have arrived (bounded). */
  const until = (count: number, timeoutMs = 3000) =>
    waitUntil(
      onData,
      () => (lines.length >= count ? lines.slice() : undefined),
      timeoutMs,
      () => `only ${lines.length} of ${count} lines: ${JSON.stringify(lines)}`,
    )
  return {
    lines,
    until,
    send: (text: string) => port.write(text),
    close: () => new Promise<void>((r) => (port.isOpen ? port.close(() => r()) : r())),
  }
}

describe('MT-SICS emulator on a socat pty', () => {
  let dir: string
  let pair: PtyPair
  let emulator: MtSicsEmulator
  let host: Awaited<ReturnType<typeof openHost>>

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mt-sics-emu-'))
    pair = await createPtyPair(dir)
  })
  afterEach(async () => {
    await host?.close()
    await emulator?.close()
    await pair.kill()
    await rm(dir, { recursive: true, force: true })
  })

  async function start(options: Partial<MtSicsEmulatorOptions> = {}) {
    emulator = await startMtSicsEmulator({ path: pair.b, ...options })
    host = await openHost(pair.a)
  }

  it('answers SI, S, Z, T, @, I4 and errors like a balance', async () => {
    await start({ serialNumber: 'B123456789' })
    emulator.setWeight(1234)
    host.send('SI\r\n')
    await host.until(1)
    host.send('Z\r\n')
    await host.until(2)
    emulator.setWeight(1484)
    host.send('T\r\n')
    await host.until(3)
    host.send('S\r\n')
    await host.until(4)
    host.send('I4\r\n')
    await host.until(5)
    host.send('si\r\n')
    await host.until(6)
    host.send('@\r\n')
    expect(await host.until(7)).toEqual(['S S      1.234 kg', 'Z A', 'T S      0.250 kg', 'S S      0.000 kg', 'I4 A "B123456789"', 'ES', 'I4 A "B123456789"'])
    expect(emulator.pipelinedCommands).toBe(0)
  })

  it('SI answers S D while in motion; S waits for stability', async () => {
    await start({ unit: 'g', padWidth: 8, motionWobbleGrams: 15 })
    emulator.setWeight(500, { inMotionMs: 300 })
    host.send('SI\r\n')
    const [dynamic] = await host.until(1)
    expect(dynamic).toMatch(/^S D +(485|515) g$/)
    const sentAt = Date.now()
    host.send('S\r\n')
    const lines = await host.until(2)
    expect(lines[1]).toBe('S S      500 g')
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(200)
  })

  it('S gives up with S I after the stability timeout', async () => {
    await start({ stableTimeoutMs: 200 })
    emulator.setWeight(500, { inMotionMs: 10_000 })
    host.send('S\r\n')
    expect(await host.until(1)).toEqual(['S I'])
  })

  it('reports overload, underload and refused zero; configurable Z reply', async () => {
    await start({ zeroReply: 'I' })
    emulator.setOverload()
    host.send('SI\r\n')
    await host.until(1)
    host.send('Z\r\n')
    await host.until(2)
    emulator.setUnderload()
    host.send('S\r\n')
    await host.until(3)
    emulator.setWeight(0)
    host.send('Z\r\n')
    expect(await host.until(4)).toEqual(['S +', 'Z +', 'S -', 'Z I'])
  })

  it('SIR streams until the next command', async () => {
    await start({ sirIntervalMs: 30 })
    emulator.setWeight(42)
    host.send('SIR\r\n')
    await host.until(4)
    host.send('I4\r\n')
    const lines = await host.until(5)
    const afterStop = lines.indexOf('I4 A "0123456789"')
    expect(afterStop).toBeGreaterThan(0)
    expect(lines.slice(0, afterStop).every((l) => l === 'S S      0.042 kg')).toBe(true)
    const count = host.lines.length
    host.send('SI\r\n')
    await host.until(count + 1)
    expect(host.lines.slice(count)).toEqual(['S S      0.042 kg']) // the stream really stopped
  })

  it('counts pipelined commands, injects garbage, stays silent when told, fails on demand', async () => {
    await start()
    host.send('SI\r\nSI\r\n')
    await host.until(2)
    expect(emulator.pipelinedCommands).toBe(1)
    await emulator.injectGarbage('#garbage\r\n')
    emulator.failNextCommand('EL')
    host.send('SI\r\n')
    expect((await host.until(4)).slice(2)).toEqual(['#garbage', 'EL'])
    emulator.setSilent(true)
    host.send('SI\r\n')
    await expect(host.until(5, 300)).rejects.toThrow(/only 4 of 5/)
    expect(emulator.commands.at(-1)).toBe('SI')
  })

  it('createPtyPair links both ends and kill() removes them', async () => {
    expect(existsSync(pair.a) && existsSync(pair.b)).toBe(true)
    await pair.kill()
    expect(existsSync(pair.a) || existsSync(pair.b)).toBe(false)
  })
})
