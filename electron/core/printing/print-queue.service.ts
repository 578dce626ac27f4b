import { Emitter } from '../../../shared/emitter'
import { AppError, ErrorCode, toAppError } from '../../../shared/errors'
import type { Db } from '../db/database'
import type { LabelSink } from './label-sink.port'
import { getPrintJob, pendingPrintJobs, setPrintJobStatus, type PrintJob } from './print-jobs.repository'

export type PrintQueueState = Readonly<{ queued: number; problem: AppError | null; ready: boolean | null }>

/**
 * The persistent print queue: every job is a row before it reaches the printer, so a job survives
 * printer outages and app restarts and prints once. A printer problem leaves the job queued.
 */
export class PrintQueueService {
  private readonly changed = new Emitter<PrintQueueState>()
  readonly onDidChange = this.changed.event
  private problem: AppError | null = null
  /** Null until the printer has answered once (a status query or an accepted job). */
  private ready: boolean | null = null
  private chain: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly db: Db,
    private readonly sink: LabelSink,
  ) {}

  get uri(): string {
    return this.sink.uri
  }

  /** Prints one job now (serialized with every other job). Throws the printer's AppError on failure. */
  printJob(jobId: string): Promise<void> {
    const run = this.chain.then(() => this.runJob(jobId))
    // The chain keeps running after a failed job; the caller still receives the failure.
    this.chain = run.catch(() => undefined)
    return run
  }

  /** Prints every queued job in order; stops at the first printer problem and rethrows it. */
  async drain(): Promise<number> {
    let printed = 0
    for (const job of await pendingPrintJobs(this.db)) {
      await this.printJob(job.id)
      printed++
    }
    return printed
  }

  async queuedCount(): Promise<number> {
    return (await pendingPrintJobs(this.db)).length
  }

  currentProblem(): AppError | null {
    return this.problem
  }

  isReady(): boolean | null {
    return this.ready
  }

  /** Asks the printer for its status (~HS) so the desk shows paper-out or head-open before a job fails. */
  async refreshStatus(): Promise<void> {
    try {
      const status = await this.sink.status()
      if (status === null) return // this transport cannot report status (file:, spooler)
      this.ready = status.ready
      this.problem = status.ready ? null : new AppError(ErrorCode.printerNotReady, 'Yazıcı hazır değil / Printer not ready', { meta: { status } })
    } catch (err) {
      this.ready = false
      this.problem = toAppError(err)
    }
    await this.emit()
  }

  private async runJob(jobId: string): Promise<void> {
    const job = await getPrintJob(this.db, jobId)
    if (!job || job.status === 'printed' || job.status === 'cancelled') return
    this.guardLabelMatches(job)
    await setPrintJobStatus(this.db, job.id, 'printing')
    try {
      await this.sink.print(job.payload)
    } catch (err) {
      const e = toAppError(err)
      await setPrintJobStatus(this.db, job.id, 'queued', { code: e.code, message: e.message })
      this.problem = e
      this.ready = false
      await this.emit()
      throw e
    }
    await setPrintJobStatus(this.db, job.id, 'printed')
    this.problem = null
    this.ready = true
    await this.emit()
  }

  /** Never print one order's label for another: the payload must carry the shipment's barcode. */
  private guardLabelMatches(job: PrintJob): void {
    if (!job.expectedBarcode) return
    const text = Buffer.from(job.payload).toString('utf8')
    if (!text.includes(job.expectedBarcode)) {
      throw new AppError(ErrorCode.labelMismatch, `Etiket bu gönderiye ait değil (barkod ${job.expectedBarcode} yok) / Label does not carry barcode ${job.expectedBarcode}`, {
        meta: { jobId: job.id, orderId: job.orderId },
      })
    }
  }

  private async emit(): Promise<void> {
    this.changed.fire({ queued: await this.queuedCount(), problem: this.problem, ready: this.ready })
  }

  dispose(): void {
    this.changed.dispose()
  }
}
