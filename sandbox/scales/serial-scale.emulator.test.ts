import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SerialPort } from 'serialport'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { a12eProfile } from './a12e.profile'
import { casProfile } from './cas.profile'
import { nciProfile } from './nci.profile'
import { startSerialScaleEmulator, type ScaleEmulatorProfile, type SerialScaleEmulator } from './serial-scale.emulator'
import { createPtyPair, type PtyPair } from './socat-pair'
import { toledo8217Profile } from './toledo-8217.profile'
import { toledoContinuousProfile } from './toledo-continuous.profile'
import { waitUntil } from '../../tests/support/wait-for'

/** A bare host on the other pty end: collects raw bytes, sends raw commands. */
async function openHost(path: string) {
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false })
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())))
  let received = ''
  let chunks = 0
  port.on('data', (d: Buffer) => {
    received += d.toString('latin1')
    chunks++
  })
  const onData = (listener: () => void) => (port.on('data', listener), () => void port.off('data', listener))
  /** Waits until the received text matches (bounded). */
  const until = (pattern: RegExp, timeoutMs = 2000) =>
    waitUntil(
      onData,
      () => pattern.exec(received)?.[0],
      timeoutMs,
      () => `no ${pattern} in ${JSON.stringify(received)}`,
    )
  return {
    until,
    send: (text: string) => port.write(Buffer.from(text, 'latin1')),
    clear: () => void (received = ''),
    get received() {
      return received
    },
    get chunks() {
      return chunks
    },
    close: () => new Promise<void>((r) => (port.isOpen ? port.close(() => r()) : r())),
  }
}

describe('serial scale emulator profiles on a socat pty', () => {
  let dir: string
  let pair: PtyPair
  let emulator: SerialScaleEmulator | undefined
  let host: Awaited<ReturnType<typeof openHost>> | undefined

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scale-emu-'))
    pair = await createPtyPair(dir)
  })
  afterEach(async () => {
    await host?.close()
    await emulator?.close()
    host = emulator = undefined
    await pair.kill()
    await rm(dir, { recursive: true, force: true })
  })

  async function start(profile: ScaleEmulatorProfile) {
    emulator = await startSerialScaleEmulator({ path: pair.b, profile, motionWobbleGrams: 10 })
    host = await openHost(pair.a)
    return { emu: emulator, h: host }
  }

  it('Toledo continuous streams the reference frame (checksum 0x2A), motion frames first', async () => {
    const { emu, h } = await start(toledoContinuousProfile({ intervalMs: 20 }))
    emu.setWeight(1234, { inMotionMs: 100 })
    await h.until(/\x02-8 0012[24]4000000\r[#!]/) // SWB 0x38 = motion, wobbling ±10 g
    expect(await h.until(/\x02-0 001234000000\r\*/)).toHaveLength(18)
  })

  it('Toledo continuous without checksum, overload, and silence', async () => {
    const { emu, h } = await start(toledoContinuousProfile({ checksum: false, intervalMs: 20 }))
    emu.setOverload()
    await h.until(/\x02-4 000000000000\r\x02/)
    emu.setSilent(true)
    await new Promise((r) => setTimeout(r, 50)) // let a frame already in flight land
    h.clear()
    await expect(h.until(/\x02/, 150)).rejects.toThrow(/no /)
  })

  it('Toledo 8217 answers W with weight or status, echoes after E until F, ignores other bytes', async () => {
    const { emu, h } = await start(toledo8217Profile())
    emu.setWeight(1234)
    h.send('SI\r\nW')
    await h.until(/\x0201\.234\r/)
    emu.setWeight(500, { inMotionMs: 10_000 })
    h.send('W')
    await h.until(/\x02\?A\r/)
    emu.setOverload()
    h.send('WEhelloF')
    await h.until(/\x02\?B\r\x02E\rhello$/)
    h.send('W')
    await h.until(/hello\x02\?B\r/)
    expect(emu.commands.join('')).toBe('SI\r\nWWWEhelloFW')
  })

  it('CAS 22-byte lines carry raw ID and lamp bytes; Kern and AND layouts', async () => {
    const { emu, h } = await start(casProfile({ intervalMs: 20 }))
    emu.setWeight(1234)
    expect(await h.until(/ST,GS,\x01\x44,\+001\.234 kg\r\n/)).toHaveLength(22)
    await emu.close()
    await h.close()
    emulator = await startSerialScaleEmulator({ path: pair.b, profile: casProfile({ variant: 'kern', decimals: 4, intervalMs: 20 }) })
    host = await openHost(pair.a)
    emulator.setWeight(-15)
    await host.until(/ST,GS,-0000\.0150  kg\r\n/)
    emulator.setOverload()
    await host.until(/OL,GS,\+ {13}\r\n/)
    await emulator.close()
    await host.close()
    emulator = await startSerialScaleEmulator({ path: pair.b, profile: casProfile({ variant: 'and18', intervalMs: 20 }) })
    host = await openHost(pair.a)
    emulator.setWeight(1234)
    expect(await host.until(/ST,GS,\+001\.234kg\r\n/)).toHaveLength(18)
  })

  it('XK3190-A12E sends the reference frame WG004.139kg3D and OL/LO', async () => {
    const { emu, h } = await start(a12eProfile({ intervalMs: 20 }))
    emu.setWeight(4139)
    await h.until(/WG004\.139kg3D\r\n/)
    emu.setUnderload()
    await h.until(/ {9}LO23\r\n/)
  })

  it('NCI answers W, S, Z and unknown commands; motion polarity is configurable', async () => {
    const { emu, h } = await start(nciProfile({ motionBit: 'setWhenStable' }))
    emu.setWeight(1234)
    h.send('W\r')
    await h.until(/\n 01\.234kg\r10\x03/)
    h.send('S\r')
    await h.until(/\n10\r\x03$/)
    h.send('X\r')
    await h.until(/\n\?\r$/)
    h.send('Z\r')
    await h.until(/\n30\r\x03$/) // zeroed: at zero, stable (bit 0 set = stable here)
    expect(emu.commands).toEqual(['W', 'S', 'X', 'Z'])
  })

  it('splits frames into pieces, puts noise in front of frames, counts pipelined commands', async () => {
    const { emu, h } = await start(nciProfile())
    emu.setWeight(1000)
    emu.splitWritesEvery(1)
    emu.setNoise({ everyFrames: 1, bytes: '#!' })
    const before = h.chunks
    h.send('W\r')
    await h.until(/#!\n 01\.000kg\r00\x03/)
    // The pty may coalesce pieces when the reader is slow (a loaded CI machine): at least two reads shows the split.
    expect(h.chunks - before).toBeGreaterThanOrEqual(2)
    emu.splitWritesEvery(null)
    emu.setNoise(null)
    // The split reply before may still be draining when these arrive, so count from here, at least one.
    const pipelinedBefore = emu.pipelinedCommands
    h.send('W\rW\r')
    await h.until(/(\n 01\.000kg\r00\x03.*){3}/s)
    expect(emu.pipelinedCommands - pipelinedBefore).toBeGreaterThanOrEqual(1)
  })
})
