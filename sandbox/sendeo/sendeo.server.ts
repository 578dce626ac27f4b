import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AdvanceHook } from '../common/emulator-hooks'
import { carrierHandler, headersOf, slidingWindowOf, throttled, type FaultPlan, type Reply } from '../common/http-emulator'
import { ErrorCodePlacement, SendeoPath, type ResolvedOptions } from './sendeo.config'
import { advance } from './sendeo.lifecycle'
import { lowerKeys } from '../../protocols/json/dotnet-json'
import { cancelDelivery, getBarcode, setDelivery, trackDelivery, type Answer, type Ctx } from './sendeo.operations'
import type { EmulatedSendeoDelivery, SendeoLoggedRequest, SendeoState } from './sendeo.state'

/**
 * Routing, auth, throttle and fault injection of the Sendeo emulator (docs/reference/carriers.md §7, [SND]):
 * LoginAES {musteri, sifre} → result.Token; Bearer on every Cargo call, HTTP 401 without a valid one
 * ("token ile authentication sağlanmazsa 401 döner"); success {StatusCode:200, result,
 * exceptionMessage:null}; errors HTTP 500 with the envelope ("başarısız/hatalı isteklerde … 500").
 */
const JSON_TYPE = 'application/json; charset=utf-8'

type Route = Readonly<{ operation: string; method: 'GET' | 'POST' }>

const ROUTES: ReadonlyMap<string, Route> = new Map([
  [SendeoPath.login.toLowerCase(), { operation: 'LoginAES', method: 'POST' }],
  [SendeoPath.setDelivery.toLowerCase(), { operation: 'SETDELIVERY', method: 'POST' }],
  [SendeoPath.cancelDelivery.toLowerCase(), { operation: 'CANCELDELIVERY', method: 'POST' }],
  [SendeoPath.trackDelivery.toLowerCase(), { operation: 'TRACKDELIVERY', method: 'GET' }],
  [SendeoPath.getBarcode.toLowerCase(), { operation: 'GETBARCODE', method: 'POST' }],
])

function redactHeaders(h: Record<string, string>): Record<string, string> {
  return h.authorization === undefined ? h : { ...h, authorization: '[redacted]' }
}

const redactBody = (text: string) => text.replace(/("sifre"\s*:\s*")[^"]*(")/gi, '$1[redacted]$2')

export type HandlerDeps = Readonly<{ opts: ResolvedOptions; state: SendeoState; faults: FaultPlan }>

/** POST /__emu/advance/{reference or tracking number}?to=STATUSID (docs/reference/carriers.md §14 test hook), also the emulator's advance(). */
export function sendeoAdvanceHook({ opts, state }: Pick<HandlerDeps, 'opts' | 'state'>): AdvanceHook<EmulatedSendeoDelivery, EmulatedSendeoDelivery> {
  return {
    find: (key) => state.find(null, key),
    notFound: (key) => `no delivery ${key}`,
    isStatus: (to) => /^\d{3}$/.test(to),
    advance: (d, to) => advance(d, opts.now(), to === undefined ? undefined : Number(to)),
  }
}

export function createSendeoHandler({ opts, state, faults }: HandlerDeps) {
  const window = slidingWindowOf(opts)
  let requestSeq = 0
  const envelope = (statusCode: number, result: unknown, message: string | null) => {
    requestSeq += 1
    const requestId = `00000000-0000-4000-8000-${String(requestSeq).padStart(12, '0')}`
    return JSON.stringify({ RequestId: requestId, StatusCode: statusCode, result, exceptionMessage: message })
  }
  const answer = (reply: Reply, a: Answer): void => {
    if (a.ok) return reply(200, envelope(200, a.result, null), JSON_TYPE)
    if (a.code === null) return reply(500, envelope(500, null, a.message), JSON_TYPE)
    switch (opts.errorCodePlacement) {
      case ErrorCodePlacement.message:
        return reply(500, envelope(500, null, a.message), JSON_TYPE)
      case ErrorCodePlacement.codeAsMessage:
        return reply(500, envelope(500, null, String(a.code)), JSON_TYPE)
      default:
        return reply(500, envelope(a.code, null, a.message), JSON_TYPE)
    }
  }

  const logged = (req: IncomingMessage, url: URL, text: string) => ({
    path: `${url.pathname}${url.search}`,
    headers: redactHeaders(headersOf(req)),
    body: redactBody(text),
    operation: ROUTES.get(url.pathname.toLowerCase())?.operation ?? null,
    at: opts.now(),
  })
  return carrierHandler<SendeoLoggedRequest, EmulatedSendeoDelivery, EmulatedSendeoDelivery>(
    { opts, requests: state.requests, hooks: sendeoAdvanceHook({ opts, state }), logged },
    (req, { url, raw, text, reply, takeFault }) => {
      const r = ROUTES.get(url.pathname.toLowerCase()) ?? null

      // ASP.NET answers unknown routes and wrong verbs with an empty body.
      if (!r) return reply(404, '', 'text/plain')
      if (req.method !== r.method) return reply(405, '', 'text/plain', { allow: r.method })
      if (takeFault(faults)) return
      if (raw === null) return reply(413, '', 'text/plain')

      const limited = throttled(window)
      if (limited) return reply(429, envelope(429, null, 'Too Many Requests'), JSON_TYPE, limited)

      let body: unknown = null
      if (r.method === 'POST' && text.trim() !== '') {
        try {
          body = JSON.parse(text)
        } catch {
          return reply(
            400,
            JSON.stringify({ title: 'One or more validation errors occurred.', status: 400, errors: { $: ['The JSON value could not be converted.'] } }),
            'application/problem+json; charset=utf-8',
          )
        }
      }

      if (r.operation === 'LoginAES') return login(reply, body)
      const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization?.trim() ?? '')
      const musteri = m ? state.tokenUser(m[1] ?? '', opts.now()) : null
      if (!musteri) return reply(401, '', 'text/plain', { 'www-authenticate': 'Bearer' })
      const ctx: Ctx = { opts, state, musteri }
      switch (r.operation) {
        case 'SETDELIVERY':
          return void answer(reply, setDelivery(ctx, body))
        case 'GETBARCODE':
          return void answer(reply, getBarcode(ctx, body))
        case 'CANCELDELIVERY':
          return void answer(reply, cancelDelivery(ctx, url.searchParams))
        default:
          return track(reply, ctx, url.searchParams)
      }
    },
  )

  function login(reply: Reply, body: unknown): void {
    const b = (lowerKeys(body) ?? {}) as Record<string, unknown>
    const musteri = typeof b.musteri === 'string' ? b.musteri : ''
    const account = opts.accounts.find((a) => a.musteri === musteri)
    // [SND]: "çok sayıda hatalı kullanıcı adı veya şifre bilgisi girildiğinde bloklanma olmaktadır".
    if (account && state.failedLoginCount(musteri) >= opts.lockoutAfter)
      return reply(401, envelope(401, null, 'Kullanıcı bloke edilmiştir. Entegrasyon ekibi ile iletişime geçiniz.'), JSON_TYPE)
    if (!account || b.sifre !== account.sifre) {
      if (account) state.loginFailed(musteri)
      return reply(401, envelope(401, null, 'Kullanıcı adı veya şifre hatalı.'), JSON_TYPE)
    }
    state.loginSucceeded(musteri)
    const now = opts.now()
    const token = state.issueToken(musteri, now, opts.tokenTtlMs)
    reply(200, envelope(200, { Token: token, ExpireDate: new Date(now + opts.tokenTtlMs).toISOString() }, null), JSON_TYPE)
  }

  /** [SND]: the same TRACKDELIVERY query within 30 minutes comes from cache (faults and limits still apply first). */
  function track(reply: Reply, ctx: Ctx, q: URLSearchParams): void {
    const key = `${ctx.musteri}?${[...q.entries()]
      .map(([k, v]) => `${k.toLowerCase()}=${v}`)
      .sort()
      .join('&')}`
    const cached = state.cachedTrack(key, opts.now(), opts.trackCacheMs)
    if (cached !== null) return reply(200, cached, JSON_TYPE)
    const a = trackDelivery(ctx, q)
    if (a.ok) {
      const body = envelope(200, a.result, null)
      state.cacheTrack(key, opts.now(), body)
      return reply(200, body, JSON_TYPE)
    }
    answer(reply, a)
  }
}
