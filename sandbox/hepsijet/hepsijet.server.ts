import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AdvanceHook } from '../common/emulator-hooks'
import { carrierHandler, headersOf, slidingWindowOf, throttled, type FaultPlan, type Reply } from '../common/http-emulator'
import { HepsiJetPath, HjDetailStatus, HjMessage, HjStatus, type HepsiJetAccount, type ResolvedOptions } from './hepsijet.config'
import { advance } from './hepsijet.lifecycle'
import { deleteDeliveryOrder, deliveryUpdate, generateZplBarcode, sendDeliveryOrderEnhanced, track, type Answer, type Ctx } from './hepsijet.operations'
import type { EmulatedDelivery, HepsiJetLoggedRequest, HepsiJetState } from './hepsijet.state'

/**
 * Routing, auth, throttle and fault injection of the HepsiJET emulator. Auth as docs/reference/carriers.md §6:
 * GET /auth/getToken with HTTP Basic → data.token, then X-Auth-Token on every call; a missing,
 * unknown or expired token is HTTP 401. Errors of an operation are {status:"FAIL",message,detailStatus}
 * with HTTP 200 (configurable). Routing errors look like a Spring Boot default error body.
 */
const JSON_TYPE = 'application/json;charset=UTF-8'

type Route = Readonly<{ operation: string; method: 'GET' | 'POST'; params: readonly string[] }>

function route(path: string, opts: ResolvedOptions): Route | null {
  if (path === HepsiJetPath.getToken) return { operation: 'getToken', method: 'GET', params: [] }
  if (path === HepsiJetPath.sendDeliveryOrderEnhanced) return { operation: 'sendDeliveryOrderEnhanced', method: 'POST', params: [] }
  if (path === HepsiJetPath.track) return { operation: 'track', method: 'POST', params: [] }
  if (opts.deliveryUpdatePaths.includes(path)) return { operation: 'deliveryUpdate', method: 'POST', params: [] }
  const zpl = new RegExp(`^${HepsiJetPath.generateZplBarcode}/([^/]+)/([^/]+)$`).exec(path)
  if (zpl) return { operation: 'generateZplBarcode', method: 'GET', params: [decodeURIComponent(zpl[1] ?? ''), decodeURIComponent(zpl[2] ?? '')] }
  const del = new RegExp(`^${HepsiJetPath.deleteDeliveryOrder}/([^/]+)$`).exec(path)
  if (del) return { operation: 'deleteDeliveryOrder', method: 'POST', params: [decodeURIComponent(del[1] ?? '')] }
  return null
}

function redactHeaders(h: Record<string, string>): Record<string, string> {
  const out = { ...h }
  for (const k of ['authorization', 'x-auth-token']) if (out[k] !== undefined) out[k] = '[redacted]'
  return out
}

function basicCredentials(header: string | undefined): { username: string; password: string } | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header?.trim() ?? '')
  if (!m) return null
  const text = Buffer.from(m[1] ?? '', 'base64').toString('utf8')
  const colon = text.indexOf(':')
  return colon < 0 ? null : { username: text.slice(0, colon), password: text.slice(colon + 1) }
}

export type HandlerDeps = Readonly<{ opts: ResolvedOptions; state: HepsiJetState; faults: FaultPlan }>

/** POST /__emu/advance/{barcode}?to=STATUS (docs/reference/carriers.md §14 test hook), also the emulator's advance(). */
export function hepsiJetAdvanceHook({ opts, state }: Pick<HandlerDeps, 'opts' | 'state'>): AdvanceHook<EmulatedDelivery, EmulatedDelivery> {
  return {
    find: (barcode) => state.find(barcode),
    notFound: (barcode) => `no delivery ${barcode}`,
    isStatus: (to) => Object.hasOwn(HjStatus, to),
    advance: (d, to) => advance(d, opts.now(), to as HjStatus | undefined),
  }
}

export function createHepsiJetHandler({ opts, state, faults }: HandlerDeps) {
  const window = slidingWindowOf(opts)
  const springError = (reply: Reply, status: number, error: string, path: string) =>
    reply(status, JSON.stringify({ timestamp: new Date(opts.now()).toISOString(), status, error, path }), JSON_TYPE)
  const answer = (reply: Reply, a: Answer) =>
    a.ok
      ? reply(200, JSON.stringify({ status: 'OK', data: a.data }), JSON_TYPE)
      : reply(opts.failHttpStatus, JSON.stringify({ status: 'FAIL', message: a.message, detailStatus: a.detailStatus }), JSON_TYPE)
  const unauthorized = (reply: Reply, message: string) =>
    reply(401, JSON.stringify({ status: 'FAIL', message, detailStatus: HjDetailStatus.unauthorized }), JSON_TYPE)

  const logged = (req: IncomingMessage, url: URL, text: string) => ({
    path: url.pathname,
    headers: redactHeaders(headersOf(req)),
    body: text,
    operation: route(url.pathname, opts)?.operation ?? null,
    at: opts.now(),
  })
  return carrierHandler<HepsiJetLoggedRequest, EmulatedDelivery, EmulatedDelivery>(
    { opts, requests: state.requests, hooks: hepsiJetAdvanceHook({ opts, state }), logged },
    (req, { url, raw, text, reply, takeFault }) => {
      const path = url.pathname
      const r = route(path, opts)

      if (!r) return springError(reply, 404, 'Not Found', path)
      if (req.method !== r.method) return springError(reply, 405, 'Method Not Allowed', path)
      if (takeFault(faults)) return
      if (raw === null) return springError(reply, 413, 'Payload Too Large', path)

      const limited = throttled(window)
      if (limited) {
        const body = JSON.stringify({ status: 'FAIL', message: HjMessage.tooManyRequests, detailStatus: HjDetailStatus.tooManyRequests })
        return reply(429, body, JSON_TYPE, limited)
      }

      if (r.operation === 'getToken') {
        const c = basicCredentials(req.headers.authorization)
        const account = c ? opts.accounts.find((a) => a.username === c.username && a.password === c.password) : undefined
        if (!account) return unauthorized(reply, HjMessage.unauthorized)
        return answer(reply, { ok: true, data: { token: state.issueToken(account, opts.now(), opts.tokenTtlMs) } })
      }
      const token = req.headers['x-auth-token']
      const username = typeof token === 'string' ? state.tokenUser(token, opts.now()) : null
      const account: HepsiJetAccount | undefined = opts.accounts.find((a) => a.username === username)
      if (!account) return unauthorized(reply, HjMessage.tokenInvalid)

      let body: unknown = null
      if (r.method === 'POST' && text.trim() !== '') {
        try {
          body = JSON.parse(text)
        } catch {
          return springError(reply, 400, 'Bad Request', path)
        }
      }
      const ctx: Ctx = { opts, state, account }
      switch (r.operation) {
        case 'sendDeliveryOrderEnhanced':
          return answer(reply, sendDeliveryOrderEnhanced(ctx, body))
        case 'generateZplBarcode':
          return answer(reply, generateZplBarcode(ctx, r.params[0] ?? '', r.params[1] ?? ''))
        case 'deleteDeliveryOrder':
          return answer(reply, deleteDeliveryOrder(ctx, r.params[0] ?? '', body))
        case 'track':
          return answer(reply, track(ctx, body))
        default:
          return answer(reply, deliveryUpdate(ctx, body))
      }
    },
  )
}
