import { timingSafeEqual } from 'node:crypto'
import { XMLParser } from 'fast-xml-parser'
import { CarrierNs } from '../../../../protocols/soap/carrier-namespaces'
import { SOAP12_NS, soapContentType, soapEnvelope, SoapStyle } from '../../../../protocols/soap/soap-envelope'
import { elementKeys, elementNs, localName } from '../../../../protocols/soap/xml-scope'
import { xmlEscape, xmlProblem } from '../../../../protocols/soap/xml-text'
import { AppError, ErrorCode } from '../../../../shared/errors'
import type { TrackingEvent } from '../carrier.port'
import { normalizeArasStatus } from './aras.status'
import { parseArasDate } from './aras.timeline'

/**
 * Aras's status push (docs/reference/carriers.md §2: "Push option: Aras calls a customer service with
 * `IntegrationCode, CargoStatus, ProcessDate, Description, UserName, Password` → `Result(bool),
 * ErrorDescription`"). Only the field names are documented, so everything else here is a reading
 * we chose and kept lenient, and the reply shape is configurable:
 * - the call may be a SOAP 1.1 (or 1.2) envelope whose Body holds, at any depth, an element with
 *   those children (any operation name, any namespace, names matched case-insensitively), a JSON
 *   object, or a form-urlencoded body with the same names;
 * - CargoStatus is read as the query service's DURUM_KODU (a bare digit), so it goes through the
 *   same status table as polling (aras.status.ts); ProcessDate in any date shape Aras uses elsewhere;
 * - the reply goes back in the request's format: SOAP → `<{Op}Response><{Op}Result><Result/>
 *   <ErrorDescription/></{Op}Result></{Op}Response>` (how ASMX returns a class; 'flat' leaves the
 *   `{Op}Result` wrapper out), JSON and form → JSON `{"Result":…,"ErrorDescription":…}`.
 */

export type ArasPushAuth = Readonly<{ username: string; password: string }>

export const ArasPushFormat = { soap11: 'soap11', soap12: 'soap12', json: 'json', form: 'form' } as const
export type ArasPushFormat = (typeof ArasPushFormat)[keyof typeof ArasPushFormat]

/** What a reply needs to answer in the caller's own format: for SOAP, the operation element's name and namespace. */
export type ArasPushReplyContext = Readonly<{ format: ArasPushFormat; operation: string; namespace: string }>

export type ArasPush = Readonly<{
  integrationCode: string
  /** As sent (trimmed): the DURUM_KODU. */
  cargoStatus: string
  /** As sent; '' when absent. */
  processDate: string
  description: string
  /** The push as one timeline event (rawCode in the form polling stores, so the two agree). */
  event: TrackingEvent
}>

export type ArasPushRequest = Readonly<{ context: ArasPushReplyContext; push: ArasPush }>

/** Aras's own services use http://tempuri.org/ (docs/reference/carriers.md §2): the default when a request names none. */
const DEFAULT_NS = CarrierNs.tempuri
/** Not documented: the operation name our replies use when the request had none (JSON, form). */
export const DEFAULT_PUSH_OPERATION = 'CargoStatusPush'

const FIELDS = ['IntegrationCode', 'CargoStatus', 'ProcessDate', 'Description', 'UserName', 'Password'] as const
type Field = (typeof FIELDS)[number]

const bad = (why: string) => new AppError(ErrorCode.inputInvalid, `Aras push body is unusable: ${why}`, { retryable: false, meta: { webhook: true } })
const denied = (why: string) => new AppError(ErrorCode.carrierAuth, `Aras push refused: ${why}`, { retryable: false, meta: { webhook: true } })

const textOf = (body: string | Uint8Array): string => (typeof body === 'string' ? body : Buffer.from(body).toString('utf8')).replace(/^\uFEFF/, '')

function sniff(text: string, contentType: string | undefined): 'xml' | 'json' | 'form' | null {
  const ct = (contentType ?? '').toLowerCase()
  if (ct.includes('xml')) return 'xml'
  if (ct.includes('json')) return 'json'
  if (ct.includes('x-www-form-urlencoded')) return 'form'
  const t = text.trimStart()
  if (t.startsWith('<')) return 'xml'
  if (t.startsWith('{') || t.startsWith('[')) return 'json'
  return t.includes('=') ? 'form' : null
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
})

type XObj = Record<string, unknown>
const isObj = (v: unknown): v is XObj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The envelope's Body, its SOAP version, and the elements around it (for xmlns lookups). */
type Soap = { version: '1.1' | '1.2'; body: XObj; scopes: XObj[] }

function soapOf(text: string): Soap {
  const problem = xmlProblem(text)
  if (problem?.kind === 'doctype') throw bad('a DTD is not accepted') // no entity tricks in a message from outside
  if (problem) throw bad(`not well-formed XML (${problem.msg}, line ${problem.line})`)
  const doc = parser.parse(text) as XObj
  const envKey = elementKeys(doc).find((k) => localName(k) === 'Envelope')
  const env = envKey ? doc[envKey] : undefined
  if (!envKey || !isObj(env)) throw bad('no SOAP Envelope')
  const ns = elementNs(envKey, env, [])
  const bodyKey = elementKeys(env).find((k) => localName(k) === 'Body')
  const body = bodyKey ? env[bodyKey] : undefined
  if (!isObj(body)) throw bad('no SOAP Body')
  return { version: ns === SOAP12_NS ? '1.2' : '1.1', body, scopes: [env, body] }
}

/** The first element (breadth first, within a few levels) that has an IntegrationCode child. */
function findCall(body: XObj): XObj | null {
  const kids = (n: XObj) => elementKeys(n).flatMap((k) => [n[k]].flat().filter(isObj))
  let level = kids(body)
  for (let depth = 0; depth < 4 && level.length > 0; depth++) {
    const hit = level.find((n) => elementKeys(n).some((k) => localName(k).toLowerCase() === 'integrationcode'))
    if (hit) return hit
    level = level.flatMap(kids)
  }
  return null
}

function leafText(v: unknown, name: string): string {
  if (Array.isArray(v)) throw bad(`${name} appears more than once`)
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (v === null || v === undefined) return ''
  if (isObj(v)) {
    if (elementKeys(v).length > 0) throw bad(`${name} is not a plain value`)
    const t = v['#text']
    return typeof t === 'string' || typeof t === 'number' ? String(t) : ''
  }
  throw bad(`${name} is not a plain value`)
}

function pick(source: XObj, strip: (k: string) => string): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {}
  for (const key of elementKeys(source)) {
    const f = FIELDS.find((x) => x.toLowerCase() === strip(key).toLowerCase())
    if (!f) continue
    if (out[f] !== undefined) throw bad(`${f} appears more than once`)
    out[f] = leafText(source[key], f)
  }
  return out
}

type Read = { context: ArasPushReplyContext; fields: Partial<Record<Field, string>> }

function read(text: string, contentType: string | undefined): Read {
  const kind = sniff(text, contentType)
  if (kind === null || text.trim() === '') throw bad('empty, or neither SOAP, JSON nor form-urlencoded')
  if (kind === 'json') {
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw bad('not JSON')
    }
    if (!isObj(json)) throw bad('the JSON is not one object')
    return { context: { format: 'json', operation: DEFAULT_PUSH_OPERATION, namespace: DEFAULT_NS }, fields: pick(json, (k) => k) }
  }
  if (kind === 'form') {
    const obj: XObj = {}
    for (const [k, v] of new URLSearchParams(text)) obj[k] = Object.hasOwn(obj, k) ? [obj[k], v] : v
    return { context: { format: 'form', operation: DEFAULT_PUSH_OPERATION, namespace: DEFAULT_NS }, fields: pick(obj, (k) => k) }
  }
  const soap = soapOf(text)
  const call = findCall(soap.body)
  const opKey = elementKeys(soap.body)[0]
  if (!call || opKey === undefined) throw bad('no element with an IntegrationCode inside the SOAP Body')
  const opNode = [soap.body[opKey]].flat().find(isObj) ?? call
  // An operation element in no namespace is answered in none ('').
  const namespace = elementNs(opKey, opNode, soap.scopes)
  return { context: { format: soap.version === '1.2' ? 'soap12' : 'soap11', operation: localName(opKey), namespace }, fields: pick(call, localName) }
}

/**
 * The format and operation a reply should use, read as far as the body allows; never throws (a body
 * too broken to tell answers in JSON).
 */
export function arasPushReplyContext(body: string | Uint8Array, contentType?: string): ArasPushReplyContext {
  const text = textOf(body)
  try {
    return read(text, contentType).context
  } catch {
    // The body is unusable; still answer SOAP to a SOAP caller when the envelope says which version.
    const kind = sniff(text, contentType)
    if (kind === 'xml')
      return {
        format: text.includes(SOAP12_NS) || (contentType ?? '').includes('soap+xml') ? 'soap12' : 'soap11',
        operation: DEFAULT_PUSH_OPERATION,
        namespace: DEFAULT_NS,
      }
    return { format: kind === 'form' ? 'form' : 'json', operation: DEFAULT_PUSH_OPERATION, namespace: DEFAULT_NS }
  }
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8')
  const y = Buffer.from(b, 'utf8')
  // A length mismatch leaks only the length; equal lengths are compared in constant time.
  return x.length === y.length && timingSafeEqual(x, y)
}

/** rawCode as polling stores it (aras.status.ts cargoRawCode): a bare digit is a DURUM_KODU; anything else is kept as sent. */
export function arasPushRawCode(cargoStatus: string): string {
  const c = cargoStatus.trim()
  return /^\d+$/.test(c) ? `DURUM_KODU:${c}` : c
}

/**
 * Reads and checks one push. Credentials first (constant-time, against `auth`): wrong or missing →
 * carrier.auth; then the fields: no IntegrationCode or CargoStatus, or a ProcessDate that is no
 * date → input.invalid. A push without ProcessDate is dated `receivedAt`.
 */
export function parseArasPush(
  body: string | Uint8Array,
  contentType: string | undefined,
  auth: ArasPushAuth,
  receivedAt: string = new Date().toISOString(),
): ArasPushRequest {
  if (auth.username === '' || auth.password === '')
    throw new AppError(ErrorCode.inputInvalid, 'the Aras push username or password is not configured', { meta: { field: 'auth' } })
  const { context, fields } = read(textOf(body), contentType)
  if (fields.UserName === undefined || fields.Password === undefined) throw denied('no UserName/Password')
  // Both compared, always, so the time taken does not say which one was wrong.
  const userOk = same(fields.UserName.trim(), auth.username)
  const passOk = same(fields.Password, auth.password)
  if (!userOk || !passOk) throw denied('wrong UserName or Password')
  const integrationCode = (fields.IntegrationCode ?? '').trim()
  const cargoStatus = (fields.CargoStatus ?? '').trim()
  if (integrationCode === '') throw bad('IntegrationCode is empty')
  if (integrationCode.length > 64) throw bad('IntegrationCode is longer than 64 characters')
  if (cargoStatus === '') throw bad('CargoStatus is empty')
  const processDate = (fields.ProcessDate ?? '').trim()
  const at = processDate === '' ? receivedAt : parseArasDate(processDate)
  if (at === null) throw bad(`ProcessDate "${processDate}" is not a date`)
  const description = (fields.Description ?? '').trim()
  const rawCode = arasPushRawCode(cargoStatus)
  return {
    context,
    push: {
      integrationCode,
      cargoStatus,
      processDate,
      description,
      event: { status: normalizeArasStatus(rawCode, description), rawCode, rawText: description, at, location: null },
    },
  }
}

export type ArasPushReply = Readonly<{ contentType: string; body: string }>

export type ArasPushReplyOptions = Readonly<{
  /** SOAP only: 'wrapped' (default) puts Result/ErrorDescription in `{Op}Result`, as ASMX returns a class; 'flat' puts them straight in `{Op}Response`. */
  soapShape?: 'wrapped' | 'flat'
}>

/** The `Result(bool), ErrorDescription` answer in the request's format. */
export function buildArasPushReply(
  context: ArasPushReplyContext,
  reply: Readonly<{ result: boolean; errorDescription?: string }>,
  options: ArasPushReplyOptions = {},
): ArasPushReply {
  const description = reply.errorDescription ?? ''
  if (context.format === 'json' || context.format === 'form') {
    return { contentType: 'application/json; charset=utf-8', body: JSON.stringify({ Result: reply.result, ErrorDescription: description }) }
  }
  const op = /^[A-Za-z_][\w.-]*$/.test(context.operation) ? context.operation : DEFAULT_PUSH_OPERATION
  const fields = `<Result>${reply.result ? 'true' : 'false'}</Result>${description === '' ? '<ErrorDescription />' : `<ErrorDescription>${xmlEscape(description)}</ErrorDescription>`}`
  const inner = options.soapShape === 'flat' ? fields : `<${op}Result>${fields}</${op}Result>`
  const version = context.format === 'soap12' ? '1.2' : '1.1'
  const response = `<${op}Response${context.namespace === '' ? '' : ` xmlns="${xmlEscape(context.namespace)}"`}>${inner}</${op}Response>`
  return { contentType: soapContentType(version), body: soapEnvelope({ ...SoapStyle.asmx, version }, response) }
}

/** A push body fit for a log: Password values (XML element, JSON member, form field) replaced by [redacted]. */
export function redactArasPush(text: string): string {
  return text
    .replace(/(<(?:[\w.-]+:)?password\b[^>]*>)[\s\S]*?(<\/(?:[\w.-]+:)?password>)/gi, '$1[redacted]$2')
    .replace(/("password"\s*:\s*)("(?:[^"\\]|\\.)*"|[^,}\s]+)/gi, '$1"[redacted]"')
    .replace(/((?:^|&)password=)[^&]*/gi, '$1[redacted]')
}
