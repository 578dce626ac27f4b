import type { z } from 'zod'
import { MNG_BASE_PATH, MngOperations, type MngOperation } from '../../../../protocols/mng/mng.operations'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { carrierHttp, type CarrierExchange, type CarrierHttpResponse } from '../http/carrier-http'
import { classifyMngFault, MngFaultKind, mngFaultToAppError, readMngFault } from './mng.errors'
import { tokenSchema } from './mng.schemas'
import { parseMngDateTime } from './mng.status'

export const MNG_ID = 'mng'
export const MNG_NAME = 'MNG Kargo'

/** docs/reference/carriers.md §3 hosts; every path hangs under MNG_BASE_PATH on both. */
export const MNG_TEST_ORIGIN = 'https://testapi.mngkargo.com.tr'
export const MNG_LIVE_ORIGIN = 'https://api.mngkargo.com.tr'
export { MNG_BASE_PATH }

/** Renew this long before jwtExpireDate, so a token does not expire on its way. */
export const TOKEN_SKEW_MS = 60_000
/** Reuse when jwtExpireDate is missing or unreadable (its zone is not documented either). */
export const TOKEN_FALLBACK_TTL_MS = 5 * 60_000

type Op = MngOperation

/** The operations of §3 (protocols/mng/mng.operations.ts, the emulator's routes too). */
export const MngOp = MngOperations

export type MngCredentials = Readonly<{
  /** X-IBM-Client-Id / X-IBM-Client-Secret of the Apizone app (sent on every call). */
  clientId: string
  clientSecret: string
  /** MNG customer number and password (POST /token, identityType 1). */
  customerNumber: string
  password: string
}>

export type MngClientOptions = MngCredentials &
  Readonly<{
    origin: string
    basePath?: string
    /** Sent as x-api-version when set (one client calls it mandatory; unverified, §3). */
    apiVersion?: string
    timeoutMs?: number
    onExchange?: (exchange: CarrierExchange) => void
    now?: () => number
  }>

export type MngCall<T> = Readonly<{
  param?: string
  body?: unknown
  /** The documented 2xx shape; null for answers whose body carries nothing we use (cancel: a bare "… canceled"). */
  schema: z.ZodType<T> | null
  signal?: AbortSignal
}>

const SECRET_FIELDS = /("(?:password|jwt|refreshToken|clientSecret)"\s*:\s*")[^"]*(")/g

/**
 * One Apizone app + MNG account over HTTP (§3). Every call carries the app keys; JWT calls also
 * `Authorization: Bearer <jwt>` from POST /token, cached until shortly before jwtExpireDate, fetched
 * once for concurrent callers, and renewed once when a call answers 401 (expired, revoked): a 401
 * means MNG did nothing, so repeating even a write is safe. Password, client secret and tokens never
 * reach an exchange. No retries here: the connector retries whole operations.
 */
export class MngClient {
  private token: { jwt: string; expiresAt: number } | null = null
  private pending: Promise<string> | null = null
  private readonly secrets = new Set<string>()
  private readonly baseUrl: string

  constructor(private readonly o: MngClientOptions) {
    for (const s of [o.password, o.clientSecret]) if (s !== '') this.secrets.add(s)
    this.baseUrl = `${o.origin.replace(/\/+$/, '')}${o.basePath ?? MNG_BASE_PATH}`
  }

  /** Removes the password, client secret and every token seen from text bound for a log. */
  readonly redact = (text: string): string => {
    let out = text
    for (const s of this.secrets) out = out.split(s).join('[redacted]')
    return out.replace(SECRET_FIELDS, '$1[redacted]$2')
  }

  async call<T>(op: Op, c: MngCall<T> & { schema: z.ZodType<T> }): Promise<T>
  async call(op: Op, c: MngCall<unknown> & { schema: null }): Promise<void>
  async call<T>(op: Op, c: MngCall<T>): Promise<T | void> {
    for (let renewed = false; ; renewed = true) {
      const jwt = op.jwt ? await this.currentToken(c.signal) : null
      const res = await this.send(op, c.param, c.body, jwt, c.signal)
      if (res.status >= 200 && res.status < 300) return parseAnswer(op, c.schema, res)
      const fault = readMngFault(res.status, res.text, res.headers['retry-after'])
      if (jwt !== null && !renewed && classifyMngFault(fault) === MngFaultKind.tokenRejected) {
        this.forget(jwt)
        continue
      }
      throw mngFaultToAppError(fault, op.operation)
    }
  }

  /** Drops the cached token (the next call logs in again). */
  forgetToken(): void {
    this.token = null
  }

  private forget(jwt: string): void {
    // Another caller may already have replaced it; only the token that failed is dropped.
    if (this.token?.jwt === jwt) this.token = null
  }

  private now(): number {
    return (this.o.now ?? Date.now)()
  }

  private currentToken(signal?: AbortSignal): Promise<string> {
    if (this.token && this.now() < this.token.expiresAt - TOKEN_SKEW_MS) return Promise.resolve(this.token.jwt)
    this.pending ??= this.login(signal).finally(() => {
      this.pending = null
    })
    return this.pending
  }

  private async login(signal?: AbortSignal): Promise<string> {
    const op = MngOp.token
    const res = await this.send(op, undefined, { customerNumber: this.o.customerNumber, password: this.o.password, identityType: 1 }, null, signal)
    if (res.status < 200 || res.status >= 300) {
      const fault = readMngFault(res.status, res.text, res.headers['retry-after'])
      const err = mngFaultToAppError(fault, op.operation)
      // Busy, broken or the app keys: as classified. Any other refusal of a login is about the account.
      if (err.retryable || classifyMngFault(fault) === MngFaultKind.appKeys || err.code === ErrorCode.carrierBadResponse) throw err
      const said = [fault.message, fault.description].filter(Boolean).join(' ')
      throw new AppError(ErrorCode.carrierAuth, `MNG Kargo refused the customer number or password (HTTP ${res.status})${said ? `: ${said}` : ''}`, {
        retryable: false,
        meta: err.meta,
      })
    }
    const t = parseAnswer(op, tokenSchema, res)
    this.secrets.add(t.jwt)
    if (t.refreshToken !== '') this.secrets.add(t.refreshToken)
    const now = this.now()
    const expiresAt = parseMngDateTime(t.jwtExpireDate) ?? now + TOKEN_FALLBACK_TTL_MS
    // A date already past (zone or clock skew) still gets a short reuse: a 401 renews it anyway.
    this.token = { jwt: t.jwt, expiresAt: Math.max(expiresAt, now + TOKEN_SKEW_MS + 1_000) }
    return t.jwt
  }

  private send(op: Op, param: string | undefined, body: unknown, jwt: string | null, signal?: AbortSignal): Promise<CarrierHttpResponse> {
    const headers: Record<string, string> = {
      'X-IBM-Client-Id': this.o.clientId,
      'X-IBM-Client-Secret': this.o.clientSecret,
      Accept: 'application/json',
      ...(jwt === null ? {} : { Authorization: `Bearer ${jwt}` }),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(this.o.apiVersion ? { 'x-api-version': this.o.apiVersion } : {}),
    }
    return carrierHttp(
      {
        carrierId: MNG_ID,
        carrierName: MNG_NAME,
        operation: op.operation,
        method: op.method,
        url: `${this.baseUrl}${op.path}${param === undefined ? '' : `/${encodeURIComponent(param)}`}`,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      },
      { timeoutMs: this.o.timeoutMs, signal, redact: this.redact, onExchange: this.o.onExchange },
    )
  }
}

/**
 * A 2xx body: JSON, not an error envelope (§14: TR services often refuse with HTTP 200), and of the
 * documented shape. A garbled 2xx is carrier.badResponse, retryable: every caller either only reads
 * or looks the reference up before writing again.
 */
function parseAnswer<T>(op: Op, schema: z.ZodType<T>, res: CarrierHttpResponse): T
function parseAnswer<T>(op: Op, schema: z.ZodType<T> | null, res: CarrierHttpResponse): T | void
function parseAnswer<T>(op: Op, schema: z.ZodType<T> | null, res: CarrierHttpResponse): T | void {
  const meta = { operation: op.operation, httpStatus: res.status, bodyStart: res.text.slice(0, 200) }
  let json: unknown
  try {
    json = JSON.parse(res.text)
  } catch {
    if (schema === null) return // a plain-text acknowledgement is still an acknowledgement
    throw new AppError(ErrorCode.carrierBadResponse, `MNG Kargo answered ${op.operation} with a body that is not JSON (HTTP ${res.status})`, {
      retryable: true,
      meta,
    })
  }
  if (json !== null && typeof json === 'object' && !Array.isArray(json) && ('error' in json || 'Error' in json)) {
    throw mngFaultToAppError(readMngFault(res.status, res.text, res.headers['retry-after']), op.operation)
  }
  if (schema === null) return
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new AppError(
      ErrorCode.carrierBadResponse,
      `MNG Kargo ${op.operation} answer is unusable: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? ''}`,
      { retryable: true, meta },
    )
  }
  return parsed.data
}
