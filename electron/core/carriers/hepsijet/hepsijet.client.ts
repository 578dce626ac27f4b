import type { z } from 'zod'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { parseRetryAfterMs } from '../../net/retry-after'
import { CachedToken, type TokenLoginClientOptions } from '../http/cached-token'
import { carrierHttp, httpStatusError, type CarrierHttpResponse } from '../http/carrier-http'
import { classifyFail, FailKind, hepsiJetFailToAppError, type HepsiJetFail } from './hepsijet.errors'
import { envelopeSchema, tokenDataSchema } from './hepsijet.schemas'

export const HEPSIJET_NAME = 'HepsiJET'
export const HEPSIJET_ID = 'hepsijet'

/** docs/reference/carriers.md §6: live and test origins; the paths below are appended. */
export const HEPSIJET_LIVE_ORIGIN = 'https://integration.hepsijet.com'
export const HEPSIJET_TEST_ORIGIN = 'https://integration-apitest.hepsijet.com'
export const GET_TOKEN_PATH = '/auth/getToken'
/** A token lives ≈60 min (§6); we renew five minutes early. */
export const DEFAULT_TOKEN_TTL_MS = 55 * 60_000

export type HepsiJetClientOptions = TokenLoginClientOptions

export type HepsiJetCall<T> = Readonly<{
  operation: string
  method: 'GET' | 'POST'
  path: string
  body?: unknown
  data: z.ZodType<T>
}>

/** The data of an {status:"OK"} answer, or the FAIL for the caller to read in its operation's terms. */
export type HepsiJetOutcome<T> = Readonly<{ ok: true; data: T }> | Readonly<{ ok: false; fail: HepsiJetFail }>

const TOKEN_IN_JSON = /("token"\s*:\s*")[^"]*(")/g

/**
 * One HepsiJET account over HTTP: GET /auth/getToken with HTTP Basic → data.token, sent as
 * X-Auth-Token (§6). The token is cached until its TTL, fetched once for concurrent callers, and
 * renewed once when a call answers 401 (expired early, revoked). Password, Basic credentials and
 * tokens never reach an exchange. No retries here: the adapter retries whole operations.
 */
export class HepsiJetClient {
  private readonly secrets = new Set<string>()
  private readonly basic: string
  // One login for every concurrent caller, so it runs without any one caller's signal (timeoutMs bounds it).
  private readonly token: CachedToken

  constructor(private readonly o: HepsiJetClientOptions) {
    this.basic = Buffer.from(`${o.username}:${o.password}`, 'utf8').toString('base64')
    for (const s of [o.password, this.basic]) if (s !== '') this.secrets.add(s)
    this.token = new CachedToken({ ttlMs: o.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS, now: o.now, login: () => this.login() })
  }

  /** Removes the password, Basic credentials and every token seen from text bound for a log. */
  readonly redact = (text: string): string => {
    let out = text
    for (const s of this.secrets) out = out.split(s).join('[redacted]')
    return out.replace(TOKEN_IN_JSON, '$1[redacted]$2')
  }

  async call<T>(c: HepsiJetCall<T>, signal?: AbortSignal): Promise<HepsiJetOutcome<T>> {
    for (let renewed = false; ; renewed = true) {
      const token = await this.currentToken(signal)
      const res = await carrierHttp(
        {
          carrierId: HEPSIJET_ID,
          carrierName: HEPSIJET_NAME,
          operation: c.operation,
          method: c.method,
          url: `${this.o.origin}${c.path}`,
          headers: { 'x-auth-token': token, accept: 'application/json', ...(c.body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: c.body === undefined ? undefined : JSON.stringify(c.body),
        },
        this.http(signal),
      )
      const authFailed = res.status === 401 || (res.status < 500 && isAuthFail(res))
      if (authFailed && !renewed) {
        this.token.forget(token)
        continue
      }
      return interpret(c, res)
    }
  }

  /** Drops the cached token (the next call logs in again). */
  forgetToken(): void {
    this.token.forget()
  }

  private currentToken(signal?: AbortSignal): Promise<string> {
    const token = this.token.get()
    return signal ? untilAborted(token, signal) : token
  }

  private async login(): Promise<string> {
    const operation = 'getToken'
    const res = await carrierHttp(
      {
        carrierId: HEPSIJET_ID,
        carrierName: HEPSIJET_NAME,
        operation,
        method: 'GET',
        url: `${this.o.origin}${GET_TOKEN_PATH}`,
        headers: { authorization: `Basic ${this.basic}`, accept: 'application/json' },
      },
      this.http(),
    )
    if (res.status === 401 || res.status === 403) {
      throw new AppError(ErrorCode.carrierAuth, `HepsiJET refused the username or password (HTTP ${res.status})`, {
        retryable: false,
        meta: { operation, httpStatus: res.status },
      })
    }
    const outcome = interpret({ operation, method: 'GET', path: GET_TOKEN_PATH, data: tokenDataSchema }, res)
    if (!outcome.ok) {
      const err = hepsiJetFailToAppError(outcome.fail, operation)
      // A FAIL to log in is about the credentials unless HepsiJET said it was busy or broken.
      if (err.retryable) throw err
      throw new AppError(ErrorCode.carrierAuth, err.message, { retryable: false, meta: err.meta })
    }
    const value = outcome.data.token
    this.secrets.add(value)
    return value
  }

  private http(signal?: AbortSignal) {
    return { timeoutMs: this.o.timeoutMs, signal, redact: this.redact, onExchange: this.o.onExchange }
  }
}

/** `p`, or the signal's reason as soon as it aborts (the shared work itself goes on). */
function untilAborted<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

function isAuthFail(res: CarrierHttpResponse): boolean {
  try {
    const env = envelopeSchema.safeParse(JSON.parse(res.text))
    return (
      env.success &&
      env.data.status === 'FAIL' &&
      classifyFail({ message: env.data.message ?? '', detailStatus: env.data.detailStatus ?? null, httpStatus: res.status }) === FailKind.auth
    )
  } catch {
    return false // not JSON: interpret() reports it
  }
}

const bad = (message: string, retryable: boolean, meta: Record<string, unknown>) => new AppError(ErrorCode.carrierBadResponse, message, { retryable, meta })

/**
 * The HTTP answer → OK data or FAIL. 401/403/429/5xx are the shared HTTP errors; a 2xx body that is
 * not the envelope is a garbled answer (retryable: every operation here is safe to repeat); a
 * 4xx without the envelope is our mistake (wrong origin or path, a body HepsiJET cannot read).
 */
function interpret<T>(c: HepsiJetCall<T>, res: CarrierHttpResponse): HepsiJetOutcome<T> {
  const httpError = httpStatusError(HEPSIJET_NAME, c.operation, res)
  const retryAfterMs = parseRetryAfterMs(res.headers['retry-after'])
  // A 503 may say when to come back too (RFC 9110 §10.2.3); the shared helper reads it on 429 only.
  if (httpError && res.status === 503 && retryAfterMs !== undefined)
    throw new AppError(httpError.code, httpError.message, { retryable: true, meta: { ...httpError.meta, retryAfterMs } })
  if (httpError) throw httpError
  const ok2xx = res.status >= 200 && res.status < 300
  const meta = { operation: c.operation, httpStatus: res.status, bodyStart: res.text.slice(0, 200) }
  let json: unknown
  try {
    json = JSON.parse(res.text)
  } catch {
    throw bad(`HepsiJET answered ${c.operation} with a body that is not JSON (HTTP ${res.status})`, ok2xx, meta)
  }
  const env = envelopeSchema.safeParse(json)
  if (env.success && env.data.status === 'FAIL') {
    return { ok: false, fail: { message: env.data.message ?? '', detailStatus: env.data.detailStatus ?? null, httpStatus: res.status } }
  }
  if (!ok2xx) {
    if (res.status === 404 || res.status === 405)
      throw bad(`HepsiJET answered HTTP ${res.status} to ${c.operation} ${c.method} ${c.path}: check the origin`, false, meta)
    throw new AppError(ErrorCode.carrierValidation, `HepsiJET refused ${c.operation} (HTTP ${res.status})`, { retryable: false, meta })
  }
  if (!env.success || env.data.status !== 'OK') throw bad(`HepsiJET ${c.operation} answer is not {status:"OK"|"FAIL"}`, true, meta)
  const data = c.data.safeParse(env.data.data)
  if (!data.success) {
    const issue = data.error.issues[0]
    throw bad(`HepsiJET ${c.operation} answer is unusable: ${issue?.path.join('.') || 'data'}: ${issue?.message ?? ''}`, true, meta)
  }
  return { ok: true, data: data.data }
}
