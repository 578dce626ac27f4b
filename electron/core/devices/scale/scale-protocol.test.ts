import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../../../shared/errors'
// Tests may drive the sandbox emulators; production core code never imports sandbox/.
import { a12eProfile } from '../../../../sandbox/scales/a12e.profile'
import { casProfile } from '../../../../sandbox/scales/cas.profile'
import { startMtSicsEmulator } from '../../../../sandbox/scales/mt-sics.emulator'
import { nciProfile } from '../../../../sandbox/scales/nci.profile'
import { startSerialScaleEmulator, type ScaleEmulatorProfile } from '../../../../sandbox/scales/serial-scale.emulator'
import { toledo8217Profile } from '../../../../sandbox/scales/toledo-8217.profile'
import { toledoContinuousProfile } from '../../../../sandbox/scales/toledo-continuous.profile'
import { createScaleDriverFactory } from './scale-driver.factory'
import { detectScaleProtocol } from './scale-protocol-detect'
import { createSerialScaleDriver, scaleProtocolInfo, scaleProtocols, type SerialScaleConfig } from './scale-protocol'
import { ScaleService } from './scale.service'
import { usePtyPair } from '../../../../tests/support/scale-rig'

const fast = { listenMs: 300, probeTimeoutMs: 250 }

describe('scale protocols', () => {
  it('lists the six protocols with §2.1 line defaults', () => {
    expect(scaleProtocols).toEqual(['mt-sics', 'toledo-continuous', 'toledo-8217', 'cas', 'a12e', 'nci'])
    expect(scaleProtocolInfo['mt-sics'].line).toEqual({ baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 })
    expect(scaleProtocolInfo['toledo-8217'].line).toEqual({ baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 1 })
    expect(scaleProtocolInfo.nci.line).toEqual({ baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 1 })
    expect(
      Object.entries(scaleProtocolInfo)
        .filter(([, i]) => i.mode === 'continuous')
        .map(([p]) => p),
    ).toEqual(['toledo-continuous', 'cas', 'a12e'])
  })

  it('createSerialScaleDriver makes the right driver, and refuses an unknown protocol (config from disk)', () => {
    for (const protocol of scaleProtocols) expect(createSerialScaleDriver({ protocol, path: '/dev/null' }).model).toBe(protocol)
    expect(() => createSerialScaleDriver({ protocol: 'dibal', path: '/dev/null' } as unknown as SerialScaleConfig)).toThrow(/unknown scale protocol dibal/)
  })

  it('a driver can zero and tare exactly where its protocol has the command', () => {
    const commands = (protocol: (typeof scaleProtocols)[number]) => {
      const driver = createSerialScaleDriver({ protocol, path: '/dev/null' })
      return [driver.zero ? 'zero' : null, driver.tare ? 'tare' : null].filter(Boolean)
    }
    expect(Object.fromEntries(scaleProtocols.map((p) => [p, commands(p)]))).toEqual({
      'mt-sics': ['zero', 'tare'],
      'toledo-continuous': [],
      'toledo-8217': ['zero', 'tare'],
      cas: [],
      a12e: [],
      nci: ['zero'],
    })
  })
})

describe('detectScaleProtocol over a socat pty', () => {
  const pty = usePtyPair('scale-detect-')

  const profiles: ReadonlyArray<[string, () => ScaleEmulatorProfile, object]> = [
    [
      'toledo-continuous',
      () => toledoContinuousProfile({ intervalMs: 40 }),
      { protocol: 'toledo-continuous', checksum: true, line: scaleProtocolInfo['toledo-continuous'].line },
    ],
    ['toledo-continuous', () => toledoContinuousProfile({ checksum: false, intervalMs: 40 }), { protocol: 'toledo-continuous', checksum: false }],
    ['cas', () => casProfile({ intervalMs: 40 }), { protocol: 'cas', line: scaleProtocolInfo.cas.line }],
    ['cas', () => casProfile({ variant: 'kern', intervalMs: 40 }), { protocol: 'cas' }],
    ['a12e', () => a12eProfile({ intervalMs: 40 }), { protocol: 'a12e' }],
    ['toledo-8217', () => toledo8217Profile(), { protocol: 'toledo-8217', line: scaleProtocolInfo['toledo-8217'].line }],
    ['nci', () => nciProfile(), { protocol: 'nci', line: scaleProtocolInfo.nci.line }],
  ]

  it.each(profiles)('recognises %s', async (_name, profile, expected) => {
    const emu = pty.track(await startSerialScaleEmulator({ path: pty.b, profile: profile() }))
    emu.setWeight(1234)
    await expect(detectScaleProtocol(pty.a, scaleProtocols, fast)).resolves.toMatchObject(expected)
  })

  it('recognises mt-sics from its SI reply', async () => {
    const emu = pty.track(await startMtSicsEmulator({ path: pty.b }))
    await expect(detectScaleProtocol(pty.a, undefined, fast)).resolves.toMatchObject({ protocol: 'mt-sics', line: scaleProtocolInfo['mt-sics'].line })
    expect(emu.commands).toEqual(['SI']) // continuous listening sends nothing; one probe was enough
  })

  it('fixed line settings are used for every candidate', async () => {
    pty.track(await startSerialScaleEmulator({ path: pty.b, profile: nciProfile() }))
    const line = { baudRate: 4800, dataBits: 8, parity: 'none', stopBits: 2 } as const
    await expect(detectScaleProtocol(pty.a, ['cas', 'nci'], { ...fast, line })).resolves.toEqual({ protocol: 'nci', line, frames: 1 })
  })

  it('a scale that says nothing → scale.protocolUnknown naming what was tried', async () => {
    pty.track(await startSerialScaleEmulator({ path: pty.b, profile: nciProfile() }))
    const err = await detectScaleProtocol(pty.a, ['cas', 'toledo-8217'], fast).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect(err).toMatchObject({ code: ErrorCode.scaleProtocolUnknown, retryable: true, meta: { candidates: ['toledo-8217', 'cas'] } })
    expect((err as AppError).message).toMatch(/no known scale protocol on .*ttyA \(tried toledo-8217, cas; 0 bytes heard\)/)
  })

  it('a missing port → scale.disconnected; an unknown candidate → input.invalid', async () => {
    await expect(detectScaleProtocol(join(pty.dir, 'nope'), ['cas'], fast)).rejects.toMatchObject({ code: ErrorCode.scaleDisconnected })
    await expect(detectScaleProtocol(pty.a, ['cas', 'dibal'], fast)).rejects.toMatchObject({
      code: ErrorCode.inputInvalid,
      message: expect.stringMatching(/unknown scale protocol dibal/),
    })
  })

  it("createScaleDriverFactory with protocol 'auto' detects once, then ScaleService weighs", async () => {
    const emu = pty.track(await startSerialScaleEmulator({ path: pty.b, profile: toledo8217Profile() }))
    emu.setWeight(2200)
    const factory = createScaleDriverFactory({ driver: 'serial', protocol: 'auto', path: pty.a, pollIntervalMs: 50 }, { detect: fast })
    const service = new ScaleService({ createDriver: factory })
    try {
      service.start()
      await expect(service.waitForStableWeight({ timeoutMs: 4000 })).resolves.toMatchObject({ grams: 2200 })
      expect(factory().model).toBe('auto') // a fresh driver per attempt; detection is remembered inside
    } finally {
      await service.dispose()
    }
  })
})
