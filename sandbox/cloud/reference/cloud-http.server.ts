import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { CloudStationConfig } from '../../../shared/contract/cloud'
import type { CloudDb } from './cloud.schema'
import { canonicalJson } from './cloud-events.processor'
import { fieldError, matchRoute, type Reply } from './cloud-routes'
import type { CloudStation } from './cloud-stations.repository'
import { CloudFault, type CloudRoute, type FaultInjector, type FaultRule } from './fault-injector'
import { findStoredAnswer, storeAnswer } from './idempotency.repository'
import type { SlidingWindowLimiter } from './rate-limiter'

const MAX_BODY_BYTES = 5 * 1024 * 1024
const MAX_KEY_LENGTH = 255

/** Requests counted by HTTP status ('noResponse' when a fault reset or dropped the connection). */
export type CloudStats = {
  total: number
  byStatus: Record<string, number>
  byRoute: Record<string, Record<string, number>>
  faults: Record<CloudFault, number>
  /** Answers served from the Idempotency-Key store. */
  replays: number
}

export type ServerDeps = Readonly<{
  db: CloudDb
  now: () => number
  config: () => CloudStationConfig['data']
  stationByKey: (apiKey: string) => CloudStation | undefined
  limiter: SlidingWindowLimiter
  faults: FaultInjector
  stats: CloudStats
  requireIdempotencyKey: boolean
  idempotencyTtlMs: number
  claimLeaseBoundsMs: Readonly<{ min: number; max: number }>
  isClosed: () => boolean
}>

const header = (req: IncomingMessage, name: string) => {
  const v = req.headers[name]
  return Array.isArray(v) ? v[0] : v
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) return null
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref())

/**
 * The request pipeline: route → injected "before" faults → APIKEY → rate limit → Idempotency-Key
 * (replay, mismatch, in flight) → handler (POSTs in one transaction with the stored answer) →
 * answer, spoiled by an "after" fault if one fired.
 */
export function createCloudHandler(deps: ServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const inFlight = new Set<string>()
  const lastGet = new Map<string, string>()

  const count = (route: string, status: string) => {
    deps.stats.total++
    deps.stats.byStatus[status] = (deps.stats.byStatus[status] ?? 0) + 1
    const r = (deps.stats.byRoute[route] ??= {})
    r[status] = (r[status] ?? 0) + 1
  }

  async function send(req: IncomingMessage, res: ServerResponse, route: string, reply: Reply, after: FaultRule | null, text?: string): Promise<void> {
    if (after?.kind === CloudFault.dropAfterCommit) {
      count(route, 'noResponse')
      req.socket.destroy()
      return
    }
    const body = Buffer.from(text ?? JSON.stringify(reply.body), 'utf8')
    count(route, String(reply.status))
    res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.length), ...reply.headers })
    if (after?.kind !== CloudFault.slowDrip) return void res.end(body)
    const size = after.chunkBytes ?? 64
    for (let at = 0; at < body.length; at += size) {
      if (at > 0) await delay(after.chunkDelayMs ?? 20)
      if (res.destroyed) return // the client gave up mid-drip: nothing left to do
      res.write(body.subarray(at, at + size))
    }
    res.end()
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const raw = await readBody(req)
    const match = matchRoute(req.method ?? '', url.pathname)
    if (!match) return send(req, res, 'unknown', fieldError(404, null, 'Kaynak bulunamadı. / Not found.'), null)
    if ('allow' in match)
      return send(req, res, 'unknown', { ...fieldError(405, null, 'Bu yöntem desteklenmiyor. / Method not allowed.'), headers: { allow: match.allow } }, null)
    const { def, orderId } = match
    const route: CloudRoute = def.route

    const fault = deps.faults.decide(route)
    if (fault.latencyMs > 0) await delay(fault.latencyMs)
    if (deps.isClosed()) return void req.socket.destroy()
    const before = fault.before
    if (before?.kind === CloudFault.connectionReset) {
      count(route, 'noResponse')
      return void req.socket.resetAndDestroy()
    }
    if (before?.kind === CloudFault.serverError)
      return send(req, res, route, fieldError(before.status ?? 503, null, 'Sunucu geçici olarak hizmet veremiyor. / Service unavailable.'), null)
    if (before?.kind === CloudFault.tooManyRequests) {
      const retryAfter = String(before.retryAfterSeconds ?? 1)
      return send(req, res, route, { ...fieldError(429, null, 'İstek limiti aşıldı. / Too many requests.'), headers: { 'retry-after': retryAfter } }, null)
    }

    const apiKey = header(req, 'apikey')
    const station = apiKey ? deps.stationByKey(apiKey) : undefined
    if (!apiKey) return send(req, res, route, fieldError(401, 'APIKEY', 'APIKEY header eksik. / APIKEY header missing.'), null)
    if (!station) return send(req, res, route, fieldError(401, 'APIKEY', 'API anahtarı geçersiz. / Invalid API key.'), null)
    const nowMs = deps.now()
    const rate = deps.limiter.admit(station.id, nowMs)
    if (!rate.allowed) {
      return send(
        req,
        res,
        route,
        {
          ...fieldError(429, null, 'İstek limiti aşıldı (300 istek / dakika). / Rate limit exceeded.'),
          headers: { 'retry-after': String(rate.retryAfterSeconds) },
        },
        null,
      )
    }
    if (raw === null) return send(req, res, route, fieldError(413, null, 'İstek gövdesi çok büyük. / Body too large.'), null)

    let body: unknown = undefined
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'))
      } catch {
        return send(req, res, route, fieldError(400, null, 'İstek gövdesi geçerli bir JSON değil. / Body is not JSON.'), null)
      }
    }
    const ctx = { station, orderId, query: url.searchParams, body, nowMs, config: deps.config(), claimLeaseBoundsMs: deps.claimLeaseBoundsMs }

    if (def.method === 'GET') {
      const reply = await def.handle({ ...ctx, db: deps.db })
      const memo = `${station.id}\n${route}`
      let text = JSON.stringify(reply.body)
      if (fault.after?.kind === CloudFault.duplicateDelivery) text = lastGet.get(memo) ?? text
      if (reply.status === 200) lastGet.set(memo, text)
      return send(req, res, route, reply, fault.after, text)
    }

    const key = header(req, 'idempotency-key')
    if (!key && deps.requireIdempotencyKey)
      return send(
        req,
        res,
        route,
        fieldError(400, 'Idempotency-Key', 'Her POST isteği bir Idempotency-Key taşımalı. / Every POST needs an Idempotency-Key.'),
        null,
      )
    if (key && key.length > MAX_KEY_LENGTH)
      return send(req, res, route, fieldError(400, 'Idempotency-Key', `Idempotency-Key en çok ${MAX_KEY_LENGTH} karakter. / Key too long.`), null)
    const requestHash = createHash('sha256')
      .update(`${route}\n${url.pathname}\n${canonicalJson(body ?? null)}`)
      .digest('hex')
    if (key) {
      const stored = await findStoredAnswer(deps.db, station.id, key, nowMs, deps.idempotencyTtlMs)
      if (stored && stored.request_hash !== requestHash) {
        return send(
          req,
          res,
          route,
          fieldError(422, 'Idempotency-Key', 'Bu Idempotency-Key farklı bir istek için kullanılmış. / Key reused with a different request.'),
          null,
        )
      }
      if (stored) {
        deps.stats.replays++
        return send(req, res, route, { status: stored.status, body: null, headers: { 'idempotent-replayed': 'true' } }, fault.after, stored.body)
      }
      const flight = `${station.id}\n${key}`
      if (inFlight.has(flight))
        return send(
          req,
          res,
          route,
          fieldError(409, 'Idempotency-Key', 'Bu Idempotency-Key ile bir istek hâlâ işleniyor. / A request with this key is in flight.'),
          null,
        )
      inFlight.add(flight)
    }
    try {
      const { reply, text } = await deps.db.transaction().execute(async (trx) => {
        const r = await def.handle({ ...ctx, db: trx })
        const t = JSON.stringify(r.body)
        // 5xx are never stored: a retry must be able to succeed. Everything else is the answer to that key.
        if (key && r.status < 500)
          await storeAnswer(trx, { station_id: station.id, key, request_hash: requestHash, status: r.status, body: t, created_at_ms: nowMs })
        return { reply: r, text: t }
      })
      await send(req, res, route, reply, fault.after, text)
    } finally {
      if (key) inFlight.delete(`${station.id}\n${key}`)
    }
  }

  return (req, res) => {
    handle(req, res).catch((err: unknown) => {
      // A bug in the reference cloud (or the store closed under a request): answer 500 naming it, loudly.
      count('error', res.headersSent ? 'noResponse' : '500')
      if (res.headersSent || res.destroyed) return void req.socket.destroy()
      const body = JSON.stringify({ status: false, errors: [{ message: `reference cloud error: ${(err as Error).message}`, field: null }] })
      res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' }).end(body)
    })
  }
}
