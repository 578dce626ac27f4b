import type { Address } from '../../../shared/domain/address'
import type { MeasuredPackage } from '../../../shared/domain/box'
import type { LabelFormat, TrackingStatus } from '../../../shared/domain/shipment'

/** What the desk asks a carrier to ship: one order, one or more measured packages. */
export type ShipmentRequest = Readonly<{
  orderNumber: string
  /** Our stable per-shipment reference (sent as reference_no / cargoKey / integration code). */
  referenceNo: string
  /** Carrier-specific service, e.g. ComToHome provider id ("1") or "preference:1". */
  serviceCode: string
  sender: Address
  recipient: Address
  packages: readonly MeasuredPackage[]
  codAmountKurus: number | null
  labelFormat: LabelFormat
  description?: string
}>

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

export type CallOptions = Readonly<{
  /** Stored on the shipment row before the call and reused on every retry. */
  idempotencyKey: string
  signal?: AbortSignal
}>

export type TrackingEvent = Readonly<{
  status: TrackingStatus | null
  rawCode: string
  rawText: string
  at: string
  location: string | null
}>

/**
 * One carrier behind one interface. Adapters parse every response with a schema and map
 * failures to AppErrors with carrier.* codes and a `retryable` flag.
 */
export interface CarrierConnector {
  readonly id: string
  readonly displayName: string
  createShipment(request: ShipmentRequest, options: CallOptions): Promise<CreatedShipment>
  /** `key`: the shipment's carrierShipmentId (the desk passes that); carriers that also take their tracking number say so. */
  cancelShipment?(key: string, options?: { signal?: AbortSignal }): Promise<void>
  /** `key` as for cancelShipment. Events oldest first; an unknown code has status null, never a guess. */
  track?(key: string, options?: { signal?: AbortSignal }): Promise<readonly TrackingEvent[]>
  /**
   * Only for carriers that take a shipper-generated key which their branch scans from the parcel
   * (Yurtiçi cargoKey, Aras integration code, PTT range barcode): the shipment as the desk can label
   * it before any call, with label null (the desk prints its own). Pure and deterministic: a later
   * createShipment with the same idempotency key registers exactly this barcode.
   */
  planOfflineLabel?(request: ShipmentRequest, idempotencyKey: string): CreatedShipment
}
