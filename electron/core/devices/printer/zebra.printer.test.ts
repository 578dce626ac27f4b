import { createServer, type AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { startZebraEmulator, type ZebraEmulator } from '../../../../sandbox/zebra/zebra-emulator'
import { FilePrinterTransport } from './transports/file.transport'
import { MemoryPrinterTransport } from './transports/memory.transport'
import { createTransport } from './transports/printer-uri'
import { ZebraPrinter } from './zebra.printer'
import { failure } from '../../../../tests/support/app-error'

const frame = (s: string) => `\x02${s}\x03\r\n`
const hsReply = (s1 = '030,0,0,1200,000,0,0,0,000,0,0,0', s2 = '001,0,0,0,1,2,6,0,00000000,1,000') => frame(s1) + frame(s2) + frame('1234,0')
const READY = hsReply()
const PAPER_OUT = hsReply('030,1,0,1200,000,0,0,0,000,0,0,0')
const HEAD_OPEN = hsReply(undefined, '001,0,1,0,1,2,6,0,00000000,1,000')
const hqes = (mask: string) => `\x02\r\n  PRINTER STATUS\r\n   ERRORS:         1 00000000 ${mask}\r\n   WARNINGS:       0 00000000 00000000\r\n\x03\r\n`
const LABEL = '^XA^CI28^FO20,20^A0N,40,40^FH_^FDŞule^FS^XZ'

describe('ZebraPrinter over the memory transport', () => {
  let transport: MemoryPrinterTransport
  let printer: ZebraPrinter
  beforeEach(() => {
    transport = new MemoryPrinterTransport()
    printer = new ZebraPrinter(transport)
  })

  it('checks status, sends the job, checks again', async () => {
    transport.setReply('~HS', READY)
    const result = await printer.print(LABEL)
    expect(transport.jobTexts).toEqual([LABEL])
    expect(transport.queries).toEqual(['~HS', '~HS'])
    expect(result.bytes).toBe(Buffer.byteLength(LABEL))
    expect(result.statusBefore?.ready).toBe(true)
    expect(result.problemAfter).toBeNull()
  })

  const refusals: ReadonlyArray<[string, string, string]> = [
    ['paper out', PAPER_OUT, ErrorCode.printerPaperOut],
    ['head open', HEAD_OPEN, ErrorCode.printerHeadOpen],
    ['paused', hsReply('030,0,1,1200,000,0,0,0,000,0,0,0'), ErrorCode.printerPaused],
    ['ribbon out', hsReply(undefined, '001,0,0,1,1,2,6,0,00000000,1,000'), ErrorCode.printerRibbonOut],
    ['buffer full', hsReply('030,0,0,1200,000,1,0,0,000,0,0,0'), ErrorCode.printerNotReady],
  ]
  it.each(refusals)('refuses to print when %s, sending nothing', async (_name, reply, code) => {
    transport.setReply('~HS', reply)
    const err = await failure(printer.print(LABEL))
    expect(err.code).toBe(code)
    expect(transport.jobs).toHaveLength(0)
  })

  it('a silent printer is printer.timeout, not success', async () => {
    const err = await failure(printer.status({ timeoutMs: 50 }))
    expect(err.code).toBe(ErrorCode.printerTimeout)
    expect(transport.queries).toEqual(['~HS', '~HQES'])
  })

  it('explains a silent ~HS with ~HQES when the printer answers that', async () => {
    transport.setReply('~HQES', hqes('00000004'))
    const err = await failure(printer.print(LABEL))
    expect(err.code).toBe(ErrorCode.printerHeadOpen)
    expect(err.meta.source).toBe('~HQES')
    expect(transport.jobs).toHaveLength(0)
  })

  it('a garbled reply is printer.statusInvalid', async () => {
    transport.setReply('~HS', '\x02x\x03\x02y\x03\x02z\x03')
    expect((await failure(printer.status())).code).toBe(ErrorCode.printerStatusInvalid)
  })

  it('reports, but does not throw, a problem found after the job was accepted', async () => {
    transport.setReply('~HS', READY)
    const sent = transport.send.bind(transport)
    transport.send = async (data) => {
      await sent(data)
      transport.setReply('~HS', PAPER_OUT) // the roll ran out while printing
    }
    const result = await printer.print(LABEL)
    expect(transport.jobs).toHaveLength(1)
    expect(result.problemAfter?.code).toBe(ErrorCode.printerPaperOut)
    expect(result.statusAfter?.paperOut).toBe(true)
  })

  it('checkStatus: false sends without asking', async () => {
    const result = await printer.print(LABEL, { checkStatus: false })
    expect(transport.queries).toEqual([])
    expect(result.statusBefore).toBeNull()
    expect(transport.jobs).toHaveLength(1)
  })

  it('a send failure surfaces as is', async () => {
    transport.setReply('~HS', READY)
    transport.failNextSend(new AppError(ErrorCode.printerOffline, 'gone', { retryable: true }))
    expect((await failure(printer.print(LABEL))).code).toBe(ErrorCode.printerOffline)
  })

  it('a transport without replies (file:) prints unchecked and cannot report status', async () => {
    const filePrinter = new ZebraPrinter(new FilePrinterTransport('/dev/null'))
    expect(filePrinter.canReportStatus).toBe(false)
    expect((await filePrinter.print(LABEL)).statusBefore).toBeNull()
    expect((await failure(filePrinter.status())).code).toBe(ErrorCode.printerStatusUnsupported)
  })
})

describe('ZebraPrinter over TCP against the Zebra emulator', () => {
  let emu: ZebraEmulator
  let printer: ZebraPrinter
  beforeEach(async () => {
    emu = await startZebraEmulator()
    printer = new ZebraPrinter(createTransport(emu.uri), { timeoutMs: 2000 })
  })
  afterEach(async () => {
    printer.dispose()
    await emu.close()
  })

  it('prints: the emulator receives exactly the job', async () => {
    await printer.print(LABEL)
    expect(await emu.waitForJobs(1)).toEqual([LABEL])
  })

  const states: ReadonlyArray<[string, Parameters<ZebraEmulator['setState']>[0], Record<string, unknown>]> = [
    ['ready', {}, { ready: true, paperOut: false, headOpen: false, paused: false, ribbonOut: false }],
    ['paper out', { paperOut: true }, { ready: false, paperOut: true }],
    ['head open', { headOpen: true }, { ready: false, headOpen: true, paperOut: false }],
    ['paused', { paused: true }, { ready: false, paused: true }],
    ['ribbon out', { ribbonOut: true }, { ready: false, ribbonOut: true }],
    ['12 labels left in the batch', { labelsRemaining: 12 }, { ready: true, labelsRemaining: 12 }],
  ]
  it.each(states)('~HS when %s', async (_name, patch, expected) => {
    emu.setState(patch)
    expect(await printer.status()).toMatchObject(expected)
  })

  it('paper out → print refused with printer.paperOut, nothing sent', async () => {
    emu.setState({ paperOut: true })
    const err = await failure(printer.print(LABEL))
    expect(err.code).toBe(ErrorCode.printerPaperOut)
    expect(err.message).toMatch(/^Etiket bitti/)
    expect(emu.queued).toEqual([])
    expect(emu.jobs).toEqual([])
  })

  it('paused without a check: the printer buffers the job and prints it on resume', async () => {
    emu.setState({ paused: true })
    const received = new Promise((resolve) => emu.onDidReceiveJob(resolve))
    await printer.print(LABEL, { checkStatus: false })
    await received
    expect(emu.jobs).toEqual([])
    expect((await printer.status()).formatsInBuffer).toBe(1)
    emu.setState({ paused: false })
    expect(await emu.waitForJobs(1)).toEqual([LABEL])
  })

  it('a printer silent on ~HS while head-open is explained by ~HQES', async () => {
    const silent = await startZebraEmulator({ silentWhenFault: true })
    const p = new ZebraPrinter(createTransport(silent.uri), { timeoutMs: 300 })
    try {
      silent.setState({ headOpen: true })
      expect((await failure(p.print(LABEL))).code).toBe(ErrorCode.printerHeadOpen)
    } finally {
      p.dispose()
      await silent.close()
    }
  })

  it('a printer that answers nothing → printer.timeout', async () => {
    emu.setState({ mute: true })
    const err = await failure(printer.status({ timeoutMs: 200 }))
    expect(err.code).toBe(ErrorCode.printerTimeout)
    expect(err.retryable).toBe(true)
  })

  it('connection refused → printer.offline', async () => {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    await new Promise<void>((resolve) => server.close(() => resolve()))
    const offline = new ZebraPrinter(createTransport(`tcp://127.0.0.1:${port}`))
    const err = await failure(offline.print(LABEL))
    expect(err.code).toBe(ErrorCode.printerOffline)
    expect(err.retryable).toBe(true)
  })
})
