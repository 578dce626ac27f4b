import { AppError, ErrorCode } from '../../../../shared/errors'
import { CachedToken, type TokenLoginClientOptions } from '../http/cached-token'
import { carrierHttp, httpStatusError, type CarrierHttpResponse } from '../http/carrier-http'
import { lowerKeyedJson, notEnvelopeError } from '../http/dotnet-envelope'
import { sendeoErrorToAppError, type SendeoFailure } from './sendeo.errors'
import { envelopeSchema, tokenSchema } from './sendeo.schemas'
import { SendeoPath } from '../../../../protocols/sendeo/sendeo.paths'

export const SENDEO_NAME = 'Sendeo'
export const SENDEO_ID = 'sendeo'
/** docs/reference/carriers.md §7: one origin for test and live; the test account is TEST / TesT.43e54. */
export const SENDEO_ORIGIN = 'https://api.sendeo.com.tr'
export const SENDEO_TEST_CREDENTIALS = { username: 'TEST', password: 'TesT.43e54' } as const

/** Paths of docs/reference/carriers.md §7, appended to the origin. */
export { SendeoPath }

/** [SND]: "Token expire süremiz 20 saattir"; we renew an hour early. */
export const DEFAULT_SENDEO_TOKEN_TTL_MS = 19 * 3_600_000

export type SendeoClientOptions = TokenLoginClientOptions

export type SendeoCall = Readonly<{
  operation: string
  method: 'GET' | 'POST'
  path: string
  query?: Readonly<Record<string, string>>
  body?: unknown
}>

/** The result of a StatusCode 200 answer, or the failure for the caller to read in its operation's terms. */
export type SendeoOutcome = Readonly<{ ok: true; result: unknown }> | Readonly<{ ok: false; failure: SendeoFailure }>

const SECRET_FIELDS = /("(?:token|sifre|password)"\s*:\s*")[^"]*(")/gi

/**
 * One Sendeo account over HTTP: POST /api/Token/LoginAES {musteri, sifre} → Token, sent as Bearer
 * (§7). The token is cached for its lifetime, fetched once for concurrent callers and renewed once
 * when a call answers 401. A refused login is never retried: [SND] warns that many wrong passwords
 * block the account. Password and tokens never reach an exchange. No retries here.
 */
export class SendeoClient {
  private readonly secrets = new Set<string>()
  private readonly token: CachedToken

  constructor(private readonly o: SendeoClientOptions) {
    if (o.password !== '') this.secrets.add(o.password)
    this.token = new CachedToken({ ttlMs: o.tokenTtlMs ?? DEFAULT_SENDEO_TOKEN_TTL_MS, now: o.now, login: (signal) => this.login(signal) })
  }

  readonly redact = (text: string): string => {
    let out = text
    for (const s of this.secrets) out = out.split(s).join('[redacted]')
    return out.replace(SECRET_FIELDS, '$1[redacted]$2')
  }

  async call(c: SendeoCall, signal?: AbortSignal): Promise<SendeoOutcome> {
    for (let renewed = false; ; renewed = true) {
      const token = await this.token.get(signal)
      const qs = c.query ? `?${new URLSearchParams(c.query).toString()}` : ''
      const res = await carrierHttp(
        {
          carrierId: SENDEO_ID,
          carrierName: SENDEO_NAME,
          operation: c.operation,
          method: c.method,
          url: `${this.o.origin}${c.path}${qs}`,
          headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(c.body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: c.body === undefined ? undefined : JSON.stringify(c.body),
        },
        this.http(signal),
      )
      const outcome = interpret(c.operation, res)
      const unauthorized = res.status === 401 || (!outcome.ok && outcome.failure.statusCode === 401)
      if (unauthorized && !renewed) {
        this.token.forget(token)
        continue
      }
      if (unauthorized)
        throw new AppError(ErrorCode.carrierAuth, `Sendeo refused a fresh token on ${c.operation} (HTTP ${res.status})`, {
          retryable: false,
          meta: { operation: c.operation, httpStatus: res.status },
        })
      return outcome
    }
  }

  forgetToken(): void {
    this.token.forget()
  }

  private async login(signal?: AbortSignal): Promise<string> {
    const operation = 'LoginAES'
    const res = await carrierHttp(
      {
        carrierId: SENDEO_ID,
        carrierName: SENDEO_NAME,
        operation,
        method: 'POST',
        url: `${this.o.origin}${SendeoPath.login}`,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ musteri: this.o.username, sifre: this.o.password }),
      },
      this.http(signal),
    )
    if (res.status === 401 || res.status === 403) {
      throw new AppError(
        ErrorCode.carrierAuth,
        `Sendeo refused customer "${this.o.username}" or its password (HTTP ${res.status}); not retried, Sendeo blocks after many wrong passwords`,
        {
          retryable: false,
          meta: { operation, httpStatus: res.status },
        },
      )
    }
    const outcome = interpret(operation, res)
    if (!outcome.ok) {
      const err = sendeoErrorToAppError(outcome.failure, operation)
      if (err.code === ErrorCode.carrierRateLimited) throw err
      // Any other enveloped refusal of a login is about the account: retrying it risks the block.
      throw new AppError(ErrorCode.carrierAuth, `Sendeo refused the login of "${this.o.username}": ${outcome.failure.message || outcome.failure.statusCode}`, {
        retryable: false,
        meta: err.meta,
      })
    }
    const inResult = tokenSchema.safeParse(outcome.result)
    const atTop = tokenSchema.safeParse(lowerKeyedJson(res.text))
    const value = inResult.success ? inResult.data.token : atTop.success ? atTop.data.token : null
    if (!value) throw new AppError(ErrorCode.carrierBadResponse, 'Sendeo answered LoginAES without a Token', { retryable: true, meta: { operation } })
    this.secrets.add(value)
    return value
  }

  private http(signal?: AbortSignal) {
    return { timeoutMs: this.o.timeoutMs, signal, redact: this.redact, onExchange: this.o.onExchange }
  }
}

/**
 * HTTP answer → result or failure. 429 is the shared rate-limit error. Sendeo's errors travel as
 * HTTP 500 *with* the envelope (§7 "500 on errors"), so a 5xx is read as a server failure only
 * when its body is not the envelope (an HTML error page, a proxy). A 2xx body that is not the
 * envelope is a garbled answer (retryable: every call here is safe to repeat or is checked first).
 */
function interpret(operation: string, res: CarrierHttpResponse): SendeoOutcome {
  if (res.status === 429) throw httpStatusError(SENDEO_NAME, operation, res) as AppError
  const env = envelopeSchema.safeParse(lowerKeyedJson(res.text))
  if (!env.success) {
    if (res.status === 401 || res.status === 403) return { ok: false, failure: { httpStatus: res.status, statusCode: res.status, message: 'Unauthorized' } }
    throw notEnvelopeError(SENDEO_NAME, operation, res)
  }
  const e = env.data
  if (e.statuscode === 200 && res.status >= 200 && res.status < 300) return { ok: true, result: e.result ?? null }
  return { ok: false, failure: { httpStatus: res.status, statusCode: e.statuscode, message: e.exceptionmessage?.trim() ?? '' } }
}
