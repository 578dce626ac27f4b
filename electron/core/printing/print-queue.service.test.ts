import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../../shared/errors'
import { startZebraEmulator, type ZebraEmulator, type ZebraEmulatorOptions } from '../../../sandbox/zebra/zebra-emulator'
import { MemoryPrinterTransport } from '../devices/printer/transports/memory.transport'
import { TcpPrinterTransport } from '../devices/printer/transports/tcp.transport'
import { ZebraPrinter } from '../devices/printer/zebra.printer'
import { enqueuePrintJob, getPrintJob } from './print-jobs.repository'
import { PrintQueueService } from './print-queue.service'
import { zebraLabelSink } from './zebra-label.sink'
import { failure } from '../../../tests/support/app-error'
import { memoryStationEachTest, orderRow } from '../../../tests/support/station-db'

const opened = memoryStationEachTest()
let zebra: ZebraEmulator | null = null
const printers: ZebraPrinter[] = []
beforeEach(async () => {
  await opened()
    .db.insertInto('orders')
    .values(orderRow({ id: 'o1', order_number: 'S-1', barcode: 'KJ1', status: 'packing' }))
    .execute()
})
// Registered after the database's own hooks, so it runs before the database is closed.
afterEach(async () => {
  for (const p of printers.splice(0)) p.dispose()
  await zebra?.close()
  zebra = null
})

async function queueOn(options: ZebraEmulatorOptions = {}): Promise<PrintQueueService> {
  zebra = await startZebraEmulator(options)
  const printer = new ZebraPrinter(new TcpPrinterTransport('127.0.0.1', zebra.port, 1500), { timeoutMs: 1500 })
  printers.push(printer)
  return new PrintQueueService(opened().db, zebraLabelSink(printer, { checkStatus: true, timeoutMs: 1500 }))
}

const label = (code: string) => `^XA^FO40,40^BCN,80,Y,N,N,A^FD${code}^FS^FO40,200^A0N,30,30^FDAlıcı: Ayşe Çelik^FS^XZ`

async function job(code: string): Promise<string> {
  return enqueuePrintJob(opened().db, {
    orderId: 'o1',
    shipmentId: null,
    kind: 'label',
    printerUri: 'tcp://x',
    payload: Buffer.from(label(code)),
    expectedBarcode: code,
    requestedBy: null,
  })
}

describe('PrintQueueService', () => {
  it('prints a job once and marks it printed', async () => {
    const queue = await queueOn()
    const id = await job('TR100')
    await queue.printJob(id)
    await queue.printJob(id)
    expect(zebra!.jobs).toEqual([label('TR100')])
    expect((await getPrintJob(opened().db, id))?.status).toBe('printed')
    expect(queue.isReady()).toBe(true)
  })

  it('a printer problem before sending keeps the job queued with the reason; it prints after the fix', async () => {
    const queue = await queueOn()
    zebra!.setState({ headOpen: true })
    const id = await job('TR101')
    expect((await failure(queue.printJob(id))).code).toBe(ErrorCode.printerHeadOpen)
    expect(await getPrintJob(opened().db, id)).toMatchObject({ status: 'queued', errorCode: ErrorCode.printerHeadOpen })
    expect(queue.currentProblem()?.code).toBe(ErrorCode.printerHeadOpen)
    zebra!.setState({ headOpen: false })
    expect(await queue.drain()).toBe(1)
    expect(zebra!.jobs).toEqual([label('TR101')])
  })

  it('a link dropped mid-job, with the partial format held by the printer → requeued, prints exactly once', async () => {
    const queue = await queueOn({ faults: { dropAfterBytes: 40 } })
    const id = await job('TR102')
    const err = await failure(queue.printJob(id))
    expect(err.code).toBe(ErrorCode.printerOffline)
    expect(err.retryable).toBe(true)
    expect((await getPrintJob(opened().db, id))?.status).toBe('queued')
    await queue.printJob(id)
    expect(zebra!.jobs).toEqual([label('TR102')])
  })

  it('a link dropped mid-job with no partial format to show → outcome unknown, never resent by drain', async () => {
    const queue = await queueOn({ keepPartialOnDisconnect: false, faults: { dropAfterBytes: 40 } })
    const id = await job('TR103')
    const other = await job('TR104')
    const err = await failure(queue.printJob(id))
    expect(err.code).toBe(ErrorCode.printOutcomeUnknown)
    expect(err.meta).toMatchObject({ jobId: id, causeCode: ErrorCode.printerOffline })
    expect(queue.currentProblem()?.code).toBe(ErrorCode.printOutcomeUnknown)
    // The other order's label still prints; the uncertain one waits for the operator.
    expect(await queue.drain()).toBe(1)
    expect(zebra!.jobs).toEqual([label('TR104')])
    expect((await getPrintJob(opened().db, other))?.status).toBe('printed')
    expect((await queue.uncertainJobs()).map((j) => j.id)).toEqual([id])
    expect(await queue.queuedCount()).toBe(1)
  })

  it('with no printer status to go on, a job whose outcome is unknown is never resent', async () => {
    const transport = new MemoryPrinterTransport()
    transport.failNextSend(new AppError(ErrorCode.printerOffline, 'link lost', { retryable: true, meta: { delivery: 'unknown' } }))
    const printer = new ZebraPrinter(transport)
    const queue = new PrintQueueService(opened().db, zebraLabelSink(printer, { checkStatus: false, timeoutMs: 100 }))
    const id = await job('TR105')
    expect((await failure(queue.printJob(id))).code).toBe(ErrorCode.printOutcomeUnknown)
    expect(transport.jobs).toEqual([])
  })

  it('a failure that says nothing was sent simply stays queued', async () => {
    const transport = new MemoryPrinterTransport()
    transport.failNextSend(new AppError(ErrorCode.printerOffline, 'refused', { retryable: true, meta: { delivery: 'none' } }))
    const queue = new PrintQueueService(opened().db, zebraLabelSink(new ZebraPrinter(transport), { checkStatus: false, timeoutMs: 100 }))
    const id = await job('TR106')
    expect((await failure(queue.printJob(id))).code).toBe(ErrorCode.printerOffline)
    await queue.printJob(id)
    expect(transport.jobTexts).toEqual([label('TR106')])
  })

  it('printBatch refuses to start on a printer that is not ready and reports progress per group', async () => {
    const queue = await queueOn()
    const ids = [await job('TR201'), await job('TR202'), await job('TR203')]
    zebra!.setState({ paused: true })
    const seen: string[] = []
    expect((await failure(queue.printBatch(ids, (p) => seen.push(`${p.printed}/${p.total}`), { batchSize: 2 }))).code).toBe(ErrorCode.printerPaused)
    expect(zebra!.rawBytes.toString('latin1')).not.toContain('^XA')
    zebra!.setState({ paused: false })
    await queue.printBatch(ids, (p) => seen.push(`${p.printed}/${p.total}`), { batchSize: 2 })
    expect(seen).toEqual(['0/3', '0/3', '2/3', '3/3'])
    expect(zebra!.jobs).toEqual(['TR201', 'TR202', 'TR203'].map(label))
  })
})

describe('unconfirmed jobs (issue 10: listed on the desk at start)', () => {
  it('a row left "printing" by a crash is unconfirmed and can be answered; the job being sent right now is not', async () => {
    let release!: () => void
    const sent: string[] = []
    const queue = new PrintQueueService(opened().db, {
      uri: 'memory:',
      print: async (payload) => {
        await new Promise<void>((r) => (release = r))
        sent.push(Buffer.from(payload).toString('utf8'))
      },
      status: async () => null,
    })
    const crashed = await job('TR300')
    await opened().db.updateTable('print_jobs').set({ status: 'printing' }).where('id', '=', crashed).execute()
    expect(queue.isUnconfirmed((await getPrintJob(opened().db, crashed))!)).toBe(true)

    const live = await job('TR301')
    const printing = queue.printJob(live)
    const inFlight = await (async () => {
      for (;;) {
        const row = await getPrintJob(opened().db, live)
        if (row?.status === 'printing') return row
        await new Promise((r) => setImmediate(r))
      }
    })()
    expect(queue.isUnconfirmed(inFlight)).toBe(false)
    release()
    await printing
    expect(sent).toEqual([label('TR301')])

    // The operator answers for the crash-left row before the restart's resume got to it.
    await queue.resolveUncertain(crashed, 'printed', 'p1')
    expect((await getPrintJob(opened().db, crashed))?.status).toBe('printed')
    expect((await failure(queue.resolveUncertain(crashed, 'printAgain', 'p1'))).code).toBe(ErrorCode.wrongState)
    expect(sent).toHaveLength(1)
  })
})
