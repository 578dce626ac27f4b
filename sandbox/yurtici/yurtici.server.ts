import type { IncomingMessage, ServerResponse } from 'node:http'
import { YkCode, YkText, YurticiFault, type ResolvedOptions, type YurticiUser } from './yurtici.config'
import { advance, setReturn, type ReturnPatch } from './yurtici.lifecycle'
import { cancelShipment, createShipment, queryShipment, resultError, saveReturnShipmentCode, type OpContext, type OpOutcome } from './yurtici.operations'
import type { LoggedRequest, YurticiState } from './yurtici.state'
import { answerPreCommitFault, headersOf, HttpFault, readBody, replier } from '../common/http-emulator'
import { answerHook, jsonHookOf } from '../common/emulator-hooks'
import { schemaComplaint, SoapSchemaSet } from '../common/soap-schema'
import { faultEnvelope, isEnvelopeProblem, parseRequestEnvelope, redactPassword, responseEnvelope } from './yurtici.xml'

const XML = 'text/xml; charset=utf-8'

const OPERATIONS: Readonly<Record<string, (ctx: OpContext) => OpOutcome>> = { createShipment, cancelShipment, queryShipment, saveReturnShipmentCode }

type Auth = Readonly<{ user: YurticiUser }> | Readonly<{ errCode: number; text: string }>

function authenticate(users: readonly YurticiUser[], username: string | undefined, password: string | undefined): Auth {
  const user = users.find((u) => u.username === username)
  if (!user) return { errCode: YkCode.authUnknownUser, text: YkText.authUnknownUser }
  if (user.password !== password) return { errCode: YkCode.authWrongPassword, text: YkText.authWrongPassword }
  if (user.disabled) return { errCode: YkCode.authNotAuthorized, text: YkText.authNotAuthorized }
  return { user }
}

export type HandlerDeps = Readonly<{ opts: ResolvedOptions; state: YurticiState; serviceUrl: () => string }>

/** The request handler: test hooks, ?wsdl, faults, envelope, auth, throttle, dispatch. */
export function createYurticiHandler(deps: HandlerDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(deps, req, res).catch((err: unknown) => {
      // A bug in the emulator: a Server fault naming it, so the test that hit it fails loudly.
      if (!res.headersSent) res.writeHead(500, { 'content-type': XML })
      res.end(faultEnvelope('S:Server', `emulator error: ${(err as Error).message}`))
    })
  }
}

async function handle({ opts, state, serviceUrl }: HandlerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const raw = await readBody(req)
  const text = raw?.toString('utf8') ?? ''
  if (url.pathname.startsWith('/__emu/')) return hook(opts, state, url.pathname, text, req.method ?? '', res)

  const entry: LoggedRequest = {
    method: req.method ?? '',
    path: url.pathname + url.search,
    headers: headersOf(req),
    body: redactPassword(text),
    operation: null,
    username: null,
    status: null,
    fault: null,
  }
  state.requests.push(entry)
  let fault: YurticiFault | null = null
  // The shared faults under Yurtiçi's names: malformedXml is a cut envelope; unexpectedError is answered by the operation.
  const asHttpFault = (): HttpFault | null =>
    fault === YurticiFault.malformedXml ? HttpFault.malformed : fault === YurticiFault.unexpectedError ? null : fault
  const send = replier(req, res, asHttpFault, entry)
  const reply = (status: number, body: string, contentType = XML, extra: Record<string, string> = {}) => send(status, body, contentType, extra)
  const soapFault = (faultcode: string, faultstring: string, detail?: Readonly<{ errorCode: number; errText: string }>) =>
    reply(500, faultEnvelope(faultcode, faultstring, detail)) // SOAP 1.1 §6.2: faults travel with HTTP 500

  if (url.pathname !== opts.path) return reply(404, '<html><body><h1>404 - Not Found</h1></body></html>', 'text/html')
  if (req.method === 'GET' && [...url.searchParams.keys()].some((k) => k.toLowerCase() === 'wsdl')) {
    if (!opts.wsdl) return reply(404, '<html><body>WSDL not available: pass options.wsdl</body></html>', 'text/html')
    return reply(200, opts.wsdl.replace(/(<soap:address\s+location=")[^"]*(")/, `$1${serviceUrl()}$2`))
  }
  if (req.method !== 'POST') return reply(405, '<html><body>Method Not Allowed</body></html>', 'text/html', { allow: 'GET, POST' })
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  // SOAP 1.1 binding (docs/reference/carriers.md §1): text/xml; a SOAP 1.2 content type is refused as JAX-WS does.
  if (contentType !== 'text/xml') return reply(415, '<html><body>Unsupported Content-Type: expected text/xml</body></html>', 'text/html')

  fault = state.faults.take()
  entry.fault = fault
  if (answerPreCommitFault(asHttpFault(), req, send, opts.retryAfterSeconds)) return
  if (raw === null) return reply(413, '<html><body>Request Entity Too Large</body></html>', 'text/html')

  const parsed = parseRequestEnvelope(text)
  if (isEnvelopeProblem(parsed)) return soapFault(parsed.faultcode, parsed.faultstring)
  entry.operation = parsed.operation
  const run = OPERATIONS[parsed.operation]
  if (!run) return soapFault('S:Client', `Cannot find dispatch method for {http://yurticikargo.com.tr/ShippingOrderDispatcherServices}${parsed.operation}`)

  const complaint = await schemaComplaint(SoapSchemaSet.yurtici, text, opts.validateSchema)
  if (complaint !== null) return soapFault('S:Client', `Unmarshalling Error: ${complaint}`) // JAX-WS with schema validation on

  const username = parsed.fields.wsUserName
  entry.username = username ?? null
  const auth = authenticate(opts.users, username, parsed.fields.wsPassword)
  if ('errCode' in auth) {
    if (opts.authFailure === 'fault') return soapFault('S:Server', auth.text, { errorCode: auth.errCode, errText: auth.text })
    return reply(200, responseEnvelope(parsed.operation, resultError(parsed.operation, 1, auth.errCode, auth.text, 0)))
  }
  const { user } = auth
  if (fault === YurticiFault.unexpectedError) {
    return reply(200, responseEnvelope(parsed.operation, resultError(parsed.operation, 2, YkCode.unexpected, YkText.unexpected, user.senderCustId)))
  }
  const throttle = opts.queryThrottle
  if (parsed.operation === 'queryShipment' && throttle) {
    const scope = `${user.username}\n${parsed.fields.keyType?.trim() ?? ''}`
    if (
      state.throttled(
        scope,
        parsed.keys.map((k) => k.trim()),
        opts.now(),
        throttle.windowMs,
      )
    ) {
      return soapFault('S:Server', YkText.throttled, { errorCode: throttle.errCode, errText: YkText.throttled })
    }
  }
  const outcome = run({ opts, state, user, req: parsed })
  if (outcome.kind === 'fault') return soapFault(outcome.faultcode, outcome.faultstring, outcome.detail)
  reply(200, responseEnvelope(parsed.operation, outcome.xml))
}

function returnPatch(body: Record<string, unknown>): ReturnPatch {
  const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v))
  return { rejectStatus: str(body.rejectStatus), rejectReason: str(body.rejectReason), returnStatus: str(body.returnStatus) }
}

/**
 * Test hooks (docs/reference/carriers.md §14): POST /__emu/advance/{cargoKey} {"to"?: "ISR"|"IND"|"DLV"|"BI"} and
 * POST /__emu/return/{cargoKey} {"rejectStatus"?, "rejectReason"?, "returnStatus"?}; both take an
 * optional "senderCustId". Answers JSON; not logged as carrier traffic.
 */
function hook(opts: ResolvedOptions, state: YurticiState, path: string, text: string, method: string, res: ServerResponse): void {
  const json = (status: number, body: unknown) => answerHook(res, status, body)
  const h = jsonHookOf(path, method, text, ['advance', 'return'])
  if ('error' in h) return json(h.status, { error: h.error })
  const { key: cargoKey, body } = h
  const s = state.anyByCargoKey(cargoKey, typeof body.senderCustId === 'number' ? body.senderCustId : undefined)
  if (!s) return json(404, { error: `no shipment with cargoKey ${cargoKey}` })
  try {
    if (h.name === 'advance') advance(s, opts, state, typeof body.to === 'string' ? body.to : undefined)
    else setReturn(s, returnPatch(body), state)
  } catch (err) {
    return json(409, { error: (err as Error).message })
  }
  json(200, { cargoKey: s.cargoKey, status: s.status, docId: s.docId, rejectStatus: s.rejectStatus, returnStatus: s.returnStatus })
}
