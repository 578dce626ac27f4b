import { AppError, ErrorCode } from '../../../../shared/errors'
import { parseRetryAfterMs } from '../../net/retry-after'
import { AUTH_ERR_CODES, faultToAppError, yurticiErrorToAppError } from './yurtici.errors'
import {
  buildCancelShipmentEnvelope,
  buildCreateShipmentEnvelope,
  buildQueryShipmentEnvelope,
  buildSaveReturnShipmentCodeEnvelope,
  parseSoapResponse,
  YurticiOperation,
  type OperationResult,
  type QueryShipmentInput,
  type SaveReturnShipmentCodeInput,
  type ShippingOrderVO,
  type YurticiCredentials,
} from './yurtici.soap'

/** One SOAP exchange as kept for support: the password is already redacted. */
export type YurticiExchange = Readonly<{
  operation: YurticiOperation
  request: string
  httpStatus: number | null
  response: string | null
  durationMs: number
  error: AppError | null
}>

export type YurticiCallOptions = Readonly<{
  /** The service endpoint, e.g. https://testws.yurticikargo.com/KOPSWebServices/ShippingOrderDispatcherServices. */
  url: string
  /** Whole call, body included. Default 30000. */
  timeoutMs?: number
  /** The caller's cancel; its reason is thrown unchanged (not an AppError, so never retried). */
  signal?: AbortSignal
  /**
   * Fault errorCodes that mean "queried again within a minute" (docs/reference/carriers.md §1). The real code is
   * not published; the default is the emulator's placeholder.
   */
  throttleErrCodes?: readonly number[]
  /** Sees every exchange (redacted) for the support log. */
  onExchange?: (exchange: YurticiExchange) => void
}>

/** The emulator's placeholder for the query throttle fault (see sandbox/yurtici/yurtici.config.ts). */
export const DEFAULT_THROTTLE_ERR_CODES: readonly number[] = [82521]
const THROTTLE_WINDOW_MS = 60_000

/** Replaces the wsPassword content in a request envelope, whatever its prefix. */
export function redactPassword(xml: string): string {
  return xml.replace(/(<(?:[\w.-]+:)?wsPassword\b[^>]*>)[\s\S]*?(<\/(?:[\w.-]+:)?wsPassword>)/g, '$1[redacted]$2')
}

function fail(code: ErrorCode, message: string, retryable: boolean, meta: Record<string, unknown>): never {
  throw new AppError(code, message, { retryable, meta })
}

function interpret<O extends YurticiOperation>(operation: O, status: number, retryAfter: string | null, text: string, throttle: readonly number[]): OperationResult<O> {
  const parsed = parseSoapResponse(text, operation)
  const meta = { httpStatus: status, operation }
  // SOAP 1.1 §6.2: a fault comes with HTTP 500; read it whatever the status, it says more than the status.
  if (parsed.kind === 'fault') throw faultToAppError(parsed.fault, { operation, httpStatus: status, throttleErrCodes: throttle, throttleRetryAfterMs: THROTTLE_WINDOW_MS })
  if (status === 401 || status === 403) {
    // The service is IP-whitelisted (docs/reference/carriers.md §1): a proxy or firewall refusal lands here.
    return fail(ErrorCode.carrierAuth, `Yurtiçi refused the connection (HTTP ${status}); is this IP whitelisted?`, false, meta)
  }
  if (status === 429) return fail(ErrorCode.carrierRateLimited, 'Yurtiçi rate limit reached (HTTP 429)', true, { ...meta, retryAfterMs: parseRetryAfterMs(retryAfter) })
  if (status >= 500) return fail(ErrorCode.carrierUnavailable, `Yurtiçi server error (HTTP ${status})`, true, meta)
  if (status >= 200 && status < 300) {
    if (parsed.kind === 'ok') return parsed.value
    // Retrying is safe: a repeated createShipment meets its own cargoKey (60020), never a second parcel.
    return fail(ErrorCode.carrierBadResponse, `Yurtiçi ${operation} answer is unusable: ${parsed.reason}`, true, { ...meta, bodyStart: text.slice(0, 200) })
  }
  // 404/405/415 and the like: a wrong URL or an envelope the server will never take; retrying will not help.
  return fail(ErrorCode.carrierBadResponse, `Yurtiçi answered HTTP ${status} to ${operation} (check the service URL)`, false, meta)
}

/** One SOAP POST, no retries; transport and fault failures become carrier.* AppErrors. */
export async function callYurtici<O extends YurticiOperation>(operation: O, envelope: string, o: YurticiCallOptions): Promise<OperationResult<O>> {
  const timeoutMs = o.timeoutMs ?? 30_000
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
  let responseText: string | null = null

  const failure = (err: unknown, whileReading: boolean): unknown => {
    if (o.signal?.aborted) return o.signal.reason
    if (timedOut) return new AppError(ErrorCode.carrierTimeout, `Yurtiçi did not answer ${operation} within ${timeoutMs} ms`, { retryable: true, cause: err, meta: { timeoutMs, operation } })
    if (whileReading) return new AppError(ErrorCode.carrierBadResponse, `Yurtiçi closed the connection in the middle of its ${operation} answer`, { retryable: true, cause: err, meta: { operation } })
    const code = (err as { cause?: { code?: string } })?.cause?.code
    return new AppError(ErrorCode.carrierUnavailable, `cannot reach Yurtiçi at ${o.url}${code ? ` (${code})` : ''}`, {
      retryable: true,
      cause: err,
      meta: { networkCode: code ?? null, operation },
    })
  }

  try {
    let res: Response
    try {
      res = await fetch(o.url, {
        method: 'POST',
        // SOAP 1.1 binding of the WSDL: text/xml and an empty quoted SOAPAction (docs/reference/carriers.md §1).
        headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '""', accept: 'text/xml' },
        body: envelope,
        signal: controller.signal,
      })
    } catch (err) {
      throw failure(err, false)
    }
    httpStatus = res.status
    try {
      responseText = await res.text()
    } catch (err) {
      throw failure(err, true)
    }
    const value = interpret(operation, res.status, res.headers.get('retry-after'), responseText, o.throttleErrCodes ?? DEFAULT_THROTTLE_ERR_CODES)
    o.onExchange?.({ operation, request: redactPassword(envelope), httpStatus, response: responseText, durationMs: Date.now() - started, error: null })
    return value
  } catch (err) {
    const error = err instanceof AppError ? err : null
    o.onExchange?.({ operation, request: redactPassword(envelope), httpStatus, response: responseText, durationMs: Date.now() - started, error })
    throw err
  } finally {
    clearTimeout(timer)
    o.signal?.removeEventListener('abort', onCancel)
  }
}

/**
 * Result-level checks shared by the four operations: outFlag 2 (unexpected error) and a result
 * errCode (auth and the like) throw; row errors are left to the caller, which knows what 60020,
 * 82519 and 82520 mean for its operation.
 */
function checkResult(operation: YurticiOperation, r: Readonly<{ outFlag: number; outResult: string; errCode: string }>, rowCount: number): void {
  const errCode = /^-?\d+$/.test(r.errCode.trim()) ? Number(r.errCode) : null
  const meta = { operation, outFlag: r.outFlag, outResult: r.outResult }
  if (errCode !== null && AUTH_ERR_CODES.includes(errCode)) throw yurticiErrorToAppError(errCode, r.outResult, meta)
  if (r.outFlag === 2) {
    throw new AppError(ErrorCode.carrierUnavailable, `Yurtiçi reported an unexpected error on ${operation}: ${r.outResult || `errCode ${r.errCode}`}`, { retryable: true, meta: { ...meta, errCode } })
  }
  if (r.outFlag === 1 && rowCount === 0) {
    throw errCode !== null && errCode !== 0
      ? yurticiErrorToAppError(errCode, r.outResult, meta)
      : new AppError(ErrorCode.carrierBadResponse, `Yurtiçi failed ${operation} without saying why: ${r.outResult}`, { retryable: false, meta })
  }
}

export type CreateShipmentResult = OperationResult<'createShipment'>['ShippingOrderResultVO']
export type CancelShipmentResult = OperationResult<'cancelShipment'>['ShippingOrderResultVO']
export type QueryShipmentResult = OperationResult<'queryShipment'>['ShippingDeliveryVO']
export type SaveReturnShipmentCodeResult = OperationResult<'saveReturnShipmentCode'>['ExtendedBaseResultVO']

/** createShipment: one ShippingOrderVO per parcel; rows come back with their own errCode. */
export async function createShipments(c: YurticiCredentials, orders: readonly ShippingOrderVO[], o: YurticiCallOptions): Promise<CreateShipmentResult> {
  const r = (await callYurtici(YurticiOperation.createShipment, buildCreateShipmentEnvelope(c, orders), o)).ShippingOrderResultVO
  checkResult(YurticiOperation.createShipment, r, r.shippingOrderDetailVO.length)
  return r
}

export async function cancelShipments(c: YurticiCredentials, cargoKeys: readonly string[], o: YurticiCallOptions): Promise<CancelShipmentResult> {
  const r = (await callYurtici(YurticiOperation.cancelShipment, buildCancelShipmentEnvelope(c, cargoKeys), o)).ShippingOrderResultVO
  checkResult(YurticiOperation.cancelShipment, r, r.shippingCancelDetailVO.length)
  return r
}

export async function queryShipments(c: YurticiCredentials, q: QueryShipmentInput, o: YurticiCallOptions): Promise<QueryShipmentResult> {
  const r = (await callYurtici(YurticiOperation.queryShipment, buildQueryShipmentEnvelope(c, q), o)).ShippingDeliveryVO
  checkResult(YurticiOperation.queryShipment, r, r.shippingDeliveryDetailVO.length)
  return r
}

/** saveReturnShipmentCode (RMA): resolves when Yurtiçi stored the code, throws its errCode otherwise. */
export async function saveReturnShipmentCode(c: YurticiCredentials, input: SaveReturnShipmentCodeInput, o: YurticiCallOptions): Promise<SaveReturnShipmentCodeResult> {
  const r = (await callYurtici(YurticiOperation.saveReturnShipmentCode, buildSaveReturnShipmentCodeEnvelope(c, input), o)).ExtendedBaseResultVO
  checkResult(YurticiOperation.saveReturnShipmentCode, r, 0)
  return r
}
