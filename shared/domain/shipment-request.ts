import type { Address } from './address'
import type { MeasuredPackage } from './box'
import type { LabelFormat } from './shipment'

/**
 * The fields of a shipment request: one order, one or more measured packages. The core's carrier
 * port reads it as a Readonly ShipmentRequest; the sandbox's samples build it (tests may change
 * their own copy), so the shape is written once here, in shared/, which both may import.
 */
export type ShipmentRequestFields = {
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
}

/** What the desk asks a carrier to ship: one order, one or more measured packages. */
export type ShipmentRequest = Readonly<ShipmentRequestFields>
