import { request } from 'node:http'

export type RawAnswer = Readonly<{
  status: number
  headers: Readonly<Record<string, string | string[] | undefined>>
  text: string
  json: any
  /** How many 'data' events carried the body: more than one shows a dripped answer. */
  chunks: number
  elapsedMs: number
}>

export type CallOptions = Readonly<{
  method?: 'GET' | 'POST' | 'PUT'
  apiKey?: string | null
  body?: unknown
  /** Raw body text, sent as is (for malformed JSON). */
  rawBody?: string
  idempotencyKey?: string | null
  timeoutMs?: number
}>

/** The two desks the reference-cloud tests register. */
export const DESK_A = { id: 'desk-a', apiKey: 'key-a' }
export const DESK_B = { id: 'desk-b', apiKey: 'key-b' }

let keyCounter = 0

/**
 * One request over a fresh connection (no agent, so a reset hits only this call). Rejects with the
 * socket error (`code` ECONNRESET for a reset or a dropped answer) when no full answer arrived.
 * POSTs get a fresh Idempotency-Key unless one (or null for none) is given. Test support only.
 */
export function call(baseUrl: string, path: string, opts: CallOptions = {}): Promise<RawAnswer> {
  const method = opts.method ?? (opts.body !== undefined || opts.rawBody !== undefined ? 'POST' : 'GET')
  const payload = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body))
  const headers: Record<string, string> = { accept: 'application/json' }
  if (opts.apiKey !== null && opts.apiKey !== undefined) headers.apikey = opts.apiKey
  if (payload !== undefined) headers['content-type'] = 'application/json'
  const key = opts.idempotencyKey === undefined ? (method === 'POST' ? `test-key-${process.pid}-${++keyCounter}` : null) : opts.idempotencyKey
  if (key !== null) headers['idempotency-key'] = key
  const t0 = performance.now()
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, baseUrl), { method, headers, agent: false, timeout: opts.timeoutMs ?? 10_000 }, (res) => {
      const parts: Buffer[] = []
      res.on('data', (c: Buffer) => parts.push(c))
      res.on('error', reject)
      res.on('aborted', () => reject(Object.assign(new Error('response aborted'), { code: 'ECONNRESET' })))
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8')
        let json: unknown = undefined
        try {
          json = text ? JSON.parse(text) : undefined
        } catch {
          // Left undefined: the test looks at `text` when it expects something that is not JSON.
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json, chunks: parts.length, elapsedMs: performance.now() - t0 })
      })
    })
    req.on('timeout', () => req.destroy(Object.assign(new Error('client timeout'), { code: 'ETIMEDOUT' })))
    req.on('error', reject)
    req.end(payload)
  })
}

/** A clock tests move by hand. */
export function manualClock(startIso = '2026-11-26T09:00:00.000Z') {
  let t = Date.parse(startIso)
  return { now: () => t, advance: (ms: number) => void (t += ms) }
}
