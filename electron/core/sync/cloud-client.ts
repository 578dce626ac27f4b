import type { z } from 'zod'
import { AppError, ErrorCode } from '../../../shared/errors'
import { CloudConflictEnvelope, CloudErrorEnvelope } from '../../../shared/contract/cloud'
import { parseRetryAfterMs } from '../net/retry-after'

export type CloudClientOptions = Readonly<{ baseUrl: string; apiKey: string; timeoutMs?: number }>

/**
 * JSON over HTTP to the KargoJet cloud; every response is parsed with its schema before use.
 * Failures: unreachable/timeout/5xx/429 → `sync.offline` (retryable, 429 and 503 carry Retry-After as retryAfterMs);
 * 409 with a conflict → `sync.conflict` with the cloud's reason and the other station (409 without one:
 * the Idempotency-Key is still in flight → `sync.offline`, retryable); other 4xx and bodies that
 * break the contract → `cloud.badResponse`.
 */
export async function cloudRequest<S extends z.ZodType>(
  opts: CloudClientOptions,
  method: 'GET' | 'POST',
  path: string,
  schema: S,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<z.output<S>> {
  let res: Response
  let json: unknown
  try {
    res = await fetch(new URL(path, opts.baseUrl), {
      method,
      headers: { APIKEY: opts.apiKey, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    })
  } catch (err) {
    throw new AppError(ErrorCode.syncOffline, `cloud unreachable: ${(err as Error).message}`, { retryable: true, cause: err })
  }
  try {
    json = await res.json()
  } catch (err) {
    // A reset or a half-written body after the cloud committed: safe to retry under the same keys.
    throw new AppError(ErrorCode.cloudBadResponse, `cloud answered ${res.status} with a body that is not JSON`, { retryable: true, cause: err })
  }
  if (!res.ok) {
    if (res.status === 409) {
      const conflict = CloudConflictEnvelope.safeParse(json)
      if (conflict.success)
        throw new AppError(ErrorCode.syncConflict, conflict.data.errors.map((e) => e.message).join('; '), { meta: { status: 409, conflict: conflict.data } })
      // A 409 without a conflict body is "a request with this Idempotency-Key is still in flight" (a
      // killed desk's request the cloud is still finishing): not a refusal, so the same key is retried.
      const env = CloudErrorEnvelope.safeParse(json)
      throw new AppError(ErrorCode.syncOffline, `cloud: ${env.success ? env.data.errors.map((e) => e.message).join('; ') : 'HTTP 409'}`, {
        retryable: true,
        meta: { status: 409 },
      })
    }
    const env = CloudErrorEnvelope.safeParse(json)
    const message = env.success ? env.data.errors.map((e) => e.message).join('; ') : `HTTP ${res.status}`
    const retryable = res.status === 429 || res.status >= 500
    throw new AppError(retryable ? ErrorCode.syncOffline : ErrorCode.cloudBadResponse, `cloud: ${message}`, {
      retryable,
      meta: { status: res.status, ...(res.status === 429 || res.status === 503 ? { retryAfterMs: parseRetryAfterMs(res.headers.get('retry-after')) } : {}) },
    })
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success)
    throw new AppError(ErrorCode.cloudBadResponse, `cloud response did not match the contract: ${parsed.error.issues[0]?.message}`, { retryable: true })
  return parsed.data
}
