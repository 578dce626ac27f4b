import { CarrierId, LabelFormat, TrackingStatus } from '../../../../shared/domain/shipment'
import { sleep as realSleep } from '../../net/sleep'
import { AppError, ErrorCode, isAppError } from '../../../../shared/errors'
import type { CallOptions, CarrierConnector, CreatedShipment, ShipmentRequest, TrackingEvent } from '../carrier.port'
import type { CallSignal as Signal, ConnectorHttpOptions } from '../carrier-connector.options'
import { withRetry } from '../../net/retry'
import { cancelDispatch, getBarcode, getOrderByIntegrationCode, getQueryJson, QueryType, setOrder, type ArasCallOptions } from './aras.client'
import { arasResultError, ArasResult } from './aras.errors'
import { isArasTrackingNumber, planArasLabel, type ArasLabelPlan } from './aras.keys'
import { buildArasOrder } from './aras.orders'
import type { CargoRow, StoredOrder } from './aras.schemas'
import type { ArasCredentials, ArasOrder, ArasQueryCredentials, QueryKey } from './aras.soap'
import { ArasPseudoCode, cargoRawCode, normalizeArasCargo } from './aras.status'
import { arasTimeline, currentStatus } from './aras.timeline'

export type ArasEnvironment = 'test' | 'live'

/** Documented hosts and paths (docs/reference/carriers.md §2); origins are configurable so tests point at 127.0.0.1. */
export const ARAS_ENDPOINTS = {
  test: {
    shipmentOrigin: 'https://customerservicestest.araskargo.com.tr',
    shipmentPath: '/arascargoservice/arascargoservice.asmx',
    queryOrigin: 'https://customerservicestest.araskargo.com.tr',
    queryPath: '/ArasCargoIntegrationService.svc',
  },
  live: {
    shipmentOrigin: 'https://customerws.araskargo.com.tr',
    shipmentPath: '/arascargoservice.asmx',
    queryOrigin: 'https://customerservices.araskargo.com.tr',
    queryPath: '/ArasCargoCustomerIntegrationService/ArasCargoIntegrationService.svc',
  },
} as const

export type ArasConnectorOptions = Readonly<{
  environment: ArasEnvironment
  /** Replaces the host of both services (e.g. an emulator's http://127.0.0.1:port); paths stay documented. */
  origin?: string
  shipmentOrigin?: string
  queryOrigin?: string
  /** Shipment-service user (SetOrder, GetOrderWithIntegrationCode, CancelDispatch, GetBarcode). */
  credentials: ArasCredentials
  /** Query-service user + CustomerCode (separate "XML Servisleri" account); tracking needs it. */
  query?: ArasQueryCredentials
  /** The account may call GetBarcode (Aras ZPL). Default false: the desk prints its own label. */
  barcodePermitted?: boolean
  /** GetBarcode tries while it answers 1004 "not ready". Default 3. */
  barcodeAttempts?: number
  /** Wait between those tries (uses retry.sleep when given). Default 2000. */
  barcodeRetryDelayMs?: number
}> &
  ConnectorHttpOptions

export type ArasLabel = Readonly<{ zpl: string; trackingNumber: string | null }>
export type ArasCancelOutcome = 'cancelled' | 'alreadyCancelled'
export type ArasCancelResult = Readonly<{ outcome: ArasCancelOutcome; integrationCode: string; resultCode: string; message: string }>
export type ArasShipmentStatus = Readonly<{
  integrationCode: string
  trackingNumber: string | null
  status: TrackingStatus | null
  timeline: readonly TrackingEvent[]
}>
export type ArasCargoSnapshot = Readonly<{ trackingNumber: string | null; status: TrackingStatus | null; rawCode: string; rawText: string }>

/** The Aras connector: the port plus the operations the desk uses beyond it. */
export type ArasConnector = CarrierConnector & {
  readonly shipmentUrl: string
  readonly queryUrl: string
  planOfflineLabel(request: ShipmentRequest, idempotencyKey: string): CreatedShipment
  /** Resolves when nothing will ship (cancelled now or before); 999 → carrier.notCancellable, -1 → carrier.notFound. */
  cancelShipment(key: string, options?: Signal): Promise<void>
  track(key: string, options?: Signal): Promise<readonly TrackingEvent[]>
  /** CancelDispatch by IntegrationCode, or by 13-digit tracking number (looked up with QueryType 14). */
  cancel(key: string, options?: Signal): Promise<ArasCancelResult>
  /** GetBarcode: Aras's ZPL, or null when the account may not, the order is unknown or it stays "not ready". */
  fetchLabel(integrationCode: string, options?: Signal): Promise<ArasLabel | null>
  findOrder(integrationCode: string, options?: Signal): Promise<StoredOrder | null>
  status(key: string, options?: Signal): Promise<ArasShipmentStatus>
  /**
   * QueryType 39: the current state of many orders in one call (unknown codes are absent). A snapshot,
   * not a timeline (no event time), so it is not the poller's batch `trackMany` (BatchTracker): the
   * poller asks Aras one shipment at a time for its movements.
   */
  snapshotMany(integrationCodes: readonly string[], options?: Signal): Promise<ReadonlyMap<string, ArasCargoSnapshot>>
}

/**
 * A GetBarcode the service refuses outright (a fault: say the test path, which has no GetBarcode)
 * costs the label, not the shipment: the order is stored and the desk prints its own label.
 * Retryable failures and bad credentials still fail the attempt.
 */
function labelRefused(err: unknown): null {
  if (isAppError(err) && err.code === ErrorCode.carrierValidation && !err.retryable) return null
  throw err
}

/** Whether a stored order is the one this plan sends (its piece barcodes, when Aras echoes them). */
function isSameOrder(found: StoredOrder, plan: ArasLabelPlan): boolean {
  const pieces = found.PieceDetails?.PieceDetail.map((p) => p.BarcodeNumber) ?? []
  if (pieces.length > 0) return pieces.length === plan.pieceBarcodes.length && pieces.every((b, i) => b === plan.pieceBarcodes[i])
  return found.PieceCount === '' || found.PieceCount === String(plan.pieceBarcodes.length)
}

/**
 * Aras Kargo (docs/reference/carriers.md §2). The IntegrationCode is derived from the idempotency key, and SetOrder
 * with a known code updates the order instead of adding one, so retries never buy twice; after an
 * ambiguous failure the next attempt first asks GetOrderWithIntegrationCode and reuses what is there.
 */
export function createArasConnector(options: ArasConnectorOptions): ArasConnector {
  const ep = ARAS_ENDPOINTS[options.environment]
  const shipmentUrl = `${(options.shipmentOrigin ?? options.origin ?? ep.shipmentOrigin).replace(/\/+$/, '')}${ep.shipmentPath}`
  const queryUrl = `${(options.queryOrigin ?? options.origin ?? ep.queryOrigin).replace(/\/+$/, '')}${ep.queryPath}`
  const creds = options.credentials
  const now = () => new Date((options.now ?? Date.now)()).toISOString()
  const call = (url: string, signal?: AbortSignal): ArasCallOptions => ({ url, timeoutMs: options.timeoutMs, signal, onExchange: options.onExchange })
  const retrying = <T>(fn: () => Promise<T>, signal?: AbortSignal) => withRetry(fn, { ...options.retry, signal })
  const queryCreds = (): ArasQueryCredentials => {
    if (options.query) return options.query
    throw new AppError(ErrorCode.carrierServiceUnsupported, 'Aras tracking needs the query-service account (user, password, CustomerCode)', {
      meta: { field: 'query' },
    })
  }
  const keyOf = (key: string): { type: number; key: QueryKey } =>
    isArasTrackingNumber(key)
      ? { type: QueryType.byTrackingNumber, key: { TrackingNumber: key } }
      : { type: QueryType.byIntegrationCode, key: { IntegrationCode: key } }
  const cargoOf = async (key: string, signal?: AbortSignal): Promise<CargoRow | null> => {
    const k = keyOf(key)
    const q = await getQueryJson(queryCreds(), k.type, k.key, call(queryUrl, signal))
    // A single row is taken as the answer even if the service spells the key differently (leading zeros, case).
    return q.cargo.find((c) => c.MUSTERI_OZEL_KODU === key || c.KARGO_TAKIP_NO === key) ?? (q.cargo.length === 1 ? (q.cargo[0] ?? null) : null)
  }

  /** SetOrder; 60022 (or 70027 "irsaliye") means the waybill is cut: fine if the order is ours. */
  const register = async (order: ArasOrder, plan: ArasLabelPlan, signal?: AbortSignal): Promise<void> => {
    const r = await setOrder(creds, order, call(shipmentUrl, signal))
    if (r.ResultCode === ArasResult.ok) return
    const meta = { integrationCode: plan.integrationCode }
    const cut = r.ResultCode === ArasResult.waybillCut || (r.ResultCode === ArasResult.alreadyInvoiced && /irsaliye|fatura/i.test(r.ResultMessage))
    if (!cut) throw arasResultError('SetOrder', r.ResultCode, r.ResultMessage, meta)
    const found = await getOrderByIntegrationCode(creds, plan.integrationCode, call(shipmentUrl, signal))
    if (found && isSameOrder(found, plan)) return
    // The order may no longer be listed once cut; the query service then knows it by its MÖK.
    if (!found && options.query && (await cargoOf(plan.integrationCode, signal))) return
    throw arasResultError('SetOrder', r.ResultCode, r.ResultMessage, { ...meta, confirmed: false })
  }

  const fetchLabel = async (integrationCode: string, o: Signal = {}): Promise<ArasLabel | null> => {
    const attempts = Math.max(1, options.barcodeAttempts ?? 3)
    const sleep = options.retry?.sleep ?? realSleep
    for (let attempt = 1; ; attempt++) {
      const r = await getBarcode(creds, integrationCode, call(shipmentUrl, o.signal))
      if (r.ResultCode === ArasResult.ok) {
        const zpl = r.ZebraZpl?.string.map((s) => s.trim()).filter((s) => s !== '') ?? []
        if (zpl.length === 0) return null
        if (!zpl.every((s) => s.includes('^XA')))
          throw new AppError(ErrorCode.carrierBadResponse, 'Aras GetBarcode sent a ZebraZpl entry that is not ZPL', {
            retryable: true,
            meta: { integrationCode },
          })
        const tracking = r.BarcodeModelLst?.BarcodeModel[0]?.TrackingNumber ?? ''
        return { zpl: zpl.join('\n'), trackingNumber: isArasTrackingNumber(tracking) ? tracking : null }
      }
      if (r.ResultCode === ArasResult.authFailed) throw arasResultError('GetBarcode', r.ResultCode, r.Message, { integrationCode })
      // 1004: the branch is not resolved yet; once our tries are spent the desk prints its own label.
      if (r.ResultCode === ArasResult.barcodeNotReady && attempt < attempts) {
        await sleep(options.barcodeRetryDelayMs ?? 2000, o.signal)
        continue
      }
      // No permission, unknown order, still not ready: "otherwise the merchant designs the label" (§2).
      return null
    }
  }

  const cancel = async (key: string, o: Signal = {}): Promise<ArasCancelResult> => {
    let integrationCode = key
    if (isArasTrackingNumber(key)) {
      const row = await retrying(() => cargoOf(key, o.signal), o.signal)
      if (!row?.MUSTERI_OZEL_KODU) throw new AppError(ErrorCode.carrierNotFound, `Aras does not know tracking number ${key}`, { meta: { trackingNumber: key } })
      integrationCode = row.MUSTERI_OZEL_KODU
    }
    return retrying(async (): Promise<ArasCancelResult> => {
      const r = await cancelDispatch(creds, integrationCode, call(shipmentUrl, o.signal))
      const base = { integrationCode, resultCode: r.ResultCode, message: r.ResultMessage }
      if (r.ResultCode === ArasResult.ok || r.ResultCode === ArasResult.cancelDeleted) return { outcome: 'cancelled', ...base }
      // 405 "already cancelled at …": also what a retry meets after a lost answer.
      if (r.ResultCode === ArasResult.alreadyCancelled) return { outcome: 'alreadyCancelled', ...base }
      throw arasResultError('CancelDispatch', r.ResultCode, r.ResultMessage, { integrationCode })
    }, o.signal)
  }

  const status = async (key: string, o: Signal = {}): Promise<ArasShipmentStatus> => {
    queryCreds()
    const k = keyOf(key)
    return retrying(async () => {
      const cargo = await cargoOf(key, o.signal)
      if (!cargo) {
        const order = k.type === QueryType.byIntegrationCode ? await getOrderByIntegrationCode(creds, key, call(shipmentUrl, o.signal)) : null
        if (!order) throw new AppError(ErrorCode.carrierNotFound, `Aras does not know ${key}`, { meta: { key } })
        // §12 created: the order is stored, no branch has cut its waybill, so the query service has no row.
        const event: TrackingEvent = {
          status: TrackingStatus.created,
          rawCode: ArasPseudoCode.order,
          rawText: 'Sipariş bilgisi alındı, şube kabulü bekleniyor',
          at: now(),
          location: null,
        }
        return { integrationCode: key, trackingNumber: null, status: event.status, timeline: [event] }
      }
      const moves = await getQueryJson(queryCreds(), QueryType.movements, k.key, call(queryUrl, o.signal))
      const timeline = arasTimeline(cargo, moves.movements, now())
      return { integrationCode: cargo.MUSTERI_OZEL_KODU || key, trackingNumber: cargo.KARGO_TAKIP_NO || null, status: currentStatus(timeline), timeline }
    }, o.signal)
  }

  return {
    id: CarrierId.aras,
    displayName: 'Aras Kargo',
    shipmentUrl,
    queryUrl,
    planOfflineLabel: (request, idempotencyKey) => planArasLabel(request, idempotencyKey).provisional,

    async createShipment(request: ShipmentRequest, o: CallOptions): Promise<CreatedShipment> {
      const plan = planArasLabel(request, o.idempotencyKey)
      const order = buildArasOrder(request, plan) // refused input costs no request
      const wantLabel = options.barcodePermitted === true && request.labelFormat === LabelFormat.zpl
      let lookFirst = false
      return retrying(async () => {
        try {
          const found = lookFirst ? await getOrderByIntegrationCode(creds, plan.integrationCode, call(shipmentUrl, o.signal)) : null
          // Not there (or stale after a changed request): SetOrder, which updates until the waybill is cut.
          if (!found || !isSameOrder(found, plan)) await register(order, plan, o.signal)
          const label = wantLabel ? await fetchLabel(plan.integrationCode, o).catch(labelRefused) : null
          if (!label) return plan.provisional
          const tracking = label.trackingNumber ?? plan.integrationCode
          // HT: with Aras's label the 13-digit tracking number is the parcel's barcode.
          return { ...plan.provisional, trackingNumber: tracking, barcode: tracking, labelFormat: LabelFormat.zpl, label: new TextEncoder().encode(label.zpl) }
        } catch (err) {
          // An ambiguous failure: the order may be stored, so the next attempt looks before it sends.
          if (isAppError(err) && err.retryable) lookFirst = true
          throw err
        }
      }, o.signal)
    },

    cancel,
    async cancelShipment(trackingNumber, o = {}) {
      await cancel(trackingNumber, o)
    },
    fetchLabel: (integrationCode, o = {}) => retrying(() => fetchLabel(integrationCode, o), o.signal),
    findOrder: (integrationCode, o = {}) => retrying(() => getOrderByIntegrationCode(creds, integrationCode, call(shipmentUrl, o.signal)), o.signal),
    status,
    async track(trackingNumber, o = {}) {
      return (await status(trackingNumber, o)).timeline
    },

    async snapshotMany(integrationCodes, o = {}) {
      const out = new Map<string, ArasCargoSnapshot>()
      const codes = [...new Set(integrationCodes.map((c) => c.trim()).filter((c) => c !== ''))]
      // The list size Aras accepts is not documented; 50 per call is our own cautious chunk.
      for (let i = 0; i < codes.length; i += 50) {
        const chunk = codes.slice(i, i + 50).join(',')
        const q = await retrying(
          () => getQueryJson(queryCreds(), QueryType.integrationCodeList, { IntegrationCode: chunk }, call(queryUrl, o.signal)),
          o.signal,
        )
        for (const c of q.cargo) {
          const codesOf = { durum: c.DURUM_KODU, tip: c.TIP_KODU, devir: c.DEVIR_KODU }
          out.set(c.MUSTERI_OZEL_KODU, {
            trackingNumber: c.KARGO_TAKIP_NO || null,
            status: normalizeArasCargo(codesOf),
            rawCode: cargoRawCode(codesOf),
            rawText: c.DURUMU || c.DURUM_EN,
          })
        }
      }
      return out
    },
  }
}
