import { Emitter } from '../../../shared/emitter'
import { AppError, ErrorCode, isAppError, toAppError } from '../../../shared/errors'
import { msg } from '../../../shared/i18n/notice-codes'
import { appendAudit } from '../audit/audit.repository'
import type { Db } from '../db/database'
import type { PrinterStatus } from '../devices/printer/printer.port'
import { statusProblem } from '../devices/printer/zpl/zebra-status.parser'
import type { LabelSink } from './label-sink.port'
import {
  countPendingPrintJobs,
  getPrintJob,
  getPrintJobs,
  isUncertain,
  listUncertainPrintJobs,
  markPrintJobUncertain,
  pendingPrintJobs,
  setPrintJobStatus,
  type OrderPrintJob,
  type PrintJob,
} from './print-jobs.repository'

export type PrintQueueState = Readonly<{ queued: number; problem: AppError | null; ready: boolean | null }>

export type BatchProgress = Readonly<{ printed: number; total: number }>

export type BatchOptions = Readonly<{
  /** Labels between two status checks (and progress reports). Default 50. */
  batchSize?: number
}>

/** The operator's answer for a job whose outcome is unknown. */
export type UncertainDecision = 'printed' | 'printAgain'

const DEFAULT_BATCH_SIZE = 50

/** Complete formats in a payload: each ^XZ ends one (docs/reference/hardware.md §3.5). */
function formatCount(payload: Uint8Array): number {
  return Buffer.from(payload).toString('latin1').match(/\^XZ/gi)?.length ?? 0
}

/**
 * The persistent print queue: every job is a row before it reaches the printer, so a job survives
 * printer outages and app restarts, and prints exactly once.
 *
 * The one window that cannot be closed is between "the printer took the bytes" and "the row says
 * printed". A job found in it — still 'printing' after a restart, or whose link failed after bytes
 * left — is never resent on a guess:
 * - the printer's ~HS shows a partial format and the job has one format → the format was cut off
 *   and never prints (ZPL prints only at ^XZ; the resend's ^XA discards it): back to 'queued';
 * - otherwise it becomes "outcome unknown" (print.outcomeUnknown) and waits for the operator, who
 *   looks at the printer and answers `resolveUncertain(id, 'printed' | 'printAgain')`, audited.
 */
export class PrintQueueService {
  private readonly changed = new Emitter<PrintQueueState>()
  readonly onDidChange = this.changed.event
  private problem: AppError | null = null
  /** Null until the printer has answered once (a status query or an accepted job). */
  private ready: boolean | null = null
  private chain: Promise<unknown> = Promise.resolve()
  /** The job whose bytes are being sent right now: its 'printing' row is in flight, not unconfirmed. */
  private sendingJobId: string | null = null

  constructor(
    private readonly db: Db,
    private readonly sink: LabelSink,
  ) {}

  get uri(): string {
    return this.sink.uri
  }

  /** Prints one job now (serialized with every other job). Throws the printer's AppError on failure. */
  printJob(jobId: string): Promise<void> {
    return this.serialized(async () => {
      const job = await getPrintJob(this.db, jobId)
      if (job) await this.runJob(job, {})
    })
  }

  /**
   * Prints `jobIds` in the given order, `batchSize` labels between status checks, reporting
   * progress after each group. Jobs already printed count as done, so calling it again with the
   * same ids after a printer problem resumes where it stopped. Rejects with the printer's problem
   * (the rest stay queued) or print.outcomeUnknown (see the class comment).
   */
  printBatch(jobIds: readonly string[], onProgress?: (progress: BatchProgress) => void, options: BatchOptions = {}): Promise<BatchProgress> {
    const batchSize = Math.max(1, Math.trunc(options.batchSize ?? DEFAULT_BATCH_SIZE))
    return this.serialized(async () => {
      const jobs = await getPrintJobs(this.db, jobIds)
      const total = jobs.length
      let printed = jobs.filter((j) => j.status === 'printed' || j.status === 'cancelled').length
      const todo = jobs.filter((j) => j.status === 'queued' || j.status === 'printing')
      onProgress?.({ printed, total })
      for (let i = 0; i < todo.length; i += batchSize) {
        await this.checkBeforeBatch()
        for (const job of todo.slice(i, i + batchSize)) {
          await this.runJob(job, { checkStatus: false })
          printed++
        }
        onProgress?.({ printed, total })
      }
      return { printed, total }
    })
  }

  /** Prints every queued job in order; stops at the first printer problem and rethrows it. Jobs awaiting a decision are skipped. */
  async drain(): Promise<number> {
    let printed = 0
    for (const job of await pendingPrintJobs(this.db)) {
      if (isUncertain(job)) continue
      try {
        await this.printJob(job.id)
      } catch (err) {
        // An interrupted job just turned "outcome unknown": it waits for the operator, the rest goes on.
        if (isAppError(err) && err.code === ErrorCode.printOutcomeUnknown) continue
        throw err
      }
      printed++
    }
    return printed
  }

  /** Jobs whose outcome is unknown, oldest first: the desk asks the operator about each. */
  uncertainJobs(): Promise<OrderPrintJob[]> {
    return listUncertainPrintJobs(this.db)
  }

  /**
   * Whether a job's 'printing' row is unconfirmed: marked "outcome unknown", or left 'printing' by
   * a crash (this process is not sending it). The restart's resume settles the latter; until then
   * the operator may answer for it just the same.
   */
  isUnconfirmed(job: Pick<PrintJob, 'id' | 'status' | 'errorCode'>): boolean {
    return isUncertain(job) || (job.status === 'printing' && job.id !== this.sendingJobId)
  }

  /**
   * The operator looked at the printer: 'printed' closes the job, 'printAgain' sends it once more.
   * Both are audited with who decided. Refuses a job that is not awaiting a decision.
   */
  async resolveUncertain(jobId: string, decision: UncertainDecision, actorId: string | null): Promise<void> {
    await this.serialized(async () => {
      await this.db.transaction().execute(async (trx) => {
        const job = await getPrintJob(trx, jobId)
        if (!job) throw new AppError(ErrorCode.notFound, msg('printJob.unknown', { jobId }), { meta: { jobId } })
        if (!this.isUnconfirmed(job)) {
          throw new AppError(ErrorCode.wrongState, msg('printJob.notAwaitingDecision'), { meta: { jobId, status: job.status } })
        }
        await setPrintJobStatus(trx, jobId, decision === 'printed' ? 'printed' : 'queued')
        await appendAudit(trx, {
          actorId,
          action: decision === 'printed' ? 'label.confirmedPrinted' : 'label.printAgainAfterUnknown',
          orderId: job.orderId,
          detail: { jobId, kind: job.kind, attempts: job.attempts, error: job.errorMessage },
        })
      })
      await this.emit()
    })
    if (decision === 'printAgain') await this.printJob(jobId)
  }

  queuedCount(): Promise<number> {
    return countPendingPrintJobs(this.db)
  }

  currentProblem(): AppError | null {
    return this.problem
  }

  isReady(): boolean | null {
    return this.ready
  }

  /**
   * Asks the printer for its status (~HS) so the desk shows paper-out or head-open before a job fails.
   * Resolves with the status (null when the transport cannot report one or the printer did not
   * answer; the reason is then `currentProblem()`).
   */
  async refreshStatus(): Promise<PrinterStatus | null> {
    let status: PrinterStatus | null = null
    try {
      status = await this.sink.status()
      if (status === null) return null // this transport cannot report status (file:, spooler)
      this.ready = status.ready
      this.problem = status.ready ? null : new AppError(ErrorCode.printerNotReady, msg('printer.notReady'), { meta: { status } })
    } catch (err) {
      this.ready = false
      this.problem = toAppError(err)
    }
    await this.emit()
    return status
  }

  dispose(): void {
    this.changed.dispose()
  }

  private serialized<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn)
    // The chain keeps running after a failed job; the caller still receives the failure.
    this.chain = run.catch(() => undefined)
    return run
  }

  /** A batch group starts only on a printer that says it is ready; a problem leaves every job queued. */
  private async checkBeforeBatch(): Promise<void> {
    let status: PrinterStatus | null = null
    try {
      status = await this.sink.status()
    } catch (err) {
      await this.fail(toAppError(err))
    }
    const problem = status ? statusProblem(status) : null
    if (problem) await this.fail(problem)
  }

  private async fail(err: AppError): Promise<never> {
    this.problem = err
    this.ready = false
    await this.emit()
    throw err
  }

  private async runJob(job: PrintJob, options: { checkStatus?: boolean }): Promise<void> {
    if (job.status === 'printed' || job.status === 'cancelled') return
    if (isUncertain(job)) throw this.uncertainError(job, null)
    if (job.status === 'printing') {
      // This process never leaves a row in 'printing' between jobs: a crash did, mid-send or just after.
      await this.settleUnknownOutcome(job, null)
    }
    this.guardLabelMatches(job)
    await setPrintJobStatus(this.db, job.id, 'printing')
    this.sendingJobId = job.id
    try {
      await this.sink.print(job.payload, options)
    } catch (err) {
      this.sendingJobId = null
      const e = toAppError(err)
      if (e.meta.delivery === 'none') {
        await setPrintJobStatus(this.db, job.id, 'queued', { code: e.code, message: e.message })
        await this.fail(e)
      }
      await this.settleUnknownOutcome(job, e)
      await this.fail(e)
    }
    await setPrintJobStatus(this.db, job.id, 'printed')
    this.sendingJobId = null
    this.problem = null
    this.ready = true
    await this.emit()
  }

  /**
   * Bytes of `job` may have reached the printer. Returns (job back to 'queued') only when the
   * printer shows a partial format and the job has a single format; otherwise marks it uncertain and throws.
   */
  private async settleUnknownOutcome(job: PrintJob, cause: AppError | null): Promise<void> {
    let status: PrinterStatus | null = null
    try {
      status = await this.sink.status()
    } catch {
      // Unreachable or silent printer: no evidence either way, so the operator decides.
      status = null
    }
    // Only our desk sends to this printer, so a partial format there is ours, cut off before its ^XZ.
    if (status?.partialFormat && formatCount(job.payload) <= 1) {
      await setPrintJobStatus(this.db, job.id, 'queued', cause ? { code: cause.code, message: cause.message } : undefined)
      return
    }
    const err = this.uncertainError(job, status, cause)
    await markPrintJobUncertain(this.db, job.id, err.message)
    await this.fail(err)
  }

  private uncertainError(job: PrintJob, status: PrinterStatus | null, cause?: AppError | null): AppError {
    // Formats still in the printer's buffer print once it is ready again: a hint against reprinting too early.
    const waiting = status && status.formatsInBuffer > 0 ? status.formatsInBuffer : 0
    return new AppError(ErrorCode.printOutcomeUnknown, waiting > 0 ? msg('print.outcomeUnknownWaiting', { count: waiting }) : msg('print.outcomeUnknown'), {
      meta: {
        jobId: job.id,
        orderId: job.orderId,
        causeCode: cause?.code ?? 'app.restarted',
        formatsInBuffer: status?.formatsInBuffer ?? null,
        labelsRemaining: status?.labelsRemaining ?? null,
      },
      cause: cause ?? undefined,
    })
  }

  /** Never print one order's label for another: the payload must carry the shipment's barcode. */
  private guardLabelMatches(job: PrintJob): void {
    if (!job.expectedBarcode) return
    const text = Buffer.from(job.payload).toString('utf8')
    if (!text.includes(job.expectedBarcode)) {
      throw new AppError(ErrorCode.labelMismatch, msg('label.missingBarcode', { barcode: job.expectedBarcode }), {
        meta: { jobId: job.id, orderId: job.orderId },
      })
    }
  }

  private async emit(): Promise<void> {
    this.changed.fire({ queued: await this.queuedCount(), problem: this.problem, ready: this.ready })
  }
}
