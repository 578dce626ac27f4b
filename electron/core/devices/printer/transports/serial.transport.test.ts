import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../../../shared/errors'
import { createPtyPair, type PtyPair } from '../../../../../sandbox/scales/socat-pair'
import { startZebraSerialEmulator, type ZebraSerialEmulator } from '../../../../../sandbox/zebra/zebra-serial.emulator'
import { ZebraPrinter } from '../zebra.printer'
import { createTransport } from './printer-uri'
import { SerialPrinterTransport } from './serial.transport'
import { failure } from '../../../../../tests/support/app-error'

/** Zebra over serial: the transport on one end of a socat pty pair, the emulated printer on the other. */
let dir: string
let pair: PtyPair
let zebra: ZebraSerialEmulator
const transports: SerialPrinterTransport[] = []

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kj-zebra-serial-'))
  pair = await createPtyPair(dir)
  zebra = await startZebraSerialEmulator({ path: pair.b })
})

afterEach(async () => {
  for (const t of transports.splice(0)) t.dispose()
  await zebra.close()
  await pair.kill()
  rmSync(dir, { recursive: true, force: true })
})

function printer(timeoutMs = 1000): ZebraPrinter {
  const transport = createTransport(`serial://${pair.a}?baud=9600`, { timeoutMs }) as SerialPrinterTransport
  transports.push(transport)
  return new ZebraPrinter(transport, { timeoutMs })
}

const label = '^XA^CI28^FO40,40^A0N,40,40^FDAlıcı: Şükrü Öztürk^FS^FO40,120^BCN,100,Y,N,N,A^FDTR123456789^FS^XZ'

describe('SerialPrinterTransport over a pty pair', () => {
  it('checks ~HS, prints the label (UTF-8 intact) and checks again, all on one open line', async () => {
    const p = printer()
    const result = await p.print(label)
    expect(result.statusBefore?.ready).toBe(true)
    expect(result.problemAfter).toBeNull()
    expect(await zebra.waitForJobs(1)).toEqual([label])
    await p.print(label.replace('TR123456789', 'TR987654321'))
    expect(await zebra.waitForJobs(2)).toHaveLength(2)
  })

  it('paper out → printer.paperOut before anything is sent', async () => {
    zebra.setState({ paperOut: true })
    const err = await failure(printer().print(label))
    expect(err.code).toBe(ErrorCode.printerPaperOut)
    expect(err.meta.delivery).toBe('none')
    expect(zebra.rawBytes.toString('latin1')).not.toContain('^XA')
  })

  it('a silent printer → printer.timeout; the next query gets its own answer', async () => {
    const p = printer(300)
    zebra.setState({ mute: true })
    expect((await failure(p.status())).code).toBe(ErrorCode.printerTimeout)
    zebra.setState({ mute: false })
    expect((await p.status()).ready).toBe(true)
  })

  it('a port that does not exist → printer.offline, nothing sent', async () => {
    const t = new SerialPrinterTransport(join(dir, 'ttyNope'))
    transports.push(t)
    const err = await failure(t.send(Buffer.from(label)))
    expect(err.code).toBe(ErrorCode.printerOffline)
    expect(err.meta.delivery).toBe('none')
  })

  it('the cable pulled (pty gone) → printer.offline on the next job, no crash', async () => {
    const p = printer(500)
    await p.print(label)
    await zebra.close()
    await pair.kill()
    const err = await failure(p.print(label, { checkStatus: false }))
    expect(err.code).toBe(ErrorCode.printerOffline)
    expect(err.retryable).toBe(true)
  })
})
