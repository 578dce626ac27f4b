import type { z } from 'zod'
import type { ParsedSoapAnswer } from '../../../../protocols/soap/soap-response.parser'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { carrierHttp, httpStatusError, type CarrierExchange, type CarrierHttpResponse } from './carrier-http'

export type SoapCarrier<O extends string, F> = Readonly<{
  carrierId: string
  carrierName: string
  /** Short name for "… answer is unusable" messages ("Aras", "PTT"). */
  label: string
  soapAction(operation: O): string
  parse(xml: string, operation: O): ParsedSoapAnswer<unknown, F>
  faultError(fault: F, operation: O, httpStatus: number): AppError
  redact(text: string): string
  /**
   * What stands in front of the service says no (a firewall page, an IP allow-list): a carrier-specific
   * error for an answer that is not a fault, read before the shared status mapping. Optional.
   */
  refusal?(operation: O, response: CarrierHttpResponse): AppError | null
}>

export type SoapCallOptions = Readonly<{
  /** The service endpoint. */
  url: string
  /** Whole call, body included. Default 30000. */
  timeoutMs?: number
  /** The caller's cancel; its reason is thrown unchanged (not an AppError, so never retried). */
  signal?: AbortSignal
  /** Sees every exchange, secrets redacted, for the support log, with the error code it earned. */
  onExchange?: (exchange: CarrierExchange) => void
}>

export function soapBadResponse(label: string, operation: string, reason: string, retryable: boolean, meta: Record<string, unknown> = {}): AppError {
  return new AppError(ErrorCode.carrierBadResponse, `${label} ${operation} answer is unusable: ${reason}`, { retryable, meta: { operation, ...meta } })
}

/**
 * One SOAP 1.1 POST, no retries: transport failures from carrierHttp; a fault read whatever the
 * status (SOAP 1.1 §6.2: it travels with HTTP 500 and says more than the status); then the carrier's
 * own refusal, 401/403/429/5xx; any other non-2xx is a wrong URL or binding (not retryable); a cut or
 * garbled body is retryable, the callers' keys making a repeat safe. Returns the operation's response
 * element. The exchange goes to `onExchange` once the answer is judged, with the error code it earned.
 */
export async function soapCall<O extends string, F>(carrier: SoapCarrier<O, F>, operation: O, envelope: string, o: SoapCallOptions): Promise<unknown> {
  let exchange: CarrierExchange | null = null
  let errorCode: CarrierExchange['errorCode'] = null
  try {
    return await judgedSoapCall(carrier, operation, envelope, o, (e) => {
      exchange = e
    })
  } catch (err) {
    errorCode = err instanceof AppError ? err.code : null
    throw err
  } finally {
    const seen = exchange as CarrierExchange | null
    if (seen) o.onExchange?.({ ...seen, errorCode: seen.errorCode ?? errorCode })
  }
}

async function judgedSoapCall<O extends string, F>(
  carrier: SoapCarrier<O, F>,
  operation: O,
  envelope: string,
  o: SoapCallOptions,
  onExchange: (e: CarrierExchange) => void,
): Promise<unknown> {
  const res = await carrierHttp(
    {
      carrierId: carrier.carrierId,
      carrierName: carrier.carrierName,
      operation,
      method: 'POST',
      url: o.url,
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: carrier.soapAction(operation), accept: 'text/xml' },
      body: envelope,
    },
    { timeoutMs: o.timeoutMs, signal: o.signal, redact: carrier.redact, onExchange },
  )
  const parsed = carrier.parse(res.text, operation)
  if (parsed.kind === 'fault') throw carrier.faultError(parsed.fault, operation, res.status)
  const httpError = carrier.refusal?.(operation, res) ?? httpStatusError(carrier.carrierName, operation, res)
  if (httpError) throw httpError
  if (res.status < 200 || res.status >= 300)
    throw soapBadResponse(carrier.label, operation, `HTTP ${res.status} (check the service URL)`, false, { httpStatus: res.status })
  if (parsed.kind === 'invalid')
    throw soapBadResponse(carrier.label, operation, parsed.reason, true, { httpStatus: res.status, bodyStart: carrier.redact(res.text.slice(0, 200)) })
  return parsed.body
}

/** The response element checked against the service's type; a mismatch is a retryable bad response. */
export function checkSoapBody<S extends z.ZodType>(label: string, operation: string, schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value)
  if (r.success) return r.data
  const issues = r.error.issues
    .slice(0, 4)
    .map((i) => `${i.path.join('.')}: ${i.message}`)
    .join('; ')
  throw soapBadResponse(label, operation, `does not match the service's type: ${issues}`, true)
}
