import type { RetryOptions } from '../net/retry'
import type { CarrierExchange } from './http/carrier-http'

/** The HTTP options an adapter's connector takes besides its carrier's own. */
export type ConnectorHttpOptions = Readonly<{
  /** Per HTTP call. Default 30000. */
  timeoutMs?: number
  retry?: RetryOptions
  /** Every HTTP exchange, the carrier's passwords and tokens redacted, for the support log. */
  onExchange?: (exchange: CarrierExchange) => void
  now?: () => number
}>

/** The caller's cancel for one connector call. */
export type CallSignal = Readonly<{ signal?: AbortSignal }>
