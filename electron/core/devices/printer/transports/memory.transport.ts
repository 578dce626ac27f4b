import { AppError, ErrorCode } from '../../../../../shared/errors'
import { msg } from '../../../../../shared/i18n/notice-codes'
import type { PrinterTransport } from '../printer.port'

/**
 * In-memory printer for unit tests above the port: keeps every job and answers queries from a
 * table keyed by the query text (`~HS`, `~HQES`). A query with no reply set stays silent and
 * fails with printer.timeout, as a Zebra does on ~HS while head-open or paper-out.
 */
export class MemoryPrinterTransport implements PrinterTransport {
  readonly uri = 'memory:'
  readonly jobs: Uint8Array[] = []
  readonly queries: string[] = []
  private readonly replies = new Map<string, Uint8Array>()
  private nextSendError: AppError | null = null

  /** Sets the reply to a query such as `~HS`; `null` makes the printer silent for it. */
  setReply(query: string, reply: string | Uint8Array | null): void {
    if (reply === null) this.replies.delete(query)
    else this.replies.set(query, typeof reply === 'string' ? new TextEncoder().encode(reply) : reply)
  }

  /** The next `send` rejects with this error (then sending works again). */
  failNextSend(error: AppError): void {
    this.nextSendError = error
  }

  /** Every job as UTF-8 text. */
  get jobTexts(): string[] {
    return this.jobs.map((j) => new TextDecoder().decode(j))
  }

  async send(data: Uint8Array): Promise<void> {
    const err = this.nextSendError
    if (err) {
      this.nextSendError = null
      throw err
    }
    this.jobs.push(data.slice())
  }

  async query(data: Uint8Array, isComplete: (reply: Uint8Array) => boolean, options: { timeoutMs?: number } = {}): Promise<Uint8Array> {
    const text = new TextDecoder().decode(data)
    this.queries.push(text)
    const reply = this.replies.get(text)
    if (reply && isComplete(reply)) return reply.slice()
    throw new AppError(ErrorCode.printerTimeout, msg('printer.memoryNoAnswer', { detail: text }), {
      retryable: true,
      meta: { uri: this.uri, timeoutMs: options.timeoutMs ?? 0, during: 'query' },
    })
  }
}
