import type { z } from 'zod'
import { AppError, ErrorCode } from '../../../../shared/errors'
import { checkSoapBody, soapBadResponse, soapCall, type SoapCallOptions, type SoapCarrier } from '../http/soap-call'
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

/** `url` is the service endpoint: the shipment ASMX or the query SVC. */
export type ArasCallOptions = SoapCallOptions

const SOAP: SoapCarrier<ArasOperation, Parameters<typeof arasFaultError>[0]> = {
  carrierId: 'aras',
  carrierName: CARRIER_NAME,
  label: 'Aras',
  soapAction: (operation) => `"${soapActionOf(operation)}"`,
  parse: parseSoapResponse,
  faultError: arasFaultError,
  redact: redactArasSecrets,
}

const badResponse = (operation: string, reason: string, retryable: boolean, meta: Record<string, unknown> = {}) =>
  soapBadResponse('Aras', operation, reason, retryable, meta)
const check = <S extends z.ZodType>(operation: string, schema: S, value: unknown): z.output<S> => checkSoapBody('Aras', operation, schema, value)

/** Posts one envelope and returns the operation's response element (http/soap-call.ts); faults and HTTP failures are thrown. */
export function callAras(operation: ArasOperation, envelope: string, o: ArasCallOptions): Promise<unknown> {
  return soapCall(SOAP, operation, envelope, o)
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

/** QueryTypes we use (docs/reference/carriers.md §2): 1 by MÖK, 9 movements, 14 by tracking number, 39 MÖK list. */
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
    if (isAuthText(errorText))
      throw new AppError(ErrorCode.carrierAuth, `Aras query service refused the credentials: ${errorText}`, { retryable: false, meta: { operation } })
    throw new AppError(ErrorCode.carrierValidation, `Aras query service refused the query: ${errorText}`, { retryable: false, meta: { operation } })
  }
  if (top.QueryResult === undefined && Object.keys(top).length > 0)
    throw badResponse(operation, 'no QueryResult in the JSON', true, { keys: Object.keys(top).slice(0, 5) })
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
