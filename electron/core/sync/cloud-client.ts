import type { z } from 'zod'
import { AppError, ErrorCode } from '../../../shared/errors'
import { CloudErrorEnvelope } from '../../../shared/contract/cloud'

export type CloudClientOptions = Readonly<{ baseUrl: string; apiKey: string; timeoutMs?: number }>

/** JSON over HTTP to the KargoJet cloud; every response is parsed with its schema before use. */
export async function cloudRequest<S extends z.ZodType>(
  opts: CloudClientOptions,
  method: 'GET' | 'POST',
  path: string,
  schema: S,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<z.output<S>> {
  let res: Response
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
  let json: unknown
  try {
    json = await res.json()
  } catch (err) {
    throw new AppError(ErrorCode.cloudBadResponse, `cloud answered ${res.status} with a body that is not JSON`, { retryable: true, cause: err })
  }
  if (!res.ok) {
    const env = CloudErrorEnvelope.safeParse(json)
    const message = env.success ? env.data.errors.map((e) => e.message).join('; ') : `HTTP ${res.status}`
    const retryable = res.status === 429 || res.status >= 500
    throw new AppError(retryable ? ErrorCode.syncOffline : ErrorCode.cloudBadResponse, `cloud: ${message}`, { retryable, meta: { status: res.status } })
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) throw new AppError(ErrorCode.cloudBadResponse, `cloud response did not match the contract: ${parsed.error.issues[0]?.message}`, { retryable: true })
  return parsed.data
}
