import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AdvanceHook } from '../common/emulator-hooks'
import { carrierHandler, headersOf, slidingWindowOf, throttled, type FaultPlan, type Reply } from '../common/http-emulator'
import { MNG_BASE_PATH, MngErrorCode, MngMessage, MngOperations, turkeyDateTime, type MngApp, type ResolvedOptions } from './mng.config'
import type { MngOperation } from '../../protocols/mng/mng.operations'
import { advance } from './mng.lifecycle'
import * as op from './mng.operations'
import type { EmulatedOrder, EmulatedShipment, MngLoggedRequest, MngState } from './mng.state'

/**
 * Routing, gateway, auth, throttle and faults of the MNG emulator (docs/reference/carriers.md §3, §14). Like IBM
 * API Connect: every call needs X-IBM-Client-Id + X-IBM-Client-Secret of an app subscribed to the
 * path's product, else a gateway body {httpCode,httpMessage,moreInformation}; every call except
 * /token and cbsinfoapi also needs Authorization: Bearer <jwt> from POST /token.
 */
const JSON_TYPE = 'application/json; charset=utf-8'

/** A routed request: its operation (protocols/mng/mng.operations.ts) and the path parameter, null for operations without one. */
type Route = Omit<MngOperation, 'param'> & Readonly<{ param: string | null }>

/** What one operation gets: the caller's context, the parsed body, the path parameter ('' when none) and the clock. */
type OpCall = Readonly<{ ctx: op.Ctx; body: unknown; param: string; now: number }>

/** Each routed operation (token aside, answered before auth) and the function that answers it. */
const OPERATIONS: Readonly<Record<string, (c: OpCall) => op.Answer>> = {
  createOrder: (c) => op.createOrder(c.ctx, c.body, c.now),
  updateorder: (c) => op.updateOrder(c.ctx, c.body),
  cancelorder: (c) => op.cancelOrder(c.ctx, c.param),
  createbarcode: (c) => op.createBarcode(c.ctx, c.body, c.now),
  updateshipment: (c) => op.updateShipment(c.ctx, c.body),
  cancelshipment: (c) => op.cancelShipment(c.ctx, c.body),
  getorder: (c) => op.getOrder(c.ctx, c.param),
  getshipment: (c) => op.getShipment(c.ctx, c.param),
  getshipmentstatus: (c) => op.getShipmentStatus(c.ctx, c.param),
  trackshipment: (c) => op.trackShipment(c.ctx, c.param),
  trackshipmentByShipmentId: (c) => op.trackShipmentByShipmentId(c.ctx, c.param),
  calculate: (c) => op.calculate(c.ctx, c.body),
  getcities: () => op.getCities(),
  getdistricts: (c) => op.getDistricts(c.param),
}

function route(path: string): Route | null {
  if (!path.startsWith(`${MNG_BASE_PATH}/`)) return null
  const rest = path.slice(MNG_BASE_PATH.length)
  for (const o of Object.values(MngOperations) as readonly MngOperation[]) {
    if (!o.param && rest === o.path) return { ...o, param: null }
    const value = o.param && rest.startsWith(`${o.path}/`) ? rest.slice(o.path.length + 1) : ''
    if (value !== '' && !value.includes('/')) return { ...o, param: decodeURIComponent(value) }
  }
  return null
}

function redactHeaders(h: Record<string, string>): Record<string, string> {
  const out = { ...h }
  for (const k of ['x-ibm-client-secret', 'authorization']) if (out[k] !== undefined) out[k] = '[redacted]'
  return out
}

const redactBody = (text: string) => text.replace(/("password"\s*:\s*")[^"]*(")/g, '$1[redacted]$2')

export type HandlerDeps = Readonly<{ opts: ResolvedOptions; state: MngState; faults: FaultPlan }>

/** POST /__emu/advance/{referenceId}?to=N (docs/reference/carriers.md §14 test hook), also the emulator's advance(). */
export function mngAdvanceHook({
  opts,
  state,
}: Pick<HandlerDeps, 'opts' | 'state'>): AdvanceHook<readonly [EmulatedOrder, EmulatedShipment], EmulatedShipment> {
  return {
    find: (referenceId) => {
      const o = state.order(referenceId)
      const s = o ? state.liveShipment(o) : undefined
      return o && s ? [o, s] : undefined
    },
    notFound: (referenceId) => `no live shipment for ${referenceId}`,
    isStatus: () => true,
    advance: ([o, s], to) => advance(o, s, opts.now(), opts.statusTextWithSpaces, to === undefined ? undefined : Number(to)),
  }
}

export function createMngHandler({ opts, state, faults }: HandlerDeps) {
  const window = slidingWindowOf(opts)
  const gateway = (reply: Reply, status: number, httpMessage: string, moreInformation: string, extra: Record<string, string> = {}) =>
    reply(status, JSON.stringify({ httpCode: String(status), httpMessage, moreInformation }), JSON_TYPE, extra)
  const error = (reply: Reply, status: number, code: string, message: string, description = '') =>
    reply(status, JSON.stringify({ error: { Code: code, Message: message, Description: description } }), JSON_TYPE)

  const logged = (req: IncomingMessage, url: URL, text: string) => ({
    path: url.pathname,
    headers: redactHeaders(headersOf(req)),
    body: redactBody(text),
    operation: route(url.pathname)?.operation ?? null,
    at: opts.now(),
  })
  return carrierHandler<MngLoggedRequest, readonly [EmulatedOrder, EmulatedShipment], EmulatedShipment>(
    { opts, requests: state.requests, hooks: mngAdvanceHook({ opts, state }), logged },
    (req, { url, raw, text, reply, takeFault }) => {
      const r = route(url.pathname)

      // IBM API Connect wording for paths and methods it does not know.
      if (!r) return gateway(reply, 404, 'Not Found', 'No resources match requested URI')
      if (req.method !== r.method) return gateway(reply, 405, 'Method Not Allowed', 'The method is not allowed for the requested URL')
      if (takeFault(faults)) return
      if (raw === null) return gateway(reply, 413, 'Payload Too Large', 'Request body too large')

      const app: MngApp | undefined = opts.apps.find(
        (a) => a.clientId === req.headers['x-ibm-client-id'] && a.clientSecret === req.headers['x-ibm-client-secret'],
      )
      if (!app) return gateway(reply, 401, 'Unauthorized', 'Invalid client id or secret.')
      if (app.products && !app.products.includes(r.product)) return gateway(reply, 401, 'Unauthorized', 'Client id not registered.')

      const limited = throttled(window)
      if (limited) return gateway(reply, 429, 'Too Many Requests', 'Rate Limit exceeded', limited)
      if (opts.requireApiVersion !== null && req.headers['x-api-version'] !== opts.requireApiVersion) {
        return error(reply, opts.errorHttpStatus, MngErrorCode.validation, MngMessage.apiVersionMissing, `x-api-version: ${opts.requireApiVersion}`)
      }

      let customerNumber = ''
      if (r.jwt) {
        const m = /^Bearer\s+(\S+)$/.exec(String(req.headers.authorization ?? '').trim())
        const customer = m ? state.tokenCustomer(m[1] ?? '', opts.now()) : null
        if (!customer) return error(reply, 401, MngErrorCode.tokenInvalid, MngMessage.tokenInvalid, 'Authorization: Bearer <jwt>')
        customerNumber = customer
      }

      let body: unknown = null
      if (r.method !== 'GET' && text.trim() !== '') {
        try {
          body = JSON.parse(text)
        } catch {
          return error(reply, opts.errorHttpStatus, MngErrorCode.validation, MngMessage.invalidJson)
        }
      }
      if (r.operation === 'token') return token(reply, body)
      const answer = dispatch(r, { opts, state, customerNumber }, body)
      if (answer.ok) return reply(200, JSON.stringify(answer.body), JSON_TYPE)
      return error(reply, answer.status, answer.code, answer.message, answer.description)
    },
  )

  /** POST /token {customerNumber,password,identityType:1} → {jwt,refreshToken,jwtExpireDate,refreshTokenExpireDate} (§3). */
  function token(reply: Reply, body: unknown): void {
    const b = (body ?? {}) as Record<string, unknown>
    if (b.identityType !== 1) return error(reply, opts.errorHttpStatus, MngErrorCode.validation, 'GEÇERSİZ ALAN: identityType', 'identityType: 1')
    const account = opts.accounts.find((a) => a.customerNumber === String(b.customerNumber ?? '') && a.password === b.password)
    if (!account) return error(reply, 401, MngErrorCode.loginFailed, MngMessage.loginFailed)
    const now = opts.now()
    const t = state.issueToken(account.customerNumber, now, opts.tokenTtlMs)
    const refreshTokenExpireDate = turkeyDateTime(now + 7 * 24 * 3_600_000, '.')
    reply(200, JSON.stringify({ jwt: t.jwt, refreshToken: t.refreshToken, jwtExpireDate: turkeyDateTime(t.expiresAt, '.'), refreshTokenExpireDate }), JSON_TYPE)
  }

  function dispatch(r: Route, ctx: op.Ctx, body: unknown): op.Answer {
    const run = OPERATIONS[r.operation]
    if (!run) throw new Error(`no operation for route ${r.operation}`)
    return run({ ctx, body, param: r.param ?? '', now: opts.now() })
  }
}
