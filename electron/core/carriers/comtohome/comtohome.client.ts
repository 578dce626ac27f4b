import type { LabelFormat } from '../../../../shared/domain/shipment'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { carrierHttp, type CarrierExchange } from '../http/carrier-http'
import { parseRetryAfterMs } from '../../net/retry-after'
import {
  consignmentErrorSchema,
  consignmentSuccessSchema,
  type ConsignmentData,
  type ConsignmentFieldError,
  type ConsignmentRequest,
} from './comtohome.schemas'

export type ConsignmentCallOptions = Readonly<{
  /** The seed's {{BASE_URL}}, e.g. https://api.example.com or http://127.0.0.1:40123. */
  baseUrl: string
  apiKey: string
  labelFormat: LabelFormat
  /** Same key on every retry of one purchase: the server then answers a repeat without buying again. */
  idempotencyKey: string
  /** Whole call, body included. Default 30000. */
  timeoutMs?: number
  /** The caller's cancel; its reason is thrown unchanged (not an AppError, so never retried). */
  signal?: AbortSignal
  /** Sees every exchange for the support log (the API key travels in a header, never in the logged body). */
  onExchange?: (exchange: CarrierExchange) => void
}>

const CONTENT_TYPE_FOR: Readonly<Record<LabelFormat, string>> = { zpl: 'application/zpl', pdf: 'application/pdf' }

/** Generic Symfony validator texts: on an address field they mean a malformed value, not an unresolved one. */
const GENERIC_MESSAGES = ['Bu değer boş bırakılmamalıdır', 'Bu alan, eksik', 'Bu değer çok uzun', 'Bu değer çok kısa', 'Bu değerin tipi']

/**
 * Which code a field error means. The phrases are seed 001's own messages; for il/ilçe/postal code the
 * seed gives no text ("eşleşme bulunamazsa hata döner"), so any non-generic error there is taken as
 * a resolution failure.
 */
function kindOf(e: ConsignmentFieldError): ErrorCode {
  const field = e.field ?? ''
  if (field === 'reference_no' && e.message.includes('Referans numarası kullanılmaktadır')) return ErrorCode.carrierDuplicateReference
  if (field === 'provider_id' && e.message.includes('kargo sağlayıcısı tanımlanmamıştır')) return ErrorCode.carrierProviderNotDefined
  if (/^special_?services\[\d+\]\.service_?type$/i.test(field) && e.message.includes('desteklememektedir')) return ErrorCode.carrierServiceUnsupported
  if (/^(consignor|consignee)\.(state|city|postal_code)$/.test(field) && !GENERIC_MESSAGES.some((m) => e.message.startsWith(m))) {
    return ErrorCode.carrierAddressUnresolved
  }
  return ErrorCode.carrierValidation
}

// A duplicate reference comes first: it can mean an earlier attempt already bought this shipment.
const PRIORITY: readonly ErrorCode[] = [
  ErrorCode.carrierDuplicateReference,
  ErrorCode.carrierProviderNotDefined,
  ErrorCode.carrierServiceUnsupported,
  ErrorCode.carrierAddressUnresolved,
]

/** Maps the seed's `{ status: false, errors }` to one AppError (never retryable) carrying every field error. */
export function fieldErrorsToAppError(errors: readonly ConsignmentFieldError[], httpStatus: number): AppError {
  const kinds = errors.map(kindOf)
  const code = PRIORITY.find((c) => kinds.includes(c)) ?? ErrorCode.carrierValidation
  const summary = errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ')
  return new AppError(code, `ComToHome rejected the consignment: ${summary || `HTTP ${httpStatus}`}`, {
    retryable: false,
    meta: { httpStatus, fieldErrors: errors },
  })
}

function envelopeErrors(json: unknown): ConsignmentFieldError[] | null {
  const parsed = consignmentErrorSchema.safeParse(json)
  return parsed.success ? parsed.data.errors.map((e) => ({ field: e.field ?? null, message: e.message })) : null
}

function interpret(status: number, retryAfter: string | null, text: string): ConsignmentData {
  let json: unknown
  let jsonOk = true
  try {
    json = JSON.parse(text)
  } catch {
    jsonOk = false // decided below, by status: a 5xx page in HTML is still "unavailable"
  }
  const errors = jsonOk ? envelopeErrors(json) : null
  const detail = errors?.map((e) => e.message).join('; ')
  const meta = { httpStatus: status, fieldErrors: errors ?? [] }

  if (status === 401 || status === 403) {
    return fail(ErrorCode.carrierAuth, `ComToHome refused the API key (HTTP ${status})${detail ? `: ${detail}` : ''}`, false, meta)
  }
  if (status === 429) {
    const waitMs = parseRetryAfterMs(retryAfter)
    return fail(ErrorCode.carrierRateLimited, `ComToHome rate limit reached (HTTP 429)`, true, { ...meta, retryAfterMs: waitMs })
  }
  if (status >= 500) return fail(ErrorCode.carrierUnavailable, `ComToHome server error (HTTP ${status})${detail ? `: ${detail}` : ''}`, true, meta)
  if (!jsonOk) {
    // Retrying is safe: the same Idempotency-Key makes a created consignment come back, not a second one.
    return fail(ErrorCode.carrierBadResponse, `ComToHome answered HTTP ${status} with a body that is not JSON`, true, {
      httpStatus: status,
      bodyStart: text.slice(0, 200),
    })
  }
  if (status >= 200 && status < 300) {
    const ok = consignmentSuccessSchema.safeParse(json)
    if (ok.success) return ok.data.data
    if (errors) throw fieldErrorsToAppError(errors, status) // some services answer 200 + status:false
    const issues = ok.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ')
    return fail(ErrorCode.carrierBadResponse, `ComToHome success body does not match the documented shape: ${issues}`, true, { httpStatus: status })
  }
  if (errors && (status === 400 || status === 409 || status === 422)) throw fieldErrorsToAppError(errors, status)
  // 404/405 and the like: a wrong base URL or an API change; retrying will not help.
  return fail(ErrorCode.carrierBadResponse, `ComToHome answered HTTP ${status}${detail ? `: ${detail}` : ''} (check the base URL)`, false, meta)
}

function fail(code: ErrorCode, message: string, retryable: boolean, meta: Record<string, unknown>): never {
  throw new AppError(code, message, { retryable, meta })
}

/**
 * One POST {{BASE_URL}}/api/v1/consignments (seed 001), no retries: sends APIKEY, X-Label-Format and
 * Idempotency-Key, validates the answer with zod and maps every failure to a carrier.* AppError.
 */
export async function createConsignment(body: ConsignmentRequest, o: ConsignmentCallOptions): Promise<ConsignmentData> {
  const res = await carrierHttp(
    {
      carrierId: 'comtohome',
      carrierName: 'ComToHome',
      operation: 'consignments',
      method: 'POST',
      url: `${o.baseUrl.replace(/\/+$/, '')}/api/v1/consignments`,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        APIKEY: o.apiKey,
        'X-Label-Format': CONTENT_TYPE_FOR[o.labelFormat],
        'Idempotency-Key': o.idempotencyKey,
      },
      body: JSON.stringify(body),
    },
    { timeoutMs: o.timeoutMs, signal: o.signal, onExchange: o.onExchange },
  )
  return interpret(res.status, res.headers['retry-after'] ?? null, res.text)
}
