import { afterEach, describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../shared/errors'
import { TcpPrinterTransport } from '../../electron/core/devices/printer/transports/tcp.transport'
import { ZebraPrinter } from '../../electron/core/devices/printer/zebra.printer'
import { startZebraEmulator, type ZebraEmulator, type ZebraEmulatorOptions, type ZebraStatePatch } from '../../sandbox/zebra/zebra-emulator'
import { failure } from '../support/app-error'

/**
 * Every fault mode of the Zebra emulator over real TCP against ZebraPrinter + TcpPrinterTransport
 * (acceptance test): the right AppError code and retryable flag, `meta.delivery` telling the
 * queue whether anything can have reached the printer, and nothing printed that was reported not.
 */
const emulators: ZebraEmulator[] = []
const printers: ZebraPrinter[] = []
afterEach(async () => {
  for (const p of printers.splice(0)) p.dispose()
  await Promise.all(emulators.splice(0).map((e) => e.close()))
})

async function emulator(options: ZebraEmulatorOptions = {}): Promise<ZebraEmulator> {
  const emu = await startZebraEmulator(options)
  emulators.push(emu)
  return emu
}

function printerFor(emu: { port: number }, timeoutMs = 1500): ZebraPrinter {
  const p = new ZebraPrinter(new TcpPrinterTransport('127.0.0.1', emu.port, timeoutMs), { timeoutMs })
  printers.push(p)
  return p
}

const label = (n: number) => `^XA^FO40,40^BY3^BCN,120,Y,N,N,A^FDKJ${String(n).padStart(8, '0')}^FS^XZ`

describe('printer conditions refuse the job before a byte is sent', () => {
  const cases: ReadonlyArray<[string, string, ZebraStatePatch]> = [
    ['paper out', ErrorCode.printerPaperOut, { paperOut: true }],
    ['head open', ErrorCode.printerHeadOpen, { headOpen: true }],
    ['paused', ErrorCode.printerPaused, { paused: true }],
    ['ribbon out', ErrorCode.printerRibbonOut, { ribbonOut: true }],
  ]
  it.each(cases)('%s → %s, retryable, delivery none, nothing received', async (_name, code, patch) => {
    const emu = await emulator()
    emu.setState(patch)
    const err = await failure(printerFor(emu).print(label(1)))
    expect(err.code).toBe(code)
    expect(err.retryable).toBe(true)
    expect(err.meta.delivery).toBe('none')
    expect(emu.jobs).toEqual([])
    expect(emu.queued).toEqual([])
    // Cleared by the operator → the same job goes through.
    emu.setState({ paperOut: false, headOpen: false, paused: false, ribbonOut: false })
    await printerFor(emu).print(label(1))
    expect(emu.jobs).toEqual([label(1)])
  })

  it.each(cases.filter(([name]) => name !== 'paused'))('%s while silent on ~HS (current firmware) → still %s via ~HQES', async (_name, code, patch) => {
    const emu = await emulator({ silentWhenFault: true })
    emu.setState(patch)
    const err = await failure(printerFor(emu, 300).print(label(1)))
    expect(err.code).toBe(code)
    expect(err.meta.delivery).toBe('none')
    expect(emu.rawBytes.toString('latin1')).not.toContain('^XA')
  })

  it('a hung printer (connects, never answers) → printer.timeout, retryable, nothing sent', async () => {
    const emu = await emulator()
    emu.setState({ mute: true })
    const err = await failure(printerFor(emu, 250).print(label(1)))
    expect(err.code).toBe(ErrorCode.printerTimeout)
    expect(err.retryable).toBe(true)
    expect(err.meta.delivery).toBe('none')
    expect(emu.rawBytes.toString('latin1')).not.toContain('^XA')
  })

  it('a printer that is switched off (connection refused) → printer.offline, delivery none', async () => {
    const emu = await emulator()
    const port = emu.port
    await emu.close()
    emulators.splice(emulators.indexOf(emu), 1)
    const err = await failure(printerFor({ port }).print(label(1), { checkStatus: false }))
    expect(err.code).toBe(ErrorCode.printerOffline)
    expect(err.retryable).toBe(true)
    expect(err.meta.delivery).toBe('none')
  })
})

describe('paper runs out during a job', () => {
  it('the job is accepted and waits in the printer; the problem is reported after, and it prints once paper is loaded', async () => {
    const emu = await emulator({ faults: { paperOutAfterLabels: 1 } })
    const printer = printerFor(emu)
    const first = await printer.print(label(1))
    expect(first.problemAfter?.code).toBe(ErrorCode.printerPaperOut)
    // The next job is refused up front, so it stays with the desk's queue, not lost in the printer.
    const err = await failure(printer.print(label(2)))
    expect(err.code).toBe(ErrorCode.printerPaperOut)
    expect(emu.jobs).toEqual([label(1)])
    emu.setState({ paperOut: false })
    await printer.print(label(2))
    expect(emu.jobs).toEqual([label(1), label(2)])
  })

  it('formats already in the printer print after the paper comes back, each once', async () => {
    const emu = await emulator({ faults: { paperOutAfterLabels: 2 } })
    const result = await printerFor(emu).print([1, 2, 3, 4].map(label).join('\n'))
    expect(result.problemAfter?.code).toBe(ErrorCode.printerPaperOut)
    expect(result.statusAfter).toMatchObject({ paperOut: true, formatsInBuffer: 2 })
    expect(emu.jobs).toEqual([label(1), label(2)])
    emu.setState({ paperOut: false })
    expect(await emu.waitForJobs(4)).toEqual([1, 2, 3, 4].map(label))
  })
})

/** A job far larger than the loopback socket buffers, so a slow reader pushes back. */
function bigJob(megabytes: number): string {
  const rows = Math.ceil((megabytes * 1024 * 1024) / 200)
  return `^XA^FO0,0^GFA,${rows * 100},${rows * 100},100,${'F0'.repeat(100 * rows)}^FS^XZ`
}

describe('slow accept (back-pressure)', () => {
  it('a slow printer is waited for: send resolves only once it has read the whole job', async () => {
    const job = bigJob(12)
    const emu = await emulator({ faults: { acceptBytesPerSecond: 48 * 1024 * 1024 } })
    const printer = printerFor(emu, 10_000)
    await printer.print(job, { checkStatus: false })
    // Resolution means "the printer took it", not "the OS buffered it".
    expect(emu.rawBytes.length).toBe(Buffer.byteLength(job))
    expect(emu.jobs).toHaveLength(1)
  })

  it('too slow for the timeout → printer.timeout, delivery unknown, nothing printed, partial format held', async () => {
    const emu = await emulator({ faults: { acceptBytesPerSecond: 256 * 1024 } })
    const err = await failure(printerFor(emu, 400).print(bigJob(12), { checkStatus: false }))
    expect(err.code).toBe(ErrorCode.printerTimeout)
    expect(err.retryable).toBe(true)
    expect(err.meta.delivery).toBe('unknown')
    expect(emu.jobs).toEqual([])
    // The printer tells the desk the cut-off format is still partial (it will never print it).
    emu.setFaults({ acceptBytesPerSecond: null })
    await expect.poll(() => emu.holdsPartialFormat).toBe(true)
    expect((await printerFor(emu).status()).partialFormat).toBe(true)
  })
})

describe('dropped connection mid-job', () => {
  it('→ printer.offline, retryable, delivery unknown; the partial format never prints and the resend prints once', async () => {
    const emu = await emulator({ faults: { dropAfterBytes: 30 } })
    const printer = printerFor(emu)
    const err = await failure(printer.print(label(7), { checkStatus: false }))
    expect(err.code).toBe(ErrorCode.printerOffline)
    expect(err.retryable).toBe(true)
    expect(err.meta.delivery).toBe('unknown')
    expect(emu.jobs).toEqual([])
    const status = await printer.status()
    expect(status.partialFormat).toBe(true)
    // The resend's ^XA starts over: the held partial is discarded, the label prints once.
    await printer.print(label(7))
    expect(emu.jobs).toEqual([label(7)])
    expect(emu.discarded).toEqual([label(7).slice(0, 30)])
    expect((await printer.status()).partialFormat).toBe(false)
  })

  it('a printer that drops partial formats at disconnect shows no partial format afterwards', async () => {
    const emu = await emulator({ keepPartialOnDisconnect: false, faults: { dropAfterBytes: 30 } })
    const printer = printerFor(emu)
    expect((await failure(printer.print(label(8), { checkStatus: false }))).code).toBe(ErrorCode.printerOffline)
    expect((await printer.status()).partialFormat).toBe(false)
    expect(emu.discarded).toEqual([label(8).slice(0, 30)])
    expect(emu.jobs).toEqual([])
  })
})
