import { redactXmlElements } from '../../../../protocols/soap/xml-text'
import { AppError, ErrorCode } from '../../../../shared/errors'
import type { CarrierHttpResponse } from '../http/carrier-http'
import { soapCall, type SoapCallOptions, type SoapCarrier } from '../http/soap-call'
import { AUTH_ERR_CODES, faultToAppError, yurticiErrorToAppError } from './yurtici.errors'
import type { SoapFault } from './yurtici.schemas'
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

export const YURTICI_CARRIER_NAME = 'Yurtiçi Kargo'

/** `url` is the service endpoint, e.g. https://testws.yurticikargo.com/KOPSWebServices/ShippingOrderDispatcherServices. */
export type YurticiCallOptions = SoapCallOptions &
  Readonly<{
    /**
     * Fault errorCodes that mean "queried again within a minute" (docs/reference/carriers.md §1). Yurtiçi
     * publishes no such code, so none is known by default; a station that has seen one sets it in config.
     */
    throttleErrCodes?: readonly number[]
  }>

const THROTTLE_WINDOW_MS = 60_000

/** Replaces the wsPassword content in a request envelope, whatever its prefix. */
export function redactPassword(xml: string): string {
  return redactXmlElements(xml, ['wsPassword'])
}

/** The service is IP-whitelisted (docs/reference/carriers.md §1): a proxy or firewall refusal says so. */
function ipRefusal(operation: string, r: CarrierHttpResponse): AppError | null {
  if (r.status !== 401 && r.status !== 403) return null
  return new AppError(ErrorCode.carrierAuth, `Yurtiçi refused the connection (HTTP ${r.status}); is this IP whitelisted?`, {
    retryable: false,
    meta: { httpStatus: r.status, operation },
  })
}

/** The SOAP 1.1 binding of the WSDL: text/xml and an empty quoted SOAPAction (docs/reference/carriers.md §1). */
function yurticiSoap(throttleErrCodes: readonly number[]): SoapCarrier<YurticiOperation, SoapFault> {
  return {
    carrierId: 'yurtici',
    carrierName: YURTICI_CARRIER_NAME,
    label: 'Yurtiçi',
    soapAction: () => '""',
    parse: parseSoapResponse,
    faultError: (fault, operation, httpStatus) => faultToAppError(fault, { operation, httpStatus, throttleErrCodes, throttleRetryAfterMs: THROTTLE_WINDOW_MS }),
    redact: redactPassword,
    refusal: ipRefusal,
  }
}

/**
 * One SOAP POST, no retries (http/soap-call.ts): transport, HTTP and fault failures become carrier.*
 * AppErrors. A garbled 2xx answer is retryable: a repeated createShipment meets its own cargoKey
 * (60020), never a second parcel.
 */
export async function callYurtici<O extends YurticiOperation>(operation: O, envelope: string, o: YurticiCallOptions): Promise<OperationResult<O>> {
  return (await soapCall(yurticiSoap(o.throttleErrCodes ?? []), operation, envelope, o)) as OperationResult<O>
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
    throw new AppError(ErrorCode.carrierUnavailable, `Yurtiçi reported an unexpected error on ${operation}: ${r.outResult || `errCode ${r.errCode}`}`, {
      retryable: true,
      meta: { ...meta, errCode },
    })
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
export async function saveReturnShipmentCode(
  c: YurticiCredentials,
  input: SaveReturnShipmentCodeInput,
  o: YurticiCallOptions,
): Promise<SaveReturnShipmentCodeResult> {
  const r = (await callYurtici(YurticiOperation.saveReturnShipmentCode, buildSaveReturnShipmentCodeEnvelope(c, input), o)).ExtendedBaseResultVO
  checkResult(YurticiOperation.saveReturnShipmentCode, r, 0)
  return r
}
