import WebSocket from 'ws'
import type { CommandInput, CommandName, CommandOutput } from '../../shared/contract/commands'
import type { EventName, WireMessage } from '../../shared/contract/events'
import { AppError, ErrorCode, type Result } from '../../shared/errors'
import { waitFor, type Subscribe } from './wait-for'

type PushedEvent = { name: EventName; payload: unknown }

/** A Node WebSocket client of the station contract, for integration tests and benchmarks. */
export type WsStationClient = Readonly<{
  call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>>
  raw(name: string, input: unknown): Promise<Result<unknown>>
  events: PushedEvent[]
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
  const events: PushedEvent[] = []
  const listeners = new Set<(e: PushedEvent) => void>()
  const pushed: Subscribe<PushedEvent> = (listener) => (listeners.add(listener), () => void listeners.delete(listener))
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString()) as WireMessage
    if (msg.type === 'reply') (pending.get(msg.id)?.(msg.result), pending.delete(msg.id))
    else {
      const event = { name: msg.name, payload: msg.payload }
      events.push(event)
      for (const listener of [...listeners]) listener(event)
    }
  })
  // A killed or closed desk never answers: its pending calls fail at once instead of hanging the test.
  const closedError = () => ({
    ok: false as const,
    error: new AppError(ErrorCode.internal, 'the station closed the connection before answering', {
      retryable: true,
      meta: { disconnected: true },
    }).serialize(),
  })
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
    waitForEvent: (pred, timeoutMs = 10_000) => waitFor(pushed, (e) => pred(e.name, e.payload), timeoutMs).then((e) => e.payload),
    close: () => ws.close(),
  }
}
