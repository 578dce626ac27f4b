import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { AppError, ErrorCode, toAppError } from '../../../../shared/errors'
import { checkSignature, createIpAllowList, normalizeIp, PerKeyWindow, ReplayWindow } from './webhook-guards'
import { arasRoute, kolayGelsinRoute, type CarrierRoute, type WebhookAnswer } from './webhook-routes'
import {
  WebhookRefusal,
  type WebhookCarrier,
  type WebhookLogEntry,
  type WebhookReceiver,
  type WebhookReceiverOptions,
  type WebhookSignatureOptions,
  type WebhookStats,
} from './webhook.types'

export type {
  ArasPushRoute,
  KolayGelsinWebhookRoute,
  WebhookEventsCallback,
  WebhookLogEntry,
  WebhookReceiver,
  WebhookReceiverOptions,
  WebhookShipmentKeys,
  WebhookSignatureOptions,
  WebhookStats,
} from './webhook.types'
export { WebhookCarrier, WebhookRefusal } from './webhook.types'

const DEFAULT_MAX_BODY_BYTES = 256 * 1024
const DEFAULT_RATE_LIMIT = { limit: 120, windowMs: 60_000 }
const EXCERPT_CHARS = 1024
const JSON_TYPE = 'application/json; charset=utf-8'

const invalid = (message: string, field: string) => new AppError(ErrorCode.inputInvalid, message, { meta: { field } })

function checkSignatureConfig(s: WebhookSignatureOptions | undefined, route: string): void {
  if (!s) return
  if (s.headerName.trim() === '' || s.secret === '') throw invalid(`the ${route} webhook signature needs a header name and a secret`, `${route}.signature`)
}

/** Refuses a configuration that would take unsigned, unauthenticated posts from anyone (seed 003 "İmzasız webhook reddi"). */
function routesOf(o: WebhookReceiverOptions): Map<string, CarrierRoute> {
  const routes = new Map<string, CarrierRoute>()
  if (o.kolaygelsin) {
    const { auth, signature } = o.kolaygelsin
    checkSignatureConfig(signature, 'kolaygelsin')
    if (auth.scheme === 'basic' && (auth.username === '' || auth.password === ''))
      throw invalid('the Kolay Gelsin webhook Basic username and password must not be empty', 'kolaygelsin.auth')
    if (auth.scheme === 'hash' && auth.value === '') throw invalid('the Kolay Gelsin webhook hash value must not be empty', 'kolaygelsin.auth')
    if (auth.scheme === 'none' && !signature && (o.allowIps ?? []).length === 0) {
      throw invalid('a Kolay Gelsin webhook without auth needs a signature or an IP allow-list (95.0.169.14 per [KG])', 'kolaygelsin.auth')
    }
    routes.set('/webhooks/kolaygelsin', kolayGelsinRoute(o.kolaygelsin))
  }
  if (o.aras) {
    checkSignatureConfig(o.aras.signature, 'aras')
    if (o.aras.auth.username === '' || o.aras.auth.password === '') throw invalid('the Aras push username and password must not be empty', 'aras.auth')
    routes.set('/webhooks/aras', arasRoute(o.aras))
  }
  return routes
}

/** The body, or null past `maxBytes`; bodies far past it are not read to the end. */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    const hardCap = maxBytes * 4 + 1024 * 1024
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    const finish = (v: Buffer | null) => {
      done = true
      resolve(v)
    }
    if (declared > hardCap) return finish(null)
    req.on('data', (chunk: Buffer) => {
      if (done) return
      size += chunk.length
      if (size <= maxBytes) chunks.push(chunk)
      // Past the hard cap we stop listening; the 413 goes out with Connection: close.
      else if (size > hardCap) finish(null)
    })
    req.on('end', () => !done && finish(size > maxBytes ? null : Buffer.concat(chunks)))
    req.on('error', (err) => !done && ((done = true), reject(err)))
    req.on('close', () => !done && ((done = true), reject(new Error('the caller went away mid-body'))))
  })
}

function firstHeader(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()]
  return Array.isArray(v) ? v[0] : v
}

/**
 * The desk's webhook endpoint (seed 003 "webhooks + periyodik polling"): POST /webhooks/kolaygelsin
 * and POST /webhooks/aras. Checks in order: IP allow-list (403), per-IP rate limit (429), route
 * (404), method (405), body size (413), optional HMAC signature (401), the carrier's own auth (401)
 * and body (400); then the events go to `onEvents` per shipment. 200 for stored and for unknown
 * shipments (logged: a carrier must not retry those forever); 500 when storing failed (it should
 * retry). A refusal never reaches `onEvents`; every one is counted in `stats`.
 */
export async function startWebhookReceiver(options: WebhookReceiverOptions): Promise<WebhookReceiver> {
  const routes = routesOf(options)
  const allowed = createIpAllowList(options.allowIps ?? [])
  const now = options.now ?? Date.now
  const rate = options.rateLimit === null ? null : (options.rateLimit ?? DEFAULT_RATE_LIMIT)
  const limiter = rate ? new PerKeyWindow(rate.limit, rate.windowMs, now) : null
  const replay = new ReplayWindow(options.replayWindowMs ?? 10 * 60_000, now)
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  const refused = Object.fromEntries(Object.values(WebhookRefusal).map((r) => [r, 0])) as Record<WebhookRefusal, number>
  const counts = { received: 0, stored: 0, unknown: 0, duplicates: 0, failed: 0 }

  const log = (entry: Omit<WebhookLogEntry, 'at'>) => {
    try {
      options.onLog?.({ at: new Date(now()).toISOString(), ...entry })
    } catch {
      // A broken log sink must not turn a carrier's post into a failure; the counters still have it.
    }
  }
  const excerpt = (route: CarrierRoute, raw: Buffer) => route.redact(raw.toString('utf8')).slice(0, EXCERPT_CHARS)

  function send(res: ServerResponse, status: number, answer: WebhookAnswer, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': answer.contentType, 'cache-control': 'no-store', ...headers })
    res.end(answer.body)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    counts.received++
    const ip = normalizeIp(req.socket.remoteAddress ?? '')
    const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '')
    const route = routes.get(path) ?? null
    const carrierId: WebhookCarrier | null = route?.carrierId ?? null

    /** A refusal before the body is read: JSON, the request drained or the connection closed. */
    const refuseEarly = (status: number, reason: WebhookRefusal, message: string, headers: Record<string, string> = {}) => {
      refused[reason]++
      log({ carrierId, ip, status, outcome: reason, message })
      send(
        res,
        status,
        { contentType: JSON_TYPE, body: JSON.stringify({ ok: false, error: { code: codeOf(reason), message } }) },
        { connection: 'close', ...headers },
      )
    }
    if (!allowed(ip)) return refuseEarly(403, WebhookRefusal.ipNotAllowed, `caller ${ip} is not on the webhook allow-list`)
    const waitMs = limiter?.hit(ip) ?? 0
    if (waitMs > 0)
      return refuseEarly(429, WebhookRefusal.rateLimited, 'too many webhook posts from this address', { 'retry-after': String(Math.ceil(waitMs / 1000)) })
    if (!route) return refuseEarly(404, WebhookRefusal.notFound, `no webhook at ${path || '/'}`)
    if (req.method !== 'POST')
      return refuseEarly(405, WebhookRefusal.methodNotAllowed, `${req.method ?? '?'} is not allowed; webhooks are POST`, { allow: 'POST' })

    const raw = await readBody(req, maxBodyBytes)
    if (raw === null) return refuseEarly(413, WebhookRefusal.tooLarge, `the body is larger than ${maxBodyBytes} bytes`)

    /** A refusal after the body was read: in the carrier's format, with a redacted excerpt in the log. */
    const refuse = (status: number, reason: WebhookRefusal, message: string) => {
      refused[reason]++
      log({ carrierId, ip, status, outcome: reason, message, bodyExcerpt: excerpt(route, raw) })
      send(res, status, route.answer(raw, req.headers, { ok: false, code: codeOf(reason), message }))
    }
    if (route.signature) {
      const why = checkSignature(raw, firstHeader(req, route.signature.headerName), route.signature)
      if (why !== null) return refuse(401, WebhookRefusal.badSignature, why)
    }
    let groups: ReturnType<CarrierRoute['parse']>
    try {
      groups = route.parse(raw, req.headers, new Date(now()).toISOString())
    } catch (err) {
      // Anything else a parser throws (a stack overflow on deeply nested JSON, the XML parser's
      // nesting limit) comes from this body alone: the same post would fail again, so 400, not 500.
      if (!(err instanceof AppError)) return refuse(400, WebhookRefusal.badBody, `the body could not be parsed: ${(err as Error)?.message ?? String(err)}`)
      const e = toAppError(err)
      if (e.code === ErrorCode.carrierAuth) return refuse(401, WebhookRefusal.unauthorized, e.message)
      if (e.code === ErrorCode.inputInvalid) return refuse(400, WebhookRefusal.badBody, e.message)
      throw e
    }

    const replayKey = ReplayWindow.keyOf(route.carrierId, raw)
    if (replay.has(replayKey)) {
      counts.duplicates++
      log({ carrierId, ip, status: 200, outcome: 'duplicate', message: 'the same post was handled moments ago; nothing stored again' })
      return send(res, 200, route.answer(raw, req.headers, { ok: true, message: '', summary: { duplicate: true } }))
    }
    let stored = 0
    let unknown = 0
    try {
      for (const g of groups) {
        if ((await options.onEvents(route.carrierId, g.keys, g.events)) === 'stored') stored++
        else unknown++
      }
    } catch (err) {
      counts.failed++
      const e = toAppError(err)
      log({ carrierId, ip, status: 500, outcome: 'failed', message: `storing the events failed: ${e.message}` })
      return send(res, 500, route.answer(raw, req.headers, { ok: false, code: e.code, message: 'the desk could not store the events; please send again' }))
    }
    replay.remember(replayKey)
    counts.stored += stored
    counts.unknown += unknown
    if (unknown > 0)
      log({
        carrierId,
        ip,
        status: 200,
        outcome: 'unknown',
        message: `${unknown} shipment(s) in this post match none of ours`,
        bodyExcerpt: excerpt(route, raw),
      })
    if (stored > 0) log({ carrierId, ip, status: 200, outcome: 'stored', message: `events stored for ${stored} shipment(s)` })
    send(res, 200, route.answer(raw, req.headers, { ok: true, message: '', summary: { stored, unknown } }))
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // A bug or a caller gone mid-body: answer if anyone is still listening, and count it.
      counts.failed++
      log({ carrierId: null, ip: normalizeIp(req.socket.remoteAddress ?? ''), status: 500, outcome: 'failed', message: toAppError(err).message })
      if (!res.headersSent && !res.destroyed)
        send(res, 500, { contentType: JSON_TYPE, body: JSON.stringify({ ok: false, error: { code: ErrorCode.internal, message: 'internal error' } }) })
    })
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    get stats(): WebhookStats {
      return { ...counts, refused: { ...refused } }
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections() // keep-alive sockets would hold close() open
      }),
  }
}

function codeOf(reason: WebhookRefusal): string {
  switch (reason) {
    case WebhookRefusal.ipNotAllowed:
    case WebhookRefusal.badSignature:
    case WebhookRefusal.unauthorized:
      return ErrorCode.carrierAuth
    case WebhookRefusal.rateLimited:
      return ErrorCode.carrierRateLimited
    case WebhookRefusal.notFound:
      return ErrorCode.notFound
    default:
      return ErrorCode.inputInvalid
  }
}
