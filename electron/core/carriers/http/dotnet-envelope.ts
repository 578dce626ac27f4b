import { AppError, ErrorCode } from '../../../../shared/errors'
import { httpStatusError, type CarrierHttpResponse } from './carrier-http'
import { lowerKeys } from './dotnet-json.schemas'

/** The body's JSON with its keys lower-cased; undefined when the body is not JSON (its envelope schema then fails on it). */
export function lowerKeyedJson(text: string): unknown {
  try {
    return lowerKeys(JSON.parse(text))
  } catch {
    return undefined
  }
}

/**
 * The error for an answer whose body is not the carrier's JSON envelope (Kolay Gelsin, Sendeo): a 5xx is a server failure,
 * a 2xx a garbled answer (retryable: their calls are safe to repeat or checked first), 404/405 a wrong origin, any other
 * status a refusal of what we sent.
 */
export function notEnvelopeError(carrierName: string, operation: string, res: CarrierHttpResponse): AppError {
  const meta = { operation, httpStatus: res.status, bodyStart: res.text.slice(0, 200) }
  if (res.status >= 500) return httpStatusError(carrierName, operation, res) as AppError
  if (res.status >= 200 && res.status < 300)
    return new AppError(ErrorCode.carrierBadResponse, `${carrierName} answered ${operation} with a body that is not its envelope`, { retryable: true, meta })
  if (res.status === 404 || res.status === 405) {
    return new AppError(ErrorCode.carrierBadResponse, `${carrierName} answered HTTP ${res.status} to ${operation}: check the origin`, {
      retryable: false,
      meta,
    })
  }
  return new AppError(ErrorCode.carrierValidation, `${carrierName} refused ${operation} (HTTP ${res.status})`, { retryable: false, meta })
}
