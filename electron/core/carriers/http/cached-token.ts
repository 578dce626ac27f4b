import { AppError, ErrorCode } from '../../../../shared/errors'
import type { CarrierExchange } from './carrier-http'

/** An account that logs in with a username and password for a token it then sends on every call (HepsiJET, Sendeo). */
export type TokenLoginClientOptions = Readonly<{
  origin: string
  username: string
  password: string
  timeoutMs?: number
  /** Token reuse before a new login. */
  tokenTtlMs?: number
  onExchange?: (exchange: CarrierExchange) => void
  now?: () => number
}>

/** `value`, or input.invalid when the connector option `field` is empty. */
export function requiredOption(carrierName: string, value: string, field: string): string {
  if (value.trim() === '') throw new AppError(ErrorCode.inputInvalid, `${carrierName} connector option ${field} is empty`, { meta: { field } })
  return value
}

/** A connector's options as its client takes them: the origin without a trailing slash; an empty origin or username is refused. */
export function tokenLoginOptionsOf(carrierName: string, o: TokenLoginClientOptions): TokenLoginClientOptions {
  return {
    origin: requiredOption(carrierName, o.origin, 'origin').replace(/\/+$/, ''),
    username: requiredOption(carrierName, o.username, 'username'),
    password: o.password,
    timeoutMs: o.timeoutMs,
    tokenTtlMs: o.tokenTtlMs,
    onExchange: o.onExchange,
    now: o.now,
  }
}

export type CachedTokenOptions = Readonly<{
  ttlMs: number
  now?: () => number
  /** One login; its token is kept from the moment it resolves. */
  login: (signal?: AbortSignal) => Promise<string>
}>

/**
 * A login token kept for its lifetime and fetched once for concurrent callers (they share the first caller's login).
 * A call refused for the token drops it with forget(token): only that token, since another caller may already have replaced it.
 */
export class CachedToken {
  private token: { value: string; obtainedAt: number } | null = null
  private pending: Promise<string> | null = null

  constructor(private readonly o: CachedTokenOptions) {}

  get(signal?: AbortSignal): Promise<string> {
    const now = this.o.now ?? Date.now
    if (this.token && now() - this.token.obtainedAt < this.o.ttlMs) return Promise.resolve(this.token.value)
    this.pending ??= this.o
      .login(signal)
      .then((value) => {
        this.token = { value, obtainedAt: now() }
        return value
      })
      .finally(() => {
        this.pending = null
      })
    return this.pending
  }

  /** Drops the kept token, or only `value` when it is still the one kept. */
  forget(value?: string): void {
    if (value === undefined || this.token?.value === value) this.token = null
  }
}
