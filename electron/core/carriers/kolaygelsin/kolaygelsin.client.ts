import { carrierHttp, httpStatusError, type CarrierExchange, type CarrierHttpResponse } from '../http/carrier-http'
import { lowerKeyedJson, notEnvelopeError } from '../http/dotnet-envelope'
import type { KgFailure } from './kolaygelsin.errors'
import { envelopeSchema } from './kolaygelsin.schemas'

export const KOLAYGELSIN_NAME = 'Kolay Gelsin'
export const KOLAYGELSIN_ID = 'kolaygelsin'
/** docs/reference/carriers.md §7: test (doc), test (swagger server) and live origins; /api/request/{Method} is appended. */
export const KOLAYGELSIN_TEST_ORIGIN = 'https://apibeta.klyglsn.com'
export const KOLAYGELSIN_INTEGRATION_ORIGIN = 'https://apiintg.klyglsn.com'
export const KOLAYGELSIN_LIVE_ORIGIN = 'https://api.kolaygelsin.com'
export const KOLAYGELSIN_REQUEST_PATH = '/api/request'

export const KgMethod = {
  saveRecipient: 'SaveRecipient',
  /** The documented create call (protocols/kolaygelsin/swagger.json); V2 is not in the published file. */
  saveIntegrationShipment: 'SaveIntegrationShipment',
  cancelPickupAndDelivery: 'CancelPickupAndDelivery',
  getCorporateShipmentsStatus: 'GetCorporateShipmentsStatus',
} as const
export type KgMethod = (typeof KgMethod)[keyof typeof KgMethod]

export type KolayGelsinClientOptions = Readonly<{
  origin: string
  /** The token Kolay Gelsin issues per environment ([KG]: "Token … daha sonra sizlerle paylaşılacaktır"); sent as Bearer. */
  token: string
  timeoutMs?: number
  onExchange?: (exchange: CarrierExchange) => void
}>

export type KgOutcome = Readonly<{ ok: true; payload: unknown }> | Readonly<{ ok: false; failure: KgFailure }>

/**
 * One Kolay Gelsin account over HTTP: every method is POST /api/request/{Method} with the issued
 * token as Bearer and a JSON body (§7); the answer is always the envelope. The token is static:
 * a 401 is a configuration error, not an expiry to renew. No retries here.
 */
export class KolayGelsinClient {
  constructor(private readonly o: KolayGelsinClientOptions) {}

  readonly redact = (text: string): string => (this.o.token === '' ? text : text.split(this.o.token).join('[redacted]'))

  async call(method: KgMethod, body: unknown, signal?: AbortSignal): Promise<KgOutcome> {
    const res = await carrierHttp(
      {
        carrierId: KOLAYGELSIN_ID,
        carrierName: KOLAYGELSIN_NAME,
        operation: method,
        method: 'POST',
        url: `${this.o.origin}${KOLAYGELSIN_REQUEST_PATH}/${method}`,
        headers: { authorization: `Bearer ${this.o.token}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      },
      { timeoutMs: this.o.timeoutMs, signal, redact: this.redact, onExchange: this.o.onExchange },
    )
    return interpret(method, res)
  }
}

/**
 * HTTP answer → payload or failure. 401/403/429 are the shared HTTP errors. Kolay Gelsin's errors
 * are enveloped ResultCode/ResultMessage, with HTTP 200 per the doc or 500 per the swagger, so any
 * status with an envelope is read as the envelope; a 5xx without one is a server failure (retryable).
 */
function interpret(method: string, res: CarrierHttpResponse): KgOutcome {
  const shared = res.status === 401 || res.status === 403 || res.status === 429 ? httpStatusError(KOLAYGELSIN_NAME, method, res) : null
  if (shared) throw shared
  const env = envelopeSchema.safeParse(lowerKeyedJson(res.text))
  if (!env.success) throw notEnvelopeError(KOLAYGELSIN_NAME, method, res)
  const e = env.data
  if (e.resultcode === 200 && res.status >= 200 && res.status < 300) return { ok: true, payload: e.payload ?? null }
  return { ok: false, failure: { httpStatus: res.status, resultCode: e.resultcode, message: e.resultmessage?.trim() ?? '' } }
}
