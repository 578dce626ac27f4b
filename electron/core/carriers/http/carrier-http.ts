import type { CarrierExchangeView } from '../../../../shared/contract/views'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { parseRetryAfterMs } from '../../net/retry-after'

/** One HTTP exchange with a carrier as kept for support: secrets already redacted by the caller's `redact`. */
export type CarrierExchange = Omit<CarrierExchangeView, 'id' | 'errorCode'> & Readonly<{ errorCode: ErrorCode | null }>

export type CarrierHttpRequest = Readonly<{
  /** Carrier id, for messages and exchanges ("aras", "mng"…). */
  carrierId: string
  /** Human name for messages ("Aras Kargo"). */
  carrierName: string
  /** Operation name for the support log ("SetOrder", "createOrder"). */
  operation: string
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  url: string
  headers?: Readonly<Record<string, string>>
  body?: string
}>

export type CarrierHttpOptions = Readonly<{
  /** Whole call, body included. Default 30000. */
  timeoutMs?: number
  /** The caller's cancel; its reason is thrown unchanged (not an AppError, so never retried). */
  signal?: AbortSignal
  /** Removes secrets (passwords, tokens, API keys) from request/response text and URLs before logging. */
  redact?: (text: string) => string
  /** Sees every exchange, redacted, for the support log. */
  onExchange?: (exchange: CarrierExchange) => void
}>

export type CarrierHttpResponse = Readonly<{
  status: number
  /** Lower-case header names. */
  headers: Readonly<Record<string, string>>
  text: string
  durationMs: number
}>

/**
 * The failures every carrier shares at the HTTP level, or null when the status needs the carrier's
 * own reading (2xx, 4xx bodies). 401/403 → auth (not retryable), 429 → rate limited (Retry-After in
 * meta), 5xx → unavailable (retryable). SOAP callers read a fault before calling this: a SOAP 1.1
 * fault travels with HTTP 500 and says more than the status.
 */
export function httpStatusError(carrierName: string, operation: string, response: CarrierHttpResponse): AppError | null {
  const { status } = response
  const meta = { httpStatus: status, operation }
  if (status === 401 || status === 403)
    return new AppError(ErrorCode.carrierAuth, `${carrierName} refused the credentials (HTTP ${status})`, { retryable: false, meta })
  if (status === 429) {
    return new AppError(ErrorCode.carrierRateLimited, `${carrierName} rate limit reached (HTTP 429)`, {
      retryable: true,
      meta: { ...meta, retryAfterMs: parseRetryAfterMs(response.headers['retry-after']) },
    })
  }
  if (status >= 500)
    return new AppError(ErrorCode.carrierUnavailable, `${carrierName} server error (HTTP ${status}) on ${operation}`, { retryable: true, meta })
  return null
}

/**
 * One HTTP call to a carrier, no retries: timeout, the caller's cancel, connection failures and a body
 * cut midway become carrier.* AppErrors (retryable: the caller's idempotency key makes that safe);
 * every exchange is reported, redacted, to `onExchange`. The status is not judged here.
 */
export async function carrierHttp(req: CarrierHttpRequest, o: CarrierHttpOptions = {}): Promise<CarrierHttpResponse> {
  const timeoutMs = o.timeoutMs ?? 30_000
  const redact = o.redact ?? ((t: string) => t)
  const started = Date.now()
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  const onCancel = () => controller.abort(o.signal?.reason)
  o.signal?.throwIfAborted()
  o.signal?.addEventListener('abort', onCancel, { once: true })
  let httpStatus: number | null = null
  let text: string | null = null
  const meta = { operation: req.operation }

  const failure = (err: unknown, whileReading: boolean): unknown => {
    if (o.signal?.aborted) return o.signal.reason
    if (timedOut)
      return new AppError(ErrorCode.carrierTimeout, `${req.carrierName} did not answer within ${timeoutMs} ms`, {
        retryable: true,
        cause: err,
        meta: { ...meta, timeoutMs },
      })
    if (whileReading)
      return new AppError(ErrorCode.carrierBadResponse, `${req.carrierName} closed the connection in the middle of its answer`, {
        retryable: true,
        cause: err,
        meta,
      })
    const code = (err as { cause?: { code?: string } })?.cause?.code
    return new AppError(ErrorCode.carrierUnavailable, `cannot reach ${req.carrierName} at ${redact(new URL(req.url).origin)}${code ? ` (${code})` : ''}`, {
      retryable: true,
      cause: err,
      meta: { ...meta, networkCode: code ?? null },
    })
  }
  const report = (errorCode: ErrorCode | null) =>
    o.onExchange?.({
      carrierId: req.carrierId,
      operation: req.operation,
      method: req.method,
      url: redact(req.url),
      request: redact(req.body ?? ''),
      httpStatus,
      response: text === null ? null : redact(text),
      durationMs: Date.now() - started,
      errorCode,
      at: new Date(started).toISOString(),
    })

  try {
    let res: Response
    try {
      res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: controller.signal })
    } catch (err) {
      throw failure(err, false)
    }
    httpStatus = res.status
    try {
      text = await res.text()
    } catch (err) {
      throw failure(err, true)
    }
    const headers: Record<string, string> = {}
    res.headers.forEach((v, k) => {
      headers[k] = v
    })
    report(null)
    return { status: res.status, headers, text, durationMs: Date.now() - started }
  } catch (err) {
    if (httpStatus === null || text === null) report(err instanceof AppError ? err.code : null)
    throw err
  } finally {
    clearTimeout(timer)
    o.signal?.removeEventListener('abort', onCancel)
  }
}

/** Parses a JSON body or throws carrier.badResponse (retryable: a garbled answer to an idempotent call). */
export function parseJsonBody(carrierName: string, operation: string, response: CarrierHttpResponse): unknown {
  try {
    return JSON.parse(response.text)
  } catch {
    throw new AppError(ErrorCode.carrierBadResponse, `${carrierName} answered ${operation} with a body that is not JSON (HTTP ${response.status})`, {
      retryable: true,
      meta: { httpStatus: response.status, operation, bodyStart: response.text.slice(0, 200) },
    })
  }
}
