import type { CommandInput, CommandName, CommandOutput } from '../../../shared/contract/commands'
import type { EventName, EventPayloads, WireMessage } from '../../../shared/contract/events'
import { AppError, ErrorCode } from '../../../shared/errors'
import { unwrapResult } from './envelope'
import type { ConnectionState, StationClient } from './station-client'

export type WsClientOptions = Readonly<{
  url: string
  /** How long a call made while (re)connecting waits for the socket before it fails. */
  connectWaitMs?: number
  minBackoffMs?: number
  maxBackoffMs?: number
  /** Injected for tests; defaults to the browser WebSocket. */
  createSocket?: (url: string) => SocketLike
}>

/** The part of the browser WebSocket the client uses (a fake one in tests). */
export type SocketLike = {
  readonly readyState: number
  onopen: ((ev: unknown) => void) | null
  onmessage: ((ev: { data: unknown }) => void) | null
  onclose: ((ev: { code: number }) => void) | null
  onerror: ((ev: unknown) => void) | null
  send(data: string): void
  close(): void
}

type Pending = { resolve: (value: unknown) => void; reject: (err: unknown) => void }

/** WebSocket.OPEN, spelled out so tests can inject a fake socket where no global WebSocket exists. */
const OPEN = 1

/** The token the server wrote into the page (meta tag), or `?token=` in the URL. */
export function readToken(doc: Document, search: string): string {
  const meta = doc.querySelector('meta[name="kargojet-token"]')?.getAttribute('content')?.trim()
  if (meta) return meta
  return new URLSearchParams(search).get('token') ?? ''
}

/**
 * There is no "link lost" code in shared/errors.ts; `app.internal` + retryable + meta.disconnected
 * marks it, and the UI shows "Bağlantı koptu" for it (see i18n-errors.ts).
 */
export function disconnectedError(detail: string): AppError {
  return new AppError(ErrorCode.internal, `Bağlantı koptu / Disconnected: ${detail}`, { retryable: true, meta: { disconnected: true } })
}

export function isDisconnectedError(err: unknown): boolean {
  return err instanceof AppError && err.meta['disconnected'] === true
}

/**
 * WebSocket client for the headless server: requests `{ id, name, input }`, replies
 * `{ type: 'reply', id, result }`, events `{ type: 'event', name, payload }`.
 * Reconnects with exponential backoff; calls still waiting for a reply fail when the link drops,
 * because the core may or may not have run them and the packer must look before retrying.
 */
export function createWsStationClient(options: WsClientOptions): StationClient {
  const connectWaitMs = options.connectWaitMs ?? 4000
  const minBackoffMs = options.minBackoffMs ?? 250
  const maxBackoffMs = options.maxBackoffMs ?? 5000
  // The DOM types its handlers with `this: WebSocket` and Event subtypes; SocketLike is the structural subset we use.
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike)

  const pending = new Map<number, Pending>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const connectionListeners = new Set<(state: ConnectionState) => void>()
  const waiters = new Set<() => void>()
  let state: ConnectionState = { status: 'connecting', detail: null }
  let socket: SocketLike | null = null
  let nextId = 1
  let backoffMs = minBackoffMs
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  let disposed = false

  function setState(next: ConnectionState): void {
    state = next
    for (const l of [...connectionListeners]) l(state)
    if (next.status === 'open') for (const w of [...waiters]) w()
  }

  function failPending(detail: string): void {
    for (const [id, p] of pending) {
      pending.delete(id)
      p.reject(disconnectedError(detail))
    }
  }

  function onMessage(raw: unknown): void {
    if (typeof raw !== 'string') return
    let msg: WireMessage
    try {
      msg = JSON.parse(raw) as WireMessage
    } catch {
      console.error('station: unreadable message dropped', raw.slice(0, 200)) // a server bug; nothing to resolve
      return
    }
    if (msg.type === 'reply') {
      const p = pending.get(msg.id)
      if (!p) return // reply to a call we already failed on disconnect
      pending.delete(msg.id)
      try {
        p.resolve(unwrapResult(msg.result))
      } catch (err) {
        p.reject(err)
      }
    } else if (msg.type === 'event') {
      for (const l of [...(listeners.get(msg.name) ?? [])]) l(msg.payload)
    }
  }

  function connect(): void {
    if (disposed) return
    setState({ status: 'connecting', detail: state.detail })
    const ws = createSocket(options.url)
    socket = ws
    ws.onopen = () => {
      backoffMs = minBackoffMs
      setState({ status: 'open', detail: null })
    }
    ws.onmessage = (ev) => onMessage(ev.data)
    ws.onclose = (ev) => {
      if (socket !== ws) return
      socket = null
      // 1008 / 4401 / 4403: the server refused our token (a restarted server issues a new one).
      const detail = ev.code === 1008 || ev.code === 4401 || ev.code === 4403 ? `yetkisiz / unauthorized (${ev.code})` : `kod / code ${ev.code}`
      failPending(detail)
      if (disposed) return
      setState({ status: 'closed', detail })
      retryTimer = setTimeout(connect, backoffMs)
      backoffMs = Math.min(backoffMs * 2, maxBackoffMs)
    }
    // onerror is always followed by onclose, which does the work.
    ws.onerror = () => {}
  }

  function waitForOpen(): Promise<void> {
    if (state.status === 'open') return Promise.resolve()
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer)
        waiters.delete(done)
        resolve()
      }
      const timer = setTimeout(() => {
        waiters.delete(done)
        reject(disconnectedError(state.detail ?? 'bağlanılamadı / could not connect'))
      }, connectWaitMs)
      waiters.add(done)
    })
  }

  connect()

  return {
    async call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>> {
      await waitForOpen()
      const ws = socket
      if (!ws || ws.readyState !== OPEN) throw disconnectedError(state.detail ?? 'bağlantı yok / no link')
      const id = nextId++
      return new Promise<CommandOutput<K>>((resolve, reject) => {
        pending.set(id, { resolve: (v) => resolve(v as CommandOutput<K>), reject })
        ws.send(JSON.stringify({ id, name, input }))
      })
    },
    on<E extends EventName>(name: E, listener: (payload: EventPayloads[E]) => void): () => void {
      const set = listeners.get(name) ?? new Set()
      listeners.set(name, set)
      const wrapped = (payload: unknown) => listener(payload as EventPayloads[E])
      set.add(wrapped)
      return () => set.delete(wrapped)
    },
    onConnection(listener) {
      connectionListeners.add(listener)
      listener(state)
      return () => connectionListeners.delete(listener)
    },
    dispose() {
      disposed = true
      if (retryTimer) clearTimeout(retryTimer)
      failPending('kapatıldı / closed')
      socket?.close()
      socket = null
      connectionListeners.clear()
      listeners.clear()
    },
  }
}
