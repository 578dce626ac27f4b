import { CarrierId, type TrackingStatus } from '../../../../shared/domain/shipment'
import { AppError, ErrorCode } from '../../../../shared/errors'
import type { CarrierExchange } from '../http/carrier-http'
import type { CallOptions, CarrierConnector, CreatedReturn, CreatedShipment, ReturnRequest, ShipmentRequest, TrackingEvent } from '../carrier.port'
import { withRetry, type RetryOptions } from '../../net/retry'
import { cancelShipments, createShipments, queryShipments, saveReturnShipmentCode, type YurticiCallOptions } from './yurtici.client'
import { YurticiErrCode, yurticiErrorToAppError } from './yurtici.errors'
import { isOwnCargoKey, planYurticiLabel, type YurticiLabelPlan } from './yurtici.offline'
import { buildShippingOrders, paymentTypeFor, YurticiPaymentType, type CardCodOptions } from './yurtici.orders'
import { isReturnCodeExists, planYurticiReturn } from './yurtici.returns'
import type { ShippingDeliveryDetail, ShippingOrderDetail } from './yurtici.schemas'
import type { ShippingOrderVO, YurticiCredentials } from './yurtici.soap'
import { currentStatus, yurticiTimeline } from './yurtici.timeline'

/** The service path of ShippingOrderDispatcherServices on Yurtiçi's hosts (docs/reference/carriers.md §1 endpoints). */
export const YURTICI_SERVICE_PATH = '/KOPSWebServices/ShippingOrderDispatcherServices'

/** A bare origin (https://ws.yurticikargo.com, http://127.0.0.1:PORT) gets the documented service path; a full URL is kept. */
export function yurticiServiceUrl(url: string): string {
  if (!URL.canParse(url)) return url
  const u = new URL(url)
  return u.pathname === '/' && u.search === '' ? `${u.origin}${YURTICI_SERVICE_PATH}` : url
}

/** One WS user per payment type (docs/reference/carriers.md §1); only the types the seller has a contract for. */
export type YurticiAccounts = Partial<Record<YurticiPaymentType, YurticiCredentials>>

export type YurticiConnectorOptions = Readonly<{
  /** ShippingOrderDispatcherServices endpoint (no ?wsdl). */
  url: string
  accounts: YurticiAccounts
  /** Per HTTP call. Default 30000. */
  timeoutMs?: number
  /** Backoff for retryable failures; every attempt re-sends the same cargoKeys. */
  retry?: RetryOptions
  /** saveReturnShipmentCode fieldName: "16" (İade Onay Kodu) live, "53" or "3" on the test account. Default "16". */
  returnCodeFieldName?: string
  /** maxCount of the code createReturn saves: how many parcels may travel on it. Default 1. */
  returnCodeMaxCount?: number
  /** errCodes meaning "this return code exists" (unpublished; default the emulator's, see yurtici.returns.ts). */
  returnCodeExistsErrCodes?: readonly number[]
  /** Send desi/kg (honoured only if the WS user may). Default true. */
  sendMeasurements?: boolean
  /** Installments for card COD. Default 1 installment, single payment allowed. */
  card?: CardCodOptions
  /** Fault errorCodes of the one-minute query throttle: Yurtiçi publishes none, so none by default (yurtici.client.ts). */
  throttleErrCodes?: readonly number[]
  /** Every SOAP exchange, password redacted, for the support log. */
  onExchange?: (exchange: CarrierExchange) => void
  /** Clock for "observed at" stamps. */
  now?: () => number
}>

export type YurticiCancelOutcome = 'cancelled' | 'alreadyCancelled' | 'notFound' | 'returnRequested'

export type YurticiCancelResult = Readonly<{ outcome: YurticiCancelOutcome; cargoKeys: readonly string[]; message: string }>

export type YurticiShipmentStatus = Readonly<{
  cargoKey: string
  invoiceKey: string
  paymentType: YurticiPaymentType
  /** Raw operationStatus (NOP, ISR, IND, CNL, ISC, DLV, BI). */
  operationStatus: string
  operationMessage: string
  /** Yurtiçi's 12-digit waybill id, once the branch has issued it (IND). */
  docId: string | null
  trackingUrl: string | null
  status: TrackingStatus | null
  timeline: readonly TrackingEvent[]
}>

export type SaveReturnCodeInput = Readonly<{
  returnCode: string
  /** YYYY-MM-DD (Turkey date) the code becomes valid. */
  startDate: string
  endDate: string
  /** How many returns the code admits. Default 1. */
  maxCount?: number
  fieldName?: string
  paymentType?: YurticiPaymentType
}>

type Located<T> = Readonly<{ paymentType: YurticiPaymentType; credentials: YurticiCredentials; value: T }>

const LIVE = new Set(['NOP', 'ISR', 'IND', 'DLV', 'BI'])

function docIdOf(row: ShippingDeliveryDetail | null): string | null {
  const id = row?.shippingDeliveryItemDetailVO?.docId.trim() ?? ''
  return id === '' || /^0+$/.test(id) ? null : id
}

/**
 * Yurtiçi Kargo (KOPS SOAP, docs/reference/carriers.md §1). cargoKey is ours, derived from the idempotency key, so
 * a retry after a lost answer meets 60020 and is confirmed with queryShipment instead of buying
 * again. No label comes back: the desk prints its own with the cargoKey as barcode.
 */
export class YurticiConnector implements CarrierConnector {
  readonly id = CarrierId.yurtici
  readonly displayName = 'Yurtiçi Kargo'

  constructor(private readonly options: YurticiConnectorOptions) {
    this.options = { ...options, url: yurticiServiceUrl(options.url) }
  }

  /** The cargoKey label the desk can print while Yurtiçi is unreachable (yurtici.offline.ts). */
  planOfflineLabel(request: ShipmentRequest, idempotencyKey: string): CreatedShipment {
    return planYurticiLabel(request, idempotencyKey).provisional
  }

  async createShipment(request: ShipmentRequest, options: CallOptions): Promise<CreatedShipment> {
    const plan = planYurticiLabel(request, options.idempotencyKey)
    const paymentType = paymentTypeFor(request)
    const credentials = this.credentialsFor(paymentType)
    const orders = buildShippingOrders(request, plan, paymentType, { sendMeasurements: this.options.sendMeasurements, card: this.options.card })
    return this.retrying(() => this.createOnce(plan, orders, credentials, options.signal), options.signal)
  }

  /** Cancels every parcel of the shipment. NOP/ISR → cancelled; IND → a return request (the parcel keeps moving). */
  async cancel(cargoKey: string, options: { signal?: AbortSignal; paymentType?: YurticiPaymentType } = {}): Promise<YurticiCancelResult> {
    this.refuseDocId(cargoKey)
    return this.retrying(async () => {
      // Our keys share an invoiceKey (their first 18 chars): one query finds every parcel of the shipment.
      const own = isOwnCargoKey(cargoKey)
      const found = await this.locate(options.paymentType, async (c) => {
        const r = await queryShipments(
          c,
          { keys: [own ? cargoKey.slice(0, -2) : cargoKey], keyType: own ? 1 : 0, addHistoricalData: false, onlyTracking: false },
          this.call(options.signal),
        )
        const rows = r.shippingDeliveryDetailVO.filter((row) => row.errCode === 0 && row.cargoKey !== '')
        return rows.length > 0 ? rows.map((row) => row.cargoKey) : null
      })
      if (!found) return { outcome: 'notFound', cargoKeys: [cargoKey], message: 'Yurtiçi does not know this cargoKey (82519): nothing to cancel' }
      const r = await cancelShipments(found.credentials, found.value, this.call(options.signal))
      const outcomes = r.shippingCancelDetailVO.map((row): YurticiCancelOutcome => {
        if (row.errCode === YurticiErrCode.alreadyCancelled || row.operationStatus === 'ISC') return 'alreadyCancelled'
        // §1 [HT]: not found for this user means it is already gone.
        if (row.errCode === YurticiErrCode.cargoKeyNotFound) return 'notFound'
        if (row.errCode !== 0) throw yurticiErrorToAppError(row.errCode, row.errMessage, { cargoKey: row.cargoKey })
        if (row.operationStatus === 'CNL') return 'cancelled'
        if (row.operationStatus === 'IND') return 'returnRequested'
        throw new AppError(ErrorCode.carrierNotCancellable, `Yurtiçi cannot cancel ${row.cargoKey} in status ${row.operationStatus}: ${row.operationMessage}`, {
          meta: { cargoKey: row.cargoKey, operationStatus: row.operationStatus },
        })
      })
      const outcome = (['returnRequested', 'cancelled', 'alreadyCancelled'] as const).find((o) => outcomes.includes(o)) ?? 'notFound'
      const message = r.shippingCancelDetailVO
        .map((row) => row.operationMessage || row.errMessage)
        .filter(Boolean)
        .join('; ')
      return { outcome, cargoKeys: found.value, message }
    }, options.signal)
  }

  /**
   * The port's cancel: resolves when nothing will ship (cancelled, already cancelled, unknown to
   * Yurtiçi). A return request is not a cancel: it throws carrier.returnRequested so the desk does
   * not mark the shipment void while the parcel is still on its way.
   */
  async cancelShipment(trackingNumber: string, options: { signal?: AbortSignal; paymentType?: YurticiPaymentType } = {}): Promise<void> {
    const result = await this.cancel(trackingNumber, options)
    if (result.outcome === 'returnRequested') {
      throw new AppError(
        ErrorCode.carrierReturnRequested,
        `Yurtiçi had already issued ${trackingNumber}; the cancel became a return request (${result.message})`,
        {
          retryable: false,
          meta: { cargoKeys: result.cargoKeys, message: result.message },
        },
      )
    }
  }

  /** queryShipment with history: the raw status, docId, tracking URL and the normalized timeline. */
  async status(cargoKey: string, options: { signal?: AbortSignal; paymentType?: YurticiPaymentType } = {}): Promise<YurticiShipmentStatus> {
    this.refuseDocId(cargoKey)
    const found = await this.retrying(
      () =>
        this.locate(options.paymentType, async (c) => {
          const r = await queryShipments(c, { keys: [cargoKey], keyType: 0, addHistoricalData: true, onlyTracking: false }, this.call(options.signal))
          const row = r.shippingDeliveryDetailVO.find((d) => d.cargoKey === cargoKey) ?? r.shippingDeliveryDetailVO[0]
          if (!row || row.errCode === YurticiErrCode.cargoKeyNotFound) return null
          if (row.errCode !== 0) throw yurticiErrorToAppError(row.errCode, row.errMessage, { cargoKey })
          return row
        }),
      options.signal,
    )
    if (!found) throw new AppError(ErrorCode.notFound, `Yurtiçi does not know cargoKey ${cargoKey} under any configured WS user`, { meta: { cargoKey } })
    const row = found.value
    const timeline = yurticiTimeline(row, new Date((this.options.now ?? Date.now)()).toISOString())
    return {
      cargoKey,
      invoiceKey: row.invoiceKey,
      paymentType: found.paymentType,
      operationStatus: row.operationStatus,
      operationMessage: row.operationMessage,
      docId: docIdOf(row),
      trackingUrl: row.shippingDeliveryItemDetailVO?.trackingUrl || null,
      status: currentStatus(timeline),
      timeline,
    }
  }

  async track(trackingNumber: string, options: { signal?: AbortSignal } = {}): Promise<readonly TrackingEvent[]> {
    return (await this.status(trackingNumber, options)).timeline
  }

  /** Registers an RMA code customers quote at the branch to send a return (docs/reference/carriers.md §1 saveReturnShipmentCode). */
  async saveReturnShipmentCode(input: SaveReturnCodeInput, options: { signal?: AbortSignal } = {}): Promise<void> {
    const day = (d: string, field: string) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new AppError(ErrorCode.inputInvalid, `${field} must be YYYY-MM-DD, got "${d}"`, { meta: { field } })
      return d.replaceAll('-', '')
    }
    const returnCode = input.returnCode.trim()
    if (returnCode === '') throw new AppError(ErrorCode.inputInvalid, 'a return code cannot be empty', { meta: { field: 'returnCode' } })
    const [startDate, endDate] = [day(input.startDate, 'startDate'), day(input.endDate, 'endDate')]
    if (endDate < startDate)
      throw new AppError(ErrorCode.inputInvalid, `endDate ${input.endDate} is before startDate ${input.startDate}`, { meta: { field: 'endDate' } })
    const maxCount = input.maxCount ?? 1
    if (!Number.isInteger(maxCount) || maxCount < 1)
      throw new AppError(ErrorCode.inputInvalid, `maxCount must be a positive integer, got ${maxCount}`, { meta: { field: 'maxCount' } })
    const credentials = this.credentialsFor(input.paymentType ?? this.accountOrder()[0] ?? YurticiPaymentType.senderPays)
    const body = { fieldName: input.fieldName ?? this.options.returnCodeFieldName ?? '16', returnCode, startDate, endDate, maxCount }
    await this.retrying(() => saveReturnShipmentCode(credentials, body, this.call(options.signal)), options.signal)
  }

  /**
   * A return by code (kind 'code'): saveReturnShipmentCode with a code derived from the idempotency
   * key (yurtici.returns.ts); label null, the desk prints the slip. Exactly-once: whether Yurtiçi
   * takes a repeat of the code again or refuses it as existing, the code is saved once.
   */
  async createReturn(request: ReturnRequest, options: CallOptions): Promise<CreatedReturn> {
    const plan = planYurticiReturn(request, options.idempotencyKey)
    const input = { returnCode: plan.returnCode, startDate: plan.validFrom, endDate: plan.validUntil, maxCount: this.options.returnCodeMaxCount ?? 1 }
    try {
      await this.saveReturnShipmentCode(input, { signal: options.signal })
    } catch (err) {
      // The code is ours (derived from this key): "exists" means an earlier attempt whose answer was lost saved it.
      if (!isReturnCodeExists(err, this.options.returnCodeExistsErrCodes)) throw err
    }
    return plan.created
  }

  private async createOnce(
    plan: YurticiLabelPlan,
    orders: readonly ShippingOrderVO[],
    credentials: YurticiCredentials,
    signal?: AbortSignal,
  ): Promise<CreatedShipment> {
    const r = await createShipments(credentials, orders, this.call(signal))
    const byKey = new Map(r.shippingOrderDetailVO.map((row) => [row.cargoKey, row]))
    const missing = plan.cargoKeys.filter((k) => !byKey.has(k))
    if (missing.length > 0) {
      // Retrying is safe: rows that were stored come back as 60020 and are confirmed.
      throw new AppError(ErrorCode.carrierBadResponse, `Yurtiçi answered createShipment without a row for ${missing.join(', ')}`, {
        retryable: true,
        meta: { missing, jobId: r.jobId },
      })
    }
    const rows = plan.cargoKeys.map((k) => byKey.get(k) as ShippingOrderDetail)
    const refused = rows.filter((row) => row.errCode !== 0 && row.errCode !== YurticiErrCode.cargoKeyExists)
    const first = refused[0]
    if (first) {
      const stored = rows.filter((row) => !refused.includes(row)).map((row) => row.cargoKey)
      // Stored parcels stay NOP (data only, nothing billed) and are reused by a retry under the same key.
      throw yurticiErrorToAppError(first.errCode, first.errMessage, { cargoKey: first.cargoKey, jobId: r.jobId, rows, storedCargoKeys: stored })
    }
    const existing = rows.filter((row) => row.errCode === YurticiErrCode.cargoKeyExists).map((row) => row.cargoKey)
    const confirmed = existing.length > 0 ? await this.confirmExisting(plan, existing, credentials, signal) : null
    // The tracking number stays the cargoKey on every run: queryShipment/cancelShipment take it, never
    // the docId a confirmed repeat would see (a second `station ship` once printed the docId).
    return { ...plan.provisional, trackingUrl: confirmed?.shippingDeliveryItemDetailVO?.trackingUrl || null }
  }

  /**
   * 60020: the cargoKey exists. An earlier attempt whose answer was lost stored it; queryShipment
   * proves it is this shipment (same invoiceKey) and still alive before we call it ours (§1 [HT]
   * treats 60020 as success; we check first).
   */
  private async confirmExisting(
    plan: YurticiLabelPlan,
    keys: readonly string[],
    credentials: YurticiCredentials,
    signal?: AbortSignal,
  ): Promise<ShippingDeliveryDetail | null> {
    const r = await queryShipments(credentials, { keys, keyType: 0, addHistoricalData: false, onlyTracking: false }, this.call(signal))
    for (const key of keys) {
      const row = r.shippingDeliveryDetailVO.find((d) => d.cargoKey === key)
      if (!row || row.errCode !== 0) {
        throw new AppError(ErrorCode.carrierBadResponse, `Yurtiçi says cargoKey ${key} exists (60020) but its query does not find it`, {
          retryable: true,
          meta: { cargoKey: key, errCode: row?.errCode ?? null },
        })
      }
      if (row.invoiceKey !== plan.invoiceKey) {
        throw new AppError(ErrorCode.carrierDuplicateReference, `cargoKey ${key} belongs to another Yurtiçi shipment (invoiceKey ${row.invoiceKey})`, {
          meta: { cargoKey: key, invoiceKey: row.invoiceKey },
        })
      }
      if (!LIVE.has(row.operationStatus)) {
        throw new AppError(
          ErrorCode.carrierDuplicateReference,
          `cargoKey ${key} was used by a Yurtiçi shipment now ${row.operationStatus}; a new idempotency key is needed`,
          {
            meta: { cargoKey: key, operationStatus: row.operationStatus },
          },
        )
      }
    }
    return r.shippingDeliveryDetailVO.find((d) => d.cargoKey === plan.cargoKeys[0]) ?? null
  }

  /** Tries the WS users in order (the hinted one first) until one knows the shipment; null when none does. */
  private async locate<T>(hint: YurticiPaymentType | undefined, probe: (c: YurticiCredentials) => Promise<T | null>): Promise<Located<T> | null> {
    const seen = new Set<string>()
    for (const paymentType of [...(hint ? [hint] : []), ...this.accountOrder()]) {
      const credentials = this.options.accounts[paymentType]
      if (!credentials || seen.has(credentials.username)) continue
      seen.add(credentials.username)
      const value = await probe(credentials)
      if (value !== null) return { paymentType, credentials, value }
    }
    return null
  }

  private accountOrder(): YurticiPaymentType[] {
    return Object.values(YurticiPaymentType).filter((t) => this.options.accounts[t] !== undefined)
  }

  private credentialsFor(paymentType: YurticiPaymentType): YurticiCredentials {
    const c = this.options.accounts[paymentType]
    if (!c) {
      throw new AppError(ErrorCode.carrierServiceUnsupported, `no Yurtiçi WS user is configured for ${paymentType}; Yurtiçi issues one per payment type`, {
        meta: { paymentType, configured: this.accountOrder() },
      })
    }
    return c
  }

  private refuseDocId(key: string): void {
    // queryShipment/cancelShipment take cargoKey or invoiceKey only (keyType 0/1), never the docId.
    if (/^\d{12}$/.test(key))
      throw new AppError(ErrorCode.inputInvalid, `${key} looks like a Yurtiçi docId; pass the cargoKey (carrierShipmentId) instead`, { meta: { key } })
  }

  private call(signal?: AbortSignal): YurticiCallOptions {
    return {
      url: this.options.url,
      timeoutMs: this.options.timeoutMs,
      signal,
      throttleErrCodes: this.options.throttleErrCodes,
      onExchange: this.options.onExchange,
    }
  }

  private retrying<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return withRetry(() => fn(), { ...this.options.retry, signal })
  }
}
