import type { Address } from '../../shared/domain/address'
import type { MeasuredPackage } from '../../shared/domain/box'

/**
 * A shipment request as the desk builds it: the shape of the core's ShipmentRequest, typed with
 * shared types only so the sandbox stays free of app code. Each carrier's fixtures fill it with a
 * sample its emulator accepts; tests override what they need.
 */
export type SampleShipmentRequest = {
  orderNumber: string
  referenceNo: string
  serviceCode: string
  sender: Address
  recipient: Address
  packages: readonly MeasuredPackage[]
  codAmountKurus: number | null
  labelFormat: 'zpl' | 'pdf'
  description?: string
}
