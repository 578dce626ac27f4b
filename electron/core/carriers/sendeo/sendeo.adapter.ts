import { CarrierId, LabelFormat } from '../../../../shared/domain/shipment'
import { AppError, ErrorCode } from '../../../../shared/errors'
import {
  returnShipmentOf,
  type CallOptions,
  type CarrierConnector,
  type CreatedReturn,
  type CreatedShipment,
  type PortMethods,
  type ReturnRequest,
  type ShipmentRequest,
  type TrackingEvent,
} from '../carrier.port'
import type { CallSignal as Signal, ConnectorHttpOptions } from '../carrier-connector.options'
import { withRetry } from '../../net/retry'
import { requiredOption, tokenLoginOptionsOf } from '../http/cached-token'
import { SendeoClient, SendeoPath } from './sendeo.client'
import {
  buildSetDelivery,
  checkReferencePrefix,
  DEFAULT_REFERENCE_PREFIX,
  isSendeoTrackingNumber,
  returnAsDelivery,
  sendeoReferenceNoFor,
  sendeoReturnReferenceNoFor,
  type SendeoCollectionType,
  type SendeoDeliveryType,
} from './sendeo.delivery'
import { isSendeoDuplicate, isSendeoNotFound, SendeoErrorCode, sendeoCodeOf, sendeoErrorToAppError } from './sendeo.errors'
import { builtinSendeoPlaceIds, type SendeoPlace, type SendeoPlaceIds, type SendeoPlaceLookup } from './sendeo.places'
import { cancelResultSchema, labelResultSchema, lowerKeys, trackResultSchema, type LabelResult, type TrackResult } from './sendeo.schemas'
import { SENDEO_VOID_STATUSES } from './sendeo.status'
import { sendeoTimeline } from './sendeo.timeline'

export { SENDEO_ORIGIN, SENDEO_TEST_CREDENTIALS, SendeoPath } from './sendeo.client'

export type SendeoConnectorOptions = Readonly<{
  /** SENDEO_ORIGIN or an emulator's http://127.0.0.1:port; the /api/... paths are appended. */
  origin: string
  /** LoginAES "musteri" (SENDEO_TEST_CREDENTIALS on the test account). */
  username: string
  /** LoginAES "sifre". */
  password: string
  /** Outbound: 1 = from the account's own location (default), 3 = a supplier's address given in the request. Returns always use 2. */
  deliveryType?: Exclude<SendeoDeliveryType, 2>
  /** CollectionType of COD orders: 1 cash (default), 2 card. */
  codCollectionType?: SendeoCollectionType
  /** Start of every ReferenceNo, 1-6 capitals/digits. Default "KJ". */
  referencePrefix?: string
  /** il/ilçe → Sendeo CityId/DistrictId. Default: the small built-in sample table (sendeo.places.ts). */
  placeIds?: SendeoPlaceLookup
  /** The account location's (warehouse's) ids when fixed by configuration: skips the lookup for a shipment's sender and a return's receiver. */
  senderPlaceIds?: SendeoPlaceIds
  /**
   * Ask GETBARCODE before the first SETDELIVERY of a call (default true). Sendeo documents no
   * "reference exists" error, so a purchase resumed after a crash must look before it buys.
   */
  lookupBeforeCreate?: boolean
  /** Token reuse before a new login. Default 19 h (Sendeo: 20 h). */
  tokenTtlMs?: number
}> &
  ConnectorHttpOptions

/** The port plus Sendeo's extras: the reference it uses and GETBARCODE re-prints (no offline labels: carrier-capabilities.ts). */
export type SendeoConnector = CarrierConnector &
  // createReturn: DeliveryType 2 (customer → location / return); carrierShipmentId = sendeoReturnReferenceNoFor(key).
  // cancelShipment and track: by Sendeo tracking number (digits) or our ReferenceNo; a cancel resolves when nothing will ship.
  PortMethods<'createReturn' | 'cancelShipment' | 'track'> &
  Readonly<{
    id: typeof CarrierId.sendeo
    referenceNoFor(idempotencyKey: string): string
    /** GETBARCODE by ReferenceNo: the ZPL again (type 2, or type 3 for several parcels). */
    reprintLabel(referenceNo: string, options?: Signal & Readonly<{ parcels?: number }>): Promise<Uint8Array>
  }>

const labelTypeFor = (parcels: number): 2 | 3 => (parcels > 1 ? 3 : 2)

/** The ZPL of a label result in parcel order, or null when it does not hold `parcels` labels. Carrier ZPL passes untouched. */
function zplOf(r: LabelResult, parcels: number): Uint8Array | null {
  const list = (r.barcodezpls?.length ? r.barcodezpls : r.barcodezpl ? [r.barcodezpl] : []).map((z) => z.trim()).filter(Boolean)
  if (list.some((z) => !z.startsWith('^XA') || !z.endsWith('^XZ'))) return null
  const count = list.join('\n').match(/\^XA/g)?.length ?? 0
  return count >= parcels && list.length > 0 ? new Uint8Array(Buffer.from(list.join('\n'), 'utf8')) : null
}

const required = (value: string, field: string) => requiredOption('Sendeo', value, field)

/**
 * Sendeo (docs/reference/carriers.md §7, the newer generation of Kolay Gelsin): REST + Bearer token, SETDELIVERY
 * returns the ZPL. The ReferenceNo is ours, derived from the idempotency key, so creating is
 * exactly-once: before buying (lookupBeforeCreate) and after any attempt that may have reached
 * Sendeo (timeout, cut or garbled answer, 5xx, a reference-exists refusal) the connector asks
 * GETBARCODE for that reference and reuses what it finds.
 */
export function createSendeoConnector(options: SendeoConnectorOptions): SendeoConnector {
  const prefix = checkReferencePrefix(options.referencePrefix ?? DEFAULT_REFERENCE_PREFIX)
  const placeIds = options.placeIds ?? builtinSendeoPlaceIds
  const client = new SendeoClient(tokenLoginOptionsOf('Sendeo', options))
  const retrying = <T>(fn: () => Promise<T>, signal?: AbortSignal) => withRetry(() => fn(), { ...options.retry, signal })
  const bad = (message: string, meta: Record<string, unknown>) => new AppError(ErrorCode.carrierBadResponse, message, { retryable: true, meta })

  async function placeOf(party: 'sender' | 'recipient', p: SendeoPlace): Promise<SendeoPlaceIds> {
    const ids = await placeIds(p)
    if (!ids) {
      throw new AppError(ErrorCode.carrierAddressUnresolved, `Sendeo's city/district table has no ${p.district} / ${p.city} (${party}); nothing was sent`, {
        retryable: false,
        meta: { party, city: p.city, district: p.district },
      })
    }
    return ids
  }

  function created(r: LabelResult, referenceNo: string, label: Uint8Array): CreatedShipment {
    const trackingNumber = String(r.trackingnumber).trim()
    if (trackingNumber === '') throw bad(`Sendeo answered for ${referenceNo} without a TrackingNumber`, { referenceNo })
    return {
      carrierShipmentId: referenceNo,
      trackingNumber,
      // The number Sendeo's label encodes for the first parcel; our reference when it sends none.
      barcode: r.barcodenumbers[0] ?? referenceNo,
      trackingUrl: r.trackingurl?.trim() || null,
      // Sendeo gives ZPL when asked (barcodeLabelType 2/3); a desk that asked for PDF still gets ZPL.
      labelFormat: LabelFormat.zpl,
      label,
      costKurus: null,
    }
  }

  async function trackResult(key: string, signal?: AbortSignal): Promise<TrackResult> {
    // The doc names the parameter trackingNumber, Sendeo's Postman collection and C# client trackingNo: both are sent.
    const query: Record<string, string> = isSendeoTrackingNumber(key) ? { trackingNumber: key, trackingNo: key } : { referenceNo: key }
    const r = await client.call({ operation: 'TRACKDELIVERY', method: 'GET', path: SendeoPath.trackDelivery, query }, signal)
    if (!r.ok) throw sendeoErrorToAppError(r.failure, 'TRACKDELIVERY', { key })
    if (r.result === null || r.result === undefined) throw new AppError(ErrorCode.carrierNotFound, `Sendeo has no delivery ${key}`, { meta: { key } })
    const parsed = trackResultSchema.safeParse(lowerKeys(r.result))
    if (!parsed.success) throw bad(`Sendeo TRACKDELIVERY answer for ${key} is unusable: ${parsed.error.issues[0]?.message ?? ''}`, { key })
    return parsed.data
  }

  /**
   * The delivery stored under our reference, or null when Sendeo has none. What GETBARCODE says for an
   * unknown reference is not documented: a not-found wording or any other clean refusal reads as
   * "none". An enveloped server error (StatusCode 5xx) is thrown to be retried, except when `lenient`:
   * before this call has sent any SETDELIVERY it cannot have lost one, so it reads as "none" too
   * (otherwise a GETBARCODE that answers 500 for unknown references would block every purchase).
   */
  async function lookup(
    referenceNo: string,
    parcels: number,
    signal?: AbortSignal,
    o: Readonly<{ checkVoid?: boolean; lenient?: boolean }> = {},
  ): Promise<CreatedShipment | null> {
    const body = { referenceNo, barcodeLabelType: labelTypeFor(parcels) }
    const r = await client.call({ operation: 'GETBARCODE', method: 'POST', path: SendeoPath.getBarcode, body }, signal)
    if (!r.ok) {
      if (isSendeoNotFound(r.failure)) return null
      const err = sendeoErrorToAppError(r.failure, 'GETBARCODE', { referenceNo })
      if (err.code === ErrorCode.carrierAuth || err.code === ErrorCode.carrierRateLimited || (err.retryable && !o.lenient)) throw err
      return null
    }
    const raw = lowerKeys(r.result) as Record<string, unknown> | null
    if (raw === null || typeof raw !== 'object' || raw.trackingnumber === null || raw.trackingnumber === undefined || raw.trackingnumber === '') return null
    const parsed = labelResultSchema.safeParse(raw)
    if (!parsed.success) throw bad(`Sendeo GETBARCODE answer for ${referenceNo} is unusable`, { referenceNo })
    const label = zplOf(parsed.data, parcels)
    if (!label) throw bad(`Sendeo GETBARCODE for ${referenceNo} holds fewer than ${parcels} ZPL labels`, { referenceNo })
    const found = created(parsed.data, referenceNo, label)
    if (o.checkVoid === false) return found
    const state = await trackResult(referenceNo, signal).then(
      (t) => t.state ?? null,
      (err: unknown) => {
        if (err instanceof AppError && err.retryable) throw err
        return null // GETBARCODE already proved the delivery exists; a refused track says nothing about cancellation
      },
    )
    if (state !== null && SENDEO_VOID_STATUSES.has(state)) {
      throw new AppError(
        ErrorCode.carrierDuplicateReference,
        `Sendeo already has ${referenceNo}, cancelled (${state}): this shipment needs a new idempotency key`,
        {
          retryable: false,
          meta: { referenceNo, state },
        },
      )
    }
    return found
  }

  /**
   * SETDELIVERY exactly once under our reference: look before buying (lookupBeforeCreate) and after
   * any attempt that may have reached Sendeo, and reuse what GETBARCODE finds.
   */
  async function purchase(
    request: ShipmentRequest,
    referenceNo: string,
    places: Readonly<{ sender: SendeoPlaceIds; receiver: SendeoPlaceIds }>,
    deliveryType: SendeoDeliveryType,
    signal?: AbortSignal,
  ): Promise<CreatedShipment> {
    const parcels = request.packages.length
    const settings = { deliveryType, codCollectionType: options.codCollectionType ?? 1, barcodeLabelType: labelTypeFor(parcels) } as const
    const body = buildSetDelivery(request, referenceNo, places, settings)
    let mayExist = options.lookupBeforeCreate ?? true
    let sent = false
    return retrying(async () => {
      if (mayExist) {
        const found = await lookup(referenceNo, parcels, signal, { lenient: !sent })
        if (found) return found
      }
      mayExist = true // from here on an attempt may have stored the delivery, whatever it throws
      sent = true
      const r = await client.call({ operation: 'SETDELIVERY', method: 'POST', path: SendeoPath.setDelivery, body }, signal)
      if (!r.ok) {
        if (isSendeoDuplicate(r.failure) && sendeoCodeOf(r.failure) === null) {
          const found = await lookup(referenceNo, parcels, signal)
          if (found) return found
        }
        throw sendeoErrorToAppError(r.failure, 'SETDELIVERY', { referenceNo })
      }
      const parsed = labelResultSchema.safeParse(lowerKeys(r.result))
      if (!parsed.success)
        throw bad(`Sendeo SETDELIVERY answer for ${referenceNo} is unusable: ${parsed.error.issues[0]?.path.join('.') ?? ''}`, { referenceNo })
      const label = zplOf(parsed.data, parcels)
      if (label) return created(parsed.data, referenceNo, label)
      // Stored without (all) its labels: GETBARCODE gives them; failing that, the next attempt looks again.
      const again = await lookup(referenceNo, parcels, signal)
      if (again) return again
      throw bad(`Sendeo created ${referenceNo} but neither the answer nor GETBARCODE holds its ${parcels} label(s)`, { referenceNo })
    }, signal)
  }

  return {
    id: CarrierId.sendeo,
    displayName: 'Sendeo',
    referenceNoFor: (key) => sendeoReferenceNoFor(key, prefix),

    async createShipment(request: ShipmentRequest, call: CallOptions): Promise<CreatedShipment> {
      const referenceNo = sendeoReferenceNoFor(call.idempotencyKey, prefix)
      const sender = options.senderPlaceIds ?? (await placeOf('sender', request.sender))
      const receiver = await placeOf('recipient', request.recipient)
      return purchase(request, referenceNo, { sender, receiver }, options.deliveryType ?? 1, call.signal)
    },

    /**
     * A return shipment (kind 'shipment'): SETDELIVERY with DeliveryType 2 "customer → location /
     * return" (docs/reference/carriers.md §7), the customer as Sender and the warehouse as Receiver, bought exactly
     * once and labelled like createShipment, under sendeoReturnReferenceNoFor(key).
     */
    async createReturn(request: ReturnRequest, call: CallOptions): Promise<CreatedReturn> {
      const referenceNo = sendeoReturnReferenceNoFor(call.idempotencyKey, prefix)
      const delivery = returnAsDelivery(request)
      const sender = await placeOf('sender', request.sender)
      // The warehouse is the account's location: its configured ids when there are some.
      const receiver = options.senderPlaceIds ?? (await placeOf('recipient', request.recipient))
      const s = await purchase(delivery, referenceNo, { sender, receiver }, 2, call.signal)
      return returnShipmentOf(s)
    },

    async cancelShipment(trackingNumberOrReference, o = {}) {
      const key = required(trackingNumberOrReference.trim(), 'trackingNumber')
      const query: Record<string, string> = isSendeoTrackingNumber(key) ? { trackingNumber: key } : { referenceNo: key }
      await retrying(async () => {
        const r = await client.call({ operation: 'CANCELDELIVERY', method: 'POST', path: SendeoPath.cancelDelivery, query }, o.signal)
        if (r.ok) {
          const parsed = r.result === null ? { success: true as const, data: { issuccess: true } } : cancelResultSchema.safeParse(lowerKeys(r.result))
          if (!parsed.success) throw bad(`Sendeo CANCELDELIVERY answer for ${key} is unusable`, { key })
          if (!parsed.data.issuccess) throw new AppError(ErrorCode.carrierNotCancellable, `Sendeo did not cancel ${key} (IsSuccess false)`, { meta: { key } })
          return
        }
        if (sendeoCodeOf(r.failure) === SendeoErrorCode.alreadySent) {
          // 703 also answers a repeat cancel (cancel works only in 101): a cancelled delivery is what the caller wants.
          const state = (await trackResult(key, o.signal)).state ?? null
          if (state !== null && SENDEO_VOID_STATUSES.has(state)) return
        }
        throw sendeoErrorToAppError(r.failure, 'CANCELDELIVERY', { key })
      }, o.signal)
    },

    async track(trackingNumberOrReference, o = {}) {
      const key = required(trackingNumberOrReference.trim(), 'trackingNumber')
      const result = await retrying(() => trackResult(key, o.signal), o.signal)
      return sendeoTimeline(result, key)
    },

    async reprintLabel(referenceNo, o = {}) {
      const ref = required(referenceNo.trim(), 'referenceNo')
      const parcels = o.parcels ?? 1
      if (!Number.isInteger(parcels) || parcels < 1 || parcels > 999)
        throw new AppError(ErrorCode.inputInvalid, `parcels must be 1-999, got ${parcels}`, { meta: { field: 'parcels' } })
      if (isSendeoTrackingNumber(ref))
        throw new AppError(ErrorCode.inputInvalid, `${ref} is a tracking number; GETBARCODE takes the ReferenceNo (carrierShipmentId)`, {
          meta: { field: 'referenceNo' },
        })
      return retrying(async () => {
        const found = await lookup(ref, parcels, o.signal, { checkVoid: false })
        if (!found?.label) throw new AppError(ErrorCode.carrierNotFound, `Sendeo has no labels for ${ref}`, { meta: { referenceNo: ref } })
        return found.label
      }, o.signal)
    },
  }
}
