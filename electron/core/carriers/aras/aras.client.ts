import type { z } from 'zod'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { carrierHttp, httpStatusError, type CarrierExchange } from '../http/carrier-http'
import { arasFaultError, isAuthText } from './aras.errors'
import {
  cancelDispatchResponseSchema,
  cargoRowSchema,
  getBarcodeResponseSchema,
  getOrderResponseSchema,
  getQueryJsonResponseSchema,
  movementRowSchema,
  setOrderResponseSchema,
  type CargoRow,
  type GetBarcodeResult,
  type MovementRow,
  type OrderResultInfo,
  type StoredOrder,
} from './aras.schemas'
import {
  ArasOperation,
  buildCancelDispatchEnvelope,
  buildGetBarcodeEnvelope,
  buildGetOrderWithIntegrationCodeEnvelope,
  buildGetQueryJsonEnvelope,
  buildSetOrderEnvelope,
  parseSoapResponse,
  redactArasSecrets,
  soapActionOf,
  type ArasCredentials,
  type ArasOrder,
  type ArasQueryCredentials,
  type QueryKey,
} from './aras.soap'

/** One SOAP call to Aras, no retries: transport, HTTP, fault and shape failures become carrier.* AppErrors. */

export const CARRIER_NAME = 'Aras Kargo'

export type ArasCallOptions = Readonly<{
  /** The service endpoint (shipment ASMX or query SVC). */
  url: string
  timeoutMs?: number
  signal?: AbortSignal
  onExchange?: (exchange: CarrierExchange) => void
}>

function badResponse(operation: string, reason: string, retryable: boolean, meta: Record<string, unknown> = {}): AppError {
  return new AppError(ErrorCode.carrierBadResponse, `Aras ${operation} answer is unusable: ${reason}`, { retryable, meta: { operation, ...meta } })
}

/** Posts one envelope and returns the `<op>Response` element, faults and HTTP failures thrown. */
export async function callAras(operation: ArasOperation, envelope: string, o: ArasCallOptions): Promise<unknown> {
  const res = await carrierHttp(
    {
      carrierId: 'aras',
      carrierName: CARRIER_NAME,
      operation,
      method: 'POST',
      url: o.url,
      // SOAP 1.1 (carriers.md §2): text/xml and the quoted SOAPAction the ASMX/WCF dispatch on.
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${soapActionOf(operation)}"`, accept: 'text/xml' },
      body: envelope,
    },
    { timeoutMs: o.timeoutMs, signal: o.signal, redact: redactArasSecrets, onExchange: o.onExchange },
  )
  const parsed = parseSoapResponse(res.text, operation)
  // SOAP 1.1 §6.2: a fault travels with HTTP 500 and says more than the status.
  if (parsed.kind === 'fault') throw arasFaultError(parsed.fault, operation, res.status)
  const httpError = httpStatusError(CARRIER_NAME, operation, res)
  if (httpError) throw httpError
  // 404/405/415: a wrong URL or binding; repeating will not help.
  if (res.status < 200 || res.status >= 300) throw badResponse(operation, `HTTP ${res.status} (check the service URL)`, false, { httpStatus: res.status })
  // A cut or garbled answer to a call that is safe to repeat (SetOrder re-sends update the same order).
  if (parsed.kind === 'invalid') throw badResponse(operation, parsed.reason, true, { httpStatus: res.status, bodyStart: redactArasSecrets(res.text.slice(0, 200)) })
  return parsed.body
}

function check<S extends z.ZodType>(operation: string, schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value)
  if (r.success) return r.data
  const issues = r.error.issues.slice(0, 4).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
  throw badResponse(operation, `does not match the service's type: ${issues}`, true)
}

/** SetOrder with one Order → its OrderResultInfo (ResultCode "0" = stored; HTTP is 200 for refusals too). */
export async function setOrder(c: ArasCredentials, order: ArasOrder, o: ArasCallOptions): Promise<OrderResultInfo> {
  const body = await callAras(ArasOperation.SetOrder, buildSetOrderEnvelope(c, [order]), o)
  const result = check(ArasOperation.SetOrder, setOrderResponseSchema, body).SetOrderResult.OrderResultInfo[0]
  if (!result) throw badResponse(ArasOperation.SetOrder, 'no OrderResultInfo for the order sent', true)
  return result
}

/** GetOrderWithIntegrationCode → the stored Order with exactly this code, or null when Aras has none. */
export async function getOrderByIntegrationCode(c: ArasCredentials, integrationCode: string, o: ArasCallOptions): Promise<StoredOrder | null> {
  const body = await callAras(ArasOperation.GetOrderWithIntegrationCode, buildGetOrderWithIntegrationCodeEnvelope(c, integrationCode), o)
  const orders = check(ArasOperation.GetOrderWithIntegrationCode, getOrderResponseSchema, body).GetOrderWithIntegrationCodeResult.Order
  return orders.find((order) => order.IntegrationCode === integrationCode) ?? null
}

export type CancelDispatchResult = Readonly<{ ResultCode: string; ResultMessage: string; CargoKey: string }>

export async function cancelDispatch(c: ArasCredentials, integrationCode: string, o: ArasCallOptions): Promise<CancelDispatchResult> {
  const body = await callAras(ArasOperation.CancelDispatch, buildCancelDispatchEnvelope(c, integrationCode), o)
  return check(ArasOperation.CancelDispatch, cancelDispatchResponseSchema, body).CancelDispatchResult
}

export async function getBarcode(c: ArasCredentials, integrationCode: string, o: ArasCallOptions): Promise<GetBarcodeResult> {
  const body = await callAras(ArasOperation.GetBarcode, buildGetBarcodeEnvelope(c, integrationCode), o)
  return check(ArasOperation.GetBarcode, getBarcodeResponseSchema, body).GetBarcodeResult
}

/** QueryTypes we use (carriers.md §2): 1 by MÖK, 9 movements, 14 by tracking number, 39 MÖK list. */
export const QueryType = { byIntegrationCode: 1, movements: 9, byTrackingNumber: 14, integrationCodeList: 39 } as const

export type QueryResult = Readonly<{ cargo: readonly CargoRow[]; movements: readonly MovementRow[] }>

const ERROR_KEYS = /^(error|errormessage|hata|hatamesaji|message|resultmessage)$/i

function rowsOf(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)
  return typeof value === 'object' && value !== null ? [value as Record<string, unknown>] : []
}

/**
 * The GetQueryJSONResult text → Cargo and CargoTransaction rows. Observed shape
 * `{"QueryResult":{"Cargo":{…}}}`: one row is an object, several an array (XML→JSON conversion);
 * no record is an empty or missing QueryResult. An error text instead of rows becomes an AppError.
 */
export function parseQueryJson(text: string, operation = ArasOperation.GetQueryJSON): QueryResult {
  if (text.trim() === '' || text.trim() === 'null') return { cargo: [], movements: [] }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw badResponse(operation, 'GetQueryJSONResult is not JSON', true, { resultStart: text.slice(0, 200) })
  }
  if (typeof json !== 'object' || json === null) throw badResponse(operation, 'GetQueryJSONResult is not a JSON object', true)
  const top = json as Record<string, unknown>
  const qr = top.QueryResult === undefined ? top : top.QueryResult
  const result = typeof qr === 'object' && qr !== null ? (qr as Record<string, unknown>) : {}
  const errorText = Object.entries(result).find(([k, v]) => ERROR_KEYS.test(k) && typeof v === 'string' && v.trim() !== '')?.[1] as string | undefined
  if (errorText && result.Cargo === undefined && result.CargoTransaction === undefined) {
    if (isAuthText(errorText)) throw new AppError(ErrorCode.carrierAuth, `Aras query service refused the credentials: ${errorText}`, { retryable: false, meta: { operation } })
    throw new AppError(ErrorCode.carrierValidation, `Aras query service refused the query: ${errorText}`, { retryable: false, meta: { operation } })
  }
  if (top.QueryResult === undefined && Object.keys(top).length > 0) throw badResponse(operation, 'no QueryResult in the JSON', true, { keys: Object.keys(top).slice(0, 5) })
  return {
    cargo: rowsOf(result.Cargo).map((r) => check(operation, cargoRowSchema, r)),
    movements: rowsOf(result.CargoTransaction).map((r) => check(operation, movementRowSchema, r)),
  }
}

/** GetQueryJSON(loginInfo, queryInfo): both arguments XML strings, the answer a JSON string (§2). */
export async function getQueryJson(c: ArasQueryCredentials, queryType: number, key: QueryKey, o: ArasCallOptions): Promise<QueryResult> {
  const body = await callAras(ArasOperation.GetQueryJSON, buildGetQueryJsonEnvelope(c, queryType, key), o)
  return parseQueryJson(check(ArasOperation.GetQueryJSON, getQueryJsonResponseSchema, body).GetQueryJSONResult)
}
