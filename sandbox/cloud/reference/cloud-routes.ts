import type { z } from 'zod'
import { ClaimReleaseRequest, ClaimRequest, EventsPushRequest, HeartbeatRequest, type CloudStationConfig } from '../../../shared/contract/cloud'
import type { CloudDbOrTrx } from './cloud.schema'
import { claimOrder, releaseClaim, renewClaim, type ClaimConflict } from './cloud-claims.repository'
import { applyEventBatch } from './cloud-events.processor'
import { findOrderRow, pageOrders } from './cloud-orders.repository'
import { recordHeartbeat, type CloudStation } from './cloud-stations.repository'
import { CloudRoute } from './fault-injector'

/** What a handler answers; the server serializes it, stores it for Idempotency-Key and applies faults. */
export type Reply = Readonly<{ status: number; body: unknown; headers?: Readonly<Record<string, string>> }>

export type RouteContext = Readonly<{
  db: CloudDbOrTrx
  station: CloudStation
  orderId: string | null
  query: URLSearchParams
  body: unknown
  nowMs: number
  config: CloudStationConfig['data']
  claimLeaseBoundsMs: Readonly<{ min: number; max: number }>
}>

type RouteDef = Readonly<{ route: CloudRoute; method: 'GET' | 'POST'; pattern: RegExp; handle: (c: RouteContext) => Promise<Reply> }>

export const fieldError = (status: number, field: string | null, message: string, extra: Record<string, unknown> = {}): Reply => ({
  status,
  body: { status: false, errors: [{ message, field }], ...extra },
})

const ok = (data: unknown): Reply => ({ status: 200, body: { status: true, data } })

function parseBody<S extends z.ZodType>(schema: S, body: unknown): { ok: true; value: z.output<S> } | { ok: false; reply: Reply } {
  const r = schema.safeParse(body)
  if (r.success) return { ok: true, value: r.data }
  const issue = r.error.issues[0]
  return { ok: false, reply: fieldError(400, issue?.path.join('.') || null, `Geçersiz istek / invalid request: ${issue?.message ?? 'unknown'}`) }
}

function conflictReply(c: ClaimConflict): Reply {
  const message = {
    claimedByOtherStation: `Sipariş başka bir masada (${c.stationId}) ${c.expiresAt} tarihine kadar ayrılmış. / Claimed by ${c.stationId} until ${c.expiresAt}.`,
    packed: `Sipariş zaten paketlendi (${c.stationId}). / Already packed by ${c.stationId}.`,
    cancelled: 'Sipariş iptal edildi. / The order is cancelled.',
    notHeld: 'Bu masa siparişi ayırmamış; önce ayırın. / This station does not hold the claim; claim it first.',
  }[c.reason]
  return fieldError(409, 'orderId', message, { conflict: c })
}

/** Claim, renew: same checks, then the repository decides under the transaction. */
function leaseRoute(op: typeof claimOrder): (c: RouteContext) => Promise<Reply> {
  return async (c) => {
    const body = parseBody(ClaimRequest, c.body)
    if (!body.ok) return body.reply
    if (body.value.stationId !== c.station.id)
      return fieldError(403, 'stationId', 'stationId bu APIKEY’in masası değil. / stationId does not match the APIKEY.')
    const { min, max } = c.claimLeaseBoundsMs
    if (body.value.leaseMs < min || body.value.leaseMs > max)
      return fieldError(400, 'leaseMs', `leaseMs ${min}–${max} aralığında olmalı. / leaseMs must be within ${min}–${max}.`)
    const order = await findOrderRow(c.db, c.orderId ?? '')
    if (!order) return fieldError(404, 'orderId', `Sipariş bulunamadı / unknown order: ${c.orderId}`)
    const res = await op(c.db, order, c.station.id, body.value.leaseMs, c.nowMs)
    return res.ok ? ok({ claim: res.claim }) : conflictReply(res.conflict)
  }
}

const ORDER = '([^/]+)'

/** The station ↔ cloud API (docs/cloud-api.openapi.yaml). */
export const ROUTES: readonly RouteDef[] = [
  {
    route: CloudRoute.ordersList,
    method: 'GET',
    pattern: /^\/api\/v1\/orders$/,
    handle: async (c) => {
      const cursor = c.query.get('cursor') ?? ''
      if (!/^\d{0,15}$/.test(cursor)) return fieldError(400, 'cursor', 'Geçersiz imleç / invalid cursor')
      const rawLimit = c.query.get('limit')
      const limit = rawLimit === null || rawLimit === '' ? 100 : Number(rawLimit)
      if (!Number.isInteger(limit) || limit < 1 || limit > c.config.rules.maxPageLimit) {
        return fieldError(
          400,
          'limit',
          `limit 1–${c.config.rules.maxPageLimit} arasında bir tam sayı olmalı. / limit must be an integer within 1–${c.config.rules.maxPageLimit}.`,
        )
      }
      return ok(await pageOrders(c.db, Number(cursor || '0'), limit))
    },
  },
  { route: CloudRoute.configGet, method: 'GET', pattern: /^\/api\/v1\/station\/config$/, handle: async (c) => ok(c.config) },
  { route: CloudRoute.claimsClaim, method: 'POST', pattern: new RegExp(`^/api/v1/orders/${ORDER}/claim$`), handle: leaseRoute(claimOrder) },
  { route: CloudRoute.claimsRenew, method: 'POST', pattern: new RegExp(`^/api/v1/orders/${ORDER}/claim/renew$`), handle: leaseRoute(renewClaim) },
  {
    route: CloudRoute.claimsRelease,
    method: 'POST',
    pattern: new RegExp(`^/api/v1/orders/${ORDER}/claim/release$`),
    handle: async (c) => {
      const body = parseBody(ClaimReleaseRequest, c.body)
      if (!body.ok) return body.reply
      if (body.value.stationId !== c.station.id)
        return fieldError(403, 'stationId', 'stationId bu APIKEY’in masası değil. / stationId does not match the APIKEY.')
      if (!(await findOrderRow(c.db, c.orderId ?? ''))) return fieldError(404, 'orderId', `Sipariş bulunamadı / unknown order: ${c.orderId}`)
      return ok({ released: await releaseClaim(c.db, c.orderId ?? '', c.station.id) })
    },
  },
  {
    route: CloudRoute.eventsPush,
    method: 'POST',
    pattern: /^\/api\/v1\/events$/,
    handle: async (c) => {
      const body = parseBody(EventsPushRequest, c.body)
      if (!body.ok) return body.reply
      const { events } = body.value
      const max = c.config.rules.maxEventsPerBatch
      if (events.length > max) return fieldError(413, 'events', `Bir istekte en çok ${max} olay gönderilebilir. / At most ${max} events per request.`)
      // Without an id an event cannot be answered for, nor deduplicated: the whole batch is refused.
      const badId = events.findIndex((e) => typeof (e as { id?: unknown } | null)?.id !== 'string' || (e as { id: string }).id === '')
      if (badId >= 0) return fieldError(400, `events[${badId}].id`, 'Her olayın boş olmayan bir kimliği olmalı. / Every event needs a non-empty string id.')
      const results = await applyEventBatch(c.db, c.station.id, events, new Date(c.nowMs).toISOString())
      const accepted = results.filter((r) => r.outcome === 'accepted' || r.outcome === 'duplicate').map((r) => r.id)
      return ok({ accepted, results })
    },
  },
  {
    route: CloudRoute.stationsHeartbeat,
    method: 'POST',
    pattern: /^\/api\/v1\/stations\/heartbeat$/,
    handle: async (c) => {
      const body = parseBody(HeartbeatRequest, c.body)
      if (!body.ok) return body.reply
      if (body.value.stationId !== c.station.id)
        return fieldError(403, 'stationId', 'stationId bu APIKEY’in masası değil. / stationId does not match the APIKEY.')
      const receivedAt = new Date(c.nowMs).toISOString()
      await recordHeartbeat(c.db, c.station.id, body.value, receivedAt)
      return ok({ receivedAt, nextHeartbeatMs: c.config.rules.heartbeatIntervalMs })
    },
  },
]

export function matchRoute(method: string, path: string): { def: RouteDef; orderId: string | null } | { allow: string } | null {
  const allow: string[] = []
  for (const def of ROUTES) {
    const m = def.pattern.exec(path)
    if (!m) continue
    if (def.method === method) {
      let orderId: string | null = null
      try {
        orderId = m[1] === undefined ? null : decodeURIComponent(m[1])
      } catch {
        // A malformed %-escape: keep the raw segment; it names no order, so the handler answers 404.
        orderId = m[1] ?? null
      }
      return { def, orderId }
    }
    allow.push(def.method)
  }
  return allow.length ? { allow: allow.join(', ') } : null
}
