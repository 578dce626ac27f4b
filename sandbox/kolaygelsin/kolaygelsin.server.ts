import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AdvanceHook } from '../common/emulator-hooks'
import { carrierHandler, headersOf, slidingWindowOf, throttled, type FaultPlan, type Reply } from '../common/http-emulator'
import { KG_REQUEST_PATH, KgMethodName, resultCodeOf, type ResolvedOptions } from './kolaygelsin.config'
import { advance, type EventSink } from './kolaygelsin.lifecycle'
import {
  cancelPickupAndDelivery,
  cargoEventTypes,
  corporateShipmentsStatus,
  saveRecipient,
  saveShipment,
  type Answer,
  type Ctx,
} from './kolaygelsin.operations'
import { kgSchemaErrors } from './kolaygelsin.schema'
import type { EmulatedKgShipment, KgLoggedRequest, KgState } from './kolaygelsin.state'

/**
 * Routing, auth, throttle and fault injection of the Kolay Gelsin emulator (docs/reference/carriers.md §7, [KG]):
 * POST /api/request/{Method}, the issued token in Authorization (Bearer, or bare as the swagger's
 * apiKey scheme), and every answer in the envelope {Source, Target, Intent, Tag, JobOwner, JobId,
 * Payload, Username, ResultCode, ResultMessage}; refusals carry ResultCode 500.0 / 404.1.
 */
const JSON_TYPE = 'application/json; charset=utf-8'

export type HandlerDeps = Readonly<{ opts: ResolvedOptions; state: KgState; faults: FaultPlan; sink: EventSink }>

/** POST /__emu/advance/{ShipmentId, code or barcode}?to=TYPE (docs/reference/carriers.md §14 test hook), also the emulator's advance(). */
export function kolayGelsinAdvanceHook({
  opts,
  state,
  sink,
}: Pick<HandlerDeps, 'opts' | 'state' | 'sink'>): AdvanceHook<EmulatedKgShipment, EmulatedKgShipment> {
  return {
    find: (key) => state.findAny(key),
    notFound: (key) => `no shipment ${key}`,
    isStatus: (to) => /^\d{1,2}$/.test(to),
    badStatus: (to) => `unknown event ${to}`,
    advance: (s, to) => advance(s, opts.now(), sink, to === undefined ? undefined : Number(to)),
  }
}

export function createKolayGelsinHandler({ opts, state, faults, sink }: HandlerDeps) {
  const served = Object.values(KgMethodName).filter((m) => opts.serveUndeclaredV2 || m !== KgMethodName.SaveIntegrationShipmentV2)
  const METHODS: ReadonlyMap<string, KgMethodName> = new Map(served.map((m) => [m.toLowerCase(), m]))
  const window = slidingWindowOf(opts)
  // ResultCode keeps the doc's decimals (500.0, 404.1), which JSON.stringify would drop.
  const envelope = (payload: unknown, username: string, resultCode: string, message: string) =>
    JSON.stringify({
      Source: 'parcelDelivery',
      Target: 'APIReadQ',
      Intent: null,
      Tag: null,
      JobOwner: 'APIReadQ',
      JobId: state.nextJobId(opts.now()),
      Payload: payload,
      Username: username,
      ResultCode: '@RC@',
      ResultMessage: message,
    }).replace('"@RC@"', resultCode)
  const answer = (reply: Reply, a: Answer, username: string): void =>
    a.ok
      ? reply(200, envelope(a.payload, username, '200', 'OK'), JSON_TYPE)
      : reply(opts.errorHttpStatus, envelope(null, username, resultCodeOf(a.message), a.message), JSON_TYPE)

  const methodOf = (url: URL) => {
    const m = new RegExp(`^${KG_REQUEST_PATH}/([^/]+)$`, 'i').exec(url.pathname)
    return m ? (METHODS.get((m[1] ?? '').toLowerCase()) ?? null) : null
  }
  const logged = (req: IncomingMessage, url: URL, text: string) => {
    const headers = headersOf(req)
    return {
      path: url.pathname,
      headers: headers.authorization === undefined ? headers : { ...headers, authorization: '[redacted]' },
      body: text,
      operation: methodOf(url),
      at: opts.now(),
    }
  }
  return carrierHandler<KgLoggedRequest, EmulatedKgShipment, EmulatedKgShipment>(
    { opts, requests: state.requests, hooks: kolayGelsinAdvanceHook({ opts, state, sink }), logged },
    (req, { url, raw, text, reply, takeFault }) => {
      const method = methodOf(url)

      // ASP.NET Web API's own answers for routing and auth failures.
      if (!method) return reply(404, JSON.stringify({ Message: `No HTTP resource was found that matches the request URI '${url.pathname}'.` }), JSON_TYPE)
      if (req.method !== 'POST')
        return reply(405, JSON.stringify({ Message: `The requested resource does not support http method '${req.method}'.` }), JSON_TYPE)
      if (takeFault(faults)) return
      if (raw === null) return reply(413, '', 'text/plain')
      const limited = throttled(window)
      if (limited) return reply(429, JSON.stringify({ Message: 'Too many requests' }), JSON_TYPE, limited)

      const token = (req.headers.authorization ?? '').trim().replace(/^Bearer\s+/i, '')
      const account = opts.accounts.find((a) => token !== '' && a.token === token)
      if (!account) return reply(401, JSON.stringify({ Message: 'Authorization has been denied for this request.' }), JSON_TYPE)

      let body: unknown = {}
      if (text.trim() !== '') {
        try {
          body = JSON.parse(text)
        } catch {
          return answer(reply, { ok: false, message: 'SomethingWentWrong' }, account.username)
        }
      }
      if (opts.validateSchema) {
        // ASP.NET Web API model validation: 400 before the action runs, one ModelState entry per field.
        const errors = kgSchemaErrors(method, body)
        if (errors.length > 0) {
          const modelState = Object.fromEntries(errors.map((e) => [e.slice(0, e.indexOf(':')).replace(/^\$/, 'model'), [e.slice(e.indexOf(':') + 2)]]))
          return reply(400, JSON.stringify({ Message: 'The request is invalid.', ModelState: modelState }), JSON_TYPE)
        }
      }
      const ctx: Ctx = { opts, state, account, sink }
      switch (method) {
        case KgMethodName.SaveRecipient:
          return answer(reply, saveRecipient(ctx, body), account.username)
        case KgMethodName.SaveIntegrationShipment:
          return answer(reply, saveShipment(ctx, body, false), account.username)
        case KgMethodName.SaveIntegrationShipmentV2:
          return answer(reply, saveShipment(ctx, body, true), account.username)
        case KgMethodName.CancelPickupAndDelivery:
          return answer(reply, cancelPickupAndDelivery(ctx, body), account.username)
        case KgMethodName.GetCorporateShipmentsStatus:
          return answer(reply, corporateShipmentsStatus(ctx, body), account.username)
        default:
          return answer(reply, cargoEventTypes(), account.username)
      }
    },
  )
}
