import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DeviceStatusView } from '../../shared/contract/views'
import { ErrorCode } from '../../shared/errors'
import { createPtyPair, type PtyPair } from '../../sandbox/scales/socat-pair'
import { startSerialScannerEmulator, type SerialScannerEmulator } from '../../sandbox/scanners/serial-scanner.emulator'
import { startHarness, type Harness } from '../support/station-harness'
import { stationEvents, waitFor } from '../support/wait-for'

let h: Harness
let pair: PtyPair
let scanner: SerialScannerEmulator
let dir: string

/** The current device status if it satisfies `pred`, else the first one pushed that does. */
async function deviceStatus(pred: (d: DeviceStatusView) => boolean, timeoutMs = 5000): Promise<DeviceStatusView> {
  const pushed = waitFor(stationEvents(h.station, 'devices.statusChanged'), pred, timeoutMs, 'such a device status')
  const now = (await h.station.snapshot()).devices
  if (!pred(now)) return pushed
  pushed.catch(() => undefined) // no longer awaited: its bound may pass quietly
  return now
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kj-scanner-pty-'))
  pair = await createPtyPair(dir)
  scanner = await startSerialScannerEmulator({ path: pair.b })
  // wedgeLayout tr-q: a keyboard-wedge scan would be repaired; a serial one must not be.
  h = await startHarness({ overrides: { scanner: { wedgeLayout: 'tr-q', sources: [{ driver: 'serial', path: pair.a, terminator: 'cr' }] } } })
  await deviceStatus((d) => d.scanners[0]?.connected === true)
})
afterEach(async () => {
  await h.dispose()
  await scanner.close()
  await pair.kill()
  rmSync(dir, { recursive: true, force: true })
})

describe('a serial scanner (socat pty + scanner emulator) as a scan source of the desk', () => {
  it('badge, order and items scanned on the serial line drive the desk like wedge scans, without layout repair', async () => {
    expect((await h.station.snapshot()).devices.scanners).toEqual([{ source: `serial:${pair.a}`, connected: true, error: null }])
    await scanner.scan('P1001')
    await h.waitForView((v) => v.packer?.badge === 'P1001')
    // "SIP-1010" as bytes: repaired as if typed on TR-Q, '-' would become '=' and the order would be unknown.
    await scanner.scan('SIP-1010', { splitEvery: 3 })
    const open = await h.waitForView((v) => v.order?.orderNumber === 'SIP-1010')
    expect(open.step).toBe('orderOpen')
    // An item as GS1-128 with an AIM prefix: (01) GTIN-14 of the line's EAN-13.
    const line = open.order!.lines[0]!
    await scanner.scan(`010${line.gtin}`, { aim: ']C1' })
    const after = await h.waitForView((v) => (v.order?.lines[0]?.packedQuantity ?? 0) === 1)
    expect(after.problem).toBeNull()
  })

  it('a refused scan is the packing problem on screen; line noise and oversized scans are scanner warnings, never scans', async () => {
    await scanner.scan('P1001')
    await h.waitForView((v) => v.packer !== null)
    await scanner.scan('NOPE-1')
    const refused = await h.waitForView((v) => v.problem !== null)
    expect(refused.problem?.code).toBe(ErrorCode.orderUnknown)

    await scanner.injectGarbage('\x01\x02\xff')
    const noisy = await deviceStatus((d) => d.scanners[0]?.error !== null)
    expect(noisy.scanners[0]).toMatchObject({ connected: true, error: expect.stringContaining('not a scan') })
    await scanner.scan('KJ1001') // a good scan clears the warning
    await h.waitForView((v) => v.order?.barcode === 'KJ1001')
    await deviceStatus((d) => d.scanners[0]?.error === null)

    // Longer than any code the desk takes (the same ScanCode rule as scan.submit): refused at the door.
    await scanner.scan('8'.repeat(200))
    const tooLong = await deviceStatus((d) => d.scanners[0]?.error !== null)
    expect(tooLong.scanners[0]!.error).toContain('okuma çok uzun')
    expect(h.station.packing.view().order?.lines.every((l) => l.packedQuantity === 0)).toBe(true)
  })

  it('unplugged: the status says so; plugged back: it reconnects and scans flow again', async () => {
    await scanner.close()
    await pair.kill()
    const gone = await deviceStatus((d) => d.scanners[0]?.connected === false)
    expect(gone.scanners[0]!.error).toMatch(/scanner|tarayıcı|okuyucu/i)
    pair = await createPtyPair(dir)
    scanner = await startSerialScannerEmulator({ path: pair.b })
    await deviceStatus((d) => d.scanners[0]?.connected === true, 15_000)
    await scanner.scan('P1002')
    await h.waitForView((v) => v.packer?.badge === 'P1002')
  }, 30_000)
})
