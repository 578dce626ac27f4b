import type { IncomingMessage, ServerResponse } from 'node:http'
import { answerHook, jsonHookOf } from '../common/emulator-hooks'
import { carrierHandler, headersOf, type FaultPlan, type LoggedHttpRequest, type Reply, type SlidingWindow } from '../common/http-emulator'
import { schemaComplaint, SoapSchemaSet } from '../common/soap-schema'
import { ARAS_PATHS, QUERY_ACTION_PREFIX, SHIPMENT_OPERATIONS, TEST_PATH_OPERATIONS, type ResolvedOptions } from './aras.config'
import { advance } from './aras.lifecycle'
import { getQueryJson } from './aras.query-ops'
import { cancelDispatch, getBarcode, getOrder, getOrderWithIntegrationCode, setOrder, type OpContext, type OpOutcome } from './aras.shipment-ops'
import type { ArasState } from './aras.state'
import { minimalWsdl } from './aras.wsdl'
import {
  child,
  contentTypeOf,
  faultEnvelope,
  fieldsOf,
  parseXml,
  redactSecrets,
  responseEnvelope,
  SOAP11_NS,
  SOAP12_NS,
  TEMPURI,
  wcfFaultEnvelope,
  wcfResponseEnvelope,
  type SoapVersion,
} from './aras.xml'

const OPS: Readonly<Record<string, (ctx: OpContext) => OpOutcome>> = {
  SetOrder: setOrder,
  GetOrder: getOrder,
  GetOrderWithIntegrationCode: getOrderWithIntegrationCode,
  CancelDispatch: cancelDispatch,
  GetBarcode: getBarcode,
}
const HTML = 'text/html; charset=utf-8'
const XML = 'text/xml; charset=utf-8'

type Service = Readonly<{ kind: 'asmx' | 'svc'; env: 'test' | 'live' }>

function serviceOf(path: string): Service | null {
  const p = path.toLowerCase()
  if (p === ARAS_PATHS.testShipment.toLowerCase()) return { kind: 'asmx', env: 'test' }
  if (p === ARAS_PATHS.liveShipment.toLowerCase()) return { kind: 'asmx', env: 'live' }
  if (p === ARAS_PATHS.testQuery.toLowerCase()) return { kind: 'svc', env: 'test' }
  if (p === ARAS_PATHS.liveQuery.toLowerCase()) return { kind: 'svc', env: 'live' }
  return null
}

export type HandlerDeps = Readonly<{
  opts: ResolvedOptions
  state: ArasState
  faults: FaultPlan
  limiter: SlidingWindow | null
  onRateLimited: () => void
  origin: () => string
}>

/** Test hooks, ?WSDL, the limiter, faults, then the SOAP dispatch of either service. */
export function createArasHandler(deps: HandlerDeps) {
  const hooks = (req: IncomingMessage, url: URL, text: string, res: ServerResponse): boolean => {
    if (!url.pathname.startsWith('/__emu/')) return false
    hook(deps, url.pathname, text, req.method ?? '', res)
    return true
  }
  const logged = (req: IncomingMessage, url: URL, text: string) => ({
    path: url.pathname + url.search,
    headers: headersOf(req),
    body: redactSecrets(text),
    operation: null,
  })
  return carrierHandler<LoggedHttpRequest, never, never>(
    { opts: deps.opts, requests: deps.state.requests, hooks, logged },
    (req, { url, raw, text, entry, reply, takeFault }) => {
      const service = serviceOf(url.pathname)
      if (!service) return reply(404, '<html><body><h1>404 - File or directory not found.</h1></body></html>', HTML)
      const query = [...url.searchParams.keys()].map((k) => k.toLowerCase())
      if (req.method === 'GET' && (query.includes('wsdl') || query.includes('singlewsdl')))
        return reply(200, wsdlOf(service, `${deps.origin()}${url.pathname}`, deps.opts), XML)
      // The ASMX help pages (?op=…) and its HTTP GET/POST bindings are not emulated: .NET disables those
      // bindings for remote callers by default, and docs/reference/carriers.md §2 only documents SOAP.
      if (req.method !== 'POST')
        return reply(req.method === 'GET' ? 404 : 405, '<html><body>Not emulated: POST a SOAP envelope, or GET ?WSDL</body></html>', HTML)
      if (deps.limiter) {
        const waitMs = deps.limiter.hit()
        if (waitMs > 0) {
          deps.onRateLimited()
          return reply(429, '<html><body>Too Many Requests</body></html>', HTML, { 'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))) })
        }
      }
      if (takeFault(deps.faults)) return
      if (raw === null) return reply(413, '<html><body>Request Entity Too Large</body></html>', HTML)
      const contentType = req.headers['content-type'] ?? '' // case kept: the SOAP 1.2 action parameter is case-sensitive
      if (service.kind === 'svc') return wcf(deps, req, text, contentType, reply, entry)
      return asmx(deps, service, req, text, contentType, reply, entry)
    },
  )
}

function wsdlOf(service: Service, location: string, opts: ResolvedOptions): string {
  if (service.kind === 'svc')
    return minimalWsdl(
      'ArasCargoIntegrationService',
      'IArasCargoIntegrationService',
      ['GetQueryDS', 'GetQueryXML', 'GetQueryJSON'],
      (op) => QUERY_ACTION_PREFIX + op,
      location,
    )
  const ops = service.env === 'test' && opts.testPathOperations === 'documented' ? TEST_PATH_OPERATIONS : SHIPMENT_OPERATIONS
  return minimalWsdl('Service', 'ServiceSoap', ops, (op) => TEMPURI + op, location)
}

const unquote = (s: string) => s.trim().replace(/^"(.*)"$/, '$1')

async function asmx(
  deps: HandlerDeps,
  service: Service,
  req: IncomingMessage,
  text: string,
  contentType: string,
  reply: Reply,
  entry: LoggedHttpRequest,
): Promise<void> {
  // ASMX speaks SOAP 1.1 (text/xml + SOAPAction) and 1.2 (application/soap+xml; action="…"); the doc's sample is 1.2.
  const type = contentType.toLowerCase()
  const version: SoapVersion | null = type.startsWith('text/xml') ? '1.1' : type.startsWith('application/soap+xml') ? '1.2' : null
  if (!version) return reply(415, '<html><body>Unsupported Media Type</body></html>', HTML)
  const fault = (code: 'Client' | 'Server' | 'VersionMismatch', message: string) => reply(500, faultEnvelope(version, code, message), contentTypeOf(version))
  const root = parseXml(text)
  if (typeof root === 'string') return fault('Client', `Server was unable to read request. ---> There is an error in XML document. ---> ${root}`)
  const envNs = version === '1.2' ? SOAP12_NS : SOAP11_NS
  if (root.name !== 'Envelope' || root.ns !== envNs)
    return fault('VersionMismatch', `Possible SOAP version mismatch: Envelope namespace ${root.ns} was unexpected. Expecting ${envNs}.`)
  const action = version === '1.1' ? unquote(String(req.headers.soapaction ?? '')) : unquote(/action=("[^"]*"|[^;]*)/.exec(contentType)?.[1] ?? '')
  const body = child(root, 'Body', envNs)
  const opEl = body?.children[0]
  const allowed = service.env === 'test' && deps.opts.testPathOperations === 'documented' ? TEST_PATH_OPERATIONS : SHIPMENT_OPERATIONS
  // SOAP 1.2 may route on the body element when the action parameter is absent.
  const operation = action !== '' ? (action.startsWith(TEMPURI) ? action.slice(TEMPURI.length) : '') : version === '1.2' ? (opEl?.name ?? '') : ''
  if (!allowed.includes(operation)) return fault('Client', `Server did not recognize the value of HTTP Header SOAPAction: ${action}.`)
  if (!opEl || opEl.name !== operation || opEl.ns !== TEMPURI) {
    return fault(
      'Client',
      `Server was unable to read request. ---> There is an error in XML document (1, 1). ---> <${opEl?.name ?? ''} xmlns='${opEl?.ns ?? ''}'> was not expected.`,
    )
  }
  entry.operation = operation
  const complaint = await schemaComplaint(SoapSchemaSet.arasOrders, text, deps.opts.validateSchema)
  // XmlSerializer's wording for a body it cannot read; the XSD's complaint stands in for its detail.
  if (complaint !== null) return fault('Client', `Server was unable to read request. ---> There is an error in XML document. ---> ${complaint}`)
  const run = OPS[operation] as (ctx: OpContext) => OpOutcome
  const outcome = run({ opts: deps.opts, state: deps.state, op: opEl, args: fieldsOf(opEl), nowMs: deps.opts.now() })
  if (outcome.kind === 'fault') return fault(outcome.code, outcome.text)
  reply(200, responseEnvelope(version, operation, outcome.inner), contentTypeOf(version))
}

async function wcf(deps: HandlerDeps, req: IncomingMessage, text: string, contentType: string, reply: Reply, entry: LoggedHttpRequest): Promise<void> {
  // basicHttpBinding: SOAP 1.1 only, as WCF words its refusal.
  if (!contentType.toLowerCase().startsWith('text/xml')) {
    return reply(415, `Cannot process the message because the content type '${contentType}' was not the expected type 'text/xml; charset=utf-8'.`, 'text/plain')
  }
  const root = parseXml(text)
  if (typeof root === 'string' || root.name !== 'Envelope' || root.ns !== SOAP11_NS) return reply(400, '<html><body>Bad Request</body></html>', HTML)
  const action = unquote(String(req.headers.soapaction ?? ''))
  const operation = action.startsWith(QUERY_ACTION_PREFIX) ? action.slice(QUERY_ACTION_PREFIX.length) : ''
  if (!['GetQueryJSON', 'GetQueryXML', 'GetQueryDS'].includes(operation)) {
    return reply(
      500,
      wcfFaultEnvelope(
        'a:ActionNotSupported',
        `The message with Action '${action}' cannot be processed at the receiver, due to a ContractFilter mismatch at the EndpointDispatcher.`,
      ),
      XML,
    )
  }
  entry.operation = operation
  if (operation !== 'GetQueryJSON') return reply(500, wcfFaultEnvelope('s:Server', `${operation} is not emulated; use GetQueryJSON`), XML)
  const complaint = await schemaComplaint(SoapSchemaSet.arasQuery, text, deps.opts.validateSchema)
  if (complaint !== null) {
    return reply(
      500,
      wcfFaultEnvelope('a:DeserializationFailed', `The formatter threw an exception while trying to deserialize the message: ${complaint}`),
      XML,
    )
  }
  const opEl = child(child(root, 'Body', SOAP11_NS), 'GetQueryJSON', TEMPURI)
  // A body WCF cannot bind leaves the arguments null: the login then fails, as it would there.
  const outcome = getQueryJson({ opts: deps.opts, state: deps.state, op: opEl ?? root, args: opEl ? fieldsOf(opEl) : {}, nowMs: deps.opts.now() })
  if (outcome.kind === 'fault') return reply(500, wcfFaultEnvelope(`s:${outcome.code}`, outcome.text), XML)
  reply(200, wcfResponseEnvelope('GetQueryJSON', outcome.inner), XML)
}

/**
 * Test hooks (docs/reference/carriers.md §14): POST /__emu/advance/{integrationCode or tracking no} {"to"?} and
 * POST /__emu/result/{SetOrder|CancelDispatch|GetBarcode} {"code","message"?} (the next call of that
 * operation answers that ResultCode). JSON answers; not logged as carrier traffic.
 */
function hook(deps: HandlerDeps, path: string, text: string, method: string, res: ServerResponse): void {
  const json = (status: number, body: unknown) => answerHook(res, status, body)
  const h = jsonHookOf(path, method, text, ['advance', 'result'])
  if ('error' in h) return json(h.status, { error: h.error })
  const { key, body } = h
  if (h.name === 'result') {
    if (!['SetOrder', 'CancelDispatch', 'GetBarcode'].includes(key) || typeof body.code !== 'string')
      return json(400, { error: 'POST /__emu/result/{SetOrder|CancelDispatch|GetBarcode} {"code": "…"}' })
    deps.state.queueResult(key, body.code, typeof body.message === 'string' ? body.message : '')
    return json(200, { queued: key, code: body.code })
  }
  const order = deps.state.find(key) ?? deps.state.findByTracking(key)
  if (!order) return json(404, { error: `no order ${key}` })
  try {
    advance(deps.state, order, deps.opts.now(), typeof body.to === 'string' ? body.to : undefined)
  } catch (err) {
    return json(409, { error: (err as Error).message })
  }
  json(200, { integrationCode: order.integrationCode, trackingNumber: order.trackingNumber, durum: order.durum, tip: order.tip, devir: order.devir })
}
