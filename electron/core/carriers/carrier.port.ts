import type { Address } from '../../../shared/domain/address'
import type { MeasuredPackage } from '../../../shared/domain/box'
import type { LabelFormat } from '../../../shared/domain/shipment'
import type { ShipmentRequest } from '../../../shared/domain/shipment-request'
import type { TimelineEvent } from '../../../shared/tracking/timeline'

export type { ShipmentRequest }

export type CreatedShipment = Readonly<{
  carrierShipmentId: string
  trackingNumber: string
  /** The code printed as the label's barcode. */
  barcode: string
  trackingUrl: string | null
  labelFormat: LabelFormat | null
  /** Raw label bytes from the carrier (ZPL or PDF), or null when the desk renders its own. */
  label: Uint8Array | null
  costKurus: number | null
}>

/**
 * The shipment as the desk labels it before any call (planOfflineLabel): known by the one key the carrier's branch
 * scans, with nothing from the carrier yet (no label: the desk prints its own; no tracking link, no price).
 */
export function offlineShipment(key: string): CreatedShipment {
  return { carrierShipmentId: key, trackingNumber: key, barcode: key, trackingUrl: null, labelFormat: null, label: null, costKurus: null }
}

export type CallOptions = Readonly<{
  /** Stored on the shipment row before the call and reused on every retry. */
  idempotencyKey: string
  signal?: AbortSignal
}>

/** A carrier's tracking event: the same record the timeline stores and shows. */
export type TrackingEvent = TimelineEvent

/**
 * A return: the customer sends the parcel back to the seller's warehouse. Carriers offer it in one of
 * two ways (docs/reference/carriers.md): a return code the customer gives at any branch (Yurtiçi
 * saveReturnShipmentCode), or a return shipment with its own tracking number and label (Sürat
 * `Iademi`, Sendeo DeliveryType 2 "customer → location/return").
 */
export type ReturnRequest = Readonly<{
  orderNumber: string
  /** Our stable reference for this return; the carrier-side key (return code, reference) is derived from it. */
  referenceNo: string
  /** The outbound shipment this return belongs to. */
  original: Readonly<{ carrierShipmentId: string; trackingNumber: string }>
  /** The customer, who sends the return. */
  sender: Address
  /** The seller's warehouse, which receives it. */
  recipient: Address
  packages: readonly MeasuredPackage[]
  labelFormat: LabelFormat
  /** First and last day (YYYY-MM-DD, Turkish time) a return code may be used. */
  validFrom: string
  validUntil: string
}>

export type CreatedReturn = Readonly<{
  /** 'code': the customer gives `returnCode` at a branch; 'shipment': a return shipment with its own tracking number. */
  kind: 'code' | 'shipment'
  /** What the customer quotes or the branch scans: the return code, or the return shipment's barcode. */
  returnCode: string
  carrierShipmentId: string | null
  trackingNumber: string | null
  /** The code printed as the return slip's barcode. */
  barcode: string
  labelFormat: LabelFormat | null
  /** The carrier's return label (ZPL or PDF), or null when the desk prints its own slip. */
  label: Uint8Array | null
  /** Last day the code is valid (YYYY-MM-DD), when the carrier has such a limit. */
  validUntil: string | null
}>

/** A return made as a shipment of its own (Sürat, Sendeo): its barcode is what the customer quotes and the branch scans; no validity limit. */
export function returnShipmentOf(s: CreatedShipment): CreatedReturn {
  return {
    kind: 'shipment',
    returnCode: s.barcode,
    carrierShipmentId: s.carrierShipmentId,
    trackingNumber: s.trackingNumber,
    barcode: s.barcode,
    labelFormat: s.labelFormat,
    label: s.label,
    validUntil: null,
  }
}

/**
 * One carrier behind one interface. Adapters parse every response with a schema and map
 * failures to AppErrors with carrier.* codes and a `retryable` flag. Which optional methods a
 * carrier offers is declared in carrier-capabilities.ts; the registry builds each connector to
 * its declaration, and the desk reads the declaration, not the methods.
 */
export interface CarrierConnector {
  readonly id: string
  readonly displayName: string
  createShipment(request: ShipmentRequest, options: CallOptions): Promise<CreatedShipment>
  /** `key`: the shipment's carrierShipmentId (the desk passes that); carriers that also take their tracking number say so. */
  cancelShipment?(key: string, options?: { signal?: AbortSignal }): Promise<void>
  /** `key` as for cancelShipment. Events oldest first; an unknown code has status null, never a guess. */
  track?(key: string, options?: { signal?: AbortSignal }): Promise<readonly TrackingEvent[]>
  /** Many keys in one call (capabilities.batchTracking): events per key; keys the carrier does not report are left out. */
  trackMany?(keys: readonly string[], options?: { signal?: AbortSignal }): Promise<ReadonlyMap<string, readonly TrackingEvent[]>>
  /**
   * capabilities.offlineLabels: only for carriers that take a shipper-generated key which their branch scans from the parcel
   * (Yurtiçi cargoKey, Aras integration code, PTT range barcode): the shipment as the desk can label
   * it before any call, with label null (the desk prints its own). Pure and deterministic: a later
   * createShipment with the same idempotency key registers exactly this barcode.
   */
  planOfflineLabel?(request: ShipmentRequest, idempotencyKey: string): CreatedShipment
  /**
   * capabilities.returns: only for carriers with a documented return operation. Exactly-once like createShipment: the
   * carrier-side key is derived from `options.idempotencyKey`, and a retry after a lost answer finds
   * the return made by the first call instead of making a second.
   */
  createReturn?(request: ReturnRequest, options: CallOptions): Promise<CreatedReturn>
}

/** Optional port methods a connector always has: its own type says so with `CarrierConnector & PortMethods<'cancelShipment' | 'track'>`. */
export type PortMethods<M extends keyof CarrierConnector> = Required<Pick<CarrierConnector, M>>
