import WebSocket from 'ws'
import type { CommandInput, CommandName, CommandOutput } from '../../shared/contract/commands'
import type { EventName, WireMessage } from '../../shared/contract/events'
import { AppError, ErrorCode, type Result } from '../../shared/errors'

/** A Node WebSocket client of the station contract, for integration tests and benchmarks. */
export type WsStationClient = Readonly<{
  call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>>
  raw(name: string, input: unknown): Promise<Result<unknown>>
  events: { name: EventName; payload: unknown }[]
  waitForEvent(pred: (name: EventName, payload: any) => boolean, timeoutMs?: number): Promise<unknown>
  close(): void
}>

export async function connectStation(baseUrl: string, token: string): Promise<WsStationClient> {
  const url = new URL(baseUrl)
  const ws = new WebSocket(`ws://${url.host}/ws?token=${encodeURIComponent(token)}`, { headers: { Origin: `http://${url.host}` } })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
  })
  let nextId = 1
  const pending = new Map<number, (r: Result<unknown>) => void>()
  const events: { name: EventName; payload: unknown }[] = []
  const waiters = new Set<{ pred: (n: EventName, p: any) => boolean; resolve: (p: unknown) => void }>()
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString()) as WireMessage
    if (msg.type === 'reply') pending.get(msg.id)?.(msg.result), pending.delete(msg.id)
    else {
      events.push({ name: msg.name, payload: msg.payload })
      for (const w of [...waiters]) if (w.pred(msg.name, msg.payload)) (waiters.delete(w), w.resolve(msg.payload))
    }
  })
  // A killed or closed desk never answers: its pending calls fail at once instead of hanging the test.
  const closedError = () => ({ ok: false as const, error: new AppError(ErrorCode.internal, 'the station closed the connection before answering', { retryable: true, meta: { disconnected: true } }).serialize() })
  ws.on('close', () => {
    for (const [id, resolve] of pending) (pending.delete(id), resolve(closedError()))
  })
  const raw = (name: string, input: unknown) =>
    new Promise<Result<unknown>>((resolve) => {
      if (ws.readyState !== WebSocket.OPEN) return resolve(closedError())
      const id = nextId++
      pending.set(id, resolve)
      ws.send(JSON.stringify({ id, name, input }))
    })
  return {
    raw,
    call: async (name, input) => {
      const r = await raw(name, input)
      if (!r.ok) throw AppError.fromSerialized(r.error)
      return r.value as never
    },
    events,
    waitForEvent: (pred, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const w = { pred, resolve }
        waiters.add(w)
        setTimeout(() => waiters.delete(w) && reject(new Error('timed out waiting for event')), timeoutMs).unref()
      }),
    close: () => ws.close(),
  }
}
