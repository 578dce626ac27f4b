import type { RawData, WebSocket } from 'ws'
import type { CommandHandlers } from '../../../shared/contract/commands'
import { dispatchCommand, type CommandAccess } from '../../../shared/contract/dispatch'
import type { WireMessage } from '../../../shared/contract/events'
import { replyIdOf, wireRequestSchema, WsCloseCode } from '../../../shared/contract/wire'
import { AppError, ErrorCode, fail, type Result } from '../../../shared/errors'

/** Commands one connection may have running at once; the UI waits for each key's answer, so it has a handful at most. */
export const MAX_IN_FLIGHT = 64
/** Messages a connection may send: a burst, then a steady rate (token bucket). A scanner gun is far below this. */
export const MESSAGE_RATE = { burst: 2000, perSecond: 500 } as const
/** Bytes waiting in the socket buffer for a client that does not read; past this the connection is closed. */
export const MAX_BUFFERED_BYTES = 8 * 1024 * 1024

type Log = (line: string) => void

/**
 * Sends when the socket is open and the client keeps up. A client that leaves more than
 * MAX_BUFFERED_BYTES unread is cut off (1008) rather than letting its replies and events pile up
 * in the desk's memory. Never throws.
 */
export function sendText(ws: WebSocket, text: string, log: Log): void {
  if (ws.readyState !== ws.OPEN) return
  if (ws.bufferedAmount + text.length > MAX_BUFFERED_BYTES) {
    log(`websocket closed: the client left ${ws.bufferedAmount} bytes unread`)
    // It does not read, so a close frame would only queue behind the rest: end the socket.
    ws.terminate()
    return
  }
  ws.send(text, (err) => {
    // A socket that went away mid-send: the 'close' event already covers it.
    if (err) log(`websocket send failed: ${err.message}`)
  })
}

function closeWith(ws: WebSocket, code: number, reason: string, log: Log): void {
  log(`websocket closed (${code}): ${reason}`)
  if (ws.readyState === ws.OPEN) ws.close(code, reason)
}

const invalid = (message: string) => fail(new AppError(ErrorCode.inputInvalid, message))

/** Why a WebSocket message is not a request, in one line: the first zod issue, path included. */
function describeIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0]
  return issue ? `${issue.path.map(String).join('.') || '(message)'}: ${issue.message}` : 'not a request'
}

/**
 * One WebSocket connection of the headless server. Every message is checked before use: not
 * JSON, not an object, a bad id or name each get an `input.invalid` reply (id -1 when the message
 * has no usable id); an unknown command gets `ipc.unknownCommand`. Protocol violations (bad UTF-8,
 * unmasked frames, reserved opcodes, bad close codes, oversized messages) are closed by the ws
 * library with 1002/1007/1009; its 'error' event is logged here, so the process never dies.
 * Too many messages close the connection with 1008; too many commands at once get a retryable reply.
 * Each command is checked against the desk session's role (options.access) before its handler runs.
 */
export function serveConnection(ws: WebSocket, options: Readonly<{ handlers: CommandHandlers; access: CommandAccess; log: Log }>): void {
  const { log } = options
  let inFlight = 0
  let tokens: number = MESSAGE_RATE.burst
  let refilledAt = Date.now()
  const reply = (id: number, result: Result<unknown>) => {
    let text: string
    try {
      text = JSON.stringify({ type: 'reply', id, result } satisfies WireMessage)
    } catch (err) {
      // A handler value JSON cannot carry (a cycle, a BigInt) is a bug; the caller still gets an answer.
      log(`reply ${id} could not be serialised: ${(err as Error).message}`)
      text = JSON.stringify({ type: 'reply', id, result: fail(new AppError(ErrorCode.internal, 'the reply could not be sent')) } satisfies WireMessage)
    }
    sendText(ws, text, log)
  }

  ws.on('error', (err: Error & { code?: string }) => log(`websocket protocol error${err.code ? ` ${err.code}` : ''}: ${err.message}`))
  ws.on('message', (data: RawData, isBinary: boolean) => {
    const now = Date.now()
    tokens = Math.min(MESSAGE_RATE.burst, tokens + ((now - refilledAt) / 1000) * MESSAGE_RATE.perSecond)
    refilledAt = now
    if (tokens < 1) return closeWith(ws, WsCloseCode.policyViolation, 'too many messages', log)
    tokens -= 1

    if (isBinary) return reply(-1, invalid('binary messages are not accepted; send JSON text'))
    let message: unknown
    try {
      message = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8'))
    } catch {
      return reply(-1, invalid('message is not JSON'))
    }
    const request = wireRequestSchema.safeParse(message)
    if (!request.success) return reply(replyIdOf(message), invalid(`message is not a request {id, name, input}: ${describeIssue(request.error)}`))
    const { id, name, input } = request.data
    if (inFlight >= MAX_IN_FLIGHT) {
      return reply(
        id,
        fail(new AppError(ErrorCode.internal, `too many commands at once (${MAX_IN_FLIGHT}); send again`, { retryable: true, meta: { busy: true } })),
      )
    }
    inFlight++
    const onBug = (err: unknown) => log(`bug in ${name}: ${(err as Error)?.stack ?? String(err)}`)
    void dispatchCommand(options.handlers, name, input, options.access, onBug)
      .catch((err: unknown) => (onBug(err), fail(err)))
      .then((result) => {
        inFlight--
        reply(id, result)
      })
  })
}
