import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AdvanceHook } from '../common/emulator-hooks'
import { carrierHandler, headersOf, slidingWindowOf, throttled, type FaultPlan } from '../common/http-emulator'
import { readProtocolFile, schemaComplaint, SoapSchemaSet } from '../common/soap-schema'
import {
  ACCEPTANCE_OPERATIONS,
  WSDL_UNDECLARED_OPERATIONS,
  PttCode,
  PttEmuPath,
  PttService,
  PttStatus,
  PttText,
  TRACKING_OPERATIONS,
  type ResolvedPttOptions,
} from './ptt.config'
import { advance } from './ptt.lifecycle'
import { OPERATIONS, WRAPPER } from './ptt.operations'
import type { EmulatedPttShipment, PttLoggedRequest, PttState } from './ptt.state'
import { acceptanceResponse, faultEnvelope, isEnvelopeProblem, parsePttRequest, redactSifre, trackingResponse } from './ptt.xml'

/**
 * Routing, SOAPAction, throttle and fault injection of the PTT emulator (docs/reference/carriers.md §4, §14).
 * Acceptance dispatches on SOAPAction `urn:<op>`; tracking takes `urn:<op>` (its published WSDL's
 * binding) or an empty one (Axis2 then dispatches on the body element).
 * Business refusals are HTTP 200 with result codes; SOAP faults (HTTP 500) are for envelopes the
 * services cannot read, unknown operations, and the tracking gateway's "Policy Falsified".
 */
const XML = 'text/xml; charset=utf-8'

function serviceOf(path: string): PttService | null {
  if (path === PttEmuPath.acceptance || path === PttEmuPath.acceptanceTest) return PttService.acceptance
  if (path === PttEmuPath.tracking) return PttService.tracking
  return null
}

export type HandlerDeps = Readonly<{ opts: ResolvedPttOptions; state: PttState; faults: FaultPlan }>

/** POST /__emu/advance/{barcode}?to=STATUS (docs/reference/carriers.md §14 test hook), also the emulator's advance(). */
export function pttAdvanceHook({ opts, state }: Pick<HandlerDeps, 'opts' | 'state'>): AdvanceHook<EmulatedPttShipment, EmulatedPttShipment> {
  return {
    find: (barcode) => state.find(barcode),
    notFound: (barcode) => `no shipment ${barcode}`,
    isStatus: (to) => Object.values(PttStatus).includes(to as PttStatus),
    advance: (s, to) => advance(s, opts.now(), to as PttStatus | undefined),
    answer: (moved) => ({ barcode: moved.barcode, status: moved.status, events: moved.events.length }),
  }
}

export function createPttHandler({ opts, state, faults }: HandlerDeps) {
  const window = slidingWindowOf(opts)
  const soapActionOf = (req: IncomingMessage) => (typeof req.headers.soapaction === 'string' ? req.headers.soapaction : null)
  const logged = (req: IncomingMessage, url: URL, text: string) => ({
    path: url.pathname,
    headers: headersOf(req),
    body: redactSifre(text),
    operation: null,
    at: opts.now(),
    service: serviceOf(url.pathname),
    soapAction: soapActionOf(req),
  })

  return carrierHandler<PttLoggedRequest, EmulatedPttShipment, EmulatedPttShipment>(
    { opts, requests: state.requests, hooks: pttAdvanceHook({ opts, state }), logged },
    async (req, { url, raw, text, entry, reply, takeFault }) => {
      const { service, soapAction } = entry
      const soapFault = (faultcode: string, faultstring: string) => reply(500, faultEnvelope(faultcode, faultstring), XML) // SOAP 1.1 §6.2

      if (!service) return reply(404, '<html><body><h1>404 - Not Found</h1></body></html>', 'text/html')
      if (req.method === 'GET' && [...url.searchParams.keys()].some((k) => k.toLowerCase() === 'wsdl')) {
        // The published WSDL (protocols/ptt/), its endpoint addresses pointed here.
        const file = service === PttService.acceptance ? 'PttVeriYukleme_Sorgu.wsdl' : 'GonderiTakipV2_Sorgu.wsdl'
        const here = `http://${req.headers.host ?? '127.0.0.1'}${url.pathname}`
        return reply(200, readProtocolFile('ptt', file).replace(/(<(?:soap|soap12|http):address location=")[^"]*(")/g, `$1${here}$2`), XML)
      }
      if (req.method === 'GET') return reply(404, '<html><body>GET ?wsdl for the published WSDL; the operations take POST.</body></html>', 'text/html')
      if (req.method !== 'POST') return reply(405, '<html><body>Method Not Allowed</body></html>', 'text/html', { allow: 'GET, POST' })
      const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
      // SOAP 1.1 (text/xml) only: Axis2 also speaks 1.2, which no PTT client here sends.
      if (contentType !== 'text/xml') return reply(415, '<html><body>Unsupported Content-Type: expected text/xml</body></html>', 'text/html')

      if (takeFault(faults)) return
      if (raw === null) return reply(413, '<html><body>Request Entity Too Large</body></html>', 'text/html')
      const limited = throttled(window)
      if (limited) return reply(429, '<html><body>Too Many Requests</body></html>', 'text/html', limited)

      const parsed = parsePttRequest(text, service)
      if (isEnvelopeProblem(parsed)) return soapFault(parsed.faultcode, parsed.faultstring)
      entry.operation = parsed.operation
      const served: readonly string[] = service === PttService.acceptance ? ACCEPTANCE_OPERATIONS : TRACKING_OPERATIONS
      const run = OPERATIONS[parsed.operation]
      const undeclared = !opts.labelOperation && WSDL_UNDECLARED_OPERATIONS.includes(parsed.operation)
      if (!run || !served.includes(parsed.operation) || undeclared) {
        return service === PttService.acceptance
          ? soapFault(
              'soapenv:Client',
              `The endpoint reference (EPR) for the Operation not found is ${url.pathname} and the WSA Action = urn:${parsed.operation}`,
            )
          : soapFault('soapenv:Server.userException', `No such operation '${parsed.operation}'`)
      }
      if (opts.strictSoapAction) {
        const action = (soapAction ?? '').trim().replace(/^"(.*)"$/, '$1')
        const expected = `urn:${parsed.operation}`
        const emptyOk = service === PttService.tracking && action === ''
        if (soapAction === null || (action !== expected && !emptyOk))
          return soapFault('soapenv:Client', `SOAPAction "${soapAction ?? '(none)'}" does not match ${expected} for ${parsed.operation}`)
      }
      if (parsed.wrapper !== WRAPPER[parsed.operation])
        return soapFault('soapenv:Client', `org.apache.axis2.databinding.ADBException: Unexpected subelement ${parsed.wrapper}`)
      if (service === PttService.tracking && opts.trackingBlocked) return soapFault('soapenv:Server', 'Policy Falsified')
      if (!WSDL_UNDECLARED_OPERATIONS.includes(parsed.operation)) {
        const complaint = await schemaComplaint(SoapSchemaSet.ptt, text, opts.validateSchema)
        if (complaint !== null) return soapFault('soapenv:Client', `org.apache.axis2.databinding.ADBException: ${complaint}`)
      }

      if (state.systemErrors > 0) {
        // A refusal in HTTP 200 that says PTT itself failed (§14: most TR services answer 200 + error field).
        state.systemErrors -= 1
        if (service === PttService.acceptance) {
          const row =
            parsed.operation === 'siparisIstekEkle2'
              ? { sonucAciklama: PttText.systemError, sonucKodu: PttCode.systemError }
              : { aciklama: PttText.systemError, hataKodu: PttCode.systemError }
          return reply(200, acceptanceResponse(parsed.operation, row), XML)
        }
        return reply(200, trackingResponse(parsed.operation, 'return', { sonucAciklama: PttText.systemError, sonucKodu: PttCode.systemError }), XML)
      }
      const outcome = run({ opts, state, req: parsed })
      if (outcome.kind === 'fault') return soapFault(outcome.faultcode, outcome.faultstring)
      if (service === PttService.acceptance) return reply(200, acceptanceResponse(parsed.operation, outcome.row), XML)
      const returnElement = opts.trackingReturnElement === 'return' ? 'return' : `${parsed.operation}Return`
      reply(200, trackingResponse(parsed.operation, returnElement, outcome.row), XML)
    },
  )
}
