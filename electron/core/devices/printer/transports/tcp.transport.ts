import { connect, type Socket } from 'node:net'
import { AppError, ErrorCode } from '../../../../../shared/errors'
import { msg } from '../../../../../shared/i18n/notice-codes'
import type { PrinterTransport } from '../printer.port'

export const DEFAULT_PRINTER_PORT = 9100
export const DEFAULT_PRINTER_TIMEOUT_MS = 5000

/** Socket errors that mean "nothing is listening / reachable there": the printer is off or unplugged. */
const OFFLINE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ECONNABORTED'])

/**
 * Raw TCP to a Zebra on port 9100 (docs/reference/hardware.md §3.1). One connection per job or query: a late
 * reply to a timed-out query then lands on a closed socket instead of confusing the next one.
 */
export class TcpPrinterTransport implements PrinterTransport {
  readonly uri: string
  private readonly sockets = new Set<Socket>()

  constructor(
    readonly host: string,
    readonly port: number = DEFAULT_PRINTER_PORT,
    private readonly defaultTimeoutMs: number = DEFAULT_PRINTER_TIMEOUT_MS,
  ) {
    this.uri = `tcp://${host.includes(':') ? `[${host}]` : host}:${port}`
  }

  /**
   * Resolves once the printer took the whole job: every byte left the desk, our FIN went out and
   * the printer closed its side in turn (it read up to our FIN). Handing bytes to the OS is not
   * enough: a printer that drops the link mid-job would otherwise count as printed.
   *
   * A rejection carries `meta.delivery`: 'none' when the connection never opened (nothing can have
   * printed), 'unknown' once bytes were handed to the OS (the printer may hold a partial format, or
   * may even have printed). The print queue decides what to do with an unknown outcome.
   */
  send(data: Uint8Array, options: { timeoutMs?: number } = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs
    return new Promise<void>((resolve, reject) => {
      const socket = this.open()
      let settled = false
      let connected = false
      const finish = (err?: AppError) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        if (err) {
          err.meta.delivery = connected ? 'unknown' : 'none'
          socket.destroy()
          reject(err)
        } else {
          this.linger(socket, timeoutMs)
          resolve()
        }
      }
      const timer = setTimeout(() => finish(this.timeoutError('send', timeoutMs)), timeoutMs)
      socket.on('error', (err) => finish(this.socketError(err)))
      socket.on('connect', () => {
        connected = true
        socket.end(data)
      })
      socket.on('end', () => {
        // The printer's FIN. Clean only when it came after the whole job left (`writableFinished`:
        // every byte and our FIN were handed to the OS); a printer that hangs up early has not taken the rest.
        if (socket.writableFinished) finish()
        else {
          finish(
            new AppError(ErrorCode.printerOffline, msg('printer.closedMidJob', { uri: this.uri }), {
              retryable: true,
              meta: { uri: this.uri, during: 'send' },
            }),
          )
        }
      })
      // Anything the printer says back on a print connection is not asked for; drain it so the
      // socket can close normally (unread data at close time makes the kernel send RST).
      socket.resume()
    })
  }

  /** Writes `data` and collects the reply until `isComplete`; silence is printer.timeout. */
  query(data: Uint8Array, isComplete: (reply: Uint8Array) => boolean, options: { timeoutMs?: number } = {}): Promise<Uint8Array> {
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs
    return new Promise<Uint8Array>((resolve, reject) => {
      const socket = this.open()
      const chunks: Buffer[] = []
      let settled = false
      const reply = () => Buffer.concat(chunks)
      const finish = (err: AppError | null) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        if (err) {
          socket.destroy()
          reject(err)
          return
        }
        socket.end()
        this.linger(socket, timeoutMs)
        resolve(new Uint8Array(reply()))
      }
      const timer = setTimeout(() => {
        const partial = reply()
        const err = this.timeoutError('query', timeoutMs)
        err.meta.partialReply = partial.toString('latin1')
        finish(err)
      }, timeoutMs)
      socket.on('error', (err) => finish(this.socketError(err)))
      socket.on('connect', () => socket.write(data))
      socket.on('data', (chunk: Buffer) => {
        chunks.push(chunk)
        if (isComplete(reply())) finish(null)
      })
      socket.on('end', () => {
        finish(
          new AppError(ErrorCode.printerOffline, msg('printer.closedBeforeAnswer', { uri: this.uri }), {
            retryable: true,
            meta: { uri: this.uri, partialReply: reply().toString('latin1') },
          }),
        )
      })
    })
  }

  /** Destroys any connection still open (a job or query in flight fails with its own error). */
  dispose(): void {
    for (const socket of this.sockets) socket.destroy()
    this.sockets.clear()
  }

  /**
   * After our FIN the printer normally closes its side at once; one that never does must not keep
   * the socket forever. Errors after the job settled (a late RST) change nothing, so they are ignored
   * by the settled flag in the listeners above.
   */
  private linger(socket: Socket, timeoutMs: number): void {
    const timer = setTimeout(() => socket.destroy(), timeoutMs)
    timer.unref()
    socket.once('close', () => clearTimeout(timer))
  }

  private open(): Socket {
    const socket = connect({ host: this.host, port: this.port })
    socket.setNoDelay(true)
    this.sockets.add(socket)
    socket.on('close', () => this.sockets.delete(socket))
    return socket
  }

  private timeoutError(what: 'send' | 'query', timeoutMs: number): AppError {
    return new AppError(ErrorCode.printerTimeout, msg('printer.noAnswerWithin', { timeoutMs, uri: this.uri }), {
      retryable: true,
      meta: { uri: this.uri, timeoutMs, during: what },
    })
  }

  private socketError(err: Error): AppError {
    const code = (err as NodeJS.ErrnoException).code ?? 'UNKNOWN'
    if (code === 'ETIMEDOUT')
      return new AppError(ErrorCode.printerTimeout, msg('printer.connectTimedOut', { uri: this.uri }), {
        retryable: true,
        meta: { uri: this.uri, errno: code },
        cause: err,
      })
    if (OFFLINE_CODES.has(code)) {
      return new AppError(ErrorCode.printerOffline, msg('printer.offline', { uri: this.uri, errno: code }), {
        retryable: true,
        meta: { uri: this.uri, errno: code },
        cause: err,
      })
    }
    // Anything else (EACCES, EADDRNOTAVAIL…) is still "cannot reach the printer"; keep the errno for the log.
    return new AppError(ErrorCode.printerOffline, msg('printer.unreachable', { uri: this.uri, detail: err.message }), {
      retryable: true,
      meta: { uri: this.uri, errno: code },
      cause: err,
    })
  }
}
