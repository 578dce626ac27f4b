import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startZebraEmulator, type ZebraEmulator } from '../../sandbox/zebra/zebra-emulator'
import { startServe, type ServeProcess } from '../support/serve-process'
import { connectStation } from '../support/ws-client'
import { closePayload, handshake, rawExchange, wsFrame, type RawOutcome } from '../support/ws-raw'

// A socket that survives: 10,000 hostile messages and protocol violations against a
// real `station serve` child process. It must stay up, answer or close every connection, and keep
// its memory bounded. fast-check generates the messages from a fixed seed, so a failure replays.
const SEED = 20261207
const JSON_CONNECTIONS = 42
const MESSAGES_PER_CONNECTION = 200 // 8,400 JSON-level messages
const RAW_PER_CASE = 100 // 17 raw cases: 1,700 protocol violations
const OVERSIZE_CONNECTIONS = 20
const LIMIT = 64 * 1024

let dir: string
let zebra: ZebraEmulator
let serve: ServeProcess
let port: number

/** Resident memory of the serve process, from /proc (the suite runs on Linux). */
const rssMb = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${serve.child.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kj-fuzz-'))
  zebra = await startZebraEmulator()
  writeFileSync(join(dir, 'station.json'), JSON.stringify({ scale: { driver: 'simulated' }, printer: { uri: zebra.uri } }))
  serve = await startServe(['--no-demo', '--data', dir], {}, 60_000)
  port = Number(new URL(serve.url).port)
}, 90_000)
afterAll(async () => {
  await serve?.stop()
  await zebra?.close()
  rmSync(dir, { recursive: true, force: true })
})

const READ_ONLY_NAMES = [
  'station.getSnapshot',
  'orders.list',
  'boxes.list',
  'reports.summary',
  'settings.get',
  'carriers.status',
  'orders.open',
  'scan.submit',
  'session.login',
  'sync.parked',
]
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf']

function nested(depth: number, open: string, close: string, inner = '1'): string {
  return open.repeat(depth) + inner + close.repeat(depth)
}

/** One WebSocket text message: mostly JSON that is not a valid request, some not JSON at all. */
const hostileMessage: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('null', 'true', '0', '-1', '1e308', '"x"', '[]', '{}', '[null]', '""', ' ', '{"id":', '{"id":1,"name":', '\u0000', '\ufeff{}'),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc
    .record(
      {
        id: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 2 ** 53, 2 ** 64, 1e308, Number.MAX_SAFE_INTEGER, '1', null, true, [], {})),
        name: fc.oneof(fc.constantFrom(...READ_ONLY_NAMES, ...HOSTILE_KEYS, 'x'.repeat(500), '', 'orders.', 'app.quit'), fc.string(), fc.integer()),
        input: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(null, 'x', [], { code: '' }, { code: 'A'.repeat(5000) }, { limit: 1e308 })),
      },
      { requiredKeys: [] },
    )
    .map((r) => JSON.stringify(r)),
  fc.constantFrom(...HOSTILE_KEYS).map((k) => `{"id":7,"name":"orders.list","input":{"${k}":{"polluted":true}},"${k}":{"polluted":true}}`),
  fc.integer({ min: 100, max: 20_000 }).map((d) => nested(d, '[', ']')),
  fc.integer({ min: 100, max: 6_000 }).map((d) => nested(d, '{"a":', '}')),
  fc.integer({ min: 100, max: 6_000 }).map((d) => `{"id":3,"name":"orders.list","input":${nested(d, '{"a":', '}')}}`),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
)

type ConnectionResult = Readonly<{ sent: number; replies: number; closeCode: number | null }>

/** Sends `messages` on one connection; resolves once each got a reply or the server closed it. */
function fuzzConnection(messages: readonly (string | Buffer)[]): Promise<ConnectionResult> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${encodeURIComponent(serve.token)}`, { headers: { Origin: `http://127.0.0.1:${port}` } })
    let replies = 0
    const timer = setTimeout(() => (ws.terminate(), reject(new Error(`no answer: ${replies}/${messages.length} replies`))), 45_000)
    const done = (closeCode: number | null) => (clearTimeout(timer), resolve({ sent: messages.length, replies, closeCode }))
    ws.on('error', () => undefined) // the close event follows and carries the outcome
    ws.on('open', () => {
      for (const m of messages) ws.send(m, { binary: Buffer.isBuffer(m) })
    })
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { type: string }
      if (msg.type === 'reply' && ++replies === messages.length) (ws.close(1000), done(null))
    })
    ws.on('close', (code) => done(code))
  })
}

async function inBatches<T, R>(items: readonly T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))))
  return out
}

describe('the headless server survives hostile WebSocket traffic (station serve child process)', () => {
  it('10,000 malformed messages and raw protocol violations: it stays up, answers or closes each connection, RSS stays bounded', async () => {
    const client = await connectStation(serve.url, serve.token)
    await client.call('station.getSnapshot', {})
    client.close()
    const rssBefore = rssMb()

    // 1. JSON-level garbage on ordinary connections: every message gets a reply, none closes the connection.
    const batches = Array.from({ length: JSON_CONNECTIONS }, (_, i) => fc.sample(hostileMessage, { seed: SEED + i, numRuns: MESSAGES_PER_CONNECTION }))
    batches[0]!.splice(0, 3, 'null', Buffer.from([0xde, 0xad]).toString('latin1'), '[1,2,3]')
    const jsonResults = await inBatches(batches, 8, (messages) => fuzzConnection(messages))
    for (const r of jsonResults) expect(r).toEqual({ sent: MESSAGES_PER_CONNECTION, replies: MESSAGES_PER_CONNECTION, closeCode: null })
    // Binary frames are refused with a reply too.
    expect(await fuzzConnection([Buffer.from('{"id":1,"name":"orders.list"}'), Buffer.alloc(10)])).toEqual({ sent: 2, replies: 2, closeCode: null })

    // 2. Over the 64 KiB limit: that connection is closed with 1009, the server lives on.
    const oversize = Array.from({ length: OVERSIZE_CONNECTIONS }, (_, i) => [
      JSON.stringify({ id: 1, name: 'orders.list', input: { pad: 'x'.repeat(LIMIT + i * 997) } }),
    ])
    for (const r of await inBatches(oversize, 10, fuzzConnection)) expect(r.closeCode).toBe(1009)

    // 3. Raw protocol violations after a valid handshake, on plain TCP sockets.
    const text = (s: string) => Buffer.from(s)
    const badUtf8 = Buffer.from([0x7b, 0xff, 0xfe, 0xc3, 0x28, 0x7d])
    const cases: Record<string, { frames: () => Buffer[]; codes?: number[]; endAfter?: boolean; resetAfter?: boolean }> = {
      invalidUtf8Text: { frames: () => [wsFrame(0x1, badUtf8)], codes: [1007] },
      unmaskedFrame: { frames: () => [wsFrame(0x1, text('{"id":1}'), { masked: false })], codes: [1002] },
      reservedDataOpcode: { frames: () => [wsFrame(0x3, text('x'))], codes: [1002] },
      reservedControlOpcode: { frames: () => [wsFrame(0xb, text('x'))], codes: [1002] },
      badCloseCode: {
        frames: () => [wsFrame(0x8, closePayload(fc.sample(fc.constantFrom(0, 999, 1004, 1005, 1006, 1015, 2999, 5000, 65535), 1)[0]!))],
        codes: [1002],
      },
      oneByteClosePayload: { frames: () => [wsFrame(0x8, Buffer.from([0x03]))], codes: [1002] },
      closeReasonBadUtf8: { frames: () => [wsFrame(0x8, closePayload(1000, badUtf8))], codes: [1007] },
      rsvBits: { frames: () => [wsFrame(0x1, text('{}'), { rsv: fc.sample(fc.integer({ min: 1, max: 7 }), 1)[0]! })], codes: [1002] },
      fragmentedControl: { frames: () => [wsFrame(0x9, text('ping'), { fin: false })], codes: [1002] },
      oversizedControl: { frames: () => [wsFrame(0x9, Buffer.alloc(126))], codes: [1002] },
      continuationFirst: { frames: () => [wsFrame(0x0, text('x'))], codes: [1002] },
      newMessageMidFragment: { frames: () => [wsFrame(0x1, text('{"id"'), { fin: false }), wsFrame(0x1, text('1}'))], codes: [1002] },
      declaredLengthPastLimit: { frames: () => [wsFrame(0x1, Buffer.alloc(16), { declaredLength: BigInt(LIMIT + 1) })], codes: [1009] },
      declaredLength2e63: { frames: () => [wsFrame(0x2, Buffer.alloc(8), { declaredLength: 2n ** 63n })], codes: [1009] },
      truncatedFrame: {
        frames: () => [wsFrame(0x1, text('{"id":1,"name":"orders.list"}')).subarray(0, fc.sample(fc.integer({ min: 1, max: 20 }), 1)[0]!)],
        endAfter: true,
      },
      randomBytes: { frames: () => [Buffer.from(fc.sample(fc.uint8Array({ minLength: 1, maxLength: 300 }), 1)[0]!)], endAfter: true },
      resetDuringUpgrade: { frames: () => [], resetAfter: true },
    }
    const rawRuns = Object.entries(cases).flatMap(([name, c]) => Array.from({ length: RAW_PER_CASE }, () => ({ name, c })))
    const rawResults = await inBatches(rawRuns, 50, async ({ name, c }) => ({
      name,
      codes: c.codes,
      outcome: await rawExchange(port, handshake(port, serve.token), c.frames(), { endAfter: c.endAfter, resetAfter: c.resetAfter }),
    }))
    for (const { name, codes, outcome } of rawResults) {
      expect({ name, status: outcome.status, answered: outcome.answered }).toEqual({ name, status: 101, answered: true })
      if (codes) expect({ name, closeCode: outcome.closeCode }).toEqual({ name, closeCode: expect.toBeOneOf(codes) })
    }

    // 4. Broken HTTP: garbage instead of a request, a bad upgrade, a header flood. Each gets a status or a close.
    const httpGarbage: (string | Buffer)[] = [
      'GARBAGE\r\n\r\n',
      Buffer.from(fc.sample(fc.uint8Array({ minLength: 1, maxLength: 500 }), { seed: SEED, numRuns: 1 })[0]!),
      handshake(port, serve.token, { 'Sec-WebSocket-Version': '7' }),
      handshake(port, serve.token, { 'Sec-WebSocket-Key': 'short' }),
      handshake(port, 'wrong-token'),
      `GET /ws HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    ]
    const httpResults: RawOutcome[] = await inBatches(httpGarbage, 10, (req) => rawExchange(port, req, [], { endAfter: true }))
    for (const r of httpResults) {
      expect(r.answered).toBe(true)
      expect(r.status).not.toBe(101)
    }

    // 5. Callers that reset the connection while the upgrade is under way.
    const RESETS = 50
    await inBatches(
      Array.from({ length: RESETS }, () => 0),
      25,
      () => rawExchange(port, handshake(port, serve.token), [], { resetAtOnce: true }),
    )

    const total = RESETS + jsonResults.reduce((n, r) => n + r.sent, 0) + 2 + OVERSIZE_CONNECTIONS + rawRuns.length + httpGarbage.length
    expect(total).toBeGreaterThanOrEqual(10_000)

    // Still the same process, still serving: health, and a real command on a fresh connection.
    expect(serve.child.exitCode).toBeNull()
    expect(serve.child.signalCode).toBeNull()
    expect((await fetch(new URL('/healthz', serve.url))).status).toBe(200)
    const after = await connectStation(serve.url, serve.token)
    expect(Array.isArray(await after.call('boxes.list', {}))).toBe(true)
    after.close()

    const rssAfter = rssMb()
    expect(rssAfter).toBeLessThan(300)
    expect(rssAfter - rssBefore).toBeLessThan(100)
  }, 180_000)
})
