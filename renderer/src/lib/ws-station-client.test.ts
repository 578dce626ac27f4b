import { afterEach, describe, expect, it, vi } from 'vitest'
import { AppError, ErrorCode } from '../../../shared/errors'
import type { ConnectionState } from './station-client'
import { createWsStationClient, isDisconnectedError, readToken, type SocketLike } from './ws-station-client'

/** A socket the test drives by hand: it records what the client sends. */
class FakeSocket implements SocketLike {
  readyState = 0
  sent: { id: number; name: string; input: unknown }[] = []
  onopen: SocketLike['onopen'] = null
  onmessage: SocketLike['onmessage'] = null
  onclose: SocketLike['onclose'] = null
  onerror: SocketLike['onerror'] = null
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data))
  }
  close() {
    this.drop(1000)
  }
  open() {
    this.readyState = 1
    this.onopen?.({})
  }
  push(msg: unknown) {
    this.onmessage?.({ data: JSON.stringify(msg) })
  }
  drop(code: number) {
    this.readyState = 3
    this.onclose?.({ code })
  }
}

function setup() {
  const sockets: FakeSocket[] = []
  const client = createWsStationClient({
    url: 'ws://desk/ws?token=t',
    connectWaitMs: 50,
    minBackoffMs: 5,
    maxBackoffMs: 20,
    createSocket: (url) => {
      const s = new FakeSocket(url)
      sockets.push(s)
      return s
    },
  })
  const states: ConnectionState[] = []
  client.onConnection((s) => states.push(s))
  return { client, sockets, states, last: () => sockets[sockets.length - 1]! }
}

afterEach(() => vi.useRealTimers())

describe('ws station client', () => {
  it('sends { id, name, input } and resolves with the unwrapped value', async () => {
    const { client, last } = setup()
    last().open()
    const reply = client.call('scale.simulate', { grams: 1200 })
    await vi.waitFor(() => expect(last().sent).toHaveLength(1))
    const req = last().sent[0]!
    expect(req).toEqual({ id: req.id, name: 'scale.simulate', input: { grams: 1200 } })
    last().push({ type: 'reply', id: req.id, result: { ok: true, value: null } })
    await expect(reply).resolves.toBeNull()
    client.dispose()
  })

  it('throws the core AppError with its code when the reply is ok:false', async () => {
    const { client, last } = setup()
    last().open()
    const reply = client.call('session.login', { badge: 'X1' })
    await vi.waitFor(() => expect(last().sent).toHaveLength(1))
    last().push({
      type: 'reply',
      id: last().sent[0]!.id,
      result: { ok: false, error: { code: ErrorCode.packerUnknown, message: 'Tanımsız kart', retryable: false, meta: { badge: 'X1' } } },
    })
    const err = await reply.catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe(ErrorCode.packerUnknown)
    expect((err as AppError).meta).toEqual({ badge: 'X1' })
    client.dispose()
  })

  it('delivers events to listeners of that name only', () => {
    const { client, last } = setup()
    last().open()
    const scale = vi.fn()
    const sync = vi.fn()
    client.on('scale.reading', scale)
    const off = client.on('sync.statusChanged', sync)
    off()
    last().push({ type: 'event', name: 'scale.reading', payload: { grams: 5, stable: true, at: 1 } })
    last().push({ type: 'event', name: 'sync.statusChanged', payload: { mode: 'online', pendingEvents: 0, lastSyncAt: null } })
    expect(scale).toHaveBeenCalledWith({ grams: 5, stable: true, at: 1 })
    expect(sync).not.toHaveBeenCalled()
    client.dispose()
  })

  it('fails calls in flight when the link drops, then reconnects with a new socket', async () => {
    const { client, sockets, states, last } = setup()
    last().open()
    const reply = client.call('packing.retry', {})
    await vi.waitFor(() => expect(last().sent).toHaveLength(1))
    last().drop(1006)
    const err = await reply.catch((e: unknown) => e)
    expect(isDisconnectedError(err)).toBe(true)
    expect(states.map((s) => s.status)).toEqual(['connecting', 'open', 'closed'])
    await vi.waitFor(() => expect(sockets).toHaveLength(2))
    last().open()
    expect(states.at(-1)?.status).toBe('open')
    // a late reply to the failed call is ignored, not delivered twice
    last().push({ type: 'reply', id: sockets[0]!.sent[0]!.id, result: { ok: true, value: {} } })
    client.dispose()
  })

  it('a call made while connecting waits for the socket, and fails after connectWaitMs', async () => {
    const { client, last } = setup()
    const early = client.call('boxes.list', {})
    last().open()
    await vi.waitFor(() => expect(last().sent).toHaveLength(1))
    last().push({ type: 'reply', id: last().sent[0]!.id, result: { ok: true, value: [] } })
    await expect(early).resolves.toEqual([])
    last().drop(1006)
    const late = await client.call('boxes.list', {}).catch((e: unknown) => e)
    expect(isDisconnectedError(late)).toBe(true)
    client.dispose()
  })
})

describe('readToken', () => {
  const doc = (content: string | null) => ({ querySelector: () => (content === null ? null : { getAttribute: () => content }) }) as unknown as Document
  it.each([
    { name: 'meta tag wins', meta: 'abc', search: '?token=zzz', want: 'abc' },
    { name: 'empty meta falls back to the URL', meta: '', search: '?token=zzz', want: 'zzz' },
    { name: 'no meta, no URL token', meta: null, search: '', want: '' },
  ])('$name', ({ meta, search, want }) => {
    expect(readToken(doc(meta), search)).toBe(want)
  })
})
