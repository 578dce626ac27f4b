import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AdvanceHook } from '../common/emulator-hooks'
import { carrierHandler, headersOf, slidingWindowOf, throttled, type FaultPlan, type Reply } from '../common/http-emulator'
import { SURAT_NS, SuratOp, SuratPath, type ResolvedOptions } from './surat.config'
import { create, gonderiGeriCek, gonderiSil, kargoBarkodu, restTracking, takipV2, type OpAnswer, type OpCtx } from './surat.operations'
import type { EmulatedSuratShipment, SuratLoggedRequest, SuratState } from './surat.state'
import { faultEnvelope, parseRequestEnvelope, redactSoap, resultEnvelope } from './surat.xml'

/**
 * Routing, Cloudflare, throttle and fault injection of the Sürat emulator: SOAP 1.1 at
 * /services.asmx (SOAPAction "http://tempuri.org/<Op>") and REST tracking at
 * /api/KargoTakipHareketDetayi on one origin (docs/reference/carriers.md §5). Business errors travel as HTTP 200
 * with isError/Message or a result string; SOAP faults only for envelope problems (§14).
 */
const XML = 'text/xml; charset=utf-8'
const JSON_TYPE = 'application/json; charset=utf-8'
const HTML = 'text/html; charset=UTF-8'

const OPERATIONS: Readonly<Record<string, (ctx: OpCtx) => OpAnswer>> = {
  [SuratOp.siparisBarkod]: (ctx) => create(SuratOp.siparisBarkod, ctx),
  [SuratOp.yeni]: (ctx) => create(SuratOp.yeni, ctx),
  [SuratOp.ortakBarkod]: (ctx) => create(SuratOp.ortakBarkod, ctx),
  [SuratOp.kargoBarkodu]: kargoBarkodu,
  [SuratOp.gonderiSil]: gonderiSil,
  [SuratOp.gonderiGeriCek]: gonderiGeriCek,
  [SuratOp.takipV2]: takipV2,
}

/** What Cloudflare in front of Sürat answers a blocked client (docs/reference/carriers.md §5: "403s possible"). */
const CLOUDFLARE_PAGE =
  '<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body>' +
  '<h1>Sorry, you have been blocked</h1><p>You are unable to access suratkargo.com.tr</p>' +
  '<p>Cloudflare Ray ID: <strong>8a1b2c3d4e5f6a7b</strong></p></body></html>'

function redactPath(path: string): string {
  return path.replace(/([?&]Sifre=)[^&]*/gi, '$1[redacted]')
}

function actionOp(req: IncomingMessage): string | null {
  const action = String(req.headers.soapaction ?? '')
    .trim()
    .replace(/^"|"$/g, '')
  const op = action.startsWith(SURAT_NS) ? action.slice(SURAT_NS.length) : ''
  return Object.hasOwn(OPERATIONS, op) ? op : null
}

export type HandlerDeps = Readonly<{ opts: ResolvedOptions; state: SuratState; faults: FaultPlan }>

/** POST /__emu/advance/{OzelKargoTakipNo}?to=N (docs/reference/carriers.md §14 test hook), also the emulator's advance(). */
export function suratAdvanceHook({ state }: Pick<HandlerDeps, 'state'>): AdvanceHook<EmulatedSuratShipment, EmulatedSuratShipment> {
  return {
    find: (key) => state.find(key),
    notFound: (key) => `no shipment ${key}`,
    isStatus: (to) => /^\d+$/.test(to),
    badStatus: (to) => `bad status ${to}`,
    advance: (s, to) => state.advance(s, to === undefined ? undefined : Number(to)),
    answer: (moved) => ({ ozelKargoTakipNo: moved.ozelKargoTakipNo, statusCode: moved.statusCode, barcode: moved.barcode }),
  }
}

export function createSuratHandler({ opts, state, faults }: HandlerDeps) {
  const window = slidingWindowOf(opts)
  const isSoapPath = (url: URL) => url.pathname.toLowerCase() === SuratPath.soap
  const isRestPath = (url: URL) => url.pathname === SuratPath.tracking
  const logged = (req: IncomingMessage, url: URL, text: string) => ({
    path: redactPath(url.pathname + url.search),
    headers: headersOf(req),
    body: redactSoap(text),
    // The SOAPAction names the operation before anything is parsed, so faulted requests are logged with it.
    operation: isRestPath(url) ? 'KargoTakipHareketDetayi' : isSoapPath(url) ? actionOp(req) : null,
    at: opts.now(),
  })

  return carrierHandler<SuratLoggedRequest, EmulatedSuratShipment, EmulatedSuratShipment>(
    { opts, requests: state.requests, hooks: suratAdvanceHook({ state }), logged },
    (req, { url, raw, text: body, reply, takeFault }) => {
      const isSoap = isSoapPath(url)
      const isRest = isRestPath(url)

      if (state.cloudflareBlocks > 0) {
        state.cloudflareBlocks -= 1
        return reply(403, CLOUDFLARE_PAGE, HTML, { server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f6a7b-IST' })
      }
      if (!isSoap && !isRest) return reply(404, '<html><body><h2>404 - File or directory not found.</h2></body></html>', HTML)
      if (takeFault(faults)) return
      const limited = throttled(window)
      // Cloudflare's rate limiting answer (error 1015) with Retry-After.
      if (limited) return reply(429, '<html><body><h1>Error 1015</h1><p>You are being rate limited</p></body></html>', HTML, limited)
      if (raw === null) return reply(413, '<html><body>Request Entity Too Large</body></html>', HTML)
      if (isRest) return rest(req, url, reply)
      return soap(req, body, reply)
    },
  )

  function rest(req: IncomingMessage, url: URL, reply: Reply): void {
    // ASP.NET Web API: the action is POST only (docs/reference/carriers.md §5 "POST …/api/KargoTakipHareketDetayi").
    if (req.method !== 'POST') return reply(405, JSON.stringify({ Message: `The requested resource does not support http method '${req.method}'.` }), JSON_TYPE)
    reply(200, JSON.stringify(restTracking(opts, state, url.searchParams)), JSON_TYPE)
  }

  function soap(req: IncomingMessage, body: string, reply: Reply): void {
    const fault = (code: 'soap:Client' | 'soap:Server', text: string) => reply(500, faultEnvelope(code, text), XML)
    if (req.method !== 'POST') return reply(405, '<html><body>Method not allowed</body></html>', HTML)
    if (!/\btext\/xml\b/i.test(req.headers['content-type'] ?? '')) return reply(415, '<html><body>Unsupported Media Type</body></html>', HTML)
    const op = actionOp(req)
    if (op === null)
      return fault(
        'soap:Client',
        `Server did not recognize the value of HTTP Header SOAPAction: ${String(req.headers.soapaction ?? '')
          .trim()
          .replace(/^"|"$/g, '')}.`,
      )
    const parsed = parseRequestEnvelope(body)
    if (!parsed.ok) return fault('soap:Client', `Server was unable to read request. ---> ${parsed.reason}`)
    if (parsed.operation !== op || parsed.namespace !== SURAT_NS) {
      return fault(
        'soap:Client',
        `Server was unable to read request. ---> There is an error in XML document. ---> <${parsed.operation} xmlns='${parsed.namespace ?? ''}'> was not expected.`,
      )
    }
    const answer = (OPERATIONS[op] as (ctx: OpCtx) => OpAnswer)({ opts, state, fields: parsed.fields })
    if (answer.kind === 'fault') return fault(answer.faultcode, answer.text)
    reply(200, resultEnvelope(op, answer.inner), XML)
  }
}
