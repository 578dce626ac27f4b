import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { advanceByKey, advanceHookOf, answerAdvanceHook, type AdvanceHook } from './emulator-hooks'
import type { RateLimitOption } from './emulator-options'

/**
 * Faults every carrier emulator can inject (docs/reference/carriers.md §14). `dropAfterCommit` is the one that
 * matters most: the operation is carried out and stored, then the socket is destroyed before any
 * byte of the answer leaves, which is what a client sees when a carrier times out after committing.
 */
export const HttpFault = {
  /** Never answered (the request hangs until the client's timeout). */
  timeout: 'timeout',
  /** HTTP 500 with an HTML page, before the operation runs. */
  http500: 'http500',
  /** HTTP 503 with Retry-After: 1, before the operation runs. */
  http503: 'http503',
  /** HTTP 429 with Retry-After (seconds from the emulator's options), before the operation runs. */
  http429: 'http429',
  /** The socket is reset before the operation runs. */
  connectionReset: 'connectionReset',
  /** The operation runs and commits; the connection dies before the answer. */
  dropAfterCommit: 'dropAfterCommit',
  /** The operation runs; the answer announces its full length and stops halfway. */
  halfResponse: 'halfResponse',
  /** The operation runs; a complete but truncated (unparseable) body is sent. */
  malformed: 'malformed',
} as const
export type HttpFault = (typeof HttpFault)[keyof typeof HttpFault]

/** Faults that strike before the operation runs (nothing is stored). */
export const PRE_COMMIT_FAULTS: ReadonlySet<HttpFault> = new Set([
  HttpFault.timeout,
  HttpFault.http500,
  HttpFault.http503,
  HttpFault.http429,
  HttpFault.connectionReset,
])

/**
 * A queue of per-request faults plus one sticky fault for the next N requests, for every emulator. `F` is the
 * emulator's fault vocabulary: HttpFault for most; ComToHome and Yurtiçi name their own (malformedJson, unexpectedError).
 */
export class FaultPlan<F extends string = HttpFault> {
  private queued: (F | null)[] = []
  private sticky: { fault: F; remaining: number } | null = null
  /** Probability-driven faults for chaos runs: each request draws once. */
  private random: { rates: Partial<Record<F, number>>; rng: () => number } | null = null

  take(): F | null {
    if (this.queued.length > 0) return this.queued.shift() ?? null
    if (this.sticky) {
      const { fault } = this.sticky
      this.sticky.remaining -= 1
      if (this.sticky.remaining <= 0) this.sticky = null
      return fault
    }
    if (this.random) {
      let draw = this.random.rng()
      for (const [fault, rate] of Object.entries(this.random.rates) as [F, number][]) {
        if (draw < rate) return fault
        draw -= rate
      }
    }
    return null
  }

  /** `fault` for the next `times` requests (default: until cleared with null). */
  set(fault: F | null, times = Number.POSITIVE_INFINITY): void {
    this.sticky = fault === null || times <= 0 ? null : { fault, remaining: times }
  }

  /** Drops the queued entries not yet consumed (the sticky and random faults stay as they are). */
  clearQueued(): void {
    this.queued = []
  }

  /** One entry per coming request (null = answer normally); consumed before the sticky fault. */
  queue(faults: readonly (F | null)[]): void {
    this.queued.push(...faults)
  }

  /** Each request independently gets a fault with the given probabilities (sum ≤ 1); null clears. */
  randomly(rates: Partial<Record<F, number>> | null, rng: () => number = Math.random): void {
    this.random = rates ? { rates, rng } : null
  }
}

/** The fault API of the emulators that name their own faults (ComToHome, Yurtiçi), over their FaultPlan. */
export type FaultControls<F extends string> = Readonly<{
  /** Applies `fault` to the next `times` requests (default: until cleared with null). */
  setFault(fault: F | null, options?: Readonly<{ times?: number }>): void
  /** One entry per coming request (null = answer normally); consumed before the setFault fault. */
  queueFaults(faults: readonly (F | null)[]): void
  /** The plan behind setFault and queueFaults (random faults for chaos runs). */
  faults: FaultPlan<F>
}>

export function faultControls<F extends string>(faults: FaultPlan<F>): FaultControls<F> {
  return { setFault: (fault, o) => faults.set(fault, o?.times), queueFaults: (list) => faults.queue(list), faults }
}

/**
 * One request as the emulator logged it (secrets redacted by the emulator's own redact); `status` is null when no
 * status line was sent (dropped, hung). `F` is the emulator's fault vocabulary, as in FaultPlan.
 */
export type LoggedHttpRequest<F extends string = HttpFault> = {
  method: string
  path: string
  /** Lower-case header names. */
  headers: Record<string, string>
  body: string
  operation: string | null
  status: number | null
  fault: F | null
}

export const MAX_BODY_BYTES = 1024 * 1024

/** The body, or null when it exceeds `maxBytes` (the caller answers 413). */
export async function readBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  let tooBig = false
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > maxBytes) tooBig = true
    else chunks.push(chunk as Buffer)
  }
  return tooBig ? null : Buffer.concat(chunks)
}

export function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v
  return out
}

export type Reply = (status: number, body: string | Buffer, contentType: string, extraHeaders?: Record<string, string>) => void

/**
 * A reply function that applies the post-commit faults: dropAfterCommit destroys the socket,
 * halfResponse announces the full length and dies midway, malformed sends a complete, cut body.
 */
export function replier(req: IncomingMessage, res: ServerResponse, fault: () => HttpFault | null, log?: { status: number | null }): Reply {
  return (status, body, contentType, extra = {}) => {
    const f = fault()
    if (f === HttpFault.dropAfterCommit) return void req.socket.destroy()
    const full = typeof body === 'string' ? Buffer.from(body, 'utf8') : body
    const half = full.subarray(0, Math.floor(full.length / 2))
    const sent = f === HttpFault.malformed ? half : full
    if (log) log.status = status
    res.writeHead(status, { 'content-type': contentType, 'content-length': String(sent.length), ...extra })
    if (f === HttpFault.halfResponse) return void res.write(half, () => req.socket.destroy())
    res.end(sent)
  }
}

/**
 * One logged request's answer. `reply` spoils the answer as the request's fault says (replier); `takeFault`
 * draws the request's fault from the plan, logs it, and answers it at once when it strikes before the
 * operation (answerPreCommitFault), returning true: the handler then stops.
 */
export function exchange(req: IncomingMessage, res: ServerResponse, entry: { status: number | null; fault: HttpFault | null }, retryAfterSeconds: number) {
  let fault: HttpFault | null = null
  const reply = replier(req, res, () => fault, entry)
  const takeFault = (faults: FaultPlan): boolean => {
    fault = faults.take()
    entry.fault = fault
    return answerPreCommitFault(fault, req, reply, retryAfterSeconds)
  }
  return { reply, takeFault }
}

/**
 * Answers a pre-commit fault and returns true, or returns false when `fault` is not one (the
 * operation then runs). `retryAfterSeconds` is sent with 429 and 503.
 */
export function answerPreCommitFault(fault: HttpFault | null, req: IncomingMessage, reply: Reply, retryAfterSeconds = 1): boolean {
  switch (fault) {
    case HttpFault.timeout:
      return true // never answered; close() destroys the socket
    case HttpFault.connectionReset:
      req.socket.destroy()
      return true
    case HttpFault.http500:
      reply(500, '<html><body><h1>500 Internal Server Error</h1></body></html>', 'text/html')
      return true
    case HttpFault.http503:
      reply(503, '<html><body><h1>503 Service Unavailable</h1></body></html>', 'text/html', { 'retry-after': String(retryAfterSeconds) })
      return true
    case HttpFault.http429:
      reply(429, '{"message":"Too Many Requests"}', 'application/json', { 'retry-after': String(retryAfterSeconds) })
      return true
    default:
      return false
  }
}

export type RunningHttpServer = Readonly<{ server: Server; origin: string; close(): Promise<void> }>

/** Full URLs of an emulator's documented paths on `origin`, for tests that speak the wire directly. */
export function urlsOf<P extends Readonly<Record<string, string>>>(origin: string, paths: P): Readonly<Record<keyof P, string>> {
  return Object.fromEntries(Object.entries(paths).map(([name, path]) => [name, `${origin}${path}`])) as Record<keyof P, string>
}

/**
 * Listens on 127.0.0.1 (port 0 = ephemeral). An exception in `handler` becomes a 500 naming the
 * emulator bug, so the test that hit it fails loudly.
 */
export async function listenHttp(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>, port = 0): Promise<RunningHttpServer> {
  const server = createServer((req, res) => {
    handler(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
      res.end(`emulator error: ${(err as Error).message}`)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    server,
    origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        // Hung ('timeout' fault) and keep-alive sockets would hold close() open forever.
        server.closeAllConnections()
      }),
  }
}

/** What every HTTP carrier emulator hands its tests: where it listens, what it was sent, its faults, and close. */
export type HttpEmulator<R> = Readonly<{
  /** http://127.0.0.1:port: the connector's origin, also for the /__emu hooks. */
  origin: string
  /** Every request to the carrier's paths, in order, secrets redacted (the /__emu hooks are not logged). */
  readonly requests: readonly R[]
  /** Faults for the coming requests to the carrier's paths (the /__emu hooks never). */
  faults: FaultPlan
  close(): Promise<void>
}>

/** Listens on 127.0.0.1 with the handler `handlerFor` builds over a fresh fault plan; `requests` is the emulator's log. */
export async function startHttpEmulator<R>(
  port: number,
  requests: readonly R[],
  handlerFor: (faults: FaultPlan) => (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<HttpEmulator<R>> {
  const faults = new FaultPlan()
  const running = await listenHttp(handlerFor(faults), port)
  return { origin: running.origin, requests, faults, close: () => running.close() }
}

/** A carrier emulator with a status chain: an HttpEmulator, its stored shipments, and advance over its advance hook. */
export type CarrierEmulator<R, S, To extends string | number, P extends Readonly<Record<string, string>> = Readonly<Record<never, string>>> = HttpEmulator<R> &
  Readonly<{
    /** Full URLs of the carrier's documented paths, for tests that speak the wire directly. */
    urls: Readonly<Record<keyof P, string>>
    /** The shipments stored so far, in creation order. */
    readonly shipments: readonly S[]
    /** One step along the carrier's status chain, or on to `to`, as POST /__emu/advance/{key}?to= does; throws for an unknown key. */
    advance(key: string, to?: To): S
  }>

/**
 * startHttpEmulator for a carrier with a status chain: `shipments` is the emulator's store, `advanceHook` the one its
 * handler serves, `paths` the documented paths `urls` names (none by default). Its advance takes any status; each
 * emulator's type narrows `to` to its own vocabulary.
 */
export async function startCarrierEmulator<R, S, T, P extends Readonly<Record<string, string>> = Readonly<Record<never, string>>>(
  c: Readonly<{ port: number; requests: readonly R[]; shipments: readonly S[]; advanceHook: AdvanceHook<T, S>; paths?: P }>,
  handlerFor: (faults: FaultPlan) => (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<CarrierEmulator<R, S, string | number, P>> {
  const base = await startHttpEmulator(c.port, c.requests, handlerFor)
  const urls = urlsOf(base.origin, c.paths ?? ({} as P))
  return { ...base, urls, shipments: c.shipments, advance: (key, to) => advanceByKey(c.advanceHook, key, to) }
}

/** What the emulator of a carrier that hands out tokens adds: tests can expire them all at once. */
export type TokenControls = Readonly<{
  /** Forgets every issued token, as if all had expired: the next call gets HTTP 401. */
  expireTokens(): void
}>

/** TokenControls over the emulator state that keeps the tokens. */
export function tokenControls(state: Readonly<{ expireTokens(): void }>): TokenControls {
  return { expireTokens: () => state.expireTokens() }
}

/** One carrier request as a handler gets it: read, logged, with its reply and its fault draw (see exchange). */
export type CarrierExchange<E> = Readonly<{
  url: URL
  /** The body, or null when it was over MAX_BODY_BYTES (the handler answers 413 where the carrier would). */
  raw: Buffer | null
  text: string
  /** The request's log entry, already in the emulator's log. */
  entry: E
  reply: Reply
  takeFault(faults: FaultPlan): boolean
}>

export type CarrierHandlerDeps<E, T, R> = Readonly<{
  opts: Readonly<{ retryAfterSeconds: number }>
  /** The emulator's request log. */
  requests: E[]
  /**
   * The /__emu/ control routes, answered before anything is logged: POST /__emu/advance/{key}?to=… over an advance
   * hook (emulator-hooks.ts), or the emulator's own answerer (JSON hooks), which returns true when it answered.
   */
  hooks: AdvanceHook<T, R> | ((req: IncomingMessage, url: URL, text: string, res: ServerResponse) => boolean)
  /** The log entry's fields beyond method, status and fault: path, redacted headers and body, operation, time. */
  logged(req: IncomingMessage, url: URL, text: string): Omit<E, 'method' | 'status' | 'fault'>
}>

/**
 * The steps every HTTP carrier emulator takes before its own: read the body, answer the advance hook, log the
 * request, and hand `handle` the exchange (reply and fault draw) for the carrier's routing, auth and operations.
 */
export function carrierHandler<E extends LoggedHttpRequest, T, R>(
  deps: CarrierHandlerDeps<E, T, R>,
  handle: (req: IncomingMessage, x: CarrierExchange<E>) => Promise<void> | void,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const raw = await readBody(req)
    const text = raw?.toString('utf8') ?? ''
    if (typeof deps.hooks === 'function') {
      if (deps.hooks(req, url, text, res)) return
    } else {
      const hook = advanceHookOf(req, url)
      if (hook) return answerAdvanceHook(res, hook, deps.hooks)
    }
    const entry = { method: req.method ?? '', status: null, fault: null, ...deps.logged(req, url, text) } as E
    deps.requests.push(entry)
    await handle(req, { url, raw, text, entry, ...exchange(req, res, entry, deps.opts.retryAfterSeconds) })
  }
}

/**
 * A sliding-window limiter as the carriers document theirs ("N requests per minute"): `hit` returns
 * 0 when the request is allowed (and counts it), else the ms until the oldest request leaves the window.
 */
export class SlidingWindow {
  private readonly stamps: number[] = []
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  hit(): number {
    const t = this.now()
    while (this.stamps.length > 0 && (this.stamps[0] ?? 0) <= t - this.windowMs) this.stamps.shift()
    if (this.stamps.length >= this.limit) return (this.stamps[0] ?? t) + this.windowMs - t
    this.stamps.push(t)
    return 0
  }
}

/** The limiter of an emulator's rateLimit option on its clock; null when it has none. */
export function slidingWindowOf(o: Readonly<{ rateLimit: RateLimitOption; now: () => number }>): SlidingWindow | null {
  return o.rateLimit ? new SlidingWindow(o.rateLimit.limit, o.rateLimit.windowMs, o.now) : null
}

/** Counts a request against `window`: null when it may pass, else the Retry-After header its 429 carries (whole seconds, at least 1). */
export function throttled(window: SlidingWindow | null): Record<string, string> | null {
  const waitMs = window?.hit() ?? 0
  return waitMs > 0 ? { 'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))) } : null
}
