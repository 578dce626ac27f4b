import { CarrierId, LabelFormat, type TrackingStatus } from '../../../../shared/domain/shipment'
import { AppError, ErrorCode, isAppError } from '../../../../shared/errors'
import { kurusFromLira } from '../../../../shared/money'
import type { CallOptions, CarrierConnector, CreatedShipment, PortMethods, ShipmentRequest, TrackingEvent } from '../carrier.port'
import type { CallSignal as Signal, ConnectorHttpOptions } from '../carrier-connector.options'
import { withRetry } from '../../net/retry'
import { sleep as realSleep } from '../../net/sleep'
import { MngClient, MngOp, type MngCredentials } from './mng.client'
import { MngFaultKind } from './mng.errors'
import {
  buildCalculateBody,
  buildCreateBarcodeBody,
  buildCreateOrderBody,
  checkShipmentRequest,
  DEFAULT_ORDER_SETTINGS,
  mngReferenceId,
  type MngOrderSettings,
  type MngPaymentType,
  type MngQuoteInput,
} from './mng.orders'
import { MngPlaces } from './mng.places'
import {
  calculateSchema,
  createBarcodeSchema,
  createOrderSchema,
  getOrderSchema,
  getShipmentSchema,
  shipmentStatusSchema,
  trackSchema,
  type MngBarcodeElement,
  type MngShipmentInfo,
} from './mng.schemas'
import { mngTimeline, normalizeMngShipmentStatus, parseMngDateTime } from './mng.status'

export { MNG_BASE_PATH, MNG_LIVE_ORIGIN, MNG_TEST_ORIGIN } from './mng.client'
export type { MngQuoteInput } from './mng.orders'

export type MngConnectorOptions = MngCredentials &
  Readonly<{
    /** MNG_TEST_ORIGIN, MNG_LIVE_ORIGIN or an emulator's http://127.0.0.1:port. */
    origin: string
    /** Default MNG_BASE_PATH ("/mngapi/api", both hosts). */
    basePath?: string
    /** Sent as x-api-version when set (§3: one client calls it mandatory; unverified). */
    apiVersion?: string
    /** Default 1 (sender pays). */
    paymentType?: MngPaymentType
    /** Default 3 (koli / package). */
    packagingType?: number
    /** Default 1 (to the address). */
    deliveryType?: number
    /** calculate's pickUpType (values not documented). Default 1. */
    pickUpType?: number
    /** createbarcode answering 20001 (§3: "retry after ~5–10 s"): tries per attempt and the wait between them. Default 3 × 5000 ms. */
    barcodeWait?: Readonly<{ attempts?: number; delayMs?: number }>
    /** Waits between 20001 answers; tests pass one that does not really wait. */
    sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  }> &
  // retry: backoff for retryable failures of whole operations (the referenceId makes repeats safe).
  // onExchange: password, client secret and tokens redacted.
  ConnectorHttpOptions

/** getshipmentstatus, read (§3). */
export type MngShipmentStatus = Readonly<{
  referenceId: string
  shipmentId: string | null
  /** Raw shipmentStatusCode (1–8) and shipmentStatus text. */
  statusCode: string
  statusText: string
  isDelivered: boolean
  /** ISO-8601, when MNG gave a readable deliveryDateTime. */
  deliveredAt: string | null
  trackingUrl: string | null
  status: TrackingStatus | null
}>

export type MngQuote = Readonly<{ priceKurus: number; finalTotal: number }>

/** The port plus MNG's extras: the status query and the price calculation. */
export type MngConnector = CarrierConnector &
  PortMethods<'cancelShipment' | 'track'> &
  Readonly<{
    id: typeof CarrierId.mng
    /** The referenceId (= carrierShipmentId = trackingNumber) createShipment uses for this key. */
    referenceIdFor(idempotencyKey: string): string
    status(referenceId: string, options?: Signal): Promise<MngShipmentStatus>
    /** POST standardqueryapi/calculate: MNG's price for these packages to that il/ilçe. */
    calculate(input: MngQuoteInput, options?: Signal): Promise<MngQuote>
  }>

/** §3 [HT]: the public tracking page takes the shipmentId. */
export const mngTrackingUrl = (shipmentId: string): string => `https://kargotakip.dhlecommerce.com.tr/?takipNo=${encodeURIComponent(shipmentId)}`

const isKind = (err: unknown, kind: MngFaultKind) => isAppError(err) && err.meta.faultKind === kind
const isNotFound = (err: unknown) => isAppError(err) && err.code === ErrorCode.carrierNotFound

/** createbarcode's answer → our shipment: one shipmentId, the ZPL of every piece in piece order (§13). */
function fromBarcode(referenceId: string, elements: readonly MngBarcodeElement[]): CreatedShipment {
  const ids = [...new Set(elements.map((e) => e.shipmentId))]
  const shipmentId = ids[0] ?? ''
  if (ids.length !== 1) {
    // Retrying is safe: the next attempt finds the stored shipment with getshipment instead.
    throw new AppError(ErrorCode.carrierBadResponse, `MNG Kargo createbarcode answered ${ids.length} shipmentIds for ${referenceId}`, {
      retryable: true,
      meta: { referenceId, shipmentIds: ids },
    })
  }
  const zpl = elements
    .flatMap((e) => e.barcodes)
    .sort((a, b) => a.pieceNumber - b.pieceNumber)
    .map((b) => b.value)
    .filter((v) => v.includes('^XA'))
  const label = zpl.length > 0 ? new Uint8Array(Buffer.from(zpl.join('\n'), 'utf8')) : null
  return {
    carrierShipmentId: referenceId,
    trackingNumber: referenceId,
    barcode: shipmentId,
    trackingUrl: mngTrackingUrl(shipmentId),
    labelFormat: label ? LabelFormat.zpl : null,
    label,
    costKurus: null,
  }
}

/**
 * A shipment an earlier attempt (or session) made and whose answer was lost. §13 [HT]: MNG does not
 * issue the label again, and a second createbarcode could make a second shipment, so none is asked
 * for: label null, the desk prints its own with the shipmentId as barcode.
 */
function fromExisting(referenceId: string, s: MngShipmentInfo['shipment']): CreatedShipment {
  const cost = s.finalTotal === null || s.finalTotal === undefined ? null : kurusFromLira(s.finalTotal)
  return {
    carrierShipmentId: referenceId,
    trackingNumber: referenceId,
    barcode: s.shipmentId,
    trackingUrl: mngTrackingUrl(s.shipmentId),
    labelFormat: null,
    label: null,
    costKurus: cost,
  }
}

/**
 * MNG Kargo = DHL eCommerce Türkiye over REST "Apizone" (docs/reference/carriers.md §3). createShipment is
 * createOrder then createbarcode under a referenceId derived from the idempotency key; after any
 * answer that may have been lost the reference is looked up (getshipment, getorder) before anything
 * is written again, and 3002 is confirmed the same way, so an order and a shipment are made once.
 */
export function createMngConnector(options: MngConnectorOptions): MngConnector {
  const client = new MngClient(options)
  const places = new MngPlaces(client)
  const settings: MngOrderSettings = {
    paymentType: options.paymentType ?? DEFAULT_ORDER_SETTINGS.paymentType,
    packagingType: options.packagingType ?? DEFAULT_ORDER_SETTINGS.packagingType,
    deliveryType: options.deliveryType ?? DEFAULT_ORDER_SETTINGS.deliveryType,
  }
  const waitAttempts = Math.max(1, options.barcodeWait?.attempts ?? 3)
  const waitMs = options.barcodeWait?.delayMs ?? 5_000
  const sleep = options.sleep ?? realSleep
  const retrying = <T>(fn: () => Promise<T>, signal?: AbortSignal) => withRetry(() => fn(), { ...options.retry, signal })

  const findShipment = (referenceId: string, signal?: AbortSignal) =>
    client.call(MngOp.getShipment, { param: referenceId, schema: getShipmentSchema, signal }).then(
      (r) => r.shipment,
      (err: unknown) => (isNotFound(err) ? null : Promise.reject(err)),
    )
  const findOrder = (referenceId: string, signal?: AbortSignal) =>
    client.call(MngOp.getOrder, { param: referenceId, schema: getOrderSchema, signal }).then(
      (r) => r.order,
      (err: unknown) => (isNotFound(err) ? null : Promise.reject(err)),
    )

  /** createbarcode, waiting out 20001 (a definite "not yet": nothing was made, so asking again is safe). */
  async function createBarcode(request: ShipmentRequest, referenceId: string, signal?: AbortSignal): Promise<CreatedShipment> {
    const body = buildCreateBarcodeBody(request, referenceId, settings)
    for (let n = 1; ; n++) {
      try {
        return fromBarcode(referenceId, await client.call(MngOp.createBarcode, { body, schema: createBarcodeSchema, signal }))
      } catch (err) {
        if (!isKind(err, MngFaultKind.notReady) || n >= waitAttempts) throw err
        await sleep(waitMs, signal)
      }
    }
  }

  function referenceOf(trackingNumber: string): string {
    const ref = trackingNumber.trim()
    if (ref === '') throw new AppError(ErrorCode.inputInvalid, 'an MNG Kargo referenceId is needed', { meta: { field: 'trackingNumber' } })
    return ref
  }

  return {
    id: CarrierId.mng,
    displayName: 'MNG Kargo / DHL eCommerce',
    referenceIdFor: mngReferenceId,

    async createShipment(request: ShipmentRequest, call: CallOptions): Promise<CreatedShipment> {
      const referenceId = mngReferenceId(call.idempotencyKey)
      checkShipmentRequest(request)
      const { signal } = call
      // Set before the first write leaves: from then on every attempt looks before it writes.
      let touched = false
      return retrying(async () => {
        const place = await places.resolve(request.recipient.city, request.recipient.district, signal)
        let orderExists = false
        if (touched) {
          const shipment = await findShipment(referenceId, signal)
          if (shipment) return fromExisting(referenceId, shipment)
          orderExists = (await findOrder(referenceId, signal)) !== null
        }
        if (!orderExists) {
          touched = true
          try {
            await client.call(MngOp.createOrder, { body: buildCreateOrderBody(request, referenceId, place, settings), schema: createOrderSchema, signal })
          } catch (err) {
            if (!isKind(err, MngFaultKind.duplicate)) throw err
            // 3002 (§3: "skip to createbarcode"), after checking the order is ours and still alive.
            const shipment = await findShipment(referenceId, signal)
            if (shipment) return fromExisting(referenceId, shipment)
            if (!(await findOrder(referenceId, signal))) {
              throw new AppError(
                ErrorCode.carrierDuplicateReference,
                `MNG Kargo referenceId ${referenceId} belongs to an order that no longer exists (cancelled); a new idempotency key is needed`,
                {
                  meta: { referenceId, cause: (err as AppError).meta },
                },
              )
            }
          }
        }
        return createBarcode(request, referenceId, signal)
      }, signal)
    },

    /**
     * A shipment → cancelshipment, an order not yet made a shipment → cancelorder (§3). Resolves when
     * nothing will ship; a reference MNG does not know is carrier.notFound, unless our own cancel
     * reached MNG in an earlier attempt and only its answer was lost.
     */
    async cancelShipment(trackingNumber: string, o: Signal = {}): Promise<void> {
      const referenceId = referenceOf(trackingNumber)
      if (/^\d{12}$/.test(referenceId)) {
        throw new AppError(
          ErrorCode.inputInvalid,
          `${referenceId} looks like an MNG shipmentId; MNG cancels by referenceId (the shipment's carrierShipmentId)`,
          { meta: { field: 'trackingNumber' } },
        )
      }
      let sent = false
      const acknowledge = (err: unknown) => {
        if (sent && isNotFound(err)) return
        throw err
      }
      await retrying(async () => {
        const shipment = await findShipment(referenceId, o.signal)
        if (shipment) {
          if (shipment.isDelivered || shipment.shipmentStatusCode === '5') {
            throw new AppError(ErrorCode.carrierNotCancellable, `MNG Kargo shipment ${shipment.shipmentId} is already delivered`, {
              meta: { referenceId, shipmentId: shipment.shipmentId },
            })
          }
          sent = true
          return client
            .call(MngOp.cancelShipment, { body: { referenceId, shipmentId: shipment.shipmentId }, schema: null, signal: o.signal })
            .catch(acknowledge)
        }
        if (!(await findOrder(referenceId, o.signal))) {
          if (sent) return
          throw new AppError(ErrorCode.carrierNotFound, `MNG Kargo has no order or shipment under ${referenceId}`, { meta: { referenceId } })
        }
        sent = true
        return client.call(MngOp.cancelOrder, { param: referenceId, schema: null, signal: o.signal }).catch(acknowledge)
      }, o.signal)
    },

    /** trackshipment/{referenceId} (or trackshipmentByShipmentId for a 12-digit shipmentId), oldest first. */
    async track(trackingNumber: string, o: Signal = {}): Promise<readonly TrackingEvent[]> {
      const key = referenceOf(trackingNumber)
      const byShipmentId = /^\d{12}$/.test(key)
      const events = await retrying(
        () => client.call(byShipmentId ? MngOp.trackShipmentByShipmentId : MngOp.trackShipment, { param: key, schema: trackSchema, signal: o.signal }),
        o.signal,
      )
      return mngTimeline(events, new Date((options.now ?? Date.now)()).toISOString())
    },

    async status(referenceId: string, o: Signal = {}): Promise<MngShipmentStatus> {
      const ref = referenceOf(referenceId)
      const s = await retrying(() => client.call(MngOp.getShipmentStatus, { param: ref, schema: shipmentStatusSchema, signal: o.signal }), o.signal)
      const deliveredMs = parseMngDateTime(s.deliveryDateTime)
      return {
        referenceId: ref,
        shipmentId: s.shipmentId || null,
        statusCode: s.shipmentStatusCode,
        statusText: s.shipmentStatus,
        isDelivered: s.isDelivered,
        deliveredAt: deliveredMs === null ? null : new Date(deliveredMs).toISOString(),
        trackingUrl: s.trackingUrl || (s.shipmentId ? mngTrackingUrl(s.shipmentId) : null),
        status: normalizeMngShipmentStatus(s.shipmentStatusCode, s.shipmentStatus, s.isDelivered),
      }
    },

    async calculate(input: MngQuoteInput, o: Signal = {}): Promise<MngQuote> {
      return retrying(async () => {
        const place = await places.resolve(input.city, input.district, o.signal)
        const body = buildCalculateBody(input, place, settings, options.pickUpType ?? 1)
        const { finalTotal } = await client.call(MngOp.calculate, { body, schema: calculateSchema, signal: o.signal })
        return { priceKurus: kurusFromLira(finalTotal), finalTotal }
      }, o.signal)
    },
  }
}
