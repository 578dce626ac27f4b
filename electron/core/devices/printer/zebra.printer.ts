import { AppError, ErrorCode, isAppError } from '../../../../shared/errors'
import { msg } from '../../../../shared/i18n/notice-codes'
import type { PrinterStatus, PrinterTransport } from './printer.port'
import { isCompleteExtendedStatus, parseExtendedStatus, type ExtendedStatus } from './zpl/zebra-extended-status.parser'
import { isCompleteHostStatus, parseHostStatus, statusProblem, type HostStatus } from './zpl/zebra-status.parser'

export const DEFAULT_STATUS_TIMEOUT_MS = 3000

const HOST_STATUS_QUERY = new TextEncoder().encode('~HS')
const EXTENDED_STATUS_QUERY = new TextEncoder().encode('~HQES')

export type ZebraPrintOptions = Readonly<{
  /** Ask ~HS before sending (refuse on a problem) and after (report). Default true. */
  checkStatus?: boolean
  timeoutMs?: number
}>

export type ZebraPrintResult = Readonly<{
  bytes: number
  /** Null when no check was asked for or the transport cannot answer queries (file:). */
  statusBefore: PrinterStatus | null
  statusAfter: PrinterStatus | null
  /**
   * What the check after sending found (paper ran out, printer went silent…). The job was
   * accepted anyway: the printer keeps it buffered and prints once the problem is cleared.
   */
  problemAfter: AppError | null
}>

/** Maps the ~HQES error bits to the same operator problem ~HS would have given. */
function extendedProblem(ext: ExtendedStatus): AppError | null {
  const status: PrinterStatus = {
    ready: false,
    paperOut: ext.mediaOut,
    paused: ext.paused,
    headOpen: ext.headOpen,
    ribbonOut: ext.ribbonOut,
    bufferFull: false,
    underTemperature: false,
    overTemperature: ext.headOverTemperature,
    corruptRam: false,
    labelLengthDots: 0,
    formatsInBuffer: 0,
    labelsRemaining: 0,
    partialFormat: false,
  }
  const anyError = ext.mediaOut || ext.paused || ext.headOpen || ext.ribbonOut || ext.headOverTemperature
  return anyError ? statusProblem(status) : null
}

/**
 * A Zebra label printer over any PrinterTransport: ~HS status and ZPL jobs.
 * Knows nothing about what a label looks like; builders hand it finished ZPL.
 */
export class ZebraPrinter {
  constructor(
    private readonly transport: PrinterTransport,
    private readonly defaults: { timeoutMs?: number } = {},
  ) {}

  get uri(): string {
    return this.transport.uri
  }

  get canReportStatus(): boolean {
    return this.transport.query !== undefined
  }

  /**
   * Sends ~HS and parses the three strings. A printer that does not answer is not "fine":
   * it rejects with printer.timeout — or, when ~HQES explains the silence (Zebra stays quiet on
   * ~HS while media-out or head-open, docs/reference/hardware.md §3.2), with that problem's code.
   */
  async status(options: { timeoutMs?: number } = {}): Promise<HostStatus> {
    const query = this.transport.query?.bind(this.transport)
    if (!query) {
      throw new AppError(ErrorCode.printerStatusUnsupported, msg('printer.statusUnsupported', { uri: this.uri }), { meta: { uri: this.uri } })
    }
    const timeoutMs = options.timeoutMs ?? this.defaults.timeoutMs ?? DEFAULT_STATUS_TIMEOUT_MS
    let reply: Uint8Array
    try {
      reply = await query(HOST_STATUS_QUERY, isCompleteHostStatus, { timeoutMs })
    } catch (err) {
      if (isAppError(err) && err.code === ErrorCode.printerTimeout) throw (await this.explainSilence(timeoutMs)) ?? err
      throw err
    }
    return parseHostStatus(reply)
  }

  /**
   * Sends one or more ^XA…^XZ formats; see ZebraPrintOptions for the status checks. A rejection
   * has `meta.delivery`: 'none' when nothing was sent (refused by the check, or no connection),
   * 'unknown' when the transport failed after bytes left (see PrinterTransport.send).
   */
  async print(zpl: string | Uint8Array, options: ZebraPrintOptions = {}): Promise<ZebraPrintResult> {
    const data = typeof zpl === 'string' ? new TextEncoder().encode(zpl) : zpl
    const timeoutMs = options.timeoutMs ?? this.defaults.timeoutMs
    const check = (options.checkStatus ?? true) && this.canReportStatus
    let statusBefore: PrinterStatus | null = null
    if (check) {
      try {
        statusBefore = await this.status({ timeoutMs })
      } catch (err) {
        if (isAppError(err)) err.meta.delivery = 'none'
        throw err
      }
      const problem = statusProblem(statusBefore)
      if (problem) {
        // Refused before a byte of the job left the desk: the queue may simply keep it queued.
        problem.meta.delivery = 'none'
        throw problem
      }
    }
    await this.transport.send(data, { timeoutMs })
    let statusAfter: PrinterStatus | null = null
    let problemAfter: AppError | null = null
    if (check) {
      try {
        statusAfter = await this.status({ timeoutMs })
        problemAfter = statusProblem(statusAfter)
      } catch (err) {
        // The job is already with the printer; a failed check afterwards is reported, not thrown.
        if (!isAppError(err)) throw err
        problemAfter = err
      }
    }
    return { bytes: data.byteLength, statusBefore, statusAfter, problemAfter }
  }

  dispose(): void {
    this.transport.dispose?.()
  }

  /** Asks ~HQES after a silent ~HS; null when that says nothing useful (or is silent too). */
  private async explainSilence(timeoutMs: number): Promise<AppError | null> {
    try {
      const reply = await this.transport.query!(EXTENDED_STATUS_QUERY, isCompleteExtendedStatus, { timeoutMs })
      const problem = extendedProblem(parseExtendedStatus(reply))
      if (problem) problem.meta.source = '~HQES'
      return problem
    } catch (err) {
      // Silent, offline or unparsable here too: the original printer.timeout is the honest answer.
      if (isAppError(err)) return null
      throw err
    }
  }
}
