import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { connect, type Socket } from 'node:net'
import { join } from 'node:path'
import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { CommandHandlers } from '../../../shared/contract/commands'
import type { EventName } from '../../../shared/contract/events'
import { ErrorCode } from '../../../shared/errors'
import { handshake, rawExchange, wsFrame } from '../../../tests/support/ws-raw'
import { startHeadlessServer, type HeadlessServer } from './headless.server'
import { MAX_BUFFERED_BYTES, MAX_IN_FLIGHT, MESSAGE_RATE } from './ws-connection'

let server: HeadlessServer
let rendererDir: string
let push: ((name: EventName, payload: unknown) => void) | null = null
const held: (() => void)[] = []
const logs: string[] = []

// Two real handlers: one answers at once, one waits until the test lets it go.
const handlers = {
  'boxes.list': async () => [],
  'sync.now': () => new Promise((resolve) => held.push(() => resolve({}))),
} as unknown as CommandHandlers

beforeAll(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'kj-ui-'))
  writeFileSync(join(rendererDir, 'index.html'), '<html></html>')
  server = await startHeadlessServer({
    handlers,
    // The stub handlers stand in for a logged-in supervisor's desk; the role check itself is tested in ws-roles.test.ts.
    access: { sessionRole: () => 'supervisor' },
    subscribe: (listener) => ((push = listener as never), () => (push = null)),
    rendererDir,
    port: 0,
    log: (line) => logs.push(line),
  })
})
afterAll(async () => {
  await server.close()
  rmSync(rendererDir, { recursive: true, force: true })
})

/** Polls an expectation; generous for a loaded 2-core machine. */
const until = (check: () => void) => vi.waitFor(check, { timeout: 15_000, interval: 20 })

type Reply = { type: 'reply'; id: number; result: { ok: boolean; error?: { code: string; message: string; retryable: boolean } } }

async function open(): Promise<{ ws: WebSocket; replies: Reply[]; closed: Promise<{ code: number; reason: string }> }> {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`)
  const replies: Reply[] = []
  ws.on('message', (d) => {
    const m = JSON.parse(d.toString()) as Reply
    if (m.type === 'reply') replies.push(m)
  })
  ws.on('error', () => undefined) // the close event carries the outcome
  const closed = new Promise<{ code: number; reason: string }>((res) => ws.on('close', (code, reason) => res({ code, reason: reason.toString() })))
  await new Promise((res) => ws.once('open', res))
  return { ws, replies, closed }
}

describe('one WebSocket connection: every message checked, the server never dies', () => {
  it.each([
    ['null', -1, 'message is not a request'],
    ['[1,2]', -1, 'message is not a request'],
    ['{"id":"7","name":"boxes.list"}', -1, 'id'],
    ['{"id":5,"name":42}', 5, 'name'],
    ['{"id":9007199254740993,"name":"boxes.list"}', -1, 'id'],
    ['{"id":6,"name":"__proto__"}', 6, 'unknown command'],
    ['{"id":8,"name":"boxes.list","input":{"__proto__":{"x":1}}}', 8, 'boxes.list'],
    ['not json', -1, 'not JSON'],
  ])('%s gets an error reply with id %i', async (text, id, words) => {
    const c = await open()
    c.ws.send(text)
    await until(() => expect(c.replies).toHaveLength(1))
    expect(c.replies[0]!.id).toBe(id)
    expect(c.replies[0]!.result.ok).toBe(false)
    expect(c.replies[0]!.result.error!.message).toContain(words)
    c.ws.close()
  })

  it('a binary message gets an error reply; a message over 64 KiB closes that connection with 1009 and nothing else', async () => {
    const c = await open()
    c.ws.send(Buffer.from('{"id":1,"name":"boxes.list"}'))
    await until(() => expect(c.replies[0]?.result.error?.message).toContain('binary'))
    c.ws.send('x'.repeat(64 * 1024 + 1))
    expect((await c.closed).code).toBe(1009)
    const d = await open()
    d.ws.send(JSON.stringify({ id: 2, name: 'boxes.list' }))
    await until(() => expect(d.replies[0]).toEqual({ type: 'reply', id: 2, result: { ok: true, value: [] } }))
    d.ws.close()
  })

  it(`more than ${MAX_IN_FLIGHT} commands at once: the rest get a retryable busy reply, the held ones still finish`, async () => {
    const c = await open()
    for (let id = 1; id <= MAX_IN_FLIGHT + 6; id++) c.ws.send(JSON.stringify({ id, name: 'sync.now' }))
    await until(() => expect(c.replies).toHaveLength(6))
    expect(c.replies.every((r) => r.result.error?.code === ErrorCode.internal && r.result.error.retryable)).toBe(true)
    held.splice(0).forEach((release) => release())
    await until(() => expect(c.replies).toHaveLength(MAX_IN_FLIGHT + 6))
    c.ws.close()
  })

  it(`a flood past ${MESSAGE_RATE.burst} messages closes that connection with 1008`, async () => {
    const c = await open()
    const flood = JSON.stringify({ id: 1, name: 'boxes.list' })
    for (let i = 0; i < MESSAGE_RATE.burst * 3; i++) c.ws.send(flood)
    const closed = await c.closed
    expect(closed).toEqual({ code: 1008, reason: 'too many messages' })
    expect(c.replies.length).toBeLessThan(MESSAGE_RATE.burst * 3)
  })

  it('a client that does not read is cut off instead of its events piling up in memory', async () => {
    let received = 0
    const socket = await new Promise<Socket>((resolve) => {
      const s = connect(server.port, '127.0.0.1')
      s.on('connect', () => s.write(handshake(server.port, server.token)))
      s.once('data', () => (s.pause(), resolve(s)))
    })
    const closed = new Promise<void>((res) => socket.on('close', () => res()))
    socket.on('data', (d: Buffer) => (received += d.length))
    socket.on('error', () => undefined)
    const payload = { big: 'x'.repeat(1024 * 1024) }
    for (let i = 0; i < 100 && !logs.some((l) => l.includes('unread')); i++) push?.('sync.statusChanged', payload)
    expect(logs.some((l) => l.includes('unread'))).toBe(true)
    socket.resume()
    await closed
    expect(received).toBeLessThan(MAX_BUFFERED_BYTES * 4)
  })

  it('a protocol violation is logged and closes only that connection', async () => {
    const outcome = await rawExchange(server.port, handshake(server.port, server.token), [wsFrame(0x1, Buffer.from([0xff]), { masked: false })])
    expect(outcome.closeCode).toBe(1002)
    expect(logs.some((l) => l.startsWith('websocket protocol error'))).toBe(true)
    expect((await fetch(new URL('/healthz', server.url))).status).toBe(200)
  })
})
